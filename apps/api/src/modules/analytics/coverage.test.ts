import {
  CoverageStatus,
  Gender,
  Occupation,
  YearMonth,
  addMonths,
  buildNik,
  coverageStatus,
  monthsBetween,
} from "@sertakan/schema";
import { TestServer, startTestServer } from "../../test/test-server";
import { createDonor } from "../../test/fixtures";
import { rebuildCoverageRollups } from "./rollups";

// The roll-ups answer coverageStats and coverageTimeline. Here they are checked against the
// rule itself (coverageStatus over each worker's paid months) after pledges, partial
// payments, a cancellation, a gap and a move, for every month from before the first payment
// to long after the last one (when everyone has lapsed).
const NOW = new Date("2024-06-15T03:00:00Z");
let t: TestServer;
const workers: string[] = [];

const sponsor = (
  donorId: string,
  workerIds: string[],
  startMonth: string,
  months: number,
  pkg = "JKK_JKM",
) =>
  t.gql(`mutation($i: SponsorWorkersInput!) { sponsorWorkers(input: $i) { id } }`, {
    i: { donorId, workerIds, package: pkg, startMonth, months },
  });
const pay = (donorId: string, amount: number, reference: string) =>
  t.gql(`mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { allocated } }`, {
    i: { donorId, amount, reference, paidAt: "2024-06-15T09:00:00+07:00" },
  });

beforeAll(async () => {
  t = await startTestServer({}, { now: () => NOW });
  const villages = [
    ...Array(20).fill("33.10.01.2001"),
    ...Array(10).fill("33.10.02.2001"),
    ...Array(10).fill("33.09.01.2001"),
  ];
  const rows = villages.map((villageCode, i) => {
    const birthDate = `1980-01-${String((i % 28) + 1).padStart(2, "0")}`;
    return {
      nik: buildNik({
        districtCode: villageCode.slice(0, 8),
        birthDate,
        gender: Gender.MALE,
        serial: i + 1,
      }),
      fullName: `Uji ${i}`,
      gender: "MALE",
      birthDate,
      occupation: i % 2 ? Occupation.TRADER : Occupation.FARMER,
      villageCode,
    };
  });
  const res = await t.gql(
    `mutation($r: [RegisterWorkerInput!]!) { importWorkers(rows: $r) { workers { id nik } } }`,
    { r: rows },
  );
  const byNik = new Map(
    res.data!.importWorkers.workers.map((w: { id: string; nik: string }) => [w.nik, w.id]),
  );
  for (const r of rows) workers.push(byNik.get(r.nik) as string);

  const [a, b, c, d, e] = await Promise.all(
    ["A", "B", "C", "D", "E"].map((n) => createDonor(t, `Donatur ${n}`)),
  );
  await sponsor(a, workers.slice(0, 15), "2024-06", 12);
  await pay(a, 15 * 3 * 16_800, "A-1"); // June–August for all fifteen
  await sponsor(b, workers.slice(15, 25), "2024-08", 6, "JKK_JKM_JHT");
  await pay(b, 10 * 36_800 + 5_000, "B-1"); // August only, a little credit
  await sponsor(c, workers.slice(30, 40), "2024-06", 3);
  await pay(c, 10 * 3 * 16_800, "C-1");
  // Worker 0's pledge is cancelled after three paid months; another donor carries on.
  const { data } = await t.gql(`query($w: ID!) { worker(id: $w) { sponsorships { id } } }`, {
    w: workers[0],
  });
  await t.gql(
    `mutation($id: ID!) { cancelSponsorship(id: $id, reason: "pindah donatur") { id } }`,
    { id: data!.worker.sponsorships[0].id },
  );
  await sponsor(d, [workers[0]], "2024-09", 2);
  await pay(d, 2 * 16_800, "D-1");
  // Worker 1 gets a second run after a gap.
  const before = await t.gql(`query($w: ID!) { worker(id: $w) { sponsorships { id } } }`, {
    w: workers[1],
  });
  await t.gql(`mutation($id: ID!) { cancelSponsorship(id: $id, reason: "jeda") { id } }`, {
    id: before.data!.worker.sponsorships[0].id,
  });
  await sponsor(e, [workers[1]], "2025-01", 1);
  await pay(e, 16_800, "E-1");
  // Worker 2 moves to Kebonarum… (33.10.02) and changes trade.
  await t.gql(
    `mutation($id: ID!) { updateWorker(id: $id, input: { villageCode: "33.10.02.2001", occupation: DRIVER }) { id } }`,
    { id: workers[2] },
  );
}, 60_000);
afterAll(() => t.close());

type Direct = {
  registered: number;
  active: number;
  arrears: number;
  lapsed: number;
  uncovered: number;
  amount: number;
};

/** The figures straight from the rule, worker by worker. */
async function direct(regionCode: string, asOf: YearMonth): Promise<Direct> {
  const level = regionCode.split(".").length;
  const column = ["province_code", "regency_code", "district_code", "village_code"][level - 1];
  const rows: { id: string; months: string[] | null; amounts: string[] | null }[] =
    await t.server.dataSource.query(
      `SELECT w.id, array_agg(to_char(c.month, 'YYYY-MM')) FILTER (WHERE c.id IS NOT NULL) AS months,
            array_agg(c.amount::text) FILTER (WHERE c.id IS NOT NULL) AS amounts
       FROM worker w LEFT JOIN contribution c ON c.worker_id = w.id AND c.status = 'PAID'
      WHERE w.${column} = $1 GROUP BY w.id`,
      [regionCode],
    );
  const out: Direct = {
    registered: rows.length,
    active: 0,
    arrears: 0,
    lapsed: 0,
    uncovered: 0,
    amount: 0,
  };
  for (const r of rows) {
    const months = r.months ?? [];
    const status = coverageStatus(months, asOf);
    out[status.toLowerCase() as "active" | "arrears" | "lapsed" | "uncovered"]++;
    months.forEach((m, i) => m === asOf && (out.amount += Number(r.amounts![i])));
  }
  return out;
}

const STATS = `query($r: ID!, $m: YearMonth) { coverageStats(regionCode: $r, asOf: $m) {
  registeredWorkers active arrears lapsed uncovered contributionsPaid
  byOccupation { occupation workers active }
  children { region { code } registeredWorkers active arrears lapsed uncovered contributionsPaid } } }`;

describe("coverage roll-ups", () => {
  const months = Array.from({ length: 20 }, (_, i) => addMonths("2024-05", i)); // 2024-05 … 2025-12
  it.each(["33", "33.10", "33.10.01", "33.10.02", "33.10.01.2001", "33.09"])(
    "match the rule in %s, month by month",
    async (region) => {
      for (const month of months) {
        const res = await t.gql(STATS, { r: region, m: month });
        const s = res.data!.coverageStats;
        const expected = await direct(region, month);
        expect({
          month,
          registered: s.registeredWorkers,
          active: s.active,
          arrears: s.arrears,
          lapsed: s.lapsed,
          uncovered: s.uncovered,
          amount: s.contributionsPaid,
        }).toEqual({ month, ...expected });
        // The children add up to the parent.
        if (s.children.length) {
          const sum = (k: string) =>
            s.children.reduce((n: number, c: Record<string, number>) => n + c[k], 0);
          expect([
            sum("registeredWorkers"),
            sum("active"),
            sum("arrears"),
            sum("lapsed"),
            sum("contributionsPaid"),
          ]).toEqual([s.registeredWorkers, s.active, s.arrears, s.lapsed, s.contributionsPaid]);
        }
        // Each child on its own, too (a few months: the children come from the same rows).
        if (month === months[0] || month === months[9] || month === months[19])
          for (const c of s.children) {
            const expectedChild = await direct(c.region.code, month);
            expect({ month, code: c.region.code, amount: c.contributionsPaid }).toEqual({
              month,
              code: c.region.code,
              amount: expectedChild.amount,
            });
            expect([c.registeredWorkers, c.active, c.arrears, c.lapsed, c.uncovered]).toEqual([
              expectedChild.registered,
              expectedChild.active,
              expectedChild.arrears,
              expectedChild.lapsed,
              expectedChild.uncovered,
            ]);
          }
      }
    },
  );

  it("reads a region's rows once for it and its children", async () => {
    const FIGURES = `registeredWorkers active arrears lapsed contributionsPaid`;
    const q = (children: string) =>
      `{ coverageStats(regionCode: "33.10", asOf: "2025-03") { ${FIGURES} ${children} } }`;
    await t.gql(q(`children { region { code } }`)); // warms the region cache
    const alone = await t.countQueries(() => t.gql(q("")));
    const withChildren = await t.countQueries(() => t.gql(q(`children { ${FIGURES} }`)));
    // The children's list is one more statement; their figures come with the parent's.
    expect(withChildren - alone).toBe(1);
  });

  it("reads the regions one request names in one batch, however many", async () => {
    const q = (codes: string[]) =>
      `{ ${codes.map((c) => `p${c}: coverageStats(regionCode: "${c}") { registeredWorkers }`).join(" ")} }`;
    const one = await t.countQueries(() => t.gql(q(["33"])));
    // A national view asks for its provinces like this: one lookup, one read of the roll-ups.
    const four = await t.countQueries(() => t.gql(q(["31", "32", "33", "34"])));
    expect(four).toBe(one);
  });

  it("shows the scenario's shape: lapses after three unpaid months, the moved worker counted in the new district", async () => {
    const oct = (await t.gql(STATS, { r: "33.10", m: "2024-12" })).data!.coverageStats;
    // Paid through August: ARREARS Sep–Nov, LAPSED from December.
    expect(oct.lapsed).toBeGreaterThan(0);
    const kebonarum = (await t.gql(STATS, { r: "33.10.02", m: "2024-06" })).data!.coverageStats;
    expect(
      kebonarum.byOccupation.find((o: { occupation: string }) => o.occupation === "DRIVER"),
    ).toEqual({ occupation: "DRIVER", workers: 1, active: 1 });
  });

  it("has a timeline whose new and lapsed workers match the rule", async () => {
    const res = await t.gql(
      `{ coverageTimeline(regionCode: "33.10", from: "2024-05", to: "2025-12") { month active newlyCovered lapsed contributionsPaid } }`,
    );
    const points = res.data!.coverageTimeline;
    expect(points).toHaveLength(20);
    const paid: { id: string; months: string[] | null }[] = await t.server.dataSource.query(
      `SELECT w.id, array_agg(to_char(c.month, 'YYYY-MM') ORDER BY c.month) FILTER (WHERE c.id IS NOT NULL) AS months
         FROM worker w LEFT JOIN contribution c ON c.worker_id = w.id AND c.status = 'PAID' WHERE w.regency_code = '33.10' GROUP BY w.id`,
    );
    for (const p of points) {
      const newly = paid.filter((w) => w.months?.[0] === p.month).length;
      const lapsed = paid.filter(
        (w) =>
          w.months &&
          coverageStatus(w.months, p.month) === CoverageStatus.LAPSED &&
          coverageStatus(w.months, addMonths(p.month, -1)) !== CoverageStatus.LAPSED,
      ).length;
      expect({ month: p.month, newly: p.newlyCovered, lapsed: p.lapsed }).toEqual({
        month: p.month,
        newly,
        lapsed,
      });
      expect(p.active).toBe((await direct("33.10", p.month)).active);
    }
    expect(monthsBetween("2024-05", "2025-12")).toBe(19);
  });

  it("equals a rebuild from scratch: the incremental roll-ups lost nothing", async () => {
    const snapshot = () =>
      t.server.dataSource.query(`SELECT
        (SELECT json_agg(x ORDER BY village_code, occupation) FROM (SELECT village_code, occupation, workers FROM rollup_workers WHERE workers > 0) x) AS w,
        (SELECT json_agg(x ORDER BY month, village_code, occupation) FROM (SELECT month, village_code, occupation, paid, amount FROM rollup_paid_month WHERE paid > 0) x) AS p,
        (SELECT json_agg(x ORDER BY worker_id, start_month) FROM (SELECT * FROM coverage_run) x) AS r`);
    const incremental = await snapshot();
    await t.server.dataSource.transaction((m) => rebuildCoverageRollups(m));
    expect(await snapshot()).toEqual(incremental);
  });
});

describe("regional targets", () => {
  it("sets, replaces and tracks a target with the article's Klaten figures", async () => {
    const set = `mutation($i: RegionalTargetInput!) { setRegionalTarget(input: $i) { id year informalWorkers baselineCovered targetCovered } }`;
    const first = await t.gql(set, {
      i: {
        regionCode: "33.10",
        year: 2024,
        informalWorkers: 219_000,
        baselineCovered: 19_000,
        targetCovered: 40_000,
      },
    });
    const again = await t.gql(set, {
      i: {
        regionCode: "33.10",
        year: 2024,
        informalWorkers: 219_000,
        baselineCovered: 19_000,
        targetCovered: 45_000,
        note: "illustrative",
      },
    });
    expect(again.data!.setRegionalTarget.id).toBe(first.data!.setRegionalTarget.id);
    const res = await t.gql(
      `{ regionalTargets(regionCode: "33.10") { year targetCovered note region { name } progress(asOf: "2024-06") { asOf sponsoredActive covered coverageRate attainment } } }`,
    );
    const [target] = res.data!.regionalTargets;
    const active = (await direct("33.10", "2024-06")).active;
    expect(target).toMatchObject({
      year: 2024,
      targetCovered: 45_000,
      note: "illustrative",
      region: { name: "Kabupaten Klaten" },
    });
    expect(target.progress).toEqual({
      asOf: "2024-06",
      sponsoredActive: active,
      covered: 19_000 + active,
      coverageRate: (19_000 + active) / 219_000,
      attainment: (19_000 + active) / 45_000,
    });
  });

  it.each([
    [{ baselineCovered: 300_000 }, "baselineCovered"],
    [{ targetCovered: 0 }, "targetCovered"],
    [{ year: 1999 }, "year"],
    [{ regionCode: "99" }, "regionCode"],
  ])("refuses %p", async (change, field) => {
    const res = await t.gql(
      `mutation($i: RegionalTargetInput!) { setRegionalTarget(input: $i) { id } }`,
      {
        i: {
          regionCode: "33.10",
          year: 2025,
          informalWorkers: 219_000,
          baselineCovered: 19_000,
          targetCovered: 45_000,
          ...change,
        },
      },
    );
    expect(res.errors?.[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fieldErrors: [{ field }],
    });
  });

  it("keeps aggregates inside the caller's scope", async () => {
    const officer = await t.tokenFor("OFFICER", "33.10");
    expect((await t.as(officer)(STATS, { r: "33.10.01" })).errors).toBeUndefined();
    expect((await t.as(officer)(STATS, { r: "33" })).errors?.[0].extensions?.code).toBe(
      "FORBIDDEN",
    );
    expect((await t.as(officer)(STATS, { r: "33.09" })).errors?.[0].extensions?.code).toBe(
      "FORBIDDEN",
    );
    const set = await t.as(officer)(
      `mutation { setRegionalTarget(input: { regionCode: "33.10", year: 2026, informalWorkers: 1, baselineCovered: 0, targetCovered: 1 }) { id } }`,
    );
    expect(set.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });
});
