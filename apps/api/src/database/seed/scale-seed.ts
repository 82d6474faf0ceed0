import type { DataSource } from "typeorm";
import {
  DonorKind,
  Gender,
  ProgramPackage,
  RegionLevel,
  YearMonth,
  addMonths,
  buildNik,
  endMonthOf,
  monthsBetween,
  priceContribution,
  regionLevelOf,
} from "@sertakan/schema";
import { rebuildCoverageRollups } from "../../modules/analytics/rollups";
import { FEMALE_SHARE, OCCUPATION_WEIGHTS } from "./demo-weights";
import { javaneseName, mobilePhone } from "./names";
import { Prng, WeightedTable } from "./prng";

// A region at real or national scale, for benchmarks: workers in every village of the
// region, donors, 18 months of pledges and payments, generated in batches of multi-row
// inserts and set-based SQL. Deterministic for a given seed and current month.

export type ScaleSeedOptions = {
  workers: number;
  /** A region code at any level, or several joined by commas (workers spread over them all). */
  regionCode: string;
  seed?: number;
  currentMonth: YearMonth;
  /** Called as work advances: phase name, done, total. */
  progress?: (phase: string, done: number, total: number) => void;
};

export type ScaleSeedSummary = {
  workers: number;
  donors: number;
  sponsorships: number;
  contributions: number;
  payments: number;
  seconds: number;
};

const BATCH = 10_000;
const HISTORY_MONTHS = 18;
// Roughly the shape of PERFORMANCE.md's Klaten dataset: 220,000 workers, 2,000 donors, 40,000 pledges.
const WORKERS_PER_DONOR = 110;
const SPONSORED_SHARE = 0.18;

const DONOR_KINDS: ReadonlyArray<readonly [DonorKind, number]> = [
  [DonorKind.CIVIL_SERVANT, 45],
  [DonorKind.INDIVIDUAL, 35],
  [DonorKind.COMPANY, 8],
  [DonorKind.COMMUNITY, 5],
  [DonorKind.ZAKAT_INSTITUTION, 3],
  [DonorKind.LOCAL_GOVERNMENT, 2],
  [DonorKind.AGENT, 2],
];

/** Every village inside `regionCode` (or several codes joined by commas, e.g. "33,34"). */
async function villagesOf(db: DataSource, regionCode: string): Promise<string[]> {
  if (regionCode.includes(",")) {
    const all: string[] = [];
    for (const code of regionCode.split(",")) all.push(...(await villagesOf(db, code)));
    return all;
  }
  const level = regionLevelOf(regionCode);
  if (level === RegionLevel.VILLAGE) return [regionCode];
  const rows: { code: string }[] = await db.query(
    `SELECT code FROM region WHERE level = 'VILLAGE' AND left(code, $2) = $1 ORDER BY code`,
    [regionCode, regionCode.length],
  );
  if (!rows.length)
    throw new Error(
      `Region ${regionCode} has no villages: load the regions first (start the API once).`,
    );
  return rows.map((r) => r.code);
}

/**
 * Runs a bulk load with the secondary indexes of these tables dropped, then builds them again
 * from their catalog definitions: one sort per index instead of millions of index inserts
 * (the trigram index on names above all).
 */
async function withIndexesDeferred<T>(
  db: DataSource,
  tables: string[],
  load: () => Promise<T>,
  progress: ScaleSeedOptions["progress"],
): Promise<T> {
  const indexes: { name: string; definition: string }[] = await db.query(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
      WHERE t.relname = ANY($1) AND NOT x.indisprimary AND NOT x.indisunique AND t.relnamespace = 'public'::regnamespace`,
    [tables],
  );
  for (const index of indexes) await db.query(`DROP INDEX IF EXISTS "${index.name}"`);
  try {
    return await load();
  } finally {
    for (const [i, index] of indexes.entries()) {
      progress?.("indexes", i, indexes.length);
      await db.query(index.definition);
    }
    progress?.("indexes", indexes.length, indexes.length);
  }
}

export async function seedScale(
  db: DataSource,
  options: ScaleSeedOptions,
): Promise<ScaleSeedSummary> {
  const [{ busy }] = await db.query(`SELECT EXISTS (SELECT 1 FROM worker) AS busy`);
  // Only an empty registry may lose its indexes for a while; a filled one is seeded in place.
  const summary = busy
    ? await seedScaleRows(db, options)
    : await withIndexesDeferred(
        db,
        ["worker", "sponsorship", "contribution", "payment", "allocation"],
        () => seedScaleRows(db, options),
        options.progress,
      );
  await db.query(`ANALYZE`);
  return summary;
}

async function seedScaleRows(db: DataSource, options: ScaleSeedOptions): Promise<ScaleSeedSummary> {
  const started = Date.now();
  const { workers: workerCount, regionCode, currentMonth } = options;
  const progress = options.progress ?? (() => undefined);
  const prng = new Prng(options.seed ?? 20240521);
  const villages = await villagesOf(db, regionCode);
  const villageTable = new WeightedTable(
    villages.map((v) => [v, Math.exp(0.55 * prng.gaussian())] as const),
  );
  const occupationTable = new WeightedTable(OCCUPATION_WEIGHTS);
  const anchor = Date.parse(`${currentMonth}-01T00:00:00+07:00`);
  const windowMs = 2 * 365 * 86_400_000;

  // Workers, in batches, with registration times spread over two years (never equal).
  const serials = new Map<string, number>();
  const [{ taken }] = await db.query(`SELECT count(*)::int AS taken FROM worker`);
  const workerIds: string[] = [];
  for (let done = 0; done < workerCount; done += BATCH) {
    const n = Math.min(BATCH, workerCount - done);
    const rows = Array.from({ length: n }, (_, k) => {
      const i = taken + done + k;
      const village = villageTable.draw(prng);
      const occupation = occupationTable.draw(prng);
      const gender = prng.chance(FEMALE_SHARE[occupation]) ? Gender.FEMALE : Gender.MALE;
      const birthYear = prng.int(1961, 2008);
      const birthDate = `${birthYear}-${String(prng.int(1, 12)).padStart(2, "0")}-${String(prng.int(1, 28)).padStart(2, "0")}`;
      const district = village.slice(0, 8);
      const key = `${district}${birthDate}${gender}`;
      const serial = (serials.get(key) ?? 0) + 1;
      serials.set(key, serial);
      return {
        id: prng.uuid(),
        nik: buildNik({ districtCode: district, birthDate, gender, serial }),
        fullName: javaneseName(prng, gender, birthYear),
        gender,
        birthDate,
        occupation,
        phone: prng.chance(0.7) ? mobilePhone(prng) : null,
        village,
        // Spread evenly, with a per-row millisecond offset: keyset pagination never meets ties.
        createdAt: new Date(
          anchor -
            windowMs +
            Math.floor(((i + 1) / (workerCount + taken + 1)) * windowMs) +
            (i % 997),
        ),
      };
    });
    await db.query(
      `INSERT INTO worker (id, nik, full_name, gender, birth_date, occupation, phone, village_code, district_code, regency_code, province_code, created_at, updated_at)
       SELECT id, nik, full_name, gender, birth_date, occupation, phone, v, left(v, 8), left(v, 5), left(v, 2), created_at, created_at
         FROM unnest($1::uuid[], $2::char(16)[], $3::text[], $4::text[], $5::date[], $6::text[], $7::text[], $8::varchar[], $9::timestamptz[])
              AS t(id, nik, full_name, gender, birth_date, occupation, phone, v, created_at)
       ON CONFLICT (nik) DO NOTHING`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.nik),
        rows.map((r) => r.fullName),
        rows.map((r) => r.gender),
        rows.map((r) => r.birthDate),
        rows.map((r) => r.occupation),
        rows.map((r) => r.phone),
        rows.map((r) => r.village),
        rows.map((r) => r.createdAt),
      ],
    );
    workerIds.push(...rows.map((r) => r.id));
    progress("workers", done + n, workerCount);
  }

  // Donors.
  const donorCount = Math.max(1, Math.round(workerCount / WORKERS_PER_DONOR));
  const donorKinds = new WeightedTable(DONOR_KINDS);
  const donors = Array.from({ length: donorCount }, (_, i) => {
    const kind = donorKinds.draw(prng);
    const gender = prng.chance(0.5) ? Gender.FEMALE : Gender.MALE;
    return {
      id: prng.uuid(),
      kind,
      name: `${javaneseName(prng, gender)} (${kind.toLowerCase().replace("_", " ")} ${i + 1})`,
      region: prng.pick(villages).slice(0, 8),
    };
  });
  for (let i = 0; i < donors.length; i += BATCH) {
    const b = donors.slice(i, i + BATCH);
    await db.query(
      `INSERT INTO donor (id, kind, name, region_code) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::varchar[])`,
      [b.map((d) => d.id), b.map((d) => d.kind), b.map((d) => d.name), b.map((d) => d.region)],
    );
  }
  progress("donors", donorCount, donorCount);

  // Pledges: each donor takes a share of the workers, all on one plan (start, months,
  // package), and a paying habit: how many of those months it has paid.
  const pool = prng.shuffled(workerIds).slice(0, Math.round(workerCount * SPONSORED_SHARE));
  const perDonor = pool.length / donorCount;
  const firstMonth = addMonths(currentMonth, -HISTORY_MONTHS);
  type Plan = {
    donorId: string;
    start: YearMonth;
    months: number;
    pkg: ProgramPackage;
    paidMonths: number;
    workers: string[];
  };
  const plans: Plan[] = [];
  let cursor = 0;
  for (const donor of donors) {
    const count = Math.max(0, Math.round(perDonor * (0.5 + prng.next())));
    const taken = pool.slice(cursor, cursor + count);
    cursor += count;
    if (!taken.length) continue;
    const start = addMonths(firstMonth, prng.int(0, HISTORY_MONTHS));
    const months = prng.pick([6, 12, 12, 12]);
    const elapsed = Math.max(0, Math.min(months, monthsBetween(start, currentMonth) + 1));
    const habit = prng.weighted([
      ["keeps", 70],
      ["paused", 10],
      ["stopped", 15],
      ["notYet", 5],
    ] as const);
    const paidMonths =
      habit === "notYet" || elapsed === 0
        ? 0
        : habit === "stopped"
          ? prng.int(1, Math.max(1, elapsed - 4))
          : habit === "paused"
            ? Math.max(1, elapsed - prng.int(1, 3))
            : elapsed;
    plans.push({
      donorId: donor.id,
      start,
      months,
      pkg: prng.chance(0.1) ? ProgramPackage.JKK_JKM_JHT : ProgramPackage.JKK_JKM,
      paidMonths: Math.min(paidMonths, elapsed),
      workers: taken,
    });
  }
  const pledges = plans.flatMap((p) =>
    p.workers.map((w) => ({ plan: p, workerId: w, id: prng.uuid() })),
  );
  for (let i = 0; i < pledges.length; i += BATCH) {
    const b = pledges.slice(i, i + BATCH);
    await db.query(
      `INSERT INTO sponsorship (id, donor_id, worker_id, package, declared_income, monthly_amount, start_month, months, end_month, created_at)
       SELECT id, donor_id, worker_id, package, 1000000, monthly, start_month::date, months, end_month::date, start_month::date - 20
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::bigint[], $6::text[], $7::int[], $8::text[])
              WITH ORDINALITY AS t(id, donor_id, worker_id, package, monthly, start_month, months, end_month, n)
        ORDER BY n`,
      [
        b.map((p) => p.id),
        b.map((p) => p.plan.donorId),
        b.map((p) => p.workerId),
        b.map((p) => p.plan.pkg),
        b.map((p) => priceContribution(p.plan.pkg).monthly),
        b.map((p) => `${p.plan.start}-01`),
        b.map((p) => p.plan.months),
        b.map((p) => `${endMonthOf(p.plan.start, p.plan.months)}-01`),
      ],
    );
    progress("sponsorships", Math.min(i + BATCH, pledges.length), pledges.length);
  }

  // One contribution per worker-month, chunk by chunk of pledges.
  const chunk = 20_000;
  for (let i = 0; i < pledges.length; i += chunk) {
    await db.query(
      `INSERT INTO contribution (sponsorship_id, worker_id, donor_id, month, amount)
       SELECT s.id, s.worker_id, s.donor_id, g::date, s.monthly_amount
         FROM sponsorship s CROSS JOIN LATERAL generate_series(s.start_month, s.end_month, interval '1 month') g
        WHERE s.id = ANY($1::uuid[])`,
      [pledges.slice(i, i + chunk).map((p) => p.id)],
    );
    progress("contributions", Math.min(i + chunk, pledges.length), pledges.length);
  }

  // Payments: quarterly (budgets of 30+ workers pay the year up front), each paying exactly
  // its months; a few round up and leave credit. Then months are marked paid set-based.
  const payments: {
    id: string;
    donorId: string;
    amount: number;
    paidAt: Date;
    reference: string;
    from: number;
    to: number;
  }[] = [];
  for (const plan of plans) {
    if (!plan.paidMonths) continue;
    const step =
      plan.workers.length >= 30 &&
      plan.paidMonths === Math.min(plan.months, monthsBetween(plan.start, currentMonth) + 1)
        ? plan.paidMonths
        : 3;
    const monthly = priceContribution(plan.pkg).monthly * plan.workers.length;
    for (let from = 0, n = 1; from < plan.paidMonths; from += step, n++) {
      const to = Math.min(plan.paidMonths, from + step) - 1;
      const month = addMonths(plan.start, from);
      payments.push({
        id: prng.uuid(),
        donorId: plan.donorId,
        amount: monthly * (to - from + 1) + (prng.chance(0.1) ? prng.int(1, 9) * 1_000 : 0),
        paidAt: new Date(Date.parse(`${month}-0${prng.int(1, 9)}T10:00:00+07:00`)),
        reference: `TRF-${month.replace("-", "")}-${String(n).padStart(2, "0")}`,
        from,
        to,
      });
    }
  }
  for (let i = 0; i < payments.length; i += BATCH) {
    const b = payments.slice(i, i + BATCH);
    await db.query(
      `INSERT INTO payment (id, donor_id, amount, paid_at, reference, created_at)
         SELECT id, donor_id, amount, paid_at, reference, paid_at FROM unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::timestamptz[], $5::text[])
              AS t(id, donor_id, amount, paid_at, reference)`,
      [
        b.map((p) => p.id),
        b.map((p) => p.donorId),
        b.map((p) => p.amount),
        b.map((p) => p.paidAt),
        b.map((p) => p.reference),
      ],
    );
    progress("payments", Math.min(i + BATCH, payments.length), payments.length);
  }
  // Paid months get one allocation each, from the payment whose range holds them.
  const paidPlan = payments.map((p) => [p.id, p.donorId, p.from, p.to] as const);
  for (let i = 0; i < paidPlan.length; i += 2_000) {
    const b = paidPlan.slice(i, i + 2_000);
    await db.query(
      `WITH p AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::int[]) AS t(payment_id, donor_id, from_offset, to_offset)
       ), months AS (
         SELECT c.id, c.amount, p.payment_id, pay.paid_at
           FROM p JOIN payment pay ON pay.id = p.payment_id
           JOIN sponsorship s ON s.donor_id = p.donor_id
           JOIN contribution c ON c.sponsorship_id = s.id
            AND c.month BETWEEN (s.start_month + make_interval(months => p.from_offset))::date
                            AND (s.start_month + make_interval(months => p.to_offset))::date
       ), allocated AS (
         INSERT INTO allocation (payment_id, contribution_id, amount) SELECT payment_id, id, amount FROM months
       )
       UPDATE contribution c SET status = 'PAID', payment_id = months.payment_id, paid_at = months.paid_at
         FROM months WHERE c.id = months.id`,
      [b.map((r) => r[0]), b.map((r) => r[1]), b.map((r) => r[2]), b.map((r) => r[3])],
    );
    progress("allocations", Math.min(i + 2_000, paidPlan.length), paidPlan.length);
  }
  progress("roll-ups", 0, 1);
  await db.transaction((m) => rebuildCoverageRollups(m));
  progress("roll-ups", 1, 1);
  const [{ n: contributions }] = await db.query(`SELECT count(*)::int AS n FROM contribution`);
  return {
    workers: workerIds.length,
    donors: donorCount,
    sponsorships: pledges.length,
    contributions,
    payments: payments.length,
    seconds: (Date.now() - started) / 1000,
  };
}
