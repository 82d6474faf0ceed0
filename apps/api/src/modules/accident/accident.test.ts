import { createDonor, registerWorkers } from "../../test/fixtures";
import { TestServer, startTestServer } from "../../test/test-server";

// Accidents reported at the PLKK counter, decided against the paid months. The clock is the
// test's own, so the months below hold on any day the suite runs.
let clock = new Date("2024-03-10T03:00:00Z"); // 10:00 WIB, 10 March 2024
let t: TestServer;
let plkk: string;
const ids: Record<string, string> = {};
const niks: Record<string, string> = {};

const REPORT = `mutation($input: ReportAccidentInput!) { reportAccident(input: $input) {
  id status late occurredAt place cause reporterName reporterPhone createdAt
  coveredBy { month status } worker { id } partner { id } } }`;
const count = async (sql: string, params: unknown[] = []) =>
  Number((await t.server.dataSource.query(sql, params))[0].n);
const written = async () => ({
  reports: await count(`SELECT count(*) AS n FROM accident_report`),
  audit: await count(`SELECT count(*) AS n FROM audit_entry`),
});

const report = (input: Record<string, unknown>) =>
  t.gql(REPORT, {
    input: {
      partnerId: plkk,
      place: "Sawah Desa Ngawen",
      cause: "AT_WORK",
      reporterName: "dr. Sari (RSUD Bagas Waras)",
      reporterPhone: "0272321101",
      ...input,
    },
  });

/** The accident instant for a wall-clock time in Jakarta (UTC+7, no daylight saving). */
const wib = (local: string) => new Date(`${local}+07:00`).toISOString();

beforeAll(async () => {
  t = await startTestServer({}, { now: () => clock });
  const partner = await t.gql(`mutation($i: PartnerInput!) { createPartner(input: $i) { id } }`, {
    i: { kind: "PLKK_HOSPITAL", name: "RSUD Bagas Waras", regionCode: "33.10" },
  });
  plkk = partner.data!.createPartner.id;
  const [paidUp, cancelled, noCover, crowd] = await registerWorkers(t, 4, {
    namePrefix: "Korban",
  });
  Object.assign(ids, { paidUp, cancelled, noCover, crowd });
  const rows: { id: string; nik: string }[] = await t.server.dataSource.query(
    `SELECT id, nik FROM worker`,
  );
  for (const [key, id] of Object.entries(ids)) niks[key] = rows.find((r) => r.id === id)!.nik;

  // paidUp: March–May paid, June a gap, July–August paid.
  // cancelled: March–August pledged, March–April paid, then cancelled (May–August CANCELLED).
  // crowd: March paid only.
  // One donor per worker, so each payment pays exactly that worker's months.
  const donors: Record<string, string> = {};
  for (const key of ["paidUp", "cancelled", "crowd"])
    donors[key] = await createDonor(t, `Donatur ${key}`, "COMPANY");
  const sponsor = (key: string, startMonth: string, months: number) =>
    t.gql(`mutation($i: SponsorWorkersInput!) { sponsorWorkers(input: $i) { id } }`, {
      i: { donorId: donors[key], workerIds: [ids[key]], package: "JKK_JKM", startMonth, months },
    });
  const pay = async (key: string, months: number) => {
    const res = await t.gql(
      `mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { unallocated } }`,
      {
        i: {
          donorId: donors[key],
          amount: 16_800 * months,
          reference: `BCA-${key}`,
          paidAt: clock.toISOString(),
        },
      },
    );
    expect(res.data?.recordPayment.unallocated).toBe(0);
  };
  expect((await sponsor("paidUp", "2024-03", 3)).errors).toBeUndefined();
  expect((await sponsor("paidUp", "2024-07", 2)).errors).toBeUndefined();
  const pledged = await sponsor("cancelled", "2024-03", 6);
  expect((await sponsor("crowd", "2024-03", 1)).errors).toBeUndefined();
  await pay("paidUp", 5);
  await pay("cancelled", 2);
  await pay("crowd", 1);
  const cancel = await t.gql(
    `mutation($id: ID!) { cancelSponsorship(id: $id, reason: "pindah kerja") { id } }`,
    { id: pledged.data!.sponsorWorkers[0].id },
  );
  expect(cancel.errors).toBeUndefined();
  const paid: { key: string; months: string }[] = await t.server.dataSource.query(
    `SELECT w.id AS key, string_agg(to_char(c.month, 'YYYY-MM'), ',' ORDER BY c.month) AS months
       FROM contribution c JOIN worker w ON w.id = c.worker_id WHERE c.status = 'PAID' GROUP BY w.id`,
  );
  // The history the decisions below are judged against.
  expect(Object.fromEntries(paid.map((r) => [r.key, r.months]))).toEqual({
    [paidUp]: "2024-03,2024-04,2024-05,2024-07,2024-08",
    [cancelled]: "2024-03,2024-04",
    [crowd]: "2024-03",
  });
  clock = new Date("2024-09-20T03:00:00Z"); // reports come in September
}, 60_000);
afterAll(() => t.close());

describe("the cover decision, on the accident day in Asia/Jakarta", () => {
  it.each([
    ["the first minute of a paid month", "paidUp", "2024-03-01T00:00:00", "ACCEPTED", "2024-03"],
    ["the last minute of a paid month", "paidUp", "2024-05-31T23:59:00", "ACCEPTED", "2024-05"],
    // 00:30 WIB on 1 June is still 31 May in UTC, which was paid: Jakarta's day decides.
    ["00:30 WIB on the first of a gap month", "paidUp", "2024-06-01T00:30:00", "NOT_COVERED", null],
    // 23:30 WIB on 29 February is 16:30 UTC the same day: before cover started.
    ["the evening before cover starts", "paidUp", "2024-02-29T23:30:00", "NOT_COVERED", null],
    ["the middle of a gap month", "paidUp", "2024-06-15T10:00:00", "NOT_COVERED", null],
    // 06:30 WIB on 1 July is 23:30 UTC on 30 June, the gap month: Jakarta's day decides again.
    [
      "06:30 WIB on the first of a paid month",
      "paidUp",
      "2024-07-01T06:30:00",
      "ACCEPTED",
      "2024-07",
    ],
    ["a month paid before the cancel", "cancelled", "2024-04-30T12:00:00", "ACCEPTED", "2024-04"],
    ["a month the cancel took away", "cancelled", "2024-05-02T08:00:00", "NOT_COVERED", null],
    ["a worker nobody sponsors", "noCover", "2024-03-15T08:00:00", "NOT_COVERED", null],
  ])("%s", async (_label, who, local, status, coveredMonth) => {
    const res = await report({ nik: niks[who], occurredAt: wib(local) });
    expect(res.errors).toBeUndefined();
    expect(res.data!.reportAccident).toMatchObject({
      status,
      coveredBy: coveredMonth ? { month: coveredMonth, status: "PAID" } : null,
      worker: { id: ids[who] },
      partner: { id: plkk },
    });
  });

  it("names the worker by id as well as by NIK", async () => {
    const res = await report({ workerId: ids.paidUp, occurredAt: wib("2024-08-31T23:59:59") });
    expect(res.data!.reportAccident).toMatchObject({
      status: "ACCEPTED",
      coveredBy: { month: "2024-08" },
    });
  });

  it("flags a report made more than 48 hours after the accident as late, and keeps it", async () => {
    clock = new Date("2024-08-10T03:00:00Z");
    const exactly48h = new Date(clock.getTime() - 48 * 3_600_000).toISOString();
    const justOver = new Date(clock.getTime() - 48 * 3_600_000 - 60_000).toISOString();
    const onTime = await report({ nik: niks.paidUp, occurredAt: exactly48h });
    const late = await report({ nik: niks.paidUp, occurredAt: justOver });
    expect(onTime.data!.reportAccident).toMatchObject({ late: false, status: "ACCEPTED" });
    expect(late.data!.reportAccident).toMatchObject({ late: true, status: "ACCEPTED" });
    expect(late.data!.reportAccident.createdAt).toBe(clock.toISOString());
    clock = new Date("2024-09-20T03:00:00Z");
  });

  it("keeps a NOT_COVERED report as it was when a payment later covers that month", async () => {
    const [latecomer] = await registerWorkers(t, 1, { serialFrom: 50, namePrefix: "Telat" });
    clock = new Date("2024-09-20T03:00:00Z");
    const first = await report({ workerId: latecomer, occurredAt: wib("2024-09-19T14:00:00") });
    expect(first.data!.reportAccident.status).toBe("NOT_COVERED");
    // The donor pledges and pays September the next day.
    const donor = await createDonor(t, "Ibu Lestari");
    await t.gql(`mutation($i: SponsorWorkersInput!) { sponsorWorkers(input: $i) { id } }`, {
      i: {
        donorId: donor,
        workerIds: [latecomer],
        package: "JKK_JKM",
        startMonth: "2024-09",
        months: 1,
      },
    });
    await t.gql(`mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { id } }`, {
      i: { donorId: donor, amount: 16_800, reference: "BRI-LATE", paidAt: clock.toISOString() },
    });
    const again = await t.gql(
      `query($id: ID!) { accidentReport(id: $id) { status coveredBy { month } } }`,
      { id: first.data!.reportAccident.id },
    );
    expect(again.data!.accidentReport).toEqual({ status: "NOT_COVERED", coveredBy: null });
    // A new report for the same day now finds the paid month.
    const second = await report({ workerId: latecomer, occurredAt: wib("2024-09-19T14:00:00") });
    expect(second.data!.reportAccident).toMatchObject({
      status: "ACCEPTED",
      coveredBy: { month: "2024-09" },
    });
  });
});

describe("bad reports get a coded error and write nothing", () => {
  const base = () => ({ nik: niks.paidUp, occurredAt: wib("2024-07-10T09:00:00") });
  it.each<[string, () => Promise<Record<string, unknown>>, string, string]>([
    ["an unknown NIK", async () => ({ nik: "3310010101900999" }), "NOT_FOUND", "nik"],
    ["a NIK that is not 16 digits", async () => ({ nik: "33100101" }), "BAD_USER_INPUT", "nik"],
    [
      "an unknown worker id",
      async () => ({ nik: null, workerId: "00000000-0000-4000-8000-000000000000" }),
      "NOT_FOUND",
      "workerId",
    ],
    ["both id and NIK", async () => ({ workerId: ids.paidUp }), "BAD_USER_INPUT", "workerId"],
    ["neither id nor NIK", async () => ({ nik: null }), "BAD_USER_INPUT", "nik"],
    [
      "an accident in the future",
      async () => ({ occurredAt: new Date(clock.getTime() + 3_600_000).toISOString() }),
      "BAD_USER_INPUT",
      "occurredAt",
    ],
    ["a blank place", async () => ({ place: "   " }), "BAD_USER_INPUT", "place"],
    [
      "a Perisai agent as reporter",
      async () => ({ partnerId: await partner("PERISAI_AGENT", true) }),
      "PARTNER_NOT_PLKK",
      "partnerId",
    ],
    [
      "a PLKK no longer active",
      async () => ({ partnerId: await partner("PLKK_CLINIC", false) }),
      "PARTNER_NOT_PLKK",
      "partnerId",
    ],
    [
      "an unknown partner",
      async () => ({ partnerId: "00000000-0000-4000-8000-000000000001" }),
      "NOT_FOUND",
      "partnerId",
    ],
  ])("%s", async (_label, change, code, field) => {
    const extra = await change();
    const before = await written();
    const res = await report({ ...base(), ...extra });
    expect(res.errors?.[0].extensions).toMatchObject({ code, fieldErrors: [{ field }] });
    expect(await written()).toEqual(before);
  });

  async function partner(kind: string, active: boolean): Promise<string> {
    const res = await t.gql(`mutation($i: PartnerInput!) { createPartner(input: $i) { id } }`, {
      i: { kind, name: `Mitra ${kind} ${active}`, regionCode: "33.10", active },
    });
    return res.data!.createPartner.id;
  }
});

it("writes an audit entry with the decision for every report", async () => {
  const res = await report({ nik: niks.noCover, occurredAt: wib("2024-09-01T07:00:00") });
  const id = res.data!.reportAccident.id;
  const [entry] = await t.server.dataSource.query(
    `SELECT action, entity, changes FROM audit_entry WHERE entity_id = $1`,
    [id],
  );
  expect(entry).toMatchObject({
    action: "reportAccident",
    entity: "accident_report",
    changes: { workerId: ids.noCover, partnerId: plkk, status: "NOT_COVERED", late: true },
  });
});

it("records 20 simultaneous reports for one worker, each decided on its own day", async () => {
  // Alternating March (paid) and April (not paid) accidents for the same worker.
  const days = Array.from({ length: 20 }, (_, i) =>
    wib(`2024-0${i % 2 ? 4 : 3}-${String(10 + i).padStart(2, "0")}T08:00:00`),
  );
  const before = await count(`SELECT count(*) AS n FROM accident_report WHERE worker_id = $1`, [
    ids.crowd,
  ]);
  const answers = await Promise.all(
    days.map((occurredAt) => report({ nik: niks.crowd, occurredAt })),
  );
  expect(answers.filter((a) => a.errors)).toEqual([]);
  expect(answers.map((a) => a.data!.reportAccident.status)).toEqual(
    days.map((_, i) => (i % 2 ? "NOT_COVERED" : "ACCEPTED")),
  );
  const stored: { occurred_at: Date; status: string }[] = await t.server.dataSource.query(
    `SELECT occurred_at, status FROM accident_report WHERE worker_id = $1`,
    [ids.crowd],
  );
  expect(stored.length - before).toBe(20);
  for (const [i, day] of days.entries())
    expect(stored.find((r) => r.occurred_at.toISOString() === day)?.status).toBe(
      i % 2 ? "NOT_COVERED" : "ACCEPTED",
    );
});

describe("lists, filters and the dashboard count", () => {
  const LIST = `query($f: AccidentReportFilter, $first: Int, $after: String) {
    accidentReports(filter: $f, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { id occurredAt status worker { id } } } }`;

  it("filters by status and by Jakarta day, newest accident first", async () => {
    const res = await t.gql(LIST, {
      f: { workerId: ids.paidUp, status: ["ACCEPTED"], from: "2024-05-31", to: "2024-07-01" },
    });
    expect(res.errors).toBeUndefined();
    expect(
      res.data!.accidentReports.nodes.map((n: { occurredAt: string }) => n.occurredAt),
    ).toEqual([wib("2024-07-01T06:30:00"), wib("2024-05-31T23:59:00")]);
    // 00:30 WIB on 1 June is 31 May in UTC but 1 June in Jakarta: a June-only filter finds it.
    const june = await t.gql(LIST, {
      f: { workerId: ids.paidUp, from: "2024-06-01", to: "2024-06-01" },
    });
    expect(
      june.data!.accidentReports.nodes.map((n: { occurredAt: string }) => n.occurredAt),
    ).toEqual([wib("2024-06-01T00:30:00")]);
  });

  it("pages through every report once", async () => {
    const total = await count(`SELECT count(*) AS n FROM accident_report`);
    const seen = new Set<string>();
    let after: string | null = null;
    for (;;) {
      const res: { data?: any } = await t.gql(LIST, { first: 7, after });
      for (const n of res.data.accidentReports.nodes) seen.add(n.id);
      if (!res.data.accidentReports.pageInfo.hasNextPage) break;
      after = res.data.accidentReports.pageInfo.endCursor;
    }
    expect(seen.size).toBe(total);
  });

  it("refuses a range that ends before it starts", async () => {
    const res = await t.gql(LIST, { f: { from: "2024-06-02", to: "2024-06-01" } });
    expect(res.errors?.[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fieldErrors: [{ field: "to" }],
    });
  });

  it("lists a worker's accidents on the worker and counts a month per child region", async () => {
    const worker = await t.gql(
      `query($id: ID!) { worker(id: $id) { accidentReports { status } } }`,
      {
        id: ids.cancelled,
      },
    );
    expect(worker.data!.worker.accidentReports).toEqual([
      { status: "NOT_COVERED" },
      { status: "ACCEPTED" },
    ]);
    const march = await t.gql(
      `{ accidentSummary(regionCode: "33.10", month: "2024-03") {
          total { total accepted notCovered } children { regionCode total accepted notCovered region { name } } } }`,
    );
    const rows: { n: number; accepted: number }[] = await t.server.dataSource.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'ACCEPTED')::int AS accepted
         FROM accident_report WHERE cover_month = '2024-03-01'`,
    );
    expect(march.errors).toBeUndefined();
    const summary = march.data!.accidentSummary;
    expect(summary.total).toEqual({
      total: rows[0].n,
      accepted: rows[0].accepted,
      notCovered: rows[0].n - rows[0].accepted,
    });
    // All the test's workers live in 33.10.01; every other district of Klaten counts zero.
    const district = summary.children.find(
      (c: { regionCode: string }) => c.regionCode === "33.10.01",
    );
    expect(district).toMatchObject({ total: rows[0].n, accepted: rows[0].accepted });
    const districts = await count(`SELECT count(*) AS n FROM region WHERE parent_code = '33.10'`);
    expect(summary.children.length).toBe(districts);
    expect(summary.children.filter((c: { total: number }) => c.total > 0)).toHaveLength(1);
  });
});
