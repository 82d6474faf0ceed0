import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { TestServer, startTestServer } from "../../test/test-server";
import { documentHash, isOperationAllowed, loadSafelist, readOperations } from "./safelist";
import type { Viewer } from "../../modules/auth/viewer";
import { Role } from "@sertakan/schema";

const CLIENT_OPERATIONS = path.resolve(__dirname, "../../../../../packages/client/operations");
const clientDocument = (file: string) =>
  fs.readFileSync(path.join(CLIENT_OPERATIONS, file), "utf8");
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

// A raw POST, for requests the test helpers do not make: hash-only, extensions.
async function post(t: TestServer, body: object, token?: string) {
  const res = await fetch(`${t.baseUrl}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function apiKey(t: TestServer, role: string, regionScope: string | null) {
  const res = await t.gql(
    `mutation($r: Role!, $s: ID) { createApiKey(name: "program", role: $r, regionScope: $s) { secret } }`,
    { r: role, s: regionScope },
  );
  return res.data!.createApiKey.secret as string;
}

describe("document hashes and the safelist check", () => {
  const key: Viewer = {
    kind: "apiKey",
    id: "k",
    actor: "api-key:k",
    role: Role.VIEWER,
    regionScope: null,
  };
  const user: Viewer = { ...key, kind: "user", actor: "a@b.c" };
  const quote = "query Q { contributionQuote(package: JKK_JKM) { monthly } }";

  it("hashes the same document the same despite spacing, comments and fragment order", () => {
    const a = `query W { workers { nodes { ...A ...B } } } fragment A on Worker { id } fragment B on Worker { nik }`;
    const b = `# a comment\nquery W {\n  workers { nodes { ...A, ...B } }\n}\nfragment B on Worker { nik }\nfragment A on Worker { id }`;
    expect(documentHash(a)).toBe(documentHash(b));
    expect(documentHash(a)).not.toBe(documentHash(a.replace("{ nik }", "{ nik fullName }")));
  });

  it("holds only API keys, and only when switched on", () => {
    const on = { enabled: true, operations: new Map([[documentHash(quote), "Q"]]) };
    const other = "{ me { email } }";
    expect(isOperationAllowed(on, key, quote)).toBe(true);
    expect(isOperationAllowed(on, key, other)).toBe(false);
    expect(isOperationAllowed(on, key, "query {")).toBe(false);
    expect(isOperationAllowed(on, user, other)).toBe(true);
    expect(isOperationAllowed(on, null, other)).toBe(true);
    expect(isOperationAllowed({ ...on, enabled: false }, key, other)).toBe(true);
  });

  it("registers every operation of the client package, and refuses to start with none", () => {
    const names = [...readOperations(CLIENT_OPERATIONS).values()];
    expect(names).toEqual(
      expect.arrayContaining(["Workers", "CoverageStats", "ContributionQuote"]),
    );
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "no-operations-"));
    expect(() => loadSafelist(true, empty)).toThrow("API_KEY_SAFELIST is on");
    expect(loadSafelist(false, empty).enabled).toBe(false);
  });
});

describe("automatic persisted queries", () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it("answers a bare hash with PERSISTED_QUERY_NOT_FOUND, then runs it once registered", async () => {
    const query = `query Quote($n: Int) { contributionQuote(package: JKK_JKM, months: $n) { monthly total } }`;
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };
    const unknown = await post(t, { extensions, variables: { n: 2 } });
    expect(unknown.body.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");

    const registered = await post(t, { query, extensions, variables: { n: 2 } });
    expect(registered.body.data.contributionQuote).toEqual({ monthly: 16_800, total: 33_600 });

    const bare = await post(t, { extensions, variables: { n: 12 } });
    expect(bare.status).toBe(200);
    expect(bare.body.data.contributionQuote).toEqual({ monthly: 16_800, total: 201_600 });
  });

  it("refuses a hash that does not match the text sent with it", async () => {
    const query = `{ contributionQuote(package: JKK_JKM_JHT) { monthly } }`;
    const res = await post(t, {
      query,
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query + " ") } },
    });
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
  });
});

describe("API_KEY_SAFELIST=true", () => {
  let t: TestServer;
  let nationalKey: string;
  beforeAll(async () => {
    t = await startTestServer({ API_KEY_SAFELIST: "true" });
    nationalKey = await apiKey(t, "ADMIN", null);
  });
  afterAll(() => t.close());

  it("lets an API key run the client package's documents, as sent or reformatted", async () => {
    const text = clientDocument("coverage-stats.graphql");
    const asSent = await t.as(nationalKey)(text, { regionCode: "33.10" });
    expect(asSent.errors).toBeUndefined();
    expect(asSent.data!.coverageStats.region.name).toBe("Kabupaten Klaten");
    const squeezed = await t.as(nationalKey)(text.replace(/#.*\n/g, "").replace(/\s+/g, " "), {
      regionCode: "33.10.01",
    });
    expect(squeezed.data!.coverageStats.region.name).toBe("Prambanan");
  });

  it("refuses any other document with OPERATION_NOT_ALLOWED and HTTP 403, before it runs", async () => {
    const edited = clientDocument("coverage-stats.graphql").replace("lapsed", "lapsed __typename");
    const res = await t.as(nationalKey)(edited, { regionCode: "33.10" });
    expect(res.status).toBe(403);
    expect(res.data).toBeUndefined();
    expect(res.errors![0].extensions!.code).toBe("OPERATION_NOT_ALLOWED");
    expect(res.errors![0].message).toContain("@sertakan/client");
  });

  it("holds for the worker reads answered at the HTTP edge too", async () => {
    // `workers` is answered before Apollo when it can be (graphql/direct-answers.ts).
    const unlisted = await t.as(nationalKey)(`{ workers(first: 2) { nodes { id } } }`);
    expect(unlisted.status).toBe(403);
    expect(unlisted.errors![0].extensions!.code).toBe("OPERATION_NOT_ALLOWED");
    const listed = await t.as(nationalKey)(clientDocument("workers.graphql"), {
      regionCode: "33.10",
      first: 2,
    });
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.workers.nodes).toEqual(expect.any(Array));
  });

  it("changes nothing when a key's mutation is refused", async () => {
    const count = async () => (await t.gql(`{ donors { totalCount } }`)).data!.donors.totalCount;
    const before = await count();
    const res = await t.as(nationalKey)(
      `mutation { createDonor(input: { kind: INDIVIDUAL, name: "Bu Sari", regionCode: "33.10" }) { id } }`,
    );
    expect(res.status).toBe(403);
    expect(res.errors![0].extensions!.code).toBe("OPERATION_NOT_ALLOWED");
    expect(await count()).toBe(before);
  });

  it("does not let a key register an unlisted document for persisted queries", async () => {
    const query = `{ regions(level: PROVINCE) { code } }`;
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };
    expect((await post(t, { query, extensions }, nationalKey)).status).toBe(403);
    // A user's session may run it, and thereby registers it, but the key is still refused.
    expect((await post(t, { query, extensions }, undefined)).body.data.regions).toHaveLength(38);
    const bare = await post(t, { extensions }, nationalKey);
    expect(bare.status).toBe(403);
    expect(bare.body.errors[0].extensions.code).toBe("OPERATION_NOT_ALLOWED");
  });

  it("leaves users free: a session runs any operation its role allows", async () => {
    const res = await t.gql(`{ regions(parentCode: "33.10", first: 3) { code } }`);
    expect(res.status).toBe(200);
    expect(res.data!.regions).toHaveLength(3);
  });
});

describe("without API_KEY_SAFELIST", () => {
  it("lets an API key run any document", async () => {
    const t = await startTestServer();
    try {
      const key = await apiKey(t, "VIEWER", "33.10");
      const res = await t.as(key)(`{ coverageStats(regionCode: "33.10") { registeredWorkers } }`);
      expect(res.data).toEqual({ coverageStats: { registeredWorkers: 0 } });
    } finally {
      await t.close();
    }
  });
});
