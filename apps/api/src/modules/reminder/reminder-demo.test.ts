import { seedDemo } from "../../database/seed/demo-seed";
import { TestServer, startTestServer } from "../../test/test-server";

// The demo's reminders (database/seed/reminder-seed.ts): both kinds, last month's mailed,
// this month's call list, made by the job's own statements so the job finds nothing to add.
let t: TestServer;
const now = new Date("2026-11-15T03:00:00Z");
beforeAll(async () => {
  t = await startTestServer({}, { now: () => now });
  await seedDemo(t.server.dataSource, { currentMonth: "2026-11", now });
}, 90_000);
afterAll(() => t.close());

it("has reminders of both kinds, sent, failed and pending, and the job adds none", async () => {
  const rows: { month: string; kind: string; status: string; n: number }[] =
    await t.server.dataSource.query(
      `SELECT to_char(month, 'YYYY-MM') AS month, kind, status, count(*)::int AS n
         FROM donor_reminder GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    );
  const seen = (month: string, kind: string, status: string) =>
    rows.find((r) => r.month === month && r.kind === kind && r.status === status)?.n ?? 0;
  for (const kind of ["COVER_ENDING", "PAYMENT_DUE"]) {
    expect(seen("2026-10", kind, "SENT") + seen("2026-11", kind, "SENT")).toBeGreaterThan(0);
    expect(seen("2026-11", kind, "PENDING")).toBeGreaterThan(0);
  }
  expect(rows.filter((r) => r.status === "FAILED").map((r) => [r.month, r.n])).toEqual([
    ["2026-10", 1],
  ]);
  // Every PENDING one is a donor to call: no e-mail, a phone to ring.
  const [calls] = await t.server.dataSource.query(
    `SELECT count(*) FILTER (WHERE d.email IS NOT NULL)::int AS with_email,
            count(*) FILTER (WHERE d.phone IS NULL)::int AS without_phone
       FROM donor_reminder r JOIN donor d ON d.id = r.donor_id WHERE r.status = 'PENDING'`,
  );
  expect(calls).toEqual({ with_email: 0, without_phone: 0 });
  expect(await t.server.services.reminder.createDue()).toBe(0);
});
