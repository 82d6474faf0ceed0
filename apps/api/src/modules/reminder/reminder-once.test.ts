import { registerWorkers } from "../../test/fixtures";
import { TestServer, startTestServer } from "../../test/test-server";
import { CREATE_CRON, CREATE_JOB, SCHEDULE_TZ, SEND_CRON, SEND_JOB } from "./reminder.scheduler";

// "Two API instances on one database must create each reminder once", and a restart must not
// create them again: the unique (donor, kind, month) index decides, whoever runs the job.
let clock = new Date("2026-10-15T03:00:00Z");
let first: TestServer;
let second: TestServer;
const DONORS = 12;

const count = async (sql: string) => Number((await first.server.dataSource.query(sql))[0].n);
const reminders = () => count(`SELECT count(*) AS n FROM donor_reminder`);

beforeAll(async () => {
  first = await startTestServer({}, { now: () => clock });
  second = await startTestServer({}, { now: () => clock, shareDatabaseWith: first });
  const workers = await registerWorkers(first, DONORS);
  // Each donor: one worker October–November, unpaid. In November every donor has a
  // COVER_ENDING (ends this month) and a PAYMENT_DUE (October and November).
  for (const [i, workerId] of workers.entries()) {
    const donor = await first.gql(`mutation($i: DonorInput!) { createDonor(input: $i) { id } }`, {
      i: { kind: "INDIVIDUAL", name: `Donatur ${i}`, regionCode: "33.10" },
    });
    const res = await first.gql(
      `mutation($i: SponsorWorkersInput!) { sponsorWorkers(input: $i) { id } }`,
      {
        i: {
          donorId: donor.data!.createDonor.id,
          workerIds: [workerId],
          package: "JKK_JKM",
          startMonth: "2026-10",
          months: 2,
        },
      },
    );
    expect(res.errors).toBeUndefined();
  }
  clock = new Date("2026-11-01T00:00:00Z"); // 07:00 WIB on 1 November, the job's hour
}, 90_000);
afterAll(async () => {
  await second?.close();
  await first?.close();
});

describe("exactly once", () => {
  it("two instances running the job at the same moment create each reminder once", async () => {
    const runs = await Promise.all([
      first.server.services.reminder.createDue(),
      second.server.services.reminder.createDue(),
      first.server.services.reminder.createDue(),
      second.server.services.reminder.createDue(),
    ]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(2 * DONORS);
    expect(await reminders()).toBe(2 * DONORS);
    expect(
      await count(
        `SELECT count(*) AS n FROM (SELECT DISTINCT donor_id, kind, month FROM donor_reminder) x`,
      ),
    ).toBe(2 * DONORS);
  });

  it("runReminders on both instances over HTTP at once creates nothing more", async () => {
    const [a, b] = await Promise.all([
      first.gql(`mutation { runReminders }`),
      second.gql(`mutation { runReminders }`),
    ]);
    expect([a.data!.runReminders, b.data!.runReminders]).toEqual([0, 0]);
    expect(await reminders()).toBe(2 * DONORS);
  });

  it("after a restart the job creates nothing again the same month", async () => {
    await second.close();
    second = await startTestServer({}, { now: () => clock, shareDatabaseWith: first });
    clock = new Date("2026-11-30T16:59:00Z"); // the month's last minute in Klaten
    expect(await second.server.services.reminder.createDue()).toBe(0);
    expect(await reminders()).toBe(2 * DONORS);
  });

  it("with REMINDERS_SCHEDULE=on the instance keeps the daily schedule in pg-boss and works its job", async () => {
    await second.close();
    second = await startTestServer(
      { REMINDERS_SCHEDULE: "on" },
      { now: () => clock, shareDatabaseWith: first },
    );
    const schedules: { name: string; cron: string; timezone: string }[] =
      await first.server.dataSource.query(
        `SELECT name, cron, timezone FROM pgboss.schedule ORDER BY name`,
      );
    expect(schedules).toEqual([
      { name: CREATE_JOB, cron: CREATE_CRON, timezone: SCHEDULE_TZ },
      { name: SEND_JOB, cron: SEND_CRON, timezone: SCHEDULE_TZ },
    ]);
    expect(CREATE_CRON).toBe("0 7 * * *");
    // December in Klaten: what the 07:00 tick would do, queued now instead of waited for.
    clock = new Date("2026-12-01T00:00:00Z");
    await first.server.dataSource.query(
      `INSERT INTO pgboss.job (name, data) VALUES ($1, '{}'::jsonb)`,
      [CREATE_JOB],
    );
    const deadline = Date.now() + 30_000;
    let state = "";
    while (state !== "completed" && Date.now() < deadline) {
      const [row] = await first.server.dataSource.query(
        `SELECT state FROM pgboss.job WHERE name = $1 ORDER BY created_on DESC LIMIT 1`,
        [CREATE_JOB],
      );
      state = row?.state ?? "";
      if (state === "failed") break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(state).toBe("completed");
    // December: the pledges ended in November (no COVER_ENDING); October–December are due.
    expect(await count(`SELECT count(*) AS n FROM donor_reminder WHERE month = '2026-12-01'`)).toBe(
      DONORS,
    );
  }, 60_000);
});
