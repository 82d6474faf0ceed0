import { FragmentDefinitionNode, Kind, OperationDefinitionNode, parse } from "graphql";
import { Role, maskNik } from "@sertakan/schema";
import { createDonor, registerWorkers } from "../../test/fixtures";
import { TestServer, startTestServer } from "../../test/test-server";
import { readPool } from "../../database/replicas";
import { CATALOG, CompiledReads } from "../../compiled-reads";
import { createSchema } from "../../schema";

// The PLKK counter's question: was this NIK covered on this day? Answered at the HTTP edge
// by one compiled statement, and the same by the general path.
let clock = new Date("2024-03-10T03:00:00Z");
let t: TestServer;
/** The same API without compiled reads, on the same database: the general path. */
let general: TestServer;
const niks: Record<string, string> = {};
const ids: Record<string, string> = {};
const tokens: Record<string, string> = {};

const CHECK = `query($nik: String!, $date: Date!) { coverageCheck(nik: $nik, date: $date) {
  nik date covered coveredThrough coveredBy { month } worker { id fullName } } }`;
// Every field, in an unusual order, with a fragment and __typename.
const FULL = `query Counter($nik: String!, $date: Date!) {
  coverageCheck(nik: $nik, date: $date) {
    __typename covered ...Who nik date coveredThrough
    coveredBy { __typename id month amount status } } }
  fragment Who on CoverageCheck { worker { __typename id nik fullName coverageStatus coveredThrough village { name parent { code } } } }`;

// The counter's own question, without the day or the NIK back (the benchmark's shape).
const SMALL = `query($nik: String!, $date: Date!) {
  coverageCheck(nik: $nik, date: $date) { covered coveredBy { month } worker { id fullName } } }`;

beforeAll(async () => {
  t = await startTestServer({}, { now: () => clock });
  general = await startTestServer(
    { COMPILED_READS: "false" },
    { now: () => clock, shareDatabaseWith: t },
  );
  const [klaten] = await registerWorkers(t, 1, { namePrefix: "Loket" });
  const [boyolali] = await registerWorkers(t, 1, { village: "33.09.01.2001", namePrefix: "Luar" });
  Object.assign(ids, { klaten, boyolali });
  for (const r of await t.server.dataSource.query(`SELECT id, nik FROM worker`))
    niks[r.id === klaten ? "klaten" : "boyolali"] = r.nik;
  const donor = await createDonor(t, "PT Loket Klaten", "COMPANY");
  for (const [workerIds, startMonth, months] of [
    [[klaten], "2024-03", 3],
    [[klaten], "2024-07", 2],
    [[boyolali], "2024-03", 1],
  ] as const) {
    const res = await t.gql(
      `mutation($i: SponsorWorkersInput!) { sponsorWorkers(input: $i) { id } }`,
      { i: { donorId: donor, workerIds, package: "JKK_JKM", startMonth, months } },
    );
    expect(res.errors).toBeUndefined();
  }
  const paid = await t.gql(
    `mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { unallocated } }`,
    {
      i: { donorId: donor, amount: 6 * 16_800, reference: "LOKET-1", paidAt: clock.toISOString() },
    },
  );
  expect(paid.data!.recordPayment.unallocated).toBe(0);
  tokens.klatenOfficer = await t.tokenFor("OFFICER", "33.10");
  tokens.boyolaliOfficer = await t.tokenFor("OFFICER", "33.09");
  tokens.klatenViewer = await t.tokenFor("VIEWER", "33.10");
  clock = new Date("2024-09-20T03:00:00Z");
}, 60_000);
afterAll(async () => {
  await general?.close();
  await t?.close();
});

it.each([
  ["2024-05-31", true, "2024-05"],
  ["2024-06-01", false, null],
  ["2024-07-01", true, "2024-07"],
  ["2024-02-29", false, null],
])("answers for %s: covered %s", async (date, covered, month) => {
  const res = await t.gql(CHECK, { nik: niks.klaten, date });
  expect(res.errors).toBeUndefined();
  expect(res.data!.coverageCheck).toEqual({
    nik: maskNik(niks.klaten),
    date,
    covered,
    coveredThrough: "2024-08",
    coveredBy: month ? { month } : null,
    worker: { id: ids.klaten, fullName: "Loket 0001" },
  });
});

it("answers an unknown NIK as not covered, without a worker", async () => {
  const res = await t.gql(CHECK, { nik: "3310014101900999", date: "2024-05-01" });
  expect(res.data!.coverageCheck).toEqual({
    nik: "3310********0999",
    date: "2024-05-01",
    covered: false,
    coveredThrough: null,
    coveredBy: null,
    worker: null,
  });
});

it("answers in one SQL statement, at the HTTP edge", async () => {
  const direct = jest.spyOn(CompiledReads.prototype, "compile");
  const pooled = jest.spyOn(readPool(t.server.dataSource), "query");
  try {
    // The sign-in is cached per token: nothing goes through TypeORM…
    const typeorm = await t.countQueries(() =>
      t.gql(CHECK, { nik: niks.klaten, date: "2024-04-02" }),
    );
    expect(typeorm).toBe(0);
    // …and the check is one statement, straight to the pool.
    expect(pooled).toHaveBeenCalledTimes(1);
    expect(direct).toHaveBeenCalledTimes(1);
  } finally {
    direct.mockRestore();
    pooled.mockRestore();
  }
});

it("compares the NIK so its unique index serves the generic plan the pool runs", async () => {
  const document = parse(FULL);
  const operation = document.definitions[0] as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const reads = new CompiledReads(
    await createSchema(),
    CATALOG,
    () => readPool(t.server.dataSource),
    () => clock,
  );
  const scoped = { role: Role.OFFICER, regionScope: "33.10" };
  const compiled = reads.compile(operation, fragments, scoped, {
    nik: niks.klaten,
    date: "2024-05-02",
  });
  if ("reason" in compiled) throw new Error(compiled.reason);
  const { text, values } = compiled;
  const runner = t.server.dataSource.createQueryRunner();
  try {
    await runner.query(`PREPARE counter_check AS ${text}`);
    await runner.query(`SET plan_cache_mode = force_generic_plan`);
    const literals = values.map((v) => `'${String(v)}'`).join(", ");
    const plan: { "QUERY PLAN": string }[] = await runner.query(
      `EXPLAIN EXECUTE counter_check(${literals})`,
    );
    const text_ = plan.map((r) => r["QUERY PLAN"]).join("\n");
    // On this test's two workers the planner may pick any index; what must hold is that the
    // NIK is compared as char(16), which worker_nik_key serves. Compared as text (the column
    // cast, "(nik)::text") it scanned all 220,000 workers in the benchmark.
    expect(text_).toMatch(/\bnik = \(?\$1\)?(::bpchar)?\)/);
    expect(text_).not.toContain("(nik)::text");
    expect(text_).toContain("contribution_paid_idx");
  } finally {
    await runner.query(`DEALLOCATE ALL`).catch(() => undefined);
    await runner.query(`RESET plan_cache_mode`).catch(() => undefined);
    await runner.release();
  }
});

describe("the compiled answer equals the general path's", () => {
  it.each([
    ["admin", "klaten", "2024-05-31"],
    ["admin", "klaten", "2024-06-15"],
    ["admin", "boyolali", "2024-03-01"],
    ["klatenOfficer", "klaten", "2024-08-31"],
    ["klatenOfficer", "boyolali", "2024-03-01"],
    ["boyolaliOfficer", "klaten", "2024-05-01"],
    ["admin", "unknown", "2024-05-01"],
  ])("%s checking the %s NIK on %s", async (caller, who, date) => {
    const gql = caller === "admin" ? t.gql : t.as(tokens[caller]);
    const generalGql = caller === "admin" ? general.gql : general.as(tokens[caller]);
    const nik = niks[who] ?? "3310014101900999";
    const direct = jest.spyOn(CompiledReads.prototype, "compile");
    try {
      for (const query of [FULL, SMALL]) {
        direct.mockClear();
        const compiled = await gql(query, { nik, date });
        const answer = await generalGql(query, { nik, date });
        // The edge compiled the first; the other server answered through Apollo.
        expect(direct).toHaveBeenCalledTimes(1);
        expect(direct.mock.results[0].value).not.toHaveProperty("reason");
        expect(compiled.errors).toBeUndefined();
        // Same JSON, key for key and in the same order.
        expect(JSON.stringify(compiled.data)).toBe(JSON.stringify(answer.data));
      }
    } finally {
      direct.mockRestore();
    }
  });

  it("leaves a VIEWER and a malformed NIK to the general path, which refuses them", async () => {
    const viewer = await t.as(tokens.klatenViewer)(FULL, {
      nik: niks.klaten,
      date: "2024-05-01",
    });
    expect(viewer.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const bad = await t.gql(CHECK, { nik: "12", date: "2024-05-01" });
    expect(bad.errors?.[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fieldErrors: [{ field: "nik" }],
    });
    const badDate = await t.gql(CHECK, { nik: niks.klaten, date: "2024-02-30" });
    expect(badDate.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });
});
