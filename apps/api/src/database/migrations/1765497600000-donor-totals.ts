import { MigrationInterface, QueryRunner } from "typeorm";

// A donor's running totals, so DonorSummary is one row read instead of sums over every month
// the donor ever pledged (a company donor's page summed tens of thousands of rows per read).
// PostgreSQL keeps the row in step with statement-level triggers on the four tables it sums:
// whatever writes them (a pledge, a payment, a bank file, a cancellation, a seed, a repair by
// hand), the totals move in the same transaction, with one upsert per statement, in donor
// order so that two transactions never deadlock on them. TRUNCATE fires no row triggers:
// whoever truncates these tables truncates donor_totals with them (the seed does).
//
// Sums move by deltas. workers_sponsored counts distinct workers, which a delta cannot keep,
// so a sponsorship write locks its donors' rows and then recounts them: the lock makes the
// recount see every sponsorship committed before it.

/** One donor's change from the transition table `rows`, signed +1 or -1, per source table. */
const DELTAS = {
  contribution: (rows: string, sign: number) => `
    SELECT r.donor_id,
           ${sign} * CASE WHEN r.status <> 'CANCELLED' THEN r.amount ELSE 0 END AS committed,
           ${sign} * CASE WHEN r.status = 'PAID' THEN r.amount ELSE 0 END AS paid,
           0 AS payments, 0 AS allocated
      FROM ${rows} r`,
  payment: (rows: string, sign: number) => `
    SELECT r.donor_id, 0 AS committed, 0 AS paid, ${sign} * r.amount AS payments, 0 AS allocated
      FROM ${rows} r`,
  // An allocation belongs to its payment's donor; payments are never deleted under their
  // allocations (the foreign key), so the join always finds it.
  allocation: (rows: string, sign: number) => `
    SELECT p.donor_id, 0 AS committed, 0 AS paid, 0 AS payments, ${sign} * r.amount AS allocated
      FROM ${rows} r JOIN payment p ON p.id = r.payment_id`,
};

const OPS = {
  INSERT: { referencing: "NEW TABLE AS new_rows", parts: [["new_rows", 1]] },
  UPDATE: {
    referencing: "OLD TABLE AS old_rows NEW TABLE AS new_rows",
    parts: [
      ["new_rows", 1],
      ["old_rows", -1],
    ],
  },
  DELETE: { referencing: "OLD TABLE AS old_rows", parts: [["old_rows", -1]] },
} as const;

function deltaFunction(table: keyof typeof DELTAS, op: keyof typeof OPS): string {
  const changes = OPS[op].parts
    .map(([rows, sign]) => DELTAS[table](rows, sign))
    .join(" UNION ALL ");
  return `
    CREATE FUNCTION donor_totals_${table}_${op.toLowerCase()}() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO donor_totals AS t (donor_id, committed, paid, payments, allocated)
      SELECT donor_id, sum(committed), sum(paid), sum(payments), sum(allocated)
        FROM (${changes}) d
       GROUP BY donor_id
      HAVING sum(committed) <> 0 OR sum(paid) <> 0 OR sum(payments) <> 0 OR sum(allocated) <> 0
       ORDER BY donor_id
      ON CONFLICT (donor_id) DO UPDATE SET
        committed = t.committed + EXCLUDED.committed,
        paid      = t.paid + EXCLUDED.paid,
        payments  = t.payments + EXCLUDED.payments,
        allocated = t.allocated + EXCLUDED.allocated;
      RETURN NULL;
    END $$`;
}

function sponsorshipFunction(op: keyof typeof OPS): string {
  const donors = OPS[op].parts.map(([rows]) => `SELECT donor_id FROM ${rows}`).join(" UNION ");
  return `
    CREATE FUNCTION donor_totals_sponsorship_${op.toLowerCase()}() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO donor_totals (donor_id)
      SELECT donor_id FROM (${donors}) d ORDER BY donor_id
      ON CONFLICT (donor_id) DO NOTHING;
      PERFORM 1 FROM donor_totals WHERE donor_id IN (${donors}) ORDER BY donor_id FOR UPDATE;
      UPDATE donor_totals t SET workers_sponsored =
        (SELECT count(DISTINCT s.worker_id) FROM sponsorship s
          WHERE s.donor_id = t.donor_id AND s.cancelled_at IS NULL)
       WHERE t.donor_id IN (${donors});
      RETURN NULL;
    END $$`;
}

/** Every donor's totals recounted from the rows they sum: the backfill, and the tests' check. */
export const DONOR_TOTALS_RECOUNT = `
  SELECT d.id AS donor_id,
         coalesce((SELECT sum(c.amount) FROM contribution c WHERE c.donor_id = d.id AND c.status <> 'CANCELLED'), 0) AS committed,
         coalesce((SELECT sum(c.amount) FROM contribution c WHERE c.donor_id = d.id AND c.status = 'PAID'), 0) AS paid,
         coalesce((SELECT sum(p.amount) FROM payment p WHERE p.donor_id = d.id), 0) AS payments,
         coalesce((SELECT sum(a.amount) FROM allocation a JOIN payment p ON p.id = a.payment_id WHERE p.donor_id = d.id), 0) AS allocated,
         (SELECT count(DISTINCT s.worker_id) FROM sponsorship s WHERE s.donor_id = d.id AND s.cancelled_at IS NULL)::int AS workers_sponsored
    FROM donor d
   WHERE EXISTS (SELECT 1 FROM sponsorship s WHERE s.donor_id = d.id)
      OR EXISTS (SELECT 1 FROM payment p WHERE p.donor_id = d.id)`;

export class DonorTotals1765497600000 implements MigrationInterface {
  name = "DonorTotals1765497600000";

  async up(q: QueryRunner): Promise<void> {
    // A donor with no row has every total 0 (the reads coalesce). No CHECKs: PostgreSQL checks
    // the row an upsert proposes, which here is a delta (a payment alone: paid > committed).
    await q.query(`
      CREATE TABLE donor_totals (
        donor_id          uuid    PRIMARY KEY REFERENCES donor(id),
        -- Live months (DUE or PAID) and paid months, in rupiah.
        committed         bigint  NOT NULL DEFAULT 0,
        paid              bigint  NOT NULL DEFAULT 0,
        -- Money received, and the part of it that paid months: the rest is credit.
        payments          bigint  NOT NULL DEFAULT 0,
        allocated         bigint  NOT NULL DEFAULT 0,
        workers_sponsored integer NOT NULL DEFAULT 0
      )`);
    for (const table of Object.keys(DELTAS) as (keyof typeof DELTAS)[]) {
      for (const op of Object.keys(OPS) as (keyof typeof OPS)[]) {
        await q.query(deltaFunction(table, op));
        await q.query(
          `CREATE TRIGGER donor_totals_${op.toLowerCase()} AFTER ${op} ON ${table}
             REFERENCING ${OPS[op].referencing}
             FOR EACH STATEMENT EXECUTE FUNCTION donor_totals_${table}_${op.toLowerCase()}()`,
        );
      }
    }
    for (const op of Object.keys(OPS) as (keyof typeof OPS)[]) {
      await q.query(sponsorshipFunction(op));
      await q.query(
        `CREATE TRIGGER donor_totals_${op.toLowerCase()} AFTER ${op} ON sponsorship
           REFERENCING ${OPS[op].referencing}
           FOR EACH STATEMENT EXECUTE FUNCTION donor_totals_sponsorship_${op.toLowerCase()}()`,
      );
    }
    await q.query(
      `INSERT INTO donor_totals (donor_id, committed, paid, payments, allocated, workers_sponsored) ${DONOR_TOTALS_RECOUNT}`,
    );

    // workersActive stays a count over this month's paid months: this index finds them
    // without visiting the donor's other months.
    await q.query(
      `CREATE INDEX contribution_donor_paid_month_idx ON contribution (donor_id, month) INCLUDE (worker_id) WHERE status = 'PAID'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX contribution_donor_paid_month_idx`);
    for (const table of [...Object.keys(DELTAS), "sponsorship"]) {
      for (const op of Object.keys(OPS)) {
        await q.query(`DROP TRIGGER donor_totals_${op.toLowerCase()} ON ${table}`);
        await q.query(`DROP FUNCTION donor_totals_${table}_${op.toLowerCase()}()`);
      }
    }
    await q.query(`DROP TABLE donor_totals`);
  }
}
