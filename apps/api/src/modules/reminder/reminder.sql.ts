// Reminder creation, one statement per kind for every donor at once (no loop per donor).
// $1 = the month's first day (Asia/Jakarta), $2 = now. ON CONFLICT on donor_reminder_once_key
// makes a second run, another instance's run or a run after a restart create nothing; rows
// go in donor order so two instances inserting at once wait on each other instead of
// deadlocking. The rules are @sertakan/schema's endingSponsorships and paymentDueAmount.

/** Sponsorships ending this month or next that no later live pledge of the same worker continues. */
export const CREATE_COVER_ENDING = `
INSERT INTO donor_reminder (donor_id, kind, month, sponsorship_ids, amount, next_attempt_at, created_at)
SELECT s.donor_id, 'COVER_ENDING', $1::date, array_agg(s.id ORDER BY s.end_month, s.id),
       sum(s.monthly_amount), $2::timestamptz, date_trunc('milliseconds', $2::timestamptz)
  FROM sponsorship s
 WHERE s.cancelled_at IS NULL
   -- sponsorship_end_idx (end_month) WHERE cancelled_at IS NULL
   AND s.end_month BETWEEN $1::date AND ($1::date + interval '1 month')::date
   AND NOT EXISTS (
         SELECT 1 FROM sponsorship later
          WHERE later.worker_id = s.worker_id AND later.donor_id = s.donor_id
            AND later.cancelled_at IS NULL AND later.end_month > s.end_month)
 GROUP BY s.donor_id
 ORDER BY s.donor_id
ON CONFLICT (donor_id, kind, month) DO NOTHING
RETURNING id`;

/** DUE months up to this one, less the donor's credit (payments not yet allocated). */
export const CREATE_PAYMENT_DUE = `
WITH due AS (
  -- contribution_due_idx (donor_id, month, id) WHERE status = 'DUE'
  SELECT c.donor_id, sum(c.amount) AS due, array_agg(DISTINCT c.sponsorship_id) AS ids
    FROM contribution c
   WHERE c.status = 'DUE' AND c.month <= $1::date
   GROUP BY c.donor_id
), owing AS (
  SELECT d.donor_id, d.ids,
         d.due - greatest(0,
           coalesce((SELECT sum(p.amount) FROM payment p WHERE p.donor_id = d.donor_id), 0)
           - coalesce((SELECT sum(a.amount) FROM allocation a JOIN payment p ON p.id = a.payment_id
                        WHERE p.donor_id = d.donor_id), 0)) AS amount
    FROM due d
)
INSERT INTO donor_reminder (donor_id, kind, month, sponsorship_ids, amount, next_attempt_at, created_at)
SELECT donor_id, 'PAYMENT_DUE', $1::date, ids, amount, $2::timestamptz,
       date_trunc('milliseconds', $2::timestamptz)
  FROM owing WHERE amount > 0
 ORDER BY donor_id
ON CONFLICT (donor_id, kind, month) DO NOTHING
RETURNING id`;

/**
 * The next reminder to send, locked for this sender: PENDING, due for a try, with a donor
 * e-mail. SKIP LOCKED lets several instances' senders share the queue without sending one
 * twice. $1 = now.
 */
export const PICK_NEXT = `
SELECT r.id, r.kind, to_char(r.month, 'YYYY-MM') AS month, r.amount, r.attempts,
       r.sponsorship_ids, d.name AS donor_name, btrim(d.email) AS email
  FROM donor_reminder r JOIN donor d ON d.id = r.donor_id
 WHERE r.status = 'PENDING' AND r.next_attempt_at <= $1::timestamptz
   AND d.email IS NOT NULL AND btrim(d.email) <> ''
 ORDER BY r.next_attempt_at, r.id
 LIMIT 1
   FOR UPDATE OF r SKIP LOCKED`;

/** The mail's lines: each worker, the months still DUE up to the reminder's month, the pledge's end. */
export const MAIL_LINES = `
SELECT w.full_name, w.nik, to_char(s.end_month, 'YYYY-MM') AS end_month, s.monthly_amount,
       coalesce(due.months, '{}') AS due_months, coalesce(due.amount, 0) AS due_amount
  FROM sponsorship s
  JOIN worker w ON w.id = s.worker_id
  LEFT JOIN LATERAL (
    SELECT array_agg(to_char(c.month, 'YYYY-MM') ORDER BY c.month) AS months, sum(c.amount) AS amount
      FROM contribution c
     WHERE c.sponsorship_id = s.id AND c.status = 'DUE' AND c.month <= $2::date) due ON true
 WHERE s.id = ANY($1::uuid[])
 ORDER BY w.full_name, s.id`;
