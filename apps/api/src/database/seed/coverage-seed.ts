import { EntityManager } from "typeorm";
import {
  DonorKind,
  ProgramPackage,
  YearMonth,
  addMonths,
  endMonthOf,
  monthsBetween,
  priceContribution,
  toMonthIndex,
} from "@sertakan/schema";
import { allocateCredit } from "../../modules/payment/payment.service";
import { rebuildCoverageRollups } from "../../modules/analytics/rollups";
import { Prng } from "./prng";

// Eighteen months of pledges and payments ending in `currentMonth`, so the demo shows every
// coverage status: donors who keep paying (ACTIVE), who paused a little (ARREARS), who
// stopped long ago (LAPSED), pledges not yet paid, and workers nobody covers (UNCOVERED).
export const COVERAGE_HISTORY_MONTHS = 18;

type Habit = "KEEPS_PAYING" | "PAUSED" | "STOPPED" | "NOT_YET";

// How many workers a donor of each kind takes on, and for how long.
const APPETITE: Record<DonorKind, { workers: [number, number]; months: number[] }> = {
  [DonorKind.INDIVIDUAL]: { workers: [1, 3], months: [3, 6, 12] },
  [DonorKind.CIVIL_SERVANT]: { workers: [1, 1], months: [12] }, // "ASN peduli": one worker each
  [DonorKind.COMPANY]: { workers: [20, 60], months: [12] },
  [DonorKind.LOCAL_GOVERNMENT]: { workers: [80, 200], months: [12] }, // APBD budgets run a year
  [DonorKind.PLKK]: { workers: [5, 15], months: [6, 12] },
  [DonorKind.AGENT]: { workers: [3, 8], months: [6, 12] },
  [DonorKind.ZAKAT_INSTITUTION]: { workers: [30, 80], months: [12] },
  [DonorKind.COMMUNITY]: { workers: [5, 15], months: [6, 12] },
};

const HABITS: ReadonlyArray<readonly [Habit, number]> = [
  ["KEEPS_PAYING", 70],
  ["PAUSED", 10],
  ["STOPPED", 15],
  ["NOT_YET", 5],
];

type Pledge = {
  id: string;
  donorId: string;
  workerId: string;
  startMonth: YearMonth;
  months: number;
  pkg: ProgramPackage;
  monthly: number;
  createdAt: Date;
};

const jakartaMidday = (month: YearMonth, day: number) =>
  new Date(`${month}-${String(day).padStart(2, "0")}T10:00:00+07:00`);

/** Writes the history inside the caller's transaction; returns what it wrote. */
export async function seedCoverageHistory(
  m: EntityManager,
  {
    seed,
    currentMonth,
    log = () => undefined,
  }: { seed: number; currentMonth: YearMonth; log?: (message: string) => void },
) {
  const prng = new Prng(seed ^ 0x5eed);
  const donors: { id: string; kind: DonorKind }[] = await m.query(
    `SELECT id, kind FROM donor ORDER BY created_at, id`,
  );
  const workerIds: string[] = (await m.query(`SELECT id FROM worker ORDER BY created_at, id`)).map(
    (r: { id: string }) => r.id,
  );
  const pool = prng.shuffled(workerIds);
  const firstMonth = addMonths(currentMonth, -COVERAGE_HISTORY_MONTHS);
  const pledges: Pledge[] = [];
  const habits = new Map<string, Habit>();

  for (const donor of donors) {
    // One donor in ten has not pledged yet.
    if (pool.length === 0 || prng.chance(0.1)) continue;
    const appetite = APPETITE[donor.kind];
    const count = Math.min(pool.length, prng.int(...appetite.workers));
    const months = prng.pick(appetite.months);
    const startMonth = addMonths(firstMonth, prng.int(0, COVERAGE_HISTORY_MONTHS));
    const pkg = prng.chance(0.1) ? ProgramPackage.JKK_JKM_JHT : ProgramPackage.JKK_JKM;
    const monthly = priceContribution(pkg).monthly;
    const createdAt = jakartaMidday(addMonths(startMonth, -1), prng.int(1, 28));
    habits.set(donor.id, prng.weighted(HABITS));
    for (const workerId of pool.splice(0, count)) {
      pledges.push({
        id: prng.uuid(),
        donorId: donor.id,
        workerId,
        startMonth,
        months,
        pkg,
        monthly,
        createdAt,
      });
    }
  }

  await m.query(
    `INSERT INTO sponsorship (id, donor_id, worker_id, package, declared_income, monthly_amount, start_month, months, end_month, created_at)
     SELECT p.id, p.donor_id, p.worker_id, p.package, 1000000, p.monthly, p.start_month::date, p.months, p.end_month::date, p.created_at
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::bigint[], $6::text[], $7::int[], $8::text[], $9::timestamptz[])
            WITH ORDINALITY AS p(id, donor_id, worker_id, package, monthly, start_month, months, end_month, created_at, n)
      ORDER BY p.n`,
    [
      pledges.map((p) => p.id),
      pledges.map((p) => p.donorId),
      pledges.map((p) => p.workerId),
      pledges.map((p) => p.pkg),
      pledges.map((p) => p.monthly),
      pledges.map((p) => `${p.startMonth}-01`),
      pledges.map((p) => p.months),
      pledges.map((p) => `${endMonthOf(p.startMonth, p.months)}-01`),
      pledges.map((p) => p.createdAt),
    ],
  );
  await m.query(
    `INSERT INTO contribution (sponsorship_id, worker_id, donor_id, month, amount)
     SELECT s.id, s.worker_id, s.donor_id, g.month::date, s.monthly_amount
       FROM sponsorship s CROSS JOIN LATERAL generate_series(s.start_month, s.end_month, interval '1 month') AS g(month)`,
  );

  // Each donor pays quarterly (APBD and zakat: the whole pledge up front) up to the month
  // their habit stops at; a few round up and keep a little credit.
  const payments: { donorId: string; amount: number; paidAt: Date; reference: string }[] = [];
  const byDonor = new Map<string, Pledge[]>();
  for (const p of pledges) byDonor.set(p.donorId, [...(byDonor.get(p.donorId) ?? []), p]);
  for (const [donorId, list] of byDonor) {
    const { startMonth, months } = list[0];
    const habit = habits.get(donorId)!;
    const elapsed = monthsBetween(startMonth, currentMonth) + 1; // months begun so far
    let paidMonths: number;
    if (habit === "NOT_YET" || elapsed <= 0) paidMonths = 0;
    else if (habit === "STOPPED")
      paidMonths = prng.int(1, Math.max(1, Math.min(months, elapsed - 5)));
    else if (habit === "PAUSED")
      paidMonths = Math.max(1, Math.min(months, elapsed - prng.int(1, 3)));
    else paidMonths = Math.min(months, elapsed);
    const upFront = list.length >= 30 && habit === "KEEPS_PAYING";
    if (upFront) paidMonths = months;
    if (paidMonths <= 0) continue;
    const perMonth = list.reduce((sum, p) => sum + p.monthly, 0);
    const chunk = upFront ? paidMonths : 3;
    for (let done = 0, n = 1; done < paidMonths; done += chunk, n++) {
      const monthsNow = Math.min(chunk, paidMonths - done);
      const payMonth = addMonths(startMonth, done);
      const extra = prng.chance(0.15) ? prng.int(1, 9) * 1_000 : 0;
      payments.push({
        donorId,
        amount: perMonth * monthsNow + extra,
        // Paid early in the month the quarter starts, never after today's month.
        paidAt: jakartaMidday(
          toMonthIndex(payMonth) > toMonthIndex(currentMonth) ? currentMonth : payMonth,
          prng.int(1, 10),
        ),
        reference: `TRF-${payMonth.replace("-", "")}-${String(n).padStart(2, "0")}`,
      });
    }
  }
  await m.query(
    `INSERT INTO payment (donor_id, amount, paid_at, reference, created_at)
     SELECT donor_id, amount, paid_at, reference, paid_at FROM unnest($1::uuid[], $2::bigint[], $3::timestamptz[], $4::text[]) AS p(donor_id, amount, paid_at, reference)`,
    [
      payments.map((p) => p.donorId),
      payments.map((p) => p.amount),
      payments.map((p) => p.paidAt),
      payments.map((p) => p.reference),
    ],
  );
  let monthsPaid = 0;
  for (const donorId of byDonor.keys()) monthsPaid += (await allocateCredit(m, donorId)).months;

  // A few workers moved away lately: their pledges are cancelled, paid months kept, the
  // unpaid ones freed. (One statement ending in SELECT: TypeORM returns [rows, count] for
  // an UPDATE … RETURNING.)
  const cancelled: { id: string }[] = await m.query(
    `WITH picked AS (SELECT id FROM sponsorship ORDER BY md5(id::text || $1) LIMIT greatest(1, (SELECT count(*) FROM sponsorship) / 50)),
          marked AS (
            UPDATE sponsorship s SET cancelled_at = now(), cancel_reason = 'Pekerja pindah domisili ke luar Klaten'
              FROM picked WHERE s.id = picked.id RETURNING s.id),
          freed AS (
            UPDATE contribution c SET status = 'CANCELLED' FROM marked WHERE c.sponsorship_id = marked.id AND c.status = 'DUE')
     SELECT id FROM marked`,
    [String(seed)],
  );

  // Klaten's target: the article's workforce and baseline, with an illustrative goal.
  await m.query(
    `INSERT INTO regional_target (region_code, year, informal_workers, baseline_covered, target_covered, note)
     VALUES ('33.10', $1, 219000, 19000, 45000, $2) ON CONFLICT (region_code, year) DO NOTHING`,
    [
      Number(currentMonth.slice(0, 4)),
      "Informal workforce (219,000) and baseline (19,000 covered) from the May 2024 news report on Klaten; the target of 45,000 is illustrative, not an official figure.",
    ],
  );

  // The seed wrote rows in bulk, bypassing the services: build the roll-ups from them.
  await rebuildCoverageRollups(m);
  log(
    `demo: ${pledges.length} sponsorships, ${payments.length} payments, ${monthsPaid} months paid, ${cancelled.length} cancelled`,
  );
  return { sponsorships: pledges.length, payments: payments.length, monthsPaid };
}
