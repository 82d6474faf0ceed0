import { TestServer, startTestServer } from "../../test/test-server";
import { createDonor, registerWorkers } from "../../test/fixtures";

// The clock stands at 15 June 2024, 10:00 in Jakarta: pledges may start in 2024-06.
const NOW = new Date("2024-06-15T03:00:00Z");

const SPONSOR = `mutation($input: SponsorWorkersInput!) {
  sponsorWorkers(input: $input) { id status startMonth endMonth months monthlyContribution declaredIncome total paid worker { id }
    contributions { month amount status } } }`;
const PAY = `mutation($input: RecordPaymentInput!) {
  recordPayment(input: $input) { id amount reference allocated unallocated contributions { month } } }`;
const SUMMARY = `query($id: ID!) { donor(id: $id) { summary { workersSponsored workersActive committed paid outstanding credit } } }`;

let t: TestServer;
let workers: string[];
const count = async (sql: string, params: unknown[] = []) =>
  Number((await t.server.dataSource.query(sql, params))[0].n);

beforeAll(async () => {
  t = await startTestServer({}, { now: () => NOW });
  workers = await registerWorkers(t, 12);
});
afterAll(() => t.close());

const sponsor = (donorId: string, workerIds: string[], extra: Record<string, unknown> = {}) =>
  t.gql(SPONSOR, {
    input: { donorId, workerIds, package: "JKK_JKM", startMonth: "2024-06", months: 12, ...extra },
  });
const pay = (
  donorId: string,
  amount: number,
  reference: string,
  extra: Record<string, unknown> = {},
) =>
  t.gql(PAY, {
    input: { donorId, amount, reference, paidAt: "2024-06-15T09:00:00+07:00", ...extra },
  });

describe("a donor pledges, pays and covers months", () => {
  let donor: string;
  beforeAll(async () => {
    donor = await createDonor(t, "Ibu Ani (ASN peduli)", "CIVIL_SERVANT");
  });

  it("pledges 12 months for 3 workers at Rp16,800, priced and snapshotted", async () => {
    const res = await sponsor(donor, workers.slice(0, 3));
    expect(res.errors).toBeUndefined();
    const list = res.data!.sponsorWorkers;
    expect(list.map((s: { worker: { id: string } }) => s.worker.id)).toEqual(workers.slice(0, 3));
    expect(list[0]).toMatchObject({
      status: "PLEDGED",
      startMonth: "2024-06",
      endMonth: "2025-05",
      months: 12,
      monthlyContribution: 16_800,
      declaredIncome: 1_000_000,
      total: 201_600,
      paid: 0,
    });
    expect(list[0].contributions).toHaveLength(12);
    expect(
      list[0].contributions.every(
        (c: { status: string; amount: number }) => c.status === "DUE" && c.amount === 16_800,
      ),
    ).toBe(true);
  });

  it("pays whole months oldest first and keeps the rest as credit", async () => {
    // Rp100,000 pays five months of Rp16,800: June for all three, July for two; Rp16,000 stays.
    const res = await pay(donor, 100_000, "TRF-0001");
    expect(res.data?.recordPayment).toMatchObject({
      amount: 100_000,
      allocated: 84_000,
      unallocated: 16_000,
    });
    expect(res.data?.recordPayment.contributions.map((c: { month: string }) => c.month)).toEqual([
      "2024-06",
      "2024-06",
      "2024-06",
      "2024-07",
      "2024-07",
    ]);
    const summary = await t.gql(SUMMARY, { id: donor });
    expect(summary.data?.donor.summary).toEqual({
      workersSponsored: 3,
      workersActive: 3,
      committed: 604_800,
      paid: 84_000,
      outstanding: 520_800,
      credit: 16_000,
    });
  });

  it("derives coverage: ACTIVE while paid, then ARREARS, then LAPSED after three unpaid months", async () => {
    const res = await t.gql(
      `query($id: ID!) { worker(id: $id) {
      now: coverageStatus jul: coverageStatus(asOf: "2024-07") aug: coverageStatus(asOf: "2024-08")
      sep: coverageStatus(asOf: "2024-09") oct: coverageStatus(asOf: "2024-10") may: coverageStatus(asOf: "2024-05") coveredThrough
      sponsorships { status paid } } }`,
      { id: workers[2] },
    );
    // Worker 3 has June only: July, August, September unpaid are arrears; October lapses.
    expect(res.data?.worker).toEqual({
      now: "ACTIVE",
      jul: "ARREARS",
      aug: "ARREARS",
      sep: "ARREARS",
      oct: "LAPSED",
      may: "UNCOVERED",
      coveredThrough: "2024-06",
      sponsorships: [{ status: "ACTIVE", paid: 16_800 }],
    });
  });

  it("answers a retried payment with the first one and writes nothing", async () => {
    const before = await count(`SELECT count(*) AS n FROM allocation`);
    const first = await t.gql(`{ payments(filter: { donorId: "${donor}" }) { nodes { id } } }`);
    const again = await pay(donor, 100_000, "TRF-0001");
    expect(again.data?.recordPayment.id).toBe(first.data?.payments.nodes[0].id);
    expect(await count(`SELECT count(*) AS n FROM payment`)).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM allocation`)).toBe(before);
  });

  it("refuses the same reference with another amount (CONFLICT), and amounts ≤ 0", async () => {
    const conflict = await pay(donor, 99_000, "TRF-0001");
    expect(conflict.errors?.[0].extensions).toMatchObject({
      code: "CONFLICT",
      fieldErrors: [{ field: "reference" }],
    });
    for (const amount of [0, -16_800]) {
      const bad = await pay(donor, amount, `TRF-BAD-${amount}`);
      expect(bad.errors?.[0].extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        fieldErrors: [{ field: "amount" }],
      });
    }
    const future = await pay(donor, 16_800, "TRF-FUTURE", { paidAt: "2024-07-01T00:00:00+07:00" });
    expect(future.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(await count(`SELECT count(*) AS n FROM payment`)).toBe(1);
  });

  it("refuses to cover a worker-month twice, naming the worker and months, and writes nothing", async () => {
    const other = await createDonor(t, "PT Sari Tirta Merapi", "COMPANY");
    const before = await count(`SELECT count(*) AS n FROM contribution`);
    const res = await sponsor(other, [workers[3], workers[0]], {
      startMonth: "2025-04",
      months: 3,
    });
    const [error] = res.errors!;
    expect(error.extensions?.code).toBe("MONTH_ALREADY_COVERED");
    expect(error.message).toContain("Pekerja 0001 (2025-04, 2025-05)");
    expect(error.message).not.toContain("Pekerja 0004");
    expect(await count(`SELECT count(*) AS n FROM contribution`)).toBe(before);
    expect(await count(`SELECT count(*) AS n FROM sponsorship WHERE donor_id = $1`, [other])).toBe(
      0,
    );
  });

  it.each([
    [{ startMonth: "2024-05" }, "startMonth"],
    [{ months: 25 }, "months"],
    [{ months: 0 }, "months"],
    [{ declaredIncome: 500_000 }, "declaredIncome"],
    [{ workerIds: [] }, "workerIds"],
    [{ workerIds: ["00000000-0000-4000-8000-000000000000"] }, "workerIds"],
  ])("refuses %p with a field error", async (change, field) => {
    const res = await sponsor(donor, [workers[11]], change);
    expect(res.errors?.[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fieldErrors: [{ field }],
    });
  });

  it("cancels only the DUE months; paid months stay paid and the months free up", async () => {
    const { data } = await t.gql(`query($id: ID!) { worker(id: $id) { sponsorships { id } } }`, {
      id: workers[0],
    });
    const id = data!.worker.sponsorships[0].id;
    const res = await t.gql(
      `mutation($id: ID!) { cancelSponsorship(id: $id, reason: "Pekerja pindah ke luar Klaten") {
      status cancelReason total paid contributions { status } } }`,
      { id },
    );
    const s = res.data!.cancelSponsorship;
    expect(s).toMatchObject({
      status: "CANCELLED",
      cancelReason: "Pekerja pindah ke luar Klaten",
      total: 33_600,
      paid: 33_600,
    });
    expect(s.contributions.map((c: { status: string }) => c.status)).toEqual([
      "PAID",
      "PAID",
      ...Array(10).fill("CANCELLED"),
    ]);
    const summary = await t.gql(SUMMARY, { id: donor });
    expect(summary.data?.donor.summary).toMatchObject({
      committed: 436_800,
      paid: 84_000,
      outstanding: 352_800,
    });
    const taken = await sponsor(
      await createDonor(t, "BAZNAS Klaten", "ZAKAT_INSTITUTION"),
      [workers[0]],
      { startMonth: "2024-08", months: 3 },
    );
    expect(taken.errors).toBeUndefined();
  });
});

describe("credit and idempotency", () => {
  it("pays later pledges from credit, a month drawing on two payments", async () => {
    const donor = await createDonor(t, "Komunitas Peduli Pedan", "COMMUNITY");
    await pay(donor, 10_000, "KAS-1", { paidAt: "2024-06-01T08:00:00+07:00" });
    await pay(donor, 30_000, "KAS-2", { paidAt: "2024-06-02T08:00:00+07:00" });
    const res = await sponsor(donor, [workers[4], workers[5]], { months: 1 });
    expect(res.data?.sponsorWorkers.map((s: { status: string }) => s.status)).toEqual([
      "ACTIVE",
      "ACTIVE",
    ]);
    const payments = await t.gql(
      `query($d: ID!) { payments(filter: { donorId: $d }) { nodes { reference allocated unallocated contributions { month } } } }`,
      { d: donor },
    );
    // 33,600 owed: KAS-1 gives all its 10,000, KAS-2 gives 23,600 and keeps 6,400.
    expect(payments.data?.payments.nodes).toEqual([
      {
        reference: "KAS-2",
        allocated: 23_600,
        unallocated: 6_400,
        contributions: [{ month: "2024-06" }, { month: "2024-06" }],
      },
      {
        reference: "KAS-1",
        allocated: 10_000,
        unallocated: 0,
        contributions: [{ month: "2024-06" }],
      },
    ]);
    const sums = await t.server.dataSource.query(
      `SELECT (SELECT sum(amount) FROM payment WHERE donor_id = $1) AS received,
              (SELECT sum(a.amount) FROM allocation a JOIN payment p ON p.id = a.payment_id WHERE p.donor_id = $1) AS allocated`,
      [donor],
    );
    expect(Number(sums[0].allocated) + 6_400).toBe(Number(sums[0].received));
  });

  it("pays only the listed sponsorships when told to", async () => {
    const donor = await createDonor(t, "Bapak Joko", "INDIVIDUAL");
    const pledged = await sponsor(donor, [workers[6], workers[7]], {
      months: 2,
      package: "JKK_JKM_JHT",
    });
    const [, second] = pledged.data!.sponsorWorkers;
    expect(second.monthlyContribution).toBe(36_800);
    const res = await pay(donor, 73_600, "BANK-77", { sponsorshipIds: [second.id] });
    expect(res.data?.recordPayment.allocated).toBe(73_600);
    const statuses = await t.gql(
      `query($a: ID!, $b: ID!) { a: worker(id: $a) { coveredThrough } b: worker(id: $b) { coveredThrough } }`,
      { a: workers[6], b: workers[7] },
    );
    expect(statuses.data).toEqual({
      a: { coveredThrough: null },
      b: { coveredThrough: "2024-07" },
    });
  });

  it("returns the first call's sponsorships for a repeated idempotency key", async () => {
    const donor = await createDonor(t, "Pemkab Klaten (APBD)", "LOCAL_GOVERNMENT");
    const first = await sponsor(donor, [workers[8]], { idempotencyKey: "apbd-2024-batch-1" });
    const before = await count(`SELECT count(*) AS n FROM contribution`);
    const retry = await sponsor(donor, [workers[8]], { idempotencyKey: "apbd-2024-batch-1" });
    expect(retry.data?.sponsorWorkers.map((s: { id: string }) => s.id)).toEqual(
      first.data?.sponsorWorkers.map((s: { id: string }) => s.id),
    );
    expect(await count(`SELECT count(*) AS n FROM contribution`)).toBe(before);
  });
});

describe("lists and filters", () => {
  it("agrees with itself: filtering by status returns exactly the rows showing that status", async () => {
    const all = await t.gql(`{ sponsorships(first: 200) { totalCount nodes { id status } } }`);
    const nodes: { id: string; status: string }[] = all.data!.sponsorships.nodes;
    for (const status of ["PLEDGED", "ACTIVE", "COMPLETED", "CANCELLED"]) {
      const filtered = await t.gql(
        `{ sponsorships(first: 200, filter: { status: [${status}] }) { nodes { id } } }`,
      );
      const ids = filtered.data!.sponsorships.nodes.map((n: { id: string }) => n.id).sort();
      expect(ids).toEqual(
        nodes
          .filter((n) => n.status === status)
          .map((n) => n.id)
          .sort(),
      );
    }
    expect(new Set(nodes.map((n) => n.status))).toEqual(
      new Set(["PLEDGED", "ACTIVE", "CANCELLED"]),
    );
  });

  it("filters workers by coverage status (as the field computes it) and by donor", async () => {
    const all = await t.gql(`{ workers(first: 200) { nodes { id coverageStatus } } }`);
    const nodes: { id: string; coverageStatus: string }[] = all.data!.workers.nodes;
    for (const status of ["ACTIVE", "UNCOVERED"]) {
      const res = await t.gql(
        `{ workers(first: 200, filter: { coverageStatus: [${status}] }) { totalCount nodes { id } } }`,
      );
      expect(res.data!.workers.nodes.map((n: { id: string }) => n.id).sort()).toEqual(
        nodes
          .filter((n) => n.coverageStatus === status)
          .map((n) => n.id)
          .sort(),
      );
    }
    const donors = await t.gql(`{ donors(filter: { kind: [CIVIL_SERVANT] }) { nodes { id } } }`);
    const byDonor = await t.gql(
      `query($d: ID!) { workers(filter: { donorId: $d }) { totalCount } }`,
      { d: donors.data!.donors.nodes[0].id },
    );
    expect(byDonor.data?.workers.totalCount).toBe(3);
  });

  it("orders workers by the month they are covered through, walking pages", async () => {
    const res = await t.gql(
      `{ workers(first: 4, orderBy: { field: COVERED_THROUGH, direction: DESC }) { nodes { coveredThrough } pageInfo { endCursor } } }`,
    );
    expect(
      res.data?.workers.nodes.map((n: { coveredThrough: string | null }) => n.coveredThrough),
    ).toEqual(["2024-07", "2024-07", "2024-07", "2024-06"]);
    const next = await t.gql(
      `query($a: String) { workers(first: 200, after: $a, orderBy: { field: COVERED_THROUGH, direction: DESC }) { nodes { coveredThrough } } }`,
      {
        a: res.data?.workers.pageInfo.endCursor,
      },
    );
    expect(next.data?.workers.nodes).toHaveLength(8);
  });

  it("lists pledges ending within N months", async () => {
    const res = await t.gql(
      `{ soon: sponsorships(filter: { endingWithinMonths: 1 }) { totalCount } later: sponsorships(filter: { endingWithinMonths: 12 }) { totalCount } }`,
    );
    // Ending in 2024-06/07: the two 1-month and two 2-month pledges; within 12 months: every live one.
    expect(res.data?.soon.totalCount).toBe(4);
    expect(res.data?.later.totalCount).toBe(
      await count(`SELECT count(*) AS n FROM sponsorship WHERE cancelled_at IS NULL`),
    );
  });

  it("answers donors with nested sponsorships, workers and payments in a fixed number of statements", async () => {
    const q = `query($n: Int) { donors(first: $n) { nodes { name summary { paid credit }
      sponsorships(first: 5) { totalCount nodes { status total worker { fullName village { name } coverageStatus }
        contributions { month payment { reference donor { name } } } } } } } }`;
    let small: any;
    let large: any;
    const few = await t.countQueries(async () => (small = await t.gql(q, { n: 2 })));
    const many = await t.countQueries(async () => (large = await t.gql(q, { n: 8 })));
    expect(small.errors).toBeUndefined();
    expect(large.data.donors.nodes.length).toBeGreaterThan(5);
    expect(many).toBe(few);
  });
});
