import {
  Gender,
  Occupation,
  ProgramPackage,
  RecruitMonth,
  addMonths,
  agentCommission,
  agentFeeRuleAt,
  buildNik,
  compareYearMonth,
  yearMonthOf,
} from "@sertakan/schema";
import { createDonor } from "../../test/fixtures";
import { TestServer, startTestServer } from "../../test/test-server";

// Perisai agents' fees: the SQL on the allocation rows must equal agentCommission() in
// @sertakan/schema, agent by agent, on a seeded history that exercises every rule: the
// 25-recruit threshold, both packages, the 24th/25th paid-month boundary, suspension after
// three idle months, a new agent who is not yet suspendable, and a region filter.
let clock = new Date("2023-11-10T03:00:00Z");
let t: TestServer;
const agents: Record<string, string> = {};
let serial = 1;

const FEES = `query($month: YearMonth!, $region: ID) { agentCommissions(month: $month, regionCode: $region) {
  agent { id name } month newRecruits paidMonths contributions acquisitionFee contributionFee agentFee institutionFee suspended } }`;

async function agent(name: string, regionCode: string, agreementStart: string) {
  const res = await t.gql(`mutation($i: PartnerInput!) { createPartner(input: $i) { id } }`, {
    i: { kind: "PERISAI_AGENT", name, regionCode, agreementStart },
  });
  agents[name] = res.data!.createPartner.id;
}

/** Registers `n` recruits of an agent, then dates their registration (Jakarta time). */
async function recruits(
  agentName: string,
  n: number,
  registeredAt: string,
  village = "33.10.05.2001",
) {
  const rows = Array.from({ length: n }, () => {
    const i = serial++;
    const birthDate = `1980-0${(i % 9) + 1}-1${i % 10}`;
    return {
      nik: buildNik({
        districtCode: village.slice(0, 8),
        birthDate,
        gender: Gender.MALE,
        serial: i,
      }),
      fullName: `Rekrutan ${agentName} ${i}`,
      gender: Gender.MALE,
      birthDate,
      occupation: Occupation.TRADER,
      villageCode: village,
      recruitedById: agents[agentName],
    };
  });
  const res = await t.gql(
    `mutation($rows: [RegisterWorkerInput!]!) { importWorkers(rows: $rows) { errors { message } workers { id } } }`,
    { rows },
  );
  expect(res.data?.importWorkers.errors).toEqual([]);
  const ids: string[] = res.data!.importWorkers.workers.map((w: { id: string }) => w.id);
  await t.server.dataSource.query(`UPDATE worker SET created_at = $2 WHERE id = ANY($1)`, [
    ids,
    new Date(`${registeredAt}+07:00`),
  ]);
  return ids;
}

async function pledge(
  donorId: string,
  workerIds: string[],
  pkg: string,
  startMonth: string,
  months: number,
) {
  const res = await t.gql(
    `mutation($i: SponsorWorkersInput!) { sponsorWorkers(input: $i) { id } }`,
    {
      i: { donorId, workerIds, package: pkg, startMonth, months },
    },
  );
  expect(res.errors).toBeUndefined();
}

async function pay(donorId: string, amount: number, reference: string, paidAt = clock) {
  const res = await t.gql(`mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { id } }`, {
    i: { donorId, amount, reference, paidAt: paidAt.toISOString() },
  });
  expect(res.errors).toBeUndefined();
}

beforeAll(async () => {
  t = await startTestServer({}, { now: () => clock });
  await agent("Agen Bayat", "33.10", "2022-06-01"); // busy: 31 recruits in February
  await agent("Agen Cawas", "33.10.05", "2023-01-01"); // one recruit paying 32 months
  await agent("Agen Delanggu", "33.10", "2022-03-01"); // idle November–January
  await agent("Agen Wedi", "33.10", "2023-12-01"); // new: started in December
  await agent("Agen Sepi", "33.10", "2022-01-01"); // nothing at all
  await agent("Agen Boyolali", "33.09", "2022-01-01"); // another regency

  // November 2023
  await recruits("Agen Cawas", 1, "2023-10-20T09:00:00"); // active in October
  const cawas = await recruits("Agen Cawas", 5, "2023-11-05T09:00:00");
  const delanggu = await recruits("Agen Delanggu", 1, "2023-06-01T09:00:00");
  const boyolali = await recruits("Agen Boyolali", 2, "2023-11-06T09:00:00", "33.09.01.2001");
  const dCawas = await createDonor(t, "Donatur Cawas");
  const dDelanggu = await createDonor(t, "Donatur Delanggu");
  const dBoyolali = await createDonor(t, "Donatur Boyolali");
  await pledge(dCawas, [cawas[0]], "JKK_JKM", "2023-11", 24);
  await pledge(dCawas, [cawas[0]], "JKK_JKM", "2025-11", 12);
  await pledge(dDelanggu, delanggu, "JKK_JKM_JHT", "2023-11", 12);
  await pledge(dBoyolali, boyolali, "JKK_JKM", "2023-11", 6);
  await pay(dCawas, 2 * 16_800, "CAWAS-NOV"); // places 1–2
  await pay(dBoyolali, 2 * 16_800, "BOYO-NOV");

  // January 2024: Bayat's first recruit.
  clock = new Date("2024-01-15T03:00:00Z");
  const bayatEarly = await recruits("Agen Bayat", 1, "2024-01-08T10:00:00");

  // February 2024
  clock = new Date("2024-02-10T03:00:00Z");
  const bayat = await recruits("Agen Bayat", 30, "2024-02-05T08:00:00");
  const wedi = await recruits("Agen Wedi", 2, "2024-02-03T08:00:00");
  const dBayat = await createDonor(t, "PT Bayat Makmur", "COMPANY");
  const dWedi = await createDonor(t, "Donatur Wedi");
  await pledge(dBayat, bayat.slice(0, 20), "JKK_JKM", "2024-02", 3);
  await pledge(dBayat, [...bayat.slice(20), ...bayatEarly], "JKK_JKM_JHT", "2024-02", 3);
  await pledge(dWedi, wedi, "JKK_JKM", "2024-02", 2);
  await pay(dBayat, 20 * 16_800 + 11 * 36_800 + 5_000, "BAYAT-FEB"); // the first month each, plus a little
  await pay(dCawas, 30 * 16_800, "CAWAS-FEB"); // places 3–32: crosses the 24/25 boundary
  await pay(dDelanggu, 3 * 36_800, "DELANGGU-FEB"); // paid, but the agent was idle
  await pay(dWedi, 2 * 16_800, "WEDI-FEB");
  await pay(dBoyolali, 16_800, "BOYO-FEB");

  // Either side of midnight in Jakarta (both on 29 February in UTC): Wedi's March months.
  clock = new Date("2024-03-01T01:00:00+07:00");
  await pay(dWedi, 16_800, "WEDI-29FEB", new Date("2024-02-29T23:30:00+07:00"));
  await pay(dWedi, 16_800, "WEDI-1MAR", new Date("2024-03-01T00:30:00+07:00"));
}, 90_000);
afterAll(() => t.close());

type Row = Record<string, any>;

/**
 * The fees computed in TypeScript from the raw rows: each recruit's history read back from
 * the tables and handed to agentCommission(), independently of the SQL under test.
 */
async function expectedFees(month: string, region: string | null) {
  const db = t.server.dataSource;
  const partners: Row[] = await db.query(
    `SELECT id, name, region_code,
            to_char(coalesce(agreement_start, (created_at AT TIME ZONE 'Asia/Jakarta')::date), 'YYYY-MM') AS since
       FROM partner WHERE kind = 'PERISAI_AGENT' ORDER BY name, id`,
  );
  const workers: Row[] = await db.query(
    `SELECT id, recruited_by_id, created_at,
            (SELECT package FROM sponsorship s WHERE s.worker_id = w.id ORDER BY s.seq LIMIT 1) AS first_package
       FROM worker w WHERE recruited_by_id IS NOT NULL`,
  );
  const paidMonths: Row[] = await db.query(
    `SELECT id, worker_id, to_char(month, 'YYYY-MM') AS month FROM contribution WHERE status = 'PAID'`,
  );
  const allocations: Row[] = await db.query(
    `SELECT a.contribution_id, a.amount, p.paid_at, c.worker_id, to_char(c.month, 'YYYY-MM') AS month
       FROM allocation a JOIN payment p ON p.id = a.payment_id JOIN contribution c ON c.id = a.contribution_id`,
  );
  const rule = agentFeeRuleAt(month);
  const idle = rule.suspendAfterIdleMonths ?? 0;
  const inRegion = (code: string) => !region || code === region || code.startsWith(`${region}.`);
  return partners
    .filter((p) => inRegion(p.region_code))
    .map((p) => {
      const own = workers.filter((w) => w.recruited_by_id === p.id);
      const ownIds = new Set(own.map((w) => w.id));
      const activeIn = (m: string) =>
        own.some((w) => yearMonthOf(w.created_at) === m) ||
        allocations.some((a) => ownIds.has(a.worker_id) && yearMonthOf(a.paid_at) === m);
      const before = Array.from({ length: idle }, (_, k) => addMonths(month, -(k + 1))).filter(
        (m) => compareYearMonth(m, p.since) >= 0,
      );
      const recruitMonths: RecruitMonth[] = own.map((w) => ({
        newThisMonth: yearMonthOf(w.created_at) === month,
        firstPackage: (w.first_package as ProgramPackage) ?? null,
        allocations: allocations
          .filter((a) => a.worker_id === w.id && yearMonthOf(a.paid_at) === month)
          .map((a) => ({
            contributionId: a.contribution_id,
            amount: Number(a.amount),
            place: paidMonths.filter((c) => c.worker_id === w.id && c.month <= a.month).length,
          })),
      }));
      return {
        agent: { id: p.id, name: p.name },
        month,
        ...agentCommission(rule, recruitMonths, before.map(activeIn)),
      };
    });
}

describe("agents' fees: the SQL equals the pure rule, agent by agent", () => {
  it.each([
    ["2023-11", null],
    ["2023-12", null],
    ["2024-01", null],
    ["2024-02", null],
    ["2024-02", "33.10"],
    ["2024-02", "33.10.05"],
    ["2024-03", "33.10"],
  ])("in %s for region %s", async (month, region) => {
    const res = await t.gql(FEES, { month, region });
    expect(res.errors).toBeUndefined();
    expect(res.data!.agentCommissions).toEqual(await expectedFees(month, region));
  });
});

describe("agents' fees with the real Perdir 13/2022 figures", () => {
  let feb: Record<string, Row>;
  beforeAll(async () => {
    const res = await t.gql(FEES, { month: "2024-02", region: "33.10" });
    feb = Object.fromEntries(res.data!.agentCommissions.map((r: Row) => [r.agent.name, r]));
  });

  it("lists every agent of the region, including those with nothing that month", () => {
    expect(Object.keys(feb).sort()).toEqual(
      ["Agen Bayat", "Agen Cawas", "Agen Delanggu", "Agen Sepi", "Agen Wedi"].sort(),
    );
    expect(feb["Agen Sepi"]).toMatchObject({ newRecruits: 0, paidMonths: 0, agentFee: 0 });
  });

  it("pays acquisition at 30 new recruits: Rp10,000 on JKK+JKM, Rp15,000 on JKK+JKM+JHT", () => {
    // 20 on JKK+JKM and 10 on JKK+JKM+JHT new in February; January's recruit is not new.
    expect(feb["Agen Bayat"]).toMatchObject({
      newRecruits: 30,
      paidMonths: 31,
      contributions: 20 * 16_800 + 11 * 36_800,
      acquisitionFee: 20 * 10_000 + 10 * 15_000,
      // 15% of first paid months: 0.15 × 740,800 = 111,120
      contributionFee: 111_120,
      agentFee: 350_000 + 111_120,
      institutionFee: 46_112,
      suspended: false,
    });
  });

  it("pays 15% on paid months 3–24 and 5% on 25–32, with no acquisition under 25 recruits", () => {
    // 22 × 2,520 + 8 × 840 = 55,440 + 6,720
    expect(feb["Agen Cawas"]).toMatchObject({
      newRecruits: 0,
      paidMonths: 30,
      contributions: 30 * 16_800,
      acquisitionFee: 0,
      contributionFee: 62_160,
      agentFee: 62_160,
      institutionFee: 6_216,
    });
  });

  it("cuts off an agent idle for the three months before, and not a new one", () => {
    expect(feb["Agen Delanggu"]).toMatchObject({
      suspended: true,
      paidMonths: 3,
      contributions: 3 * 36_800,
      agentFee: 0,
      institutionFee: 0,
    });
    // Wedi started in December: only December and January were theirs to be idle in.
    expect(feb["Agen Wedi"]).toMatchObject({ suspended: false, paidMonths: 3 });
  });

  it("counts money by the month it was received in Jakarta", async () => {
    // February: the 2 months of the 10 February payment and the one paid at 23:30 on the 29th.
    expect(feb["Agen Wedi"]).toMatchObject({ contributions: 3 * 16_800, contributionFee: 7_560 });
    // March: only the one paid at 00:30 on 1 March, though it was still 29 February in UTC.
    const march = await t.gql(FEES, { month: "2024-03", region: "33.10" });
    const wedi = march.data!.agentCommissions.find((r: Row) => r.agent.name === "Agen Wedi");
    expect(wedi).toMatchObject({ paidMonths: 1, contributions: 16_800, contributionFee: 2_520 });
    const nov = await t.gql(FEES, { month: "2023-11", region: "33.10" });
    const cawas = nov.data!.agentCommissions.find((r: Row) => r.agent.name === "Agen Cawas");
    expect(cawas).toMatchObject({ newRecruits: 5, paidMonths: 2, contributionFee: 2 * 2_520 });
  });

  it("refuses a region outside the caller's scope and a month before any fee table", async () => {
    const officer = await t.tokenFor("OFFICER", "33.10");
    const out = await t.as(officer)(FEES, { month: "2024-02", region: "33.09" });
    expect(out.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const own = await t.as(officer)(FEES, { month: "2024-02" });
    expect(own.data!.agentCommissions.map((r: Row) => r.agent.name)).not.toContain("Agen Boyolali");
    const early = await t.gql(FEES, { month: "2017-12" });
    expect(early.errors?.[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fieldErrors: [{ field: "month" }],
    });
  });
});
