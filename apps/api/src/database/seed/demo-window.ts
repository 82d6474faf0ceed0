// The demo's time window: two years up to a fixed anchor, and the clock that hands out
// unique office-hour instants inside it, so every timestamp is deterministic.

import { addDays, DAY_MS, epochOfIsoDate, isoDate, Prng, UniqueInstants } from "./prng";

/** Every demo timestamp lies in the two years before this instant (never now()). */
export const DEMO_ANCHOR = "2026-11-01T00:00:00+07:00";
export const ANCHOR_MS = Date.parse(DEMO_ANCHOR);
export const WINDOW_START_MS = ANCHOR_MS - 730 * DAY_MS; // 2024-11-01T00:00+07:00
/** Western Indonesia Time (UTC+7), the calendar every demo date is on. */
export const WIB_OFFSET_MS = 7 * 3_600_000;

/** An instant as the rows store it. */
export const iso = (ms: number): string => new Date(ms).toISOString();

/** The plan's clock: unique instants inside the window, office hours on WIB days. */
export class DemoClock {
  readonly instants: UniqueInstants;

  constructor(private readonly prng: Prng) {
    this.instants = new UniqueInstants(prng, WINDOW_START_MS, ANCHOR_MS);
  }

  /** WIB calendar date of an instant. */
  static wibDate(ms: number): string {
    return isoDate(ms + WIB_OFFSET_MS);
  }

  /** A unique instant during office hours (07:30–16:30 WIB) on a WIB date, not after the anchor. */
  officeTimeOn(date: string): number {
    const midnight = epochOfIsoDate(date) - WIB_OFFSET_MS;
    const t = midnight + 7.5 * 3_600_000 + Math.floor(this.prng.next() * 9 * 3_600_000);
    const lo = Math.max(WINDOW_START_MS, midnight);
    const hi = Math.min(ANCHOR_MS, midnight + DAY_MS);
    if (!(hi > lo)) throw new Error(`Demo seed: ${date} is outside the demo window`);
    return this.instants.claim(Math.min(Math.max(t, lo), hi - 1), lo, hi);
  }

  /** A working day (Mon–Sat) between two instants, busier towards the end (a growing programme). */
  rampDate(fromMs: number, toMs: number): string {
    const u = this.prng.next();
    const shaped = this.prng.chance(0.25) ? u : Math.sqrt(u);
    let date = DemoClock.wibDate(fromMs + shaped * (toMs - fromMs));
    if (new Date(`${date}T00:00:00Z`).getUTCDay() === 0)
      date = addDays(date, this.prng.chance(0.5) ? 1 : -1);
    const first = DemoClock.wibDate(fromMs);
    const last = DemoClock.wibDate(toMs - 1);
    return date < first ? first : date > last ? last : date;
  }

  /** Office time on a ramped day in [fromMs, toMs); strictly after fromMs. */
  rampInstant(fromMs: number, toMs: number = ANCHOR_MS): number {
    for (let attempt = 0; attempt < 20; attempt++) {
      const t = this.officeTimeOn(this.rampDate(fromMs, toMs));
      if (t > fromMs && t < toMs) return t;
    }
    return this.instants.between(fromMs + 1, toMs);
  }

  /** Some rows were edited after creation; most were not. */
  updatedAfter(createdMs: number, probability = 0.25): number {
    if (!this.prng.chance(probability)) return createdMs;
    return createdMs + Math.floor(this.prng.next() * (ANCHOR_MS - createdMs));
  }
}
