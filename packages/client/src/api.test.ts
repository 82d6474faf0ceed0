import { parse } from "graphql";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import {
  AccidentReportsDocument,
  AgentCommissionsDocument,
  ContributionQuoteDocument,
  CoverageCheckDocument,
  CoverageStatsDocument,
  SertakanError,
  SponsorshipsDocument,
  WorkersDocument,
  createClient,
  walkConnection,
} from "./index";
import { apiUrl, createApiKey, rawGraphQL } from "./test/api";

// Against the built API on its own PostgreSQL with the Klaten demo (5,000 workers) and
// API_KEY_SAFELIST=true: every document below comes from operations/*.graphql.
let klatenKey: string;
beforeAll(async () => {
  klatenKey = await createApiKey("VIEWER", "33.10");
});

describe("the client against the real API", () => {
  it("walks every Klaten worker over pages of 200 with the generated Workers document", async () => {
    const client = createClient({ url: apiUrl(), apiKey: klatenKey });
    const first = await client.request(WorkersDocument, { regionCode: "33.10", first: 200 });
    const ids = new Set<string>();
    let pages = 0;
    for await (const worker of walkConnection(async (after) => {
      pages++;
      return (await client.request(WorkersDocument, { regionCode: "33.10", first: 200, after }))
        .workers;
    })) {
      expect(worker.village.code.startsWith("33.10.")).toBe(true);
      // A VIEWER key sees NIKs masked.
      expect(worker.nik).toMatch(/^\d{4}\*{8}\d{4}$/);
      ids.add(worker.id);
    }
    expect(first.workers.totalCount).toBe(5_000);
    expect(ids.size).toBe(5_000);
    expect(pages).toBe(25);
  });

  it("walks a connection read through edges too", async () => {
    const client = createClient({ url: apiUrl(), apiKey: klatenKey });
    const { sponsorships } = await client.request(SponsorshipsDocument, {
      regionCode: "33.10",
      first: 1,
    });
    let seen = 0;
    for await (const s of walkConnection(
      async (after) =>
        (await client.request(SponsorshipsDocument, { regionCode: "33.10", first: 200, after }))
          .sponsorships,
    )) {
      expect(s.monthlyContribution === 16_800 || s.monthlyContribution === 36_800).toBe(true);
      seen++;
    }
    expect(sponsorships.totalCount).toBeGreaterThan(200);
    expect(seen).toBe(sponsorships.totalCount);
  });

  it("prices a quote with no key at all: Rp36,800 a month, 12 months for 3 workers", async () => {
    const client = createClient({ url: apiUrl() });
    const { contributionQuote: q } = await client.request(ContributionQuoteDocument, {
      package: "JKK_JKM_JHT",
      months: 12,
      workers: 3,
    });
    expect(q).toMatchObject({ jkk: 10_000, jkm: 6_800, jht: 20_000, monthly: 36_800 });
    expect(q.total).toBe(36_800 * 12 * 3);
  });

  it("surfaces the API's code: a region outside the key's scope is FORBIDDEN", async () => {
    const client = createClient({ url: apiUrl(), apiKey: klatenKey });
    const error = await client
      .request(CoverageStatsDocument, { regionCode: "33.09" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SertakanError);
    expect((error as SertakanError).code).toBe("FORBIDDEN");
  });

  it("is refused OPERATION_NOT_ALLOWED (403) for a document not in the client package", async () => {
    const client = createClient({ url: apiUrl(), apiKey: klatenKey });
    const other = parse(
      `query { coverageStats(regionCode: "33.10") { active } }`,
    ) as TypedDocumentNode<unknown, Record<string, never>>;
    await expect(client.request(other)).rejects.toMatchObject({
      code: "OPERATION_NOT_ALLOWED",
      status: 403,
    });
  });

  it("reads the accident reports and the agents' fees with a VIEWER key, and checks cover at the counter with an OFFICER key", async () => {
    const viewer = createClient({ url: apiUrl(), apiKey: klatenKey });
    const { accidentReports } = await viewer.request(AccidentReportsDocument, {
      regionCode: "33.10",
      first: 200,
    });
    expect(accidentReports.totalCount).toBeGreaterThan(100);
    const statuses = new Set(accidentReports.nodes.map((r) => r.status));
    expect(statuses).toEqual(new Set(["ACCEPTED", "NOT_COVERED"]));
    for (const r of accidentReports.nodes)
      expect(r.coveredBy === null).toBe(r.status === "NOT_COVERED");
    const { agentCommissions } = await viewer.request(AgentCommissionsDocument, {
      month: accidentReports.nodes[0].occurredAt.slice(0, 7),
    });
    expect(agentCommissions.length).toBeGreaterThan(0);
    for (const c of agentCommissions) expect(c.agentFee).toBe(c.acquisitionFee + c.contributionFee);
    // The counter check is for officers: a VIEWER key is refused.
    await expect(
      viewer.request(CoverageCheckDocument, { nik: "3310010101900001", date: "2026-01-01" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    const officer = createClient({ url: apiUrl(), apiKey: await createApiKey("OFFICER", "33.10") });
    const { workers } = await officer.request(WorkersDocument, { regionCode: "33.10", first: 200 });
    const paid = workers.nodes.filter((w) => w.coveredThrough).slice(0, 5);
    expect(paid.length).toBeGreaterThan(0);
    for (const w of paid) {
      const { coverageCheck } = await officer.request(CoverageCheckDocument, {
        nik: w.nik,
        date: `${w.coveredThrough}-28`,
      });
      expect(coverageCheck).toEqual({
        nik: `${w.nik.slice(0, 4)}********${w.nik.slice(-4)}`,
        date: `${w.coveredThrough}-28`,
        covered: true,
        coveredThrough: w.coveredThrough,
        coveredBy: { month: w.coveredThrough },
        worker: { id: w.id, fullName: w.fullName },
      });
    }
  });

  it("runs over automatic persisted queries: the hash alone works once the API has the text", async () => {
    const client = createClient({ url: apiUrl(), apiKey: klatenKey, persistedQueries: true });
    const first = await client.request(CoverageStatsDocument, { regionCode: "33.10.01" });
    expect(first.coverageStats.region.name).toBe("Prambanan");
    // Now the bare hash is enough, from any program.
    const { print } = await import("graphql");
    const { createHash } = await import("node:crypto");
    const hash = createHash("sha256").update(print(CoverageStatsDocument)).digest("hex");
    const bare = await rawGraphQL(undefined, { regionCode: "33.10.01" }, klatenKey, {
      persistedQuery: { version: 1, sha256Hash: hash },
    });
    expect(bare.status).toBe(200);
    expect(bare.body.data.coverageStats.registeredWorkers).toBe(
      first.coverageStats.registeredWorkers,
    );
  });
});
