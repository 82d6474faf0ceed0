import { Client } from "pg";
import {
  ContributionStatus,
  DonorMoney,
  addMonths,
  donorSummary,
  donorSummarySql,
} from "@sertakan/schema";
import { DONOR_TOTALS_RECOUNT } from "../../database/migrations/1765497600000-donor-totals";
import { mulberry32 } from "../../database/seed/prng";
import { createTestDatabase } from "../../test/test-database";

// donor_totals, which PostgreSQL keeps in step with triggers (migration 1765497600000), and
// donorSummarySql, which reads it: after inserts, payments, cancellations, updates and
// deletes spanning several donors per statement, the totals equal a recount of the rows they
// sum, and the summary equals the pure rule donorSummary over those rows.
let db: Client;
let url: string;
let drop: () => Promise<void>;
beforeAll(async () => {
  const created = await createTestDatabase();
  ({ url, drop } = created);
  db = new Client({ connectionString: url });
  await db.connect();
}, 60_000);
afterAll(async () => {
  await db?.end();
  await drop?.();
});

const VILLAGE = "33.10.01.2001";
const CURRENT = "2026-11";

async function ids(sql: string, values: unknown[]): Promise<string[]> {
  return (await db.query(sql, values)).rows.map((r) => r.id);
}

async function addWorkers(count: number, from: number): Promise<string[]> {
  const n = Array.from({ length: count }, (_, i) => from + i);
  return ids(
    `INSERT INTO worker (nik, full_name, gender, birth_date, occupation, village_code, district_code, regency_code, province_code)
     SELECT '3310014101900' || lpad(i::text, 3, '0'), 'Pekerja ' || i, 'FEMALE', date '1980-01-01', 'FARMER',
            $2::text, left($2::text, 8), left($2::text, 5), left($2::text, 2)
       FROM unnest($1::int[]) WITH ORDINALITY AS u(i, k) ORDER BY k RETURNING id`,
    [n, VILLAGE],
  );
}

async function addDonors(count: number, prefix: string): Promise<string[]> {
  const names = Array.from({ length: count }, (_, i) => `${prefix} ${i}`);
  return ids(
    `INSERT INTO donor (kind, name, region_code)
     SELECT 'INDIVIDUAL', name, '33.10' FROM unnest($1::text[]) WITH ORDINALITY AS u(name, k) ORDER BY k RETURNING id`,
    [names],
  );
}

type Pledge = { donor: string; worker: string; start: string; months: number; amount: number };

/** Pledges in one statement, their months DUE in another; returns the sponsorship ids. */
async function pledge(pledges: Pledge[]): Promise<string[]> {
  const sponsorships = await ids(
    `INSERT INTO sponsorship (donor_id, worker_id, package, declared_income, monthly_amount, start_month, months, end_month)
     SELECT donor, worker, 'JKK_JKM', 1000000, amount, start, months, (start + make_interval(months => months - 1))::date
       FROM unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::date[], $5::int[]) WITH ORDINALITY AS u(donor, worker, amount, start, months, k)
      ORDER BY k RETURNING id`,
    [
      pledges.map((p) => p.donor),
      pledges.map((p) => p.worker),
      pledges.map((p) => p.amount),
      pledges.map((p) => `${p.start}-01`),
      pledges.map((p) => p.months),
    ],
  );
  await db.query(
    `INSERT INTO contribution (sponsorship_id, worker_id, donor_id, month, amount)
     SELECT s.id, s.worker_id, s.donor_id, (s.start_month + make_interval(months => m))::date, s.monthly_amount
       FROM sponsorship s, generate_series(0, s.months - 1) AS m WHERE s.id = ANY($1::uuid[])`,
    [sponsorships],
  );
  return sponsorships;
}

/** One payment per donor that pays these months and leaves `extra` over as credit. */
async function pay(contributionIds: string[], extra: number): Promise<void> {
  await db.query(
    `WITH months AS (SELECT * FROM contribution WHERE id = ANY($1::uuid[]) AND status = 'DUE'),
     payments AS (
       INSERT INTO payment (donor_id, amount, paid_at, reference)
       SELECT donor_id, sum(amount) + $2::bigint, now(), 'TRF-' || $2::bigint || '-' || donor_id FROM months GROUP BY donor_id
       RETURNING id, donor_id, paid_at),
     allocations AS (
       INSERT INTO allocation (payment_id, contribution_id, amount)
       SELECT p.id, m.id, m.amount FROM months m JOIN payments p ON p.donor_id = m.donor_id)
     UPDATE contribution c SET status = 'PAID', payment_id = p.id, paid_at = p.paid_at
       FROM payments p WHERE c.donor_id = p.donor_id AND c.id IN (SELECT id FROM months)`,
    [contributionIds, extra],
  );
}

async function cancel(sponsorshipIds: string[]): Promise<void> {
  await db.query(
    `UPDATE contribution SET status = 'CANCELLED' WHERE sponsorship_id = ANY($1::uuid[]) AND status = 'DUE'`,
    [sponsorshipIds],
  );
  await db.query(
    `UPDATE sponsorship SET cancelled_at = now(), cancel_reason = 'Pindah domisili' WHERE id = ANY($1::uuid[])`,
    [sponsorshipIds],
  );
}

async function totalsAndRecount(): Promise<{ totals: unknown[]; recount: unknown[] }> {
  const columns = `donor_id, committed::bigint::text, paid::bigint::text, payments::bigint::text, allocated::bigint::text, workers_sponsored`;
  const totals = (await db.query(`SELECT ${columns} FROM donor_totals ORDER BY donor_id`)).rows;
  const recount = (await db.query(`SELECT ${columns} FROM (${DONOR_TOTALS_RECOUNT}) r ORDER BY 1`))
    .rows;
  return { totals, recount };
}

describe("donor_totals", () => {
  const random = mulberry32(29);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  let donors: string[];

  beforeAll(async () => {
    const workers = await addWorkers(8, 1);
    // Donor 0 never pledges; the others pledge 1-3 times, the same worker more than once at
    // times, in months that never overlap for a worker (the one-live-month rule).
    donors = await addDonors(8, "Donatur");
    const nextFree = new Map(workers.map((w) => [w, addMonths(CURRENT, -8)]));
    const pledges: Pledge[] = [];
    for (const donor of donors.slice(1))
      for (let k = 0; k < 1 + Math.floor(random() * 3); k++) {
        const worker = pick(workers);
        const months = 1 + Math.floor(random() * 5);
        pledges.push({
          donor,
          worker,
          start: nextFree.get(worker)!,
          months,
          amount: pick([16_800, 36_800, 50_400]),
        });
        nextFree.set(worker, addMonths(nextFree.get(worker)!, months));
      }
    const sponsorships = await pledge(pledges);

    // Pay about half the months, in one payment per donor, with credit left over.
    const months = await ids(`SELECT id FROM contribution ORDER BY month, id`, []);
    await pay(
      months.filter(() => random() < 0.5),
      3_000,
    );
    // A second round of payments, with no credit.
    await pay(
      (await ids(`SELECT id FROM contribution WHERE status = 'DUE' ORDER BY id`, [])).filter(
        () => random() < 0.3,
      ),
      0,
    );
    // Cancel a few pledges: their DUE months go, their PAID months stay.
    await cancel(sponsorships.filter(() => random() < 0.3));
    // A payment corrected, and one deleted before anything was allocated from it.
    await db.query(`UPDATE payment SET amount = amount + 1000 WHERE donor_id = $1`, [donors[1]]);
    const [stray] = await ids(
      `INSERT INTO payment (donor_id, amount, paid_at, reference) VALUES ($1, 99000, now(), 'SALAH-KETIK') RETURNING id`,
      [donors[2]],
    );
    await db.query(`DELETE FROM payment WHERE id = $1`, [stray]);
  });

  it("equals a recount of the rows it sums", async () => {
    const { totals, recount } = await totalsAndRecount();
    expect(totals).toEqual(recount);
    expect(totals.length).toBe(7);
  });

  it.each([CURRENT, addMonths(CURRENT, -3), addMonths(CURRENT, 2)])(
    "donorSummarySql agrees with donorSummary in %s",
    async (month) => {
      const d = donorSummarySql("d.id", () => "$2::date");
      const { rows: figures } = await db.query(
        `SELECT ${Object.entries(d.figures)
          .map(([k, v]) => `(${v})::int AS "${k}"`)
          .join(", ")} FROM unnest($1::uuid[]) WITH ORDINALITY AS d(id, k) ${d.join} ORDER BY k`,
        [donors, `${month}-01`],
      );
      const expected = [];
      for (const donor of donors) {
        const sponsorships = await db.query(
          `SELECT worker_id, cancelled_at IS NOT NULL AS cancelled FROM sponsorship WHERE donor_id = $1`,
          [donor],
        );
        const contributions = await db.query(
          `SELECT worker_id, to_char(month, 'YYYY-MM') AS month, amount::int, status FROM contribution WHERE donor_id = $1`,
          [donor],
        );
        const payments = await db.query(
          `SELECT p.amount::int, coalesce(array_agg(a.amount::int) FILTER (WHERE a.amount IS NOT NULL), '{}') AS allocations
             FROM payment p LEFT JOIN allocation a ON a.payment_id = p.id WHERE p.donor_id = $1 GROUP BY p.id`,
          [donor],
        );
        const money: DonorMoney = {
          sponsorships: sponsorships.rows.map((s) => ({
            workerId: s.worker_id,
            cancelled: s.cancelled,
          })),
          contributions: contributions.rows.map((c) => ({
            workerId: c.worker_id,
            month: c.month,
            amount: c.amount,
            status: c.status as ContributionStatus,
          })),
          payments: payments.rows,
        };
        expected.push(donorSummary(money, month));
      }
      expect(figures).toEqual(expected);
      expect(figures[0]).toEqual({
        workersActive: 0,
        workersSponsored: 0,
        committed: 0,
        paid: 0,
        outstanding: 0,
        credit: 0,
      });
      // The cases are worth having: credit, cancelled pledges and outstanding months occur.
      expect(expected.some((s) => s.credit > 0 && s.outstanding > 0)).toBe(true);
    },
  );

  it("counts a worker once however many of the donor's pledges name them", async () => {
    const [donor] = await addDonors(1, "Donatur berulang");
    const [worker] = await addWorkers(1, 100);
    await pledge([
      { donor, worker, start: addMonths(CURRENT, 12), months: 2, amount: 16_800 },
      { donor, worker, start: addMonths(CURRENT, 14), months: 3, amount: 16_800 },
    ]);
    const row = async () =>
      (
        await db.query(
          `SELECT workers_sponsored, committed::int FROM donor_totals WHERE donor_id = $1`,
          [donor],
        )
      ).rows[0];
    expect(await row()).toEqual({ workers_sponsored: 1, committed: 5 * 16_800 });
    const [first] = await ids(
      `SELECT id FROM sponsorship WHERE donor_id = $1 ORDER BY start_month`,
      [donor],
    );
    await cancel([first]);
    expect(await row()).toEqual({ workers_sponsored: 1, committed: 3 * 16_800 });
    await cancel(await ids(`SELECT id FROM sponsorship WHERE donor_id = $1`, [donor]));
    expect(await row()).toEqual({ workers_sponsored: 0, committed: 0 });
  });

  it("stays right when two transactions pledge for one donor at once", async () => {
    const [donor] = await addDonors(1, "Donatur serentak");
    const [w0, w1, w2] = await addWorkers(3, 200);
    // The donor's row exists already: b's recount must wait for a's commit on that row, not
    // on a row a is creating.
    await pledge([{ donor, worker: w0, start: "2027-01", months: 1, amount: 16_800 }]);
    const a = new Client({ connectionString: url });
    const b = new Client({ connectionString: url });
    await Promise.all([a.connect(), b.connect()]);
    try {
      const insert = (c: Client, worker: string) =>
        c.query(
          `INSERT INTO sponsorship (donor_id, worker_id, package, declared_income, monthly_amount, start_month, months, end_month)
           VALUES ($1, $2, 'JKK_JKM', 1000000, 16800, date '2027-01-01', 1, date '2027-01-01')`,
          [donor, worker],
        );
      await a.query("BEGIN");
      await b.query("BEGIN");
      await insert(a, w1);
      // b's recount waits for a's commit, then sees a's pledge.
      const second = insert(b, w2).then(() => b.query("COMMIT"));
      // Commit a only once b is waiting on it, so the test exercises the wait, not luck.
      await waitUntil(async () => {
        const { rows } = await db.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`,
        );
        return rows[0].n > 0;
      });
      await a.query("COMMIT");
      await second;
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
    const { rows } = await db.query(
      `SELECT workers_sponsored FROM donor_totals WHERE donor_id = $1`,
      [donor],
    );
    expect(rows[0].workers_sponsored).toBe(3);
    const { totals, recount } = await totalsAndRecount();
    expect(totals).toEqual(recount);
  });
});

async function waitUntil(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 20));
}
