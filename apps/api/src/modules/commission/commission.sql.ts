// Perisai agents' fees for one month, on the allocation rows (cash basis: money received that
// month, by payment.paid_at in Asia/Jakarta), applying the fee rule that agentFeeRuleAt picks
// in @sertakan/schema, whose figures arrive as parameters. agentCommission() there is the same
// rule in TypeScript; commission.test.ts proves the two agree agent by agent.
//
// $1 month (first day)   $2 region code or null   $3 its LIKE prefix
// $4 acquisition fee JKK_JKM   $5 acquisition fee JKK_JKM_JHT   $6 minimum new recruits
// $7 bands' first places   $8 bands' last places   $9 bands' rates (basis points)
// $10 institution rate (basis points)   $11 idle months that suspend, or null
export const AGENT_COMMISSION_SQL = `
WITH agents AS (
  -- An agent's first month: their agreement's, else the month they were registered.
  SELECT p.id, p.name,
         date_trunc('month', coalesce(p.agreement_start, (p.created_at AT TIME ZONE 'Asia/Jakarta')::date))::date AS since
    FROM partner p
   WHERE p.kind = 'PERISAI_AGENT' AND ($2::varchar IS NULL OR p.region_code = $2 OR p.region_code LIKE $3)
), months AS (
  -- k = 0 is the month asked; k = 1.. are the months before it that decide a suspension.
  SELECT k,
         (($1::date - make_interval(months => k))::timestamp AT TIME ZONE 'Asia/Jakarta') AS starts,
         (($1::date - make_interval(months => k - 1))::timestamp AT TIME ZONE 'Asia/Jakarta') AS ends
    FROM generate_series(0, coalesce($11::int, 0)) AS k
), recruits AS (
  -- worker_recruited_by_idx (recruited_by_id, created_at, id)
  SELECT w.recruited_by_id AS agent_id, m.k,
         (SELECT s.package FROM sponsorship s WHERE s.worker_id = w.id ORDER BY s.seq LIMIT 1) AS first_package
    FROM agents a
    JOIN worker w ON w.recruited_by_id = a.id
    JOIN months m ON w.created_at >= m.starts AND w.created_at < m.ends
), allocs AS (
  -- payment_paid_idx (paid_at, id), then each payment's allocations by primary key.
  SELECT w.recruited_by_id AS agent_id, m.k, al.contribution_id, al.amount,
         CASE WHEN m.k = 0 THEN
           (SELECT count(*) FROM contribution c2
             WHERE c2.worker_id = c.worker_id AND c2.status = 'PAID' AND c2.month <= c.month)
         END AS place
    FROM months m
    JOIN payment p ON p.paid_at >= m.starts AND p.paid_at < m.ends
    JOIN allocation al ON al.payment_id = p.id
    JOIN contribution c ON c.id = al.contribution_id
    JOIN worker w ON w.id = c.worker_id
   WHERE w.recruited_by_id IN (SELECT id FROM agents)
), new_this AS (
  SELECT agent_id, count(*)::int AS n,
         sum(CASE first_package WHEN 'JKK_JKM' THEN $4::bigint WHEN 'JKK_JKM_JHT' THEN $5::bigint ELSE 0 END)::bigint AS acquisition
    FROM recruits WHERE k = 0 GROUP BY agent_id
), paid_this AS (
  SELECT x.agent_id, count(DISTINCT x.contribution_id)::int AS months, sum(x.amount)::bigint AS amount,
         sum(x.amount * coalesce(
           (SELECT b.rate FROM unnest($7::bigint[], $8::bigint[], $9::bigint[]) AS b(first_place, last_place, rate)
             WHERE x.place BETWEEN b.first_place AND b.last_place LIMIT 1), 0))::bigint AS weighted
    FROM allocs x WHERE x.k = 0 GROUP BY x.agent_id
), active_before AS (
  SELECT agent_id, count(DISTINCT k)::int AS months
    FROM (SELECT agent_id, k FROM recruits WHERE k > 0 UNION ALL SELECT agent_id, k FROM allocs WHERE k > 0) AS act
   GROUP BY agent_id
), figures AS (
  SELECT a.id, a.name,
         coalesce(n.n, 0) AS new_recruits,
         coalesce(pd.months, 0) AS paid_months,
         coalesce(pd.amount, 0) AS contributions,
         -- Cut off only when every one of the idle months was the agent's own.
         ($11::int IS NOT NULL AND a.since <= ($1::date - make_interval(months => $11::int))::date
           AND coalesce(ab.months, 0) = 0) AS suspended,
         CASE WHEN coalesce(n.n, 0) >= $6::int THEN coalesce(n.acquisition, 0) ELSE 0 END AS acquisition,
         coalesce(pd.weighted, 0) / 10000 AS contribution_fee
    FROM agents a
    LEFT JOIN new_this n ON n.agent_id = a.id
    LEFT JOIN paid_this pd ON pd.agent_id = a.id
    LEFT JOIN active_before ab ON ab.agent_id = a.id
)
SELECT id AS "agentId", new_recruits AS "newRecruits", paid_months AS "paidMonths",
       contributions::float8 AS contributions, suspended,
       (CASE WHEN suspended THEN 0 ELSE acquisition END)::float8 AS "acquisitionFee",
       (CASE WHEN suspended THEN 0 ELSE contribution_fee END)::float8 AS "contributionFee",
       (CASE WHEN suspended THEN 0 ELSE acquisition + contribution_fee END)::float8 AS "agentFee",
       (CASE WHEN suspended THEN 0 ELSE (acquisition + contribution_fee) * $10::bigint / 10000 END)::float8 AS "institutionFee"
  FROM figures
 ORDER BY name, id`;
