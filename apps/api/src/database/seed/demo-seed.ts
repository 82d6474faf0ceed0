// Demo data for Kabupaten Klaten: partners (the 16 PLKK, Perisai agents, Pemkab, companies,
// BAZNAS, community groups), their engagements (the 7 May 2024 socialisation + monev with
// the 16 PLKK, trainings, socialisations), ~200 donors of every kind and ~5,000 workers
// spread over Klaten's 401 villages.
//
// Deterministic: everything — uuids and timestamps included — comes from a seeded PRNG and
// a fixed anchor date, so the same seed over the same region table gives the same rows.
// Planning is pure (planDemo in demo-plan.ts, one file per section); seedDemo reads the
// regions, plans, and inserts everything in one transaction with multi-row
// `INSERT … SELECT * FROM unnest(…)` statements (demo-rows.ts).

import type { DataSource } from "typeorm";
import { currentYearMonth } from "@sertakan/schema";
import { lastDemoInstant, seedAccidentReports } from "./accident-seed";
import { seedDonorReminders } from "./reminder-seed";
import { seedCoverageHistory } from "./coverage-seed";
import { PLKK } from "./names";
import { ARTICLE_MONEV_DATE } from "./demo-engagements";
import { DEFAULT_DEMO_SEED, type DemoPlanOptions, planDemo } from "./demo-plan";
import { loadDemoRegions } from "./demo-regions";
import {
  DONOR_COLUMNS,
  ENGAGEMENT_COLUMNS,
  insertRows,
  PARTNER_COLUMNS,
  WORKER_COLUMNS,
} from "./demo-rows";

const DEMO_ACCOUNT_NUMBERS: [name: string, number: string][] = [
  ["Pemerintah Kabupaten Klaten (APBD)", "VA8808001"],
  ["PT Mitra Tani Rojolele", "SRT-0101"],
  ["PT Tembakau Vorstenland Klaten", "SRT-0102"],
  ["BAZNAS Kabupaten Klaten", "VA8808004"],
];

export type DemoSeedOptions = DemoPlanOptions & {
  /** The month the coverage history ends in; default this month (Asia/Jakarta). */
  currentMonth?: string;
  /** Nothing (accidents, reports) is dated after this; default the end of currentMonth or now. */
  now?: Date;
  log?: (message: string) => void;
};
export type DemoSeedSummary = {
  workers: number;
  partners: number;
  donors: number;
  engagements: number;
  sponsorships: number;
  payments: number;
  accidentReports: number;
};

/** True when no worker, donor or partner row exists (a fresh registry). */
export async function isDatabaseEmpty(db: DataSource): Promise<boolean> {
  const rows: Array<{ empty: boolean }> = await db.query(
    `SELECT NOT EXISTS (SELECT 1 FROM worker)
        AND NOT EXISTS (SELECT 1 FROM donor)
        AND NOT EXISTS (SELECT 1 FROM partner) AS empty`,
  );
  return rows[0]?.empty === true;
}

/**
 * Seeds the Klaten demo data in one transaction. Needs the region table loaded (throws
 * "load regions first" otherwise) and an empty registry (throws if workers, donors or
 * partners exist — check with {@link isDatabaseEmpty}).
 */
export async function seedDemo(
  db: DataSource,
  options: DemoSeedOptions = {},
): Promise<DemoSeedSummary> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const summary = await db.transaction(async (m) => {
    const regions = await loadDemoRegions(m);
    const villageCount = regions.districts.reduce((n, d) => n + d.villages.length, 0);
    log(
      `demo: Klaten regions — ${regions.districts.length} districts, ${villageCount} villages; ` +
        `${regions.neighbourDistrictCodes.length} neighbouring districts for NIKs`,
    );
    const existing: Array<{ busy: boolean }> = await m.query(
      `SELECT EXISTS (SELECT 1 FROM worker) OR EXISTS (SELECT 1 FROM donor) OR EXISTS (SELECT 1 FROM partner) AS busy`,
    );
    if (existing[0]?.busy) {
      throw new Error(
        "Demo seed: the registry already has workers, donors or partners — seed only an empty database.",
      );
    }

    const plan = planDemo(regions, options);
    log(`demo: planned in ${Date.now() - started} ms (seed ${options.seed ?? DEFAULT_DEMO_SEED})`);

    await insertRows(m, "partner", PARTNER_COLUMNS, plan.partners);
    const byKind = new Map<string, number>();
    for (const p of plan.partners) byKind.set(p.kind, (byKind.get(p.kind) ?? 0) + 1);
    log(
      `demo: ${plan.partners.length} partners (${[...byKind].map(([k, n]) => `${n} ${k}`).join(", ")})`,
    );

    await insertRows(m, "engagement", ENGAGEMENT_COLUMNS, plan.engagements);
    log(
      `demo: ${plan.engagements.length} engagements (incl. monev ${ARTICLE_MONEV_DATE} with the ${PLKK.length} PLKK)`,
    );

    await insertRows(m, "donor", DONOR_COLUMNS, plan.donors);
    // The numbers docs/samples/mutasi-bank-contoh.csv pays to, so the sample bank file
    // matches demo donors by number and by reference prefix.
    await m.query(
      `UPDATE donor SET account_number = v.number
         FROM (VALUES ${DEMO_ACCOUNT_NUMBERS.map((_, i) => `($${2 * i + 1}, $${2 * i + 2})`).join(", ")}) AS v(name, number)
        WHERE donor.name = v.name`,
      DEMO_ACCOUNT_NUMBERS.flat(),
    );
    log(`demo: ${plan.donors.length} donors`);

    const t = Date.now();
    const statements = await insertRows(m, "worker", WORKER_COLUMNS, plan.workers);
    log(`demo: ${plan.workers.length} workers in ${statements} statement(s), ${Date.now() - t} ms`);
    const coverage = await seedCoverageHistory(m, {
      seed: options.seed ?? DEFAULT_DEMO_SEED,
      currentMonth: options.currentMonth ?? currentYearMonth(),
      log,
    });
    const currentMonth = options.currentMonth ?? currentYearMonth();
    const accidents = await seedAccidentReports(m, {
      seed: options.seed ?? DEFAULT_DEMO_SEED,
      currentMonth,
      now: options.now ?? lastDemoInstant(currentMonth),
    });
    log(
      `demo: ${accidents.reports} accident reports by the PLKK (${accidents.accepted} covered, ${accidents.late} late)`,
    );
    await seedDonorReminders(m, { currentMonth, now: options.now, log });
    log(`demo: done in ${Date.now() - started} ms`);

    return {
      workers: plan.workers.length,
      partners: plan.partners.length,
      donors: plan.donors.length,
      engagements: plan.engagements.length,
      sponsorships: coverage.sponsorships,
      payments: coverage.payments,
      accidentReports: accidents.reports,
    };
  });
  // Fresh tables have no statistics until autovacuum reaches them, and plans made without
  // them were pathological: a status filter on sponsorships took 3 s on the demo data.
  await db.query("ANALYZE");
  return summary;
}
