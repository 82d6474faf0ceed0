import { TestServer, startTestServer } from "../../test/test-server";
import { seedDemo } from "../../database/seed/demo-seed";
import { readPool } from "../../database/replicas";

// The compiled worker page must answer exactly as the general path. A directive anywhere
// in the selection sends a query down the general path, so each query is asked both ways.
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({}, { now: () => new Date("2026-11-15T03:00:00Z") });
  await seedDemo(t.server.dataSource, { currentMonth: "2026-11" });
}, 60_000);
afterAll(() => t.close());

const FIELDS = `id nik fullName gender birthDate occupation phone membershipNumber coveredThrough createdAt updatedAt coverageStatus
  village { code name level parent { code name level } }
  sponsorships { id package months monthlyContribution declaredIncome startMonth endMonth cancelReason createdAt donor { id name kind } }`;
const both = (args: string) => ({
  compiled: `{ workers(${args}) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { ${FIELDS} } } } }`,
  general: `{ workers(${args}) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id @include(if: true) ${FIELDS} } } } }`,
});

describe("compiled worker page", () => {
  it.each([
    "first: 50",
    `first: 50, filter: { regionCode: "33.10.02" }`,
    `first: 20, filter: { regionCode: "33.10", occupation: [FARMER, TRADER], coverageStatus: [ACTIVE, ARREARS] }`,
    `first: 10, filter: { search: "siti" }`,
    `first: 7, orderBy: { field: CREATED_AT, direction: ASC }`,
  ])("answers %s exactly as the general path", async (args) => {
    const { compiled, general } = both(args);
    const [a, b] = await Promise.all([t.gql(compiled), t.gql(general)]);
    expect(a.errors).toBeUndefined();
    expect(a.data).toEqual(b.data);
    expect(a.data!.workers.edges.length).toBeGreaterThan(0);
  });

  it("answers a later page and its totalCount exactly as the general path, twice over", async () => {
    const first = await t.gql(
      `{ workers(first: 30, filter: { regionCode: "33.10.03" }) { pageInfo { endCursor } } }`,
    );
    const after = first.data!.workers.pageInfo.endCursor;
    const { compiled, general } = both(
      `first: 30, after: "${after}", filter: { regionCode: "33.10.03" }`,
    );
    // The second compiled call reuses the statement built by the first.
    const [a, b, again] = [await t.gql(compiled), await t.gql(general), await t.gql(compiled)];
    expect(a.errors).toBeUndefined();
    expect(a.data).toEqual(b.data);
    expect(again.data).toEqual(b.data);
    expect(a.data!.workers.pageInfo.hasPreviousPage).toBe(true);
  });

  it("uses one statement for the page, however many workers and sponsors", async () => {
    const queries = await t.countQueries(() => t.gql(both("first: 50").compiled));
    // The page itself goes straight to the pool; what is counted here is sign-in and totalCount.
    expect(queries).toBeLessThanOrEqual(2);
    const general = await t.countQueries(() => t.gql(both("first: 50").general));
    expect(general).toBeGreaterThan(queries);
  });

  it("plans its prepared statements once per connection, not on every call", async () => {
    // Left to choose, PostgreSQL re-planned the page on every call (docs/performance.md).
    const pool = readPool(t.server.dataSource);
    const { rows } = await pool.query("SHOW plan_cache_mode");
    expect(rows[0].plan_cache_mode).toBe("force_generic_plan");
  });

  it("walks pages with cursors that either path accepts", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 4; page++) {
      const useCompiled = page % 2 === 0;
      const res: any = await t.gql(
        `query($a: String) { workers(first: 25, after: $a, filter: { regionCode: "33.10.01" }) { pageInfo { endCursor hasNextPage } nodes { id ${useCompiled ? "" : "fullName @include(if: true)"} } } }`,
        { a: after },
      );
      seen.push(...res.data.workers.nodes.map((n: { id: string }) => n.id));
      after = res.data.workers.pageInfo.endCursor;
    }
    const all = await t.gql(
      `{ workers(first: 100, filter: { regionCode: "33.10.01" }) { nodes { id fullName @include(if: true) } } }`,
    );
    expect(seen).toEqual(
      all.data!.workers.nodes.slice(0, seen.length).map((n: { id: string }) => n.id),
    );
  });

  it("masks personal data for a VIEWER and keeps the scope, like the general path", async () => {
    const viewer = await t.tokenFor("VIEWER", "33.10.01");
    const { compiled, general } = both("first: 30");
    const [a, b] = await Promise.all([t.as(viewer)(compiled), t.as(viewer)(general)]);
    expect(a.data).toEqual(b.data);
    const nodes = a.data!.workers.edges.map((e: { node: Record<string, any> }) => e.node);
    expect(
      nodes.every(
        (n: Record<string, any>) =>
          /^\d{4}\*{8}\d{4}$/.test(n.nik) && n.phone === null && n.birthDate === null,
      ),
    ).toBe(true);
    expect(nodes.every((n: Record<string, any>) => n.village.code.startsWith("33.10.01."))).toBe(
      true,
    );
  });

  it("answers workerByNik the same both ways, and null outside the scope", async () => {
    const { data } = await t.gql(
      `{ workers(first: 3, filter: { regionCode: "33.10.05" }) { nodes { nik } } }`,
    );
    for (const { nik } of data!.workers.nodes) {
      const q = (extra: string) =>
        `query($n: String!) { workerByNik(nik: $n) { ${extra} ${FIELDS} } }`;
      const [a, b] = await Promise.all([
        t.gql(q(""), { n: nik }),
        t.gql(q("id @include(if: true)"), { n: nik }),
      ]);
      expect(a.data).toEqual(b.data);
      expect(a.data!.workerByNik.nik).toBe(nik);
    }
    const viewer = await t.tokenFor("VIEWER", "33.10.01");
    const outside = await t.as(viewer)(`query($n: String!) { workerByNik(nik: $n) { id } }`, {
      n: data!.workers.nodes[0].nik,
    });
    expect(outside.data).toEqual({ workerByNik: null });
  });
});

describe("compiled worker page across a month's end", () => {
  it("judges the coverage-status filter by the current month, not the month its statement was built in", async () => {
    let now = new Date("2026-11-15T03:00:00Z");
    const s = await startTestServer({}, { now: () => now });
    try {
      await seedDemo(s.server.dataSource, { currentMonth: "2026-11" });
      const q = `{ workers(first: 200, filter: { coverageStatus: [ACTIVE] }) { totalCount nodes { coverageStatus } } }`;
      const november = await s.gql(q);
      now = new Date("2027-06-15T03:00:00Z"); // months later, most cover has run out
      const june = await s.gql(q);
      const general = await s.gql(
        `{ workers(first: 200, filter: { coverageStatus: [ACTIVE] }) { totalCount nodes { coverageStatus @include(if: true) } } }`,
      );
      expect(june.data).toEqual(general.data);
      expect(june.data!.workers.totalCount).toBeLessThan(november.data!.workers.totalCount);
    } finally {
      await s.close();
    }
  }, 60_000);
});
