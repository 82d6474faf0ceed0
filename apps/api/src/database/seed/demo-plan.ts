// Planning the demo without touching the database: one seeded PRNG drives the sections in a
// fixed order (partners, engagements, donors, workers), so the same regions and seed always
// give the same rows. Reordering the sections, or the draws inside them, changes every row.

import { Prng } from "./prng";
import { planContext } from "./demo-context";
import { planDonors } from "./demo-donors";
import { planEngagements } from "./demo-engagements";
import { planPartners } from "./demo-partners";
import type { DemoRegions } from "./demo-regions";
import type { DemoPlan } from "./demo-rows";
import { DemoClock } from "./demo-window";
import { planWorkers } from "./demo-workers";

export const DEFAULT_DEMO_WORKERS = 5000;
export const DEFAULT_DEMO_SEED = 20240521;

export type DemoPlanOptions = {
  /** Number of workers; default 5000. */
  workers?: number;
  /** PRNG seed; default 20240521. */
  seed?: number;
};

/** Builds every demo row without touching the database. Same regions + seed → same plan. */
export function planDemo(regions: DemoRegions, options: DemoPlanOptions = {}): DemoPlan {
  const workerCount = options.workers ?? DEFAULT_DEMO_WORKERS;
  if (!Number.isInteger(workerCount) || workerCount < 0) {
    throw new Error(`Demo seed: workers must be a whole number ≥ 0, got ${workerCount}`);
  }
  const prng = new Prng(options.seed ?? DEFAULT_DEMO_SEED);
  const clock = new DemoClock(prng);
  const ctx = planContext(prng, clock, regions.districts);

  const partners = planPartners(ctx);
  const engagements = planEngagements(ctx, partners);
  const donors = planDonors(ctx, partners);
  const workers = planWorkers(ctx, partners, workerCount, regions.neighbourDistrictCodes);

  return { partners: partners.partners, engagements, donors, workers };
}
