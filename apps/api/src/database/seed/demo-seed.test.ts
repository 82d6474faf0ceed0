import fs from "node:fs";
import path from "node:path";
import { TestServer, startTestServer } from "../../test/test-server";
import { seedDemo } from "./demo-seed";

// The demo as npm start loads it, into a fresh database, with the history ending in 2026-11.
let t: TestServer;
let summary: Awaited<ReturnType<typeof seedDemo>>;
beforeAll(async () => {
  // The server's clock stands in the month the history ends in.
  t = await startTestServer({}, { now: () => new Date("2026-11-15T03:00:00Z") });
  summary = await seedDemo(t.server.dataSource, {
    currentMonth: "2026-11",
    now: new Date("2026-11-15T03:00:00Z"),
  });
}, 60_000);
afterAll(() => t.close());

describe("demo data", () => {
  it("has Klaten's registry: 16 PLKK, agents, ~200 donors of every kind, 5,000 workers in all 401 villages", async () => {
    expect(summary).toMatchObject({ workers: 5000 });
    const [row] = await t.server.dataSource.query(`SELECT
      (SELECT count(*) FROM partner WHERE kind LIKE 'PLKK%')::int AS plkk,
      (SELECT count(*) FROM partner WHERE kind = 'PERISAI_AGENT')::int AS agents,
      (SELECT count(DISTINCT kind) FROM donor)::int AS donor_kinds,
      (SELECT count(*) FROM donor)::int AS donors,
      (SELECT count(DISTINCT village_code) FROM worker WHERE regency_code = '33.10')::int AS villages`);
    expect(row).toMatchObject({ plkk: 16, agents: 10, donor_kinds: 8, villages: 401 });
    expect(row.donors).toBeGreaterThanOrEqual(180);
  });

  it("gives the donors of the sample bank file their numbers, so its rows match", async () => {
    const rows: { account_number: string }[] = await t.server.dataSource.query(
      `SELECT account_number FROM donor WHERE account_number IS NOT NULL ORDER BY 1`,
    );
    expect(rows.map((r) => r.account_number)).toEqual([
      "SRT-0101",
      "SRT-0102",
      "VA8808001",
      "VA8808004",
    ]);
    const sample = fs.readFileSync(
      path.resolve(__dirname, "../../../../../docs/samples/mutasi-bank-contoh.csv"),
      "utf8",
    );
    for (const r of rows) expect(sample).toContain(r.account_number);
  });

  it("shows every coverage status in the current month", async () => {
    const q = (s: string) =>
      t.gql(`{ workers(filter: { regionCode: "33.10", coverageStatus: [${s}] }) { totalCount } }`);
    const [active, arrears, lapsed, uncovered] = await Promise.all(
      ["ACTIVE", "ARREARS", "LAPSED", "UNCOVERED"].map(
        async (s) => (await q(s)).data!.workers.totalCount,
      ),
    );
    expect(active).toBeGreaterThan(300);
    expect(arrears).toBeGreaterThan(20);
    expect(lapsed).toBeGreaterThan(20);
    expect(uncovered).toBeGreaterThan(1000);
    expect(active + arrears + lapsed + uncovered).toBe(5000);
    // The SQL filter and the field agree, status by status.
    for (const status of ["ACTIVE", "ARREARS", "LAPSED", "UNCOVERED"]) {
      const page = await t.gql(
        `{ workers(first: 200, filter: { coverageStatus: [${status}] }) { nodes { coverageStatus } } }`,
      );
      expect(
        new Set(page.data!.workers.nodes.map((n: { coverageStatus: string }) => n.coverageStatus)),
      ).toEqual(new Set([status]));
    }
  });

  it("cancels some pledges, freeing their unpaid months and keeping the paid ones", async () => {
    const [row] = await t.server.dataSource.query(`SELECT
      (SELECT count(*) FROM sponsorship WHERE cancelled_at IS NOT NULL)::int AS cancelled,
      (SELECT count(*) FROM contribution c JOIN sponsorship s ON s.id = c.sponsorship_id
        WHERE s.cancelled_at IS NOT NULL AND c.status = 'DUE')::int AS still_due`);
    expect(row.cancelled).toBeGreaterThan(10);
    expect(row.still_due).toBe(0);
  });

  it("keeps every rupiah: for each donor, allocated + credit = received, and no month is covered twice", async () => {
    // No payment gives more than it had; every paid month is paid exactly; no money sits on an unpaid month.
    const [problems] = await t.server.dataSource.query(`SELECT
      (SELECT count(*) FROM payment p WHERE p.amount < (SELECT coalesce(sum(amount), 0) FROM allocation WHERE payment_id = p.id))::int AS overdrawn,
      (SELECT count(*) FROM contribution c WHERE c.status = 'PAID' AND c.amount <> (SELECT sum(amount) FROM allocation WHERE contribution_id = c.id))::int AS misallocated,
      (SELECT count(*) FROM allocation a JOIN contribution c ON c.id = a.contribution_id WHERE c.status <> 'PAID')::int AS stray,
      (SELECT count(*) FROM (SELECT worker_id, month FROM contribution WHERE status <> 'CANCELLED' GROUP BY 1, 2 HAVING count(*) > 1) x)::int AS doubled`);
    expect(problems).toEqual({ overdrawn: 0, misallocated: 0, stray: 0, doubled: 0 });
    const donors = await t.gql(
      `{ donors(first: 200) { nodes { id summary { paid credit committed outstanding } } } }`,
    );
    const received = new Map<string, number>(
      (
        await t.server.dataSource.query(
          `SELECT donor_id, sum(amount)::bigint AS total FROM payment GROUP BY donor_id`,
        )
      ).map((r: { donor_id: string; total: string }) => [r.donor_id, Number(r.total)]),
    );
    for (const d of donors.data!.donors.nodes) {
      expect(d.summary.paid + d.summary.credit).toBe(received.get(d.id) ?? 0);
      expect(d.summary.committed - d.summary.paid).toBe(d.summary.outstanding);
    }
    const [{ n }] = await t.server.dataSource.query(`SELECT count(*)::int AS n FROM payment`);
    expect(n).toBe(summary.payments);
    expect(summary.sponsorships).toBeGreaterThan(1000);
  });

  it("has accidents reported by all 16 PLKK over 18 months: covered, not covered and late, decided as reportAccident decides", async () => {
    const [row] = await t.server.dataSource.query(`SELECT
      count(*)::int AS reports,
      count(DISTINCT partner_id)::int AS plkk,
      count(DISTINCT cover_month)::int AS months,
      count(*) FILTER (WHERE status = 'ACCEPTED')::int AS accepted,
      count(*) FILTER (WHERE status = 'NOT_COVERED')::int AS not_covered,
      count(*) FILTER (WHERE late)::int AS late,
      max(occurred_at) AS last_accident, max(created_at) AS last_report,
      -- The decision agrees with the paid months, and lateness with the 48-hour rule.
      count(*) FILTER (WHERE (status = 'ACCEPTED') <> EXISTS (
        SELECT 1 FROM contribution c WHERE c.worker_id = a.worker_id AND c.status = 'PAID'
           AND c.month = date_trunc('month', a.occurred_at AT TIME ZONE 'Asia/Jakarta')::date))::int AS misjudged,
      count(*) FILTER (WHERE late <> (created_at - occurred_at > interval '48 hours'))::int AS mislabelled
      FROM accident_report a`);
    expect(row.reports).toBe(summary.accidentReports);
    expect(row).toMatchObject({ plkk: 16, months: 18, misjudged: 0, mislabelled: 0 });
    expect(row.accepted).toBeGreaterThan(row.reports / 3);
    expect(row.not_covered).toBeGreaterThan(20);
    expect(row.late).toBeGreaterThan(10);
    expect(row.last_report.getTime()).toBeLessThanOrEqual(Date.parse("2026-11-15T03:00:00Z"));
    const month = await t.gql(
      `{ accidentSummary(regionCode: "33.10", month: "2026-10") { total { total accepted } } }`,
    );
    expect(month.data!.accidentSummary.total.total).toBeGreaterThan(5);
  });

  it("has Perisai agents who earned fees last month", async () => {
    const res = await t.gql(`{ agentCommissions(month: "2026-10", regionCode: "33.10") {
      paidMonths agentFee suspended } }`);
    expect(res.errors).toBeUndefined();
    const earning = res.data!.agentCommissions.filter((c: { agentFee: number }) => c.agentFee > 0);
    expect(earning.length).toBeGreaterThanOrEqual(3);
  });

  it("is deterministic: the same seed and month give the same rows", async () => {
    const other = await startTestServer();
    try {
      await seedDemo(other.server.dataSource, {
        currentMonth: "2026-11",
        now: new Date("2026-11-15T03:00:00Z"),
      });
      const digest = (db: typeof t.server.dataSource) =>
        db.query(`SELECT md5(string_agg(s.id::text || s.worker_id || s.start_month || coalesce(w.covered_through::text, ''), ',' ORDER BY s.id)) AS h
                    FROM sponsorship s JOIN worker w ON w.id = s.worker_id`);
      expect(await digest(other.server.dataSource)).toEqual(await digest(t.server.dataSource));
    } finally {
      await other.close();
    }
  });
});
