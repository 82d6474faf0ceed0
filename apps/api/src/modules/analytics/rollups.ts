import type { EntityManager } from "typeorm";

// The coverage roll-ups (see migration 1764374400000): registered workers per village and
// occupation, paid months per village/occupation/month, and each worker's runs of paid months.

const RUNS_SQL = `
WITH paid AS (
  SELECT worker_id, month,
         (extract(year FROM month) * 12 + extract(month FROM month))::int AS idx
    FROM contribution
   WHERE status = 'PAID' AND ($1::uuid[] IS NULL OR worker_id = ANY($1::uuid[]))
), islands AS (
  -- Consecutive months share idx - row_number(): the classic gaps-and-islands grouping.
  SELECT worker_id, month, idx - row_number() OVER (PARTITION BY worker_id ORDER BY month) AS island FROM paid
), runs AS (
  SELECT worker_id, min(month) AS start_month, max(month) AS end_month FROM islands GROUP BY worker_id, island
), ordered AS (
  SELECT worker_id, start_month, end_month,
         lead(start_month) OVER (PARTITION BY worker_id ORDER BY start_month) AS next_start,
         row_number() OVER (PARTITION BY worker_id ORDER BY start_month) = 1 AS first_run
    FROM runs
)
INSERT INTO coverage_run (worker_id, start_month, end_month, next_start, first_run,
                          village_code, district_code, regency_code, province_code, occupation)
SELECT o.worker_id, o.start_month, o.end_month, o.next_start, o.first_run,
       w.village_code, w.district_code, w.regency_code, w.province_code, w.occupation
  FROM ordered o JOIN worker w ON w.id = o.worker_id`;

/**
 * After months were paid for these workers: locks them (in id order, so two payments never
 * deadlock), then recomputes covered_through and their coverage runs from their paid months.
 * The statements run after the locks, so they see every payment committed before ours.
 */
export async function refreshWorkerCoverage(m: EntityManager, workerIds: string[]): Promise<void> {
  if (!workerIds.length) return;
  await m.query(`SELECT id FROM worker WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [
    workerIds,
  ]);
  await m.query(
    `UPDATE worker w SET covered_through = (SELECT max(month) FROM contribution c WHERE c.worker_id = w.id AND c.status = 'PAID')
      WHERE w.id = ANY($1::uuid[])`,
    [workerIds],
  );
  await m.query(`DELETE FROM coverage_run WHERE worker_id = ANY($1::uuid[])`, [workerIds]);
  await m.query(RUNS_SQL, [workerIds]);
}

/** New registrations: count them in the registered-workers roll-up. */
export async function countRegistrations(m: EntityManager, workerIds: string[]): Promise<void> {
  if (!workerIds.length) return;
  await m.query(
    `INSERT INTO rollup_workers (village_code, occupation, workers)
     SELECT village_code, occupation, count(*) FROM worker WHERE id = ANY($1::uuid[])
      GROUP BY village_code, occupation ORDER BY village_code, occupation
     ON CONFLICT (village_code, occupation) DO UPDATE SET workers = rollup_workers.workers + EXCLUDED.workers`,
    [workerIds],
  );
}

/**
 * A worker moved village or changed occupation: move their counts between roll-up buckets.
 * Call inside the update's transaction, with the worker row locked, before the update.
 */
export async function moveWorkerInRollups(
  m: EntityManager,
  workerId: string,
  from: { villageCode: string; occupation: string },
  to: {
    villageCode: string;
    occupation: string;
    districtCode: string;
    regencyCode: string;
    provinceCode: string;
  },
): Promise<void> {
  if (from.villageCode === to.villageCode && from.occupation === to.occupation) return;
  await m.query(
    `UPDATE rollup_workers SET workers = workers - 1 WHERE village_code = $1 AND occupation = $2`,
    [from.villageCode, from.occupation],
  );
  await m.query(
    `INSERT INTO rollup_workers (village_code, occupation, workers) VALUES ($1, $2, 1)
     ON CONFLICT (village_code, occupation) DO UPDATE SET workers = rollup_workers.workers + 1`,
    [to.villageCode, to.occupation],
  );
  const paid: { month: string; amount: string }[] = await m.query(
    `SELECT month::text AS month, amount FROM contribution WHERE worker_id = $1 AND status = 'PAID' ORDER BY month`,
    [workerId],
  );
  for (const { month, amount } of paid) {
    await m.query(
      `UPDATE rollup_paid_month SET paid = paid - 1, amount = amount - $4 WHERE month = $1 AND village_code = $2 AND occupation = $3`,
      [month, from.villageCode, from.occupation, amount],
    );
    await m.query(
      `INSERT INTO rollup_paid_month (month, village_code, occupation, paid, amount) VALUES ($1, $2, $3, 1, $4)
       ON CONFLICT (month, village_code, occupation) DO UPDATE SET paid = rollup_paid_month.paid + 1, amount = rollup_paid_month.amount + $4`,
      [month, to.villageCode, to.occupation, amount],
    );
  }
  await m.query(
    `UPDATE coverage_run SET village_code = $2, district_code = $3, regency_code = $4, province_code = $5, occupation = $6 WHERE worker_id = $1`,
    [workerId, to.villageCode, to.districtCode, to.regencyCode, to.provinceCode, to.occupation],
  );
}

/** Recomputes every roll-up from the rows they summarise: after a bulk seed, or as a repair. */
export async function rebuildCoverageRollups(m: EntityManager): Promise<void> {
  await m.query(`TRUNCATE rollup_workers, rollup_paid_month, coverage_run`);
  await m.query(
    `INSERT INTO rollup_workers (village_code, occupation, workers)
     SELECT village_code, occupation, count(*) FROM worker GROUP BY village_code, occupation`,
  );
  await m.query(
    `INSERT INTO rollup_paid_month (month, village_code, occupation, paid, amount)
     SELECT c.month, w.village_code, w.occupation, count(*), sum(c.amount)
       FROM contribution c JOIN worker w ON w.id = c.worker_id
      WHERE c.status = 'PAID' GROUP BY c.month, w.village_code, w.occupation`,
  );
  await m.query(RUNS_SQL, [null]);
  await m.query(
    `UPDATE worker w SET covered_through = x.last FROM (SELECT worker_id, max(month) AS last FROM contribution WHERE status = 'PAID' GROUP BY worker_id) x
      WHERE w.id = x.worker_id AND w.covered_through IS DISTINCT FROM x.last`,
  );
}
