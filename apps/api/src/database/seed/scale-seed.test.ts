import { parseNik } from "@sertakan/schema";
import { TestServer, startTestServer } from "../../test/test-server";
import { seedScale } from "./scale-seed";

// The scale seed at a small size: the same generator as 220,000 or 2,000,000 workers.
let t: TestServer;
let summary: Awaited<ReturnType<typeof seedScale>>;
const phases = new Set<string>();
beforeAll(async () => {
  t = await startTestServer({}, { now: () => new Date("2026-11-15T03:00:00Z") });
  summary = await seedScale(t.server.dataSource, {
    workers: 3_000,
    regionCode: "33.10.01",
    currentMonth: "2026-11",
    progress: (p) => phases.add(p),
  });
}, 60_000);
afterAll(() => t.close());

describe("scale seed", () => {
  it("fills every village of the region with valid NIKs and reports its progress", async () => {
    expect(summary).toMatchObject({ workers: 3_000, donors: 27 });
    expect([...phases]).toEqual([
      "workers",
      "donors",
      "sponsorships",
      "contributions",
      "payments",
      "allocations",
      "roll-ups",
      "indexes",
    ]);
    const rows: { nik: string; gender: string; birth_date: string; village_code: string }[] =
      await t.server.dataSource.query(
        `SELECT nik, gender, birth_date::text, village_code FROM worker ORDER BY random() LIMIT 300`,
      );
    for (const r of rows) {
      const info = parseNik(r.nik);
      expect([info.gender, info.birthDate.slice(2)]).toEqual([r.gender, r.birth_date.slice(2)]);
      expect(r.village_code.startsWith("33.10.01.")).toBe(true);
    }
    const [{ villages }] = await t.server.dataSource.query(
      `SELECT count(DISTINCT village_code)::int AS villages FROM worker`,
    );
    const [{ total }] = await t.server.dataSource.query(
      `SELECT count(*)::int AS total FROM region WHERE parent_code = '33.10.01'`,
    );
    expect(villages).toBe(total);
  });

  it("keeps money whole: each paid month fully allocated, each donor's paid + credit = received", async () => {
    const [row] = await t.server.dataSource.query(`SELECT
      (SELECT count(*) FROM contribution c WHERE c.status = 'PAID' AND c.amount <> (SELECT sum(amount) FROM allocation WHERE contribution_id = c.id))::int AS misallocated,
      (SELECT count(*) FROM payment p WHERE p.amount < (SELECT coalesce(sum(amount), 0) FROM allocation WHERE payment_id = p.id))::int AS overdrawn,
      (SELECT count(*) FROM contribution WHERE status = 'PAID')::int AS paid`);
    expect(row).toMatchObject({ misallocated: 0, overdrawn: 0 });
    expect(row.paid).toBeGreaterThan(1_000);
  });

  it("leaves roll-ups that answer like the rule: every status present in the current month", async () => {
    const res = await t.gql(
      `{ coverageStats(regionCode: "33.10.01") { registeredWorkers active arrears lapsed uncovered } }`,
    );
    const s = res.data!.coverageStats;
    expect(s.registeredWorkers).toBe(3_000);
    for (const k of ["active", "arrears", "lapsed", "uncovered"]) expect(s[k]).toBeGreaterThan(0);
    const filtered = await t.gql(
      `{ workers(filter: { coverageStatus: [ACTIVE] }) { totalCount } }`,
    );
    expect(filtered.data!.workers.totalCount).toBe(s.active);
  });
});
