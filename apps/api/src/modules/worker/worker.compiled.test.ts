import { TestServer, startTestServer } from "../../test/test-server";
import { Paths, asJson, startPaths } from "../../test/compare-paths";
import { seedDemo } from "../../database/seed/demo-seed";
import { readPool } from "../../database/replicas";

// The compiled worker reads answer exactly as the general path (a server with
// COMPILED_READS=false, on the same database): pages, orders, cursors, masking and scope.
let paths: Paths;
beforeAll(async () => {
  paths = await startPaths();
}, 120_000);
afterAll(() => paths?.close());

const FIELDS = `id nik fullName gender birthDate occupation phone membershipNumber coveredThrough createdAt updatedAt coverageStatus
  village { code name level parent { code name level } }
  sponsorships { id package months monthlyContribution declaredIncome startMonth endMonth cancelReason createdAt donor { id name kind } }`;
const page = (args: string) =>
  `{ workers(${args}) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { ${FIELDS} } } } }`;

describe("compiled worker reads", () => {
  it.each([
    "first: 50",
    `first: 50, filter: { regionCode: "33.10.02" }`,
    `first: 20, filter: { regionCode: "33.10", occupation: [FARMER, TRADER], coverageStatus: [ACTIVE, ARREARS] }`,
    `first: 10, filter: { search: "siti" }`,
    `first: 10, filter: { search: "3310" }`,
    `first: 7, orderBy: { field: CREATED_AT, direction: ASC }`,
    `first: 9, orderBy: { field: COVERED_THROUGH, direction: DESC }`,
  ])("answers %s exactly as the general path", async (args) => {
    const { compiled, general, reasons } = await paths.both("ADMIN", page(args));
    expect(reasons).toEqual([null]);
    expect(compiled.errors).toBeUndefined();
    expect(asJson(compiled)).toBe(asJson(general));
    expect((compiled.data as any).workers.edges.length).toBeGreaterThan(0);
  });

  it("answers a later page and its totalCount exactly as the general path, twice over", async () => {
    const first = await paths.on.gql(
      `{ workers(first: 30, filter: { regionCode: "33.10.03" }) { pageInfo { endCursor } } }`,
    );
    const after = first.data!.workers.pageInfo.endCursor;
    const q = page(`first: 30, after: "${after}", filter: { regionCode: "33.10.03" }`);
    // The second compiled call reuses the statement built by the first.
    const a = await paths.both("ADMIN", q);
    const again = await paths.both("ADMIN", q);
    expect(asJson(a.compiled)).toBe(asJson(a.general));
    expect(asJson(again.compiled)).toBe(asJson(a.general));
    expect((a.compiled.data as any).workers.pageInfo.hasPreviousPage).toBe(true);
  });

  it("sends one statement for the page, its count, villages and sponsors", async () => {
    const pool = jest.spyOn(readPool(paths.on.server.dataSource), "query");
    try {
      const typeorm = await paths.on.countQueries(() => paths.on.gql(page("first: 50")));
      expect(typeorm).toBe(0); // the sign-in is cached per token
      expect(pool).toHaveBeenCalledTimes(1);
    } finally {
      pool.mockRestore();
    }
    const general = await paths.off.countQueries(() => paths.off.gql(page("first: 50")));
    expect(general).toBeGreaterThan(1);
  });

  it("plans its prepared statements once per connection, not on every call", async () => {
    // Left to choose, PostgreSQL re-planned the page on every call (docs/performance.md).
    const pool = readPool(paths.on.server.dataSource);
    const { rows } = await pool.query("SHOW plan_cache_mode");
    expect(rows[0].plan_cache_mode).toBe("force_generic_plan");
    // TypeORM's statements keep plans made for their values (a rare name, a region's level).
    const [typeorm] = await paths.on.server.dataSource.query("SHOW plan_cache_mode");
    expect(typeorm.plan_cache_mode).toBe("auto");
  });

  it.each(["CREATED_AT", "FULL_NAME", "COVERED_THROUGH"])(
    "walks pages ordered by %s with cursors that either path accepts",
    async (field) => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let n = 0; n < 4; n++) {
        const server = n % 2 === 0 ? paths.on : paths.off;
        const res: any = await server.gql(
          `query($a: String) { workers(first: 25, after: $a, orderBy: { field: ${field}, direction: DESC }, filter: { regionCode: "33.10.01" }) { pageInfo { endCursor hasNextPage } nodes { id } } }`,
          { a: after },
        );
        seen.push(...res.data.workers.nodes.map((w: { id: string }) => w.id));
        after = res.data.workers.pageInfo.endCursor;
      }
      const all = await paths.off.gql(
        `{ workers(first: 100, orderBy: { field: ${field}, direction: DESC }, filter: { regionCode: "33.10.01" }) { nodes { id } } }`,
      );
      expect(seen.length).toBeGreaterThan(25);
      expect(seen).toEqual(
        all.data!.workers.nodes.slice(0, seen.length).map((w: { id: string }) => w.id),
      );
    },
  );

  it("masks personal data for a VIEWER and keeps the scope, like the general path", async () => {
    const { compiled, general, reasons } = await paths.both("VIEWER", page("first: 30"));
    expect(reasons).toEqual([null]);
    expect(asJson(compiled)).toBe(asJson(general));
    const nodes = (compiled.data as any).workers.edges.map((e: { node: any }) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    for (const n of nodes) {
      expect(n.nik).toMatch(/^\d{4}\*{8}\d{4}$/);
      expect(n.phone).toBeNull();
      expect(n.birthDate).toBeNull();
      expect(n.village.code.startsWith("33.10.")).toBe(true);
    }
  });

  it("answers workerByNik and worker the same both ways, and null outside the scope", async () => {
    const { data } = await paths.on.gql(
      `{ workers(first: 3, filter: { regionCode: "33.10.05" }) { nodes { id nik } } }`,
    );
    for (const { id, nik } of data!.workers.nodes) {
      const q = `query($n: String!, $id: ID!) { workerByNik(nik: $n) { ${FIELDS} } worker(id: $id) { fullName } }`;
      const { compiled, general, reasons } = await paths.both("ADMIN", q, { n: nik, id });
      expect(reasons).toEqual([null]);
      expect(asJson(compiled)).toBe(asJson(general));
      expect((compiled.data as any).workerByNik.nik).toBe(nik);
      // The officer's scope is another district: not found, both ways.
      const outside = await paths.both("OFFICER", q, { n: nik, id });
      expect(asJson(outside.compiled)).toBe(asJson({ data: { workerByNik: null, worker: null } }));
      expect(asJson(outside.general)).toBe(asJson(outside.compiled));
    }
  });
});

describe("compiled worker reads across a month's end", () => {
  it("judges the coverage-status filter by the current month, not the month its statement was built in", async () => {
    let now = new Date("2026-11-15T03:00:00Z");
    const s: TestServer = await startTestServer({}, { now: () => now });
    const general = await startTestServer(
      { COMPILED_READS: "false" },
      { now: () => now, shareDatabaseWith: s },
    );
    try {
      await seedDemo(s.server.dataSource, { currentMonth: "2026-11" });
      const q = `{ workers(first: 200, filter: { coverageStatus: [ACTIVE] }) { totalCount nodes { coverageStatus } } }`;
      const november = await s.gql(q);
      now = new Date("2027-06-15T03:00:00Z"); // months later, most cover has run out
      const june = await s.gql(q);
      expect(asJson(june)).toBe(asJson(await general.gql(q)));
      expect(june.data!.workers.totalCount).toBeLessThan(november.data!.workers.totalCount);
    } finally {
      await general.close();
      await s.close();
    }
  }, 60_000);
});
