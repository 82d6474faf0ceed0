// The baseline's hand-written SQL: PostgreSQL builds the whole JSON answer. Q1, Q3 and Q4 take
// the district or NIK as $1.
export const Q1 = `
SELECT json_build_object('data', json_build_object('workers', json_build_object('nodes', coalesce(json_agg(json_build_object(
  'id', w.id, 'nik', w.nik, 'fullName', w.full_name, 'occupation', w.occupation,
  'coverageStatus', CASE WHEN w.last IS NULL THEN 'UNCOVERED' WHEN w.last = w.cur THEN 'ACTIVE'
                         WHEN w.last >= w.cur - interval '3 months' THEN 'ARREARS' ELSE 'LAPSED' END,
  'village', json_build_object('name', v.name, 'parent', json_build_object('name', d.name)),
  'sponsorships', (SELECT coalesce(json_agg(json_build_object('donor', json_build_object('name', dn.name))), '[]')
                     FROM sponsorship s JOIN donor dn ON dn.id = s.donor_id WHERE s.worker_id = w.id)
  ) ORDER BY w.created_at DESC, w.id DESC), '[]')))) AS body
FROM (SELECT w.*, date_trunc('month', now() AT TIME ZONE 'Asia/Jakarta')::date AS cur,
             (SELECT max(month) FROM contribution c WHERE c.worker_id = w.id AND c.status = 'PAID'
                AND c.month <= date_trunc('month', now() AT TIME ZONE 'Asia/Jakarta')::date) AS last
        FROM worker w WHERE w.district_code = $1 ORDER BY w.created_at DESC, w.id DESC LIMIT 50) w
JOIN region v ON v.code = w.village_code JOIN region d ON d.code = w.district_code`;

// Q4: the district's first 50 workers by name (ties on id), with the village's code and its
// district, and each sponsorship's own fields in ours' order (start month, then pledge time).
export const Q4 = `
SELECT json_build_object('data', json_build_object('workers', json_build_object('nodes', coalesce(json_agg(json_build_object(
  'id', w.id, 'nik', w.nik, 'fullName', w.full_name, 'occupation', w.occupation,
  'coverageStatus', CASE WHEN w.last IS NULL THEN 'UNCOVERED' WHEN w.last = w.cur THEN 'ACTIVE'
                         WHEN w.last >= w.cur - interval '3 months' THEN 'ARREARS' ELSE 'LAPSED' END,
  'village', json_build_object('code', v.code, 'name', v.name, 'parent', json_build_object('code', d.code, 'name', d.name)),
  'sponsorships', (SELECT coalesce(json_agg(json_build_object('id', s.id, 'package', s.package,
                          'startMonth', to_char(s.start_month, 'YYYY-MM'), 'endMonth', to_char(s.end_month, 'YYYY-MM'),
                          'monthlyContribution', s.monthly_amount, 'donor', json_build_object('name', dn.name))
                          ORDER BY s.start_month, s.created_at), '[]')
                     FROM sponsorship s JOIN donor dn ON dn.id = s.donor_id WHERE s.worker_id = w.id)
  ) ORDER BY w.full_name, w.id), '[]')))) AS body
FROM (SELECT w.*, date_trunc('month', now() AT TIME ZONE 'Asia/Jakarta')::date AS cur,
             (SELECT max(month) FROM contribution c WHERE c.worker_id = w.id AND c.status = 'PAID'
                AND c.month <= date_trunc('month', now() AT TIME ZONE 'Asia/Jakarta')::date) AS last
        FROM worker w WHERE w.district_code = $1 ORDER BY w.full_name, w.id LIMIT 50) w
JOIN region v ON v.code = w.village_code JOIN region d ON d.code = w.district_code`;

export const Q2 = `
WITH m AS (SELECT date_trunc('month', now() AT TIME ZONE 'Asia/Jakarta')::date AS cur),
kids AS (SELECT code, name FROM region WHERE parent_code = '33.10'),
reg AS (SELECT district_code AS code, sum(workers) AS n FROM rollup_workers WHERE regency_code = '33.10' GROUP BY 1),
paid AS (SELECT district_code AS code, sum(paid) AS n, sum(amount) AS amount FROM rollup_paid_month, m
          WHERE regency_code = '33.10' AND month = m.cur GROUP BY 1),
runs AS (SELECT district_code AS code,
                count(*) FILTER (WHERE end_month >= m.cur - interval '3 months') AS arrears,
                count(*) FILTER (WHERE end_month < m.cur - interval '3 months') AS lapsed
           FROM coverage_run, m WHERE regency_code = '33.10' AND end_month < m.cur AND (next_start IS NULL OR next_start > m.cur) GROUP BY 1),
rows AS (SELECT k.code, k.name, coalesce(reg.n, 0)::int AS registered, coalesce(paid.n, 0)::int AS active,
                coalesce(runs.arrears, 0)::int AS arrears, coalesce(runs.lapsed, 0)::int AS lapsed, coalesce(paid.amount, 0)::bigint AS amount
           FROM kids k LEFT JOIN reg USING (code) LEFT JOIN paid USING (code) LEFT JOIN runs USING (code))
SELECT json_build_object('data', json_build_object('coverageStats', json_build_object(
  'registeredWorkers', sum(registered), 'active', sum(active), 'arrears', sum(arrears), 'lapsed', sum(lapsed),
  'uncovered', sum(registered - active - arrears - lapsed), 'contributionsPaid', sum(amount),
  'children', json_agg(json_build_object('region', json_build_object('code', code, 'name', name), 'registeredWorkers', registered,
     'active', active, 'arrears', arrears, 'lapsed', lapsed, 'uncovered', registered - active - arrears - lapsed, 'contributionsPaid', amount) ORDER BY code)))) AS body
FROM rows`;

export const Q3 = `
SELECT json_build_object('data', json_build_object('workerByNik', json_build_object('id', w.id, 'fullName', w.full_name,
  'occupation', w.occupation, 'village', json_build_object('name', v.name)))) AS body
FROM worker w JOIN region v ON v.code = w.village_code WHERE w.nik = $1`;

// The counter check: the worker by the NIK's unique index and the day's month through
// contribution_paid_idx; the NIK masked as coverageCheck masks it. $1 NIK, $2 day, $3 month.
export const COUNTER = `
SELECT json_build_object('data', json_build_object('coverageCheck', json_build_object(
  'nik', left(w.nik, 4) || '********' || right(w.nik, 4), 'covered', c.id IS NOT NULL,
  'coveredBy', CASE WHEN c.id IS NULL THEN NULL ELSE json_build_object('month', to_char(c.month, 'YYYY-MM')) END,
  'worker', json_build_object('id', w.id, 'fullName', w.full_name)))) AS body
FROM worker w
LEFT JOIN contribution c ON c.worker_id = w.id AND c.month = date_trunc('month', $2::date)::date AND c.status = 'PAID'
WHERE w.nik = $1`;
