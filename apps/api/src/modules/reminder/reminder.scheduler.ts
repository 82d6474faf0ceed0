import PgBoss from "pg-boss";
import type { ReminderService } from "./reminder.service";

// pg-boss keeps its jobs and cron schedules in PostgreSQL (schema `pgboss`), so every API
// instance runs the same schedule and each cron tick becomes one job that one instance
// works. Even if a tick ran twice, the unique (donor, kind, month) index would hold: it is
// the final word on "once", pg-boss only saves the wasted work.
export const CREATE_JOB = "donor-reminders-create";
export const SEND_JOB = "donor-reminders-send";
/** Daily at 07:00 in Klaten. */
export const CREATE_CRON = "0 7 * * *";
/** The sender's pass: new mail and the retries whose backoff has run out. */
export const SEND_CRON = "*/5 * * * *";
export const SCHEDULE_TZ = "Asia/Jakarta";

export type ReminderScheduler = { stop: () => Promise<void> };

/** Starts pg-boss, (re)declares the two schedules and works their jobs until stop. */
export async function startReminderScheduler(
  databaseUrl: string,
  reminders: ReminderService,
  log: (message: string) => void,
): Promise<ReminderScheduler> {
  const boss = new PgBoss({ connectionString: databaseUrl, max: 2, schema: "pgboss" });
  boss.on("error", (error) => log(`reminder scheduler: ${String(error)}`));
  await boss.start();
  for (const name of [CREATE_JOB, SEND_JOB]) await boss.createQueue(name);
  await boss.schedule(CREATE_JOB, CREATE_CRON, {}, { tz: SCHEDULE_TZ });
  await boss.schedule(SEND_JOB, SEND_CRON, {}, { tz: SCHEDULE_TZ });
  await boss.work(CREATE_JOB, async () => {
    const created = await reminders.createDue();
    log(`donor reminders: ${created} created`);
    if (created) await boss.send(SEND_JOB, {});
  });
  await boss.work(SEND_JOB, async () => {
    const d = await reminders.deliverDue();
    if (d.sent + d.retrying + d.failed)
      log(`donor reminders: ${d.sent} sent, ${d.retrying} to retry, ${d.failed} failed`);
  });
  reminders.wakeSender = async () => {
    await boss.send(SEND_JOB, {});
  };
  return {
    stop: async () => {
      reminders.wakeSender = null;
      // Lets a job in hand finish (a send holds a row lock), then closes pg-boss's pool.
      await boss.stop({ graceful: true, wait: true, timeout: 15_000 });
    },
  };
}
