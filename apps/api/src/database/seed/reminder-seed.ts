import { EntityManager } from "typeorm";
import { YearMonth, addMonths } from "@sertakan/schema";
import { CREATE_COVER_ENDING, CREATE_PAYMENT_DUE } from "../../modules/reminder/reminder.sql";
import { lastDemoInstant } from "./accident-seed";

// Donor reminders for the demo, made by the job's own statements for last month and this
// one, so the "Pengingat donatur" page has both kinds: last month's went out by e-mail (one
// address bounced), this month's went to donors with an e-mail, and the donors without one
// wait on the call list ("Hubungi donatur").

/** 07:00 WIB on the first of a month, when the daily job makes that month's reminders. */
const jobTime = (month: YearMonth) => new Date(`${month}-01T07:00:00+07:00`);

export async function seedDonorReminders(
  m: EntityManager,
  {
    currentMonth,
    now = lastDemoInstant(currentMonth),
    log,
  }: { currentMonth: YearMonth; now?: Date; log: (line: string) => void },
): Promise<void> {
  for (const month of [addMonths(currentMonth, -1), currentMonth]) {
    const at =
      month === currentMonth
        ? new Date(Math.min(now.getTime(), jobTime(month).getTime()))
        : jobTime(month);
    await m.query(CREATE_COVER_ENDING, [`${month}-01`, at]);
    await m.query(CREATE_PAYMENT_DUE, [`${month}-01`, at]);
  }
  // Mailed a few minutes after the job, except one bounce last month.
  await m.query(
    `UPDATE donor_reminder r SET status = 'SENT', sent_at = r.created_at + interval '3 minutes',
            next_attempt_at = NULL
       FROM donor d
      WHERE d.id = r.donor_id AND d.email IS NOT NULL AND btrim(d.email) <> ''`,
  );
  await m.query(
    `UPDATE donor_reminder SET status = 'FAILED', sent_at = NULL, attempts = 5,
            last_error = '550 5.1.1 <address> mailbox unavailable'
      WHERE id = (SELECT id FROM donor_reminder WHERE status = 'SENT' AND month = $1::date
                   ORDER BY donor_id, kind LIMIT 1)`,
    [`${addMonths(currentMonth, -1)}-01`],
  );
  const [c]: { total: number; sent: number; pending: number }[] = await m.query(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'SENT')::int AS sent,
            count(*) FILTER (WHERE status = 'PENDING')::int AS pending FROM donor_reminder`,
  );
  log(`demo: ${c.total} donor reminders (${c.sent} sent, ${c.pending} to call)`);
}
