import { Client } from "pg";
import {
  ContributionStatus,
  SponsorshipStatus,
  addMonths,
  contributionFigures,
  contributionFiguresSql,
  paymentAllocation,
  paymentAllocationSql,
  sponsorshipStatus,
  sponsorshipStatusCaseSql,
} from "@sertakan/schema";
import { createTestDatabase } from "../../test/test-database";
import { mulberry32 } from "../../database/seed/prng";

// The SQL twins in @sertakan/schema (sponsorship.sql.ts, figures.sql.ts), which the compiled
// reads use, agree with their pure rules on a table of cases. The figures read temporary
// tables of the same names, which PostgreSQL looks up before the real ones. The donor's
// summary reads donor_totals, kept by triggers on the real tables: donor-totals.test.ts.
let db: Client;
let drop: () => Promise<void>;
beforeAll(async () => {
  const created = await createTestDatabase();
  drop = created.drop;
  db = new Client({ connectionString: created.url });
  await db.connect();
}, 60_000);
afterAll(async () => {
  await db?.end();
  await drop?.();
});

/** The JSON PostgreSQL builds for these expressions, as a client parses it. */
async function json(sql: string, values: unknown[] = []): Promise<any> {
  const { rows } = await db.query(`SELECT (${sql})::text AS j`, values);
  return JSON.parse(rows[0].j);
}

describe("sponsorshipStatusCaseSql agrees with sponsorshipStatus", () => {
  const current = "2026-11";
  const cases: [boolean, number, number, string][] = [];
  for (const cancelled of [false, true])
    for (const [months, paidMonths] of [
      [0, 0],
      [3, 0],
      [3, 1],
      [3, 2],
      [3, 3],
      [1, 1],
      [12, 12],
      [2, 3],
    ])
      for (const end of [-13, -1, 0, 1, 12])
        cases.push([cancelled, months, paidMonths, addMonths(current, end)]);

  it.each(["2026-11", "2026-12", "2027-01", "2025-12"])("in %s", async (month) => {
    const values = cases.map(
      ([cancelled, months, paid, end]) => `(${cancelled}, ${months}, ${paid}, date '${end}-01')`,
    );
    const statuses = await json(
      `SELECT json_agg(${sponsorshipStatusCaseSql(
        {
          cancelled: "v.cancelled",
          months: "v.months",
          paidMonths: "v.paid",
          endMonth: "v.end_month",
        },
        "$1::date",
      )} ORDER BY v.n) FROM (SELECT *, row_number() OVER () AS n FROM (VALUES ${values.join(", ")}) v(cancelled, months, paid, end_month)) v`,
      [`${month}-01`],
    );
    const expected = cases.map(([cancelled, months, paidMonths, endMonth]) =>
      sponsorshipStatus({ cancelled, months, paidMonths, endMonth }, month),
    );
    expect(statuses).toEqual(expected);
    // The table covers every status.
    expect(new Set(expected)).toEqual(new Set(Object.values(SponsorshipStatus)));
  });
});

describe("the money figures agree with their pure rules", () => {
  const current = "2026-11";
  const random = mulberry32(17);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const statuses = Object.values(ContributionStatus);
  type Row = { id: number; donor: number; worker: number; cancelled: boolean };
  const sponsorships: Row[] = [];
  const contributions: {
    id: number;
    sponsorship: number;
    donor: number;
    worker: number;
    month: string;
    amount: number;
    status: ContributionStatus;
  }[] = [];
  const payments: { id: number; donor: number; amount: number; allocations: number[] }[] = [];
  // Donor 0 has nothing at all; the others a few pledges, months of every status, payments
  // with and without allocations.
  for (let donor = 1; donor <= 12; donor++) {
    for (let k = 0; k < 1 + Math.floor(random() * 4); k++) {
      const s: Row = {
        id: sponsorships.length + 1,
        donor,
        worker: 1 + Math.floor(random() * 6),
        cancelled: random() < 0.25,
      };
      sponsorships.push(s);
      const start = Math.floor(random() * 6) - 4;
      for (let m = 0; m < 1 + Math.floor(random() * 5); m++)
        contributions.push({
          id: contributions.length + 1,
          sponsorship: s.id,
          donor,
          worker: s.worker,
          month: addMonths(current, start + m),
          amount: pick([16_800, 36_800, 50_400]),
          status: pick(statuses),
        });
    }
    for (let k = 0; k < Math.floor(random() * 3); k++) {
      const allocations = Array.from({ length: Math.floor(random() * 3) }, () =>
        pick([16_800, 36_800]),
      );
      payments.push({
        id: payments.length + 1,
        donor,
        amount: allocations.reduce((a, b) => a + b, 0) + pick([0, 3_000, 100_000]) || 16_800,
        allocations,
      });
    }
  }
  // The second sponsorship has no months: every figure is 0.
  contributions.splice(
    0,
    contributions.length,
    ...contributions.filter((c) => c.sponsorship !== 2),
  );

  beforeAll(async () => {
    await db.query(
      `CREATE TEMP TABLE sponsorship (id int, donor_id int, worker_id int, cancelled_at timestamptz)`,
    );
    await db.query(
      `CREATE TEMP TABLE contribution (id int, sponsorship_id int, donor_id int, worker_id int, month date, amount bigint, status text)`,
    );
    await db.query(`CREATE TEMP TABLE payment (id int, donor_id int, amount bigint)`);
    await db.query(
      `CREATE TEMP TABLE allocation (payment_id int, contribution_id int, amount bigint)`,
    );
    await db.query(
      `INSERT INTO sponsorship SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::timestamptz[])`,
      [
        sponsorships.map((s) => s.id),
        sponsorships.map((s) => s.donor),
        sponsorships.map((s) => s.worker),
        sponsorships.map((s) => (s.cancelled ? "2026-10-01T00:00:00Z" : null)),
      ],
    );
    await db.query(
      `INSERT INTO contribution SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::date[], $6::bigint[], $7::text[])`,
      [
        contributions.map((c) => c.id),
        contributions.map((c) => c.sponsorship),
        contributions.map((c) => c.donor),
        contributions.map((c) => c.worker),
        contributions.map((c) => `${c.month}-01`),
        contributions.map((c) => c.amount),
        contributions.map((c) => c.status),
      ],
    );
    await db.query(`INSERT INTO payment SELECT * FROM unnest($1::int[], $2::int[], $3::bigint[])`, [
      payments.map((p) => p.id),
      payments.map((p) => p.donor),
      payments.map((p) => p.amount),
    ]);
    const allocations = payments.flatMap((p) =>
      p.allocations.map((amount, i) => [p.id, i + 1, amount]),
    );
    await db.query(
      `INSERT INTO allocation SELECT * FROM unnest($1::int[], $2::int[], $3::bigint[])`,
      [allocations.map((a) => a[0]), allocations.map((a) => a[1]), allocations.map((a) => a[2])],
    );
  });

  it("sponsorships' months: contributionFiguresSql", async () => {
    const f = contributionFiguresSql("c");
    const figures = await json(
      `SELECT json_agg((SELECT json_build_object('liveMonths', ${f.liveMonths}, 'paidMonths', ${f.paidMonths}, 'total', ${f.total}, 'paid', ${f.paid})
          FROM contribution c WHERE c.sponsorship_id = s.id) ORDER BY s.id) FROM sponsorship s`,
    );
    expect(figures).toEqual(
      sponsorships.map((s) =>
        contributionFigures(contributions.filter((c) => c.sponsorship === s.id)),
      ),
    );
    expect(figures[1]).toEqual({ liveMonths: 0, paidMonths: 0, total: 0, paid: 0 });
  });

  it("payments: paymentAllocationSql", async () => {
    const a = paymentAllocationSql("p");
    const figures = await json(
      `SELECT json_agg(json_build_object('allocated', ${a.allocated}, 'unallocated', ${a.unallocated}) ORDER BY p.id) FROM payment p`,
    );
    expect(figures).toEqual(payments.map((p) => paymentAllocation(p.amount, p.allocations)));
    expect(payments.some((p) => p.allocations.length === 0)).toBe(true);
  });
});
