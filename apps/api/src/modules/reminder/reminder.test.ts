import { endingSponsorships } from "@sertakan/schema";
import { registerWorkers } from "../../test/fixtures";
import { TestServer, startTestServer } from "../../test/test-server";

// Which reminders the job creates, judged on a history seeded in October 2026 and runs on
// either side of a month end (Asia/Jakarta). The clock is the test's own: any day will do.
let clock = new Date("2026-10-15T03:00:00Z"); // 10:00 WIB, 15 October 2026
let t: TestServer;
const ids: Record<string, string> = {};

const DONOR = `mutation($i: DonorInput!) { createDonor(input: $i) { id } }`;
const SPONSOR = `mutation($i: SponsorWorkersInput!) { sponsorWorkers(input: $i) { id } }`;
const LIST = `query($f: DonorReminderFilter, $first: Int, $after: String) {
  donorReminders(filter: $f, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id kind month amount status attempts sentAt lastError
            donor { id name phone } sponsorships { id endMonth } } } }`;

type Row = { donor: string; kind: string; month: string; amount: number; ends: string[] };
const created = async (): Promise<Row[]> => {
  const res = await t.gql(LIST, { first: 200 });
  expect(res.errors).toBeUndefined();
  const byId = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
  return res
    .data!.donorReminders.nodes.map(
      (r: {
        donor: { id: string };
        kind: string;
        month: string;
        amount: number;
        sponsorships: { endMonth: string }[];
      }) => ({
        donor: byId[r.donor.id],
        kind: r.kind,
        month: r.month,
        amount: r.amount,
        ends: r.sponsorships.map((s) => s.endMonth).sort(),
      }),
    )
    .sort((a: Row, b: Row) =>
      `${a.month}${a.donor}${a.kind}`.localeCompare(`${b.month}${b.donor}${b.kind}`),
    );
};
const run = () => t.server.services.reminder.createDue();

beforeAll(async () => {
  t = await startTestServer({}, { now: () => clock });
  const donor = async (key: string, regionCode: string, email: string | null) => {
    const res = await t.gql(DONOR, {
      i: { kind: "COMPANY", name: `CV ${key}`, regionCode, phone: "0272-321101", email },
    });
    ids[key] = res.data!.createDonor.id;
  };
  await donor("ana", "33.10", null);
  await donor("bayu", "33.10", "bayu@example.test");
  await donor("citra", "33.10", null);
  await donor("dewi", "33.09", null); // Boyolali: outside a Klaten officer's scope
  const [a1, a2, b1, c1] = await registerWorkers(t, 4, { namePrefix: "Klaten" });
  const [d1] = await registerWorkers(t, 1, { village: "33.09.01.2001", namePrefix: "Boyolali" });
  const sponsor = async (
    donorId: string,
    workerId: string,
    pkg: string,
    start: string,
    months: number,
  ) => {
    const res = await t.gql(SPONSOR, {
      i: { donorId, workerIds: [workerId], package: pkg, startMonth: start, months },
    });
    expect(res.errors).toBeUndefined();
    return res.data!.sponsorWorkers[0].id as string;
  };
  const pay = async (donorId: string, amount: number, reference: string) => {
    const res = await t.gql(
      `mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { id } }`,
      { i: { donorId, amount, reference, paidAt: clock.toISOString() } },
    );
    expect(res.errors).toBeUndefined();
  };
  // Ana: a1 JKK+JKM October–December, a2 with JHT October–January. She paid October for
  // both plus Rp3,200 that stays as credit.
  await sponsor(ids.ana, a1, "JKK_JKM", "2026-10", 3);
  await sponsor(ids.ana, a2, "JKK_JKM_JHT", "2026-10", 4);
  await pay(ids.ana, 16_800 + 36_800 + 3_200, "BCA-ana-1");
  // Bayu: b1 October–December, paid in full, and renewed January–June: nothing to remind.
  await sponsor(ids.bayu, b1, "JKK_JKM", "2026-10", 3);
  await pay(ids.bayu, 3 * 16_800, "BCA-bayu-1");
  await sponsor(ids.bayu, b1, "JKK_JKM", "2027-01", 6);
  // Citra: c1 October–December, cancelled before paying: nothing ends, nothing is due.
  const cancelled = await sponsor(ids.citra, c1, "JKK_JKM", "2026-10", 3);
  const cancel = await t.gql(
    `mutation($id: ID!) { cancelSponsorship(id: $id, reason: "pindah") { id } }`,
    { id: cancelled },
  );
  expect(cancel.errors).toBeUndefined();
  // Dewi (Boyolali): d1 October–January, never paid.
  await sponsor(ids.dewi, d1, "JKK_JKM", "2026-10", 4);
}, 60_000);
afterAll(() => t.close());

describe("creating reminders", () => {
  it("on 30 November at 23:59 WIB: November's reminders", async () => {
    clock = new Date("2026-11-30T16:59:00Z");
    expect(await run()).toBe(3);
    expect(await created()).toEqual([
      // a1 ends in December, next month; a2 (January) not yet.
      { donor: "ana", kind: "COVER_ENDING", month: "2026-11", amount: 16_800, ends: ["2026-12"] },
      // November of a1 and a2 (Rp53,600) less Rp3,200 credit.
      {
        donor: "ana",
        kind: "PAYMENT_DUE",
        month: "2026-11",
        amount: 50_400,
        ends: ["2026-12", "2027-01"],
      },
      // October and November of d1.
      { donor: "dewi", kind: "PAYMENT_DUE", month: "2026-11", amount: 33_600, ends: ["2027-01"] },
    ]);
  });

  it("one minute later it is 1 December in Klaten: December's reminders, November's kept", async () => {
    clock = new Date("2026-11-30T17:00:00Z");
    expect(await run()).toBe(4);
    const december = (await created()).filter((r) => r.month === "2026-12");
    expect(december).toEqual([
      {
        donor: "ana",
        kind: "COVER_ENDING",
        month: "2026-12",
        amount: 53_600,
        ends: ["2026-12", "2027-01"],
      },
      // November and December of both (Rp107,200) less Rp3,200.
      {
        donor: "ana",
        kind: "PAYMENT_DUE",
        month: "2026-12",
        amount: 104_000,
        ends: ["2026-12", "2027-01"],
      },
      { donor: "dewi", kind: "COVER_ENDING", month: "2026-12", amount: 16_800, ends: ["2027-01"] },
      { donor: "dewi", kind: "PAYMENT_DUE", month: "2026-12", amount: 50_400, ends: ["2027-01"] },
    ]);
    expect((await created()).length).toBe(7);
  });

  it("matches the pure rule of @sertakan/schema for every donor", async () => {
    const rows: {
      id: string;
      donor_id: string;
      worker_id: string;
      end_month: string;
      cancelled: boolean;
    }[] = await t.server.dataSource.query(
      `SELECT id, donor_id, worker_id, to_char(end_month, 'YYYY-MM') AS end_month,
                cancelled_at IS NOT NULL AS cancelled FROM sponsorship`,
    );
    const stored: { donor_id: string; ids: string[] }[] = await t.server.dataSource.query(
      `SELECT donor_id, sponsorship_ids::text[] AS ids FROM donor_reminder
        WHERE kind = 'COVER_ENDING' AND month = '2026-12-01'`,
    );
    for (const key of ["ana", "bayu", "citra", "dewi"]) {
      const mine = rows
        .filter((r) => r.donor_id === ids[key])
        .map((r) => ({
          id: r.id,
          workerId: r.worker_id,
          endMonth: r.end_month,
          cancelled: r.cancelled,
        }));
      const expected = endingSponsorships(mine, "2026-12")
        .map((s) => s.id)
        .sort();
      const got = stored.find((s) => s.donor_id === ids[key])?.ids.sort() ?? [];
      expect(got).toEqual(expected);
    }
  });

  it("a second run in the same month creates nothing and writes no audit entry", async () => {
    const audits = async () =>
      Number(
        (
          await t.server.dataSource.query(
            `SELECT count(*) AS n FROM audit_entry WHERE action = 'runReminders'`,
          )
        )[0].n,
      );
    const before = await audits();
    clock = new Date("2026-12-31T16:59:00Z"); // 23:59 WIB on 31 December: still December
    expect(await run()).toBe(0);
    expect(await audits()).toBe(before);
    expect((await created()).length).toBe(7);
  });
});

describe("reading reminders", () => {
  it("filters by kind, status, month and donor, newest first, a page at a time", async () => {
    const page = await t.gql(LIST, {
      f: { kind: ["PAYMENT_DUE"], status: ["PENDING"], month: "2026-12" },
      first: 1,
    });
    expect(page.data!.donorReminders.totalCount).toBe(2);
    expect(page.data!.donorReminders.pageInfo.hasNextPage).toBe(true);
    const next = await t.gql(LIST, {
      f: { kind: ["PAYMENT_DUE"], status: ["PENDING"], month: "2026-12" },
      first: 1,
      after: page.data!.donorReminders.pageInfo.endCursor,
    });
    const both = [...page.data!.donorReminders.nodes, ...next.data!.donorReminders.nodes];
    expect(both.map((r: { amount: number }) => r.amount).sort()).toEqual([104_000, 50_400].sort());
    const ana = await t.gql(LIST, { f: { donorId: ids.ana } });
    expect(ana.data!.donorReminders.totalCount).toBe(4);
    const bad = await t.gql(LIST, { f: { month: "2026-13" } });
    expect(bad.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("Donor.reminders lists the donor's own, for every donor of a list", async () => {
    const res = await t.gql(
      `{ donors(first: 10) { nodes { name reminders(first: 2) { totalCount nodes { kind month } } } } }`,
    );
    const byName = Object.fromEntries(
      res.data!.donors.nodes.map((d: { name: string; reminders: { totalCount: number } }) => [
        d.name,
        d.reminders.totalCount,
      ]),
    );
    expect(byName).toEqual({ "CV ana": 4, "CV bayu": 0, "CV citra": 0, "CV dewi": 3 });
  });

  it("keeps to the caller's scope: a Klaten officer sees Klaten donors' reminders only", async () => {
    const officer = await t.tokenFor("OFFICER", "33.10");
    const res = await t.as(officer)(LIST, {});
    expect(res.data!.donorReminders.totalCount).toBe(4);
    const names = new Set(
      res.data!.donorReminders.nodes.map((r: { donor: { name: string } }) => r.donor.name),
    );
    expect([...names]).toEqual(["CV ana"]);
  });

  it("shows a viewer the call list as the donor module does (the donor's phone included)", async () => {
    const viewer = await t.tokenFor("VIEWER", "33.10");
    const res = await t.as(viewer)(LIST, { f: { status: ["PENDING"] } });
    expect(res.data!.donorReminders.totalCount).toBe(4);
    expect(res.data!.donorReminders.nodes[0].donor.phone).toBe("0272-321101");
  });
});

describe("runReminders", () => {
  it("is for administrators: a national officer is FORBIDDEN and nothing is created", async () => {
    const officer = await t.tokenFor("OFFICER", null);
    const res = await t.as(officer)(`mutation { runReminders }`);
    expect(res.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect((await created()).length).toBe(7);
  });

  it("creates January's on 1 January at 00:00 WIB and audits the run", async () => {
    clock = new Date("2026-12-31T17:00:00Z");
    const res = await t.gql(`mutation { runReminders }`);
    expect(res.errors).toBeUndefined();
    // Ana: a2 ends in January (COVER_ENDING Rp36,800) and months are due; Dewi likewise;
    // Bayu's renewal has its first month due now.
    expect(res.data!.runReminders).toBe(5);
    const january = (await created()).filter((r) => r.month === "2027-01");
    expect(january.map((r) => [r.donor, r.kind, r.amount])).toEqual([
      ["ana", "COVER_ENDING", 36_800],
      // December's Rp104,000 plus a2's January (a1 ended in December).
      ["ana", "PAYMENT_DUE", 104_000 + 36_800],
      ["bayu", "PAYMENT_DUE", 16_800],
      ["dewi", "COVER_ENDING", 16_800],
      ["dewi", "PAYMENT_DUE", 4 * 16_800],
    ]);
    const [audit] = await t.server.dataSource.query(
      `SELECT actor, changes FROM audit_entry WHERE action = 'runReminders' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit.actor).toBe("admin@test.local");
    expect(audit.changes).toEqual({ month: "2027-01", coverEnding: 2, paymentDue: 3 });
    expect((await t.gql(`mutation { runReminders }`)).data!.runReminders).toBe(0);
  });
});
