// A small deterministic pseudo-random generator for the demo seed: the same seed always
// yields the same sequence, so the same rows (uuids and timestamps included).
// Not for anything secret — mulberry32 is fast and well distributed, not cryptographic.

/** mulberry32: one 32-bit state word, period 2^32. Returns a function giving [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Convenience methods over {@link mulberry32}. */
export class Prng {
  private readonly nextFloat: () => number;

  constructor(seed: number) {
    this.nextFloat = mulberry32(seed);
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextFloat();
  }

  /** A 32-bit unsigned integer. */
  uint32(): number {
    return Math.floor(this.nextFloat() * 4294967296) >>> 0;
  }

  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.nextFloat() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.nextFloat() < p;
  }

  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("Prng.pick: empty list");
    return items[Math.floor(this.nextFloat() * items.length)];
  }

  /** One element, with probability proportional to its weight. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, w] of entries) total += w;
    let r = this.nextFloat() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return entries[entries.length - 1][0];
  }

  /** Standard normal deviate (Box–Muller). */
  gaussian(): number {
    const u = 1 - this.nextFloat(); // (0, 1], keeps log finite
    const v = this.nextFloat();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A string of n decimal digits (leading zeros allowed). */
  digits(n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += Math.floor(this.nextFloat() * 10);
    return s;
  }

  /** Fisher–Yates shuffle of a copy. */
  shuffled<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.nextFloat() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  /** A version-4-shaped uuid (RFC 4122 variant) built from this generator, not crypto. */
  uuid(): string {
    const bytes = new Array<number>(16);
    for (let i = 0; i < 16; i += 4) {
      const word = this.uint32();
      bytes[i] = word >>> 24;
      bytes[i + 1] = (word >>> 16) & 0xff;
      bytes[i + 2] = (word >>> 8) & 0xff;
      bytes[i + 3] = word & 0xff;
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
    bytes[8] = (bytes[8] & 0x3f) | 0x80; // variant 10xx
    const hex = bytes.map((b) => b.toString(16).padStart(2, "0")).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}

/** Sampling by weight many times: cumulative table + binary search (O(log n) a draw). */
export class WeightedTable<T> {
  private readonly items: T[];
  private readonly cumulative: number[];

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    if (entries.length === 0) throw new Error("WeightedTable: no entries");
    this.items = [];
    this.cumulative = [];
    let total = 0;
    for (const [item, weight] of entries) {
      if (!(weight > 0)) continue;
      total += weight;
      this.items.push(item);
      this.cumulative.push(total);
    }
    if (this.items.length === 0) throw new Error("WeightedTable: no positive weight");
  }

  draw(prng: Prng): T {
    const total = this.cumulative[this.cumulative.length - 1];
    const r = prng.next() * total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}

/**
 * Hands out timestamps (epoch ms) inside [from, to) that are never equal to one handed out
 * before, so keyset pagination on created_at never meets ties in the demo data.
 */
export class UniqueInstants {
  private readonly used = new Set<number>();

  constructor(
    private readonly prng: Prng,
    readonly from: number,
    readonly to: number,
  ) {
    if (!(to > from)) throw new Error("UniqueInstants: empty window");
  }

  /** A random instant in [lo, hi) (clamped to the window), distinct from all earlier ones. */
  between(lo: number = this.from, hi: number = this.to): number {
    const a = Math.max(this.from, Math.floor(lo));
    const b = Math.min(this.to, Math.floor(hi));
    if (!(b > a))
      throw new Error(
        `UniqueInstants: empty range ${new Date(a).toISOString()}–${new Date(b).toISOString()}`,
      );
    return this.claim(a + Math.floor(this.prng.next() * (b - a)), a, b);
  }

  /** `t` itself if free, otherwise the next free millisecond (wrapping inside [lo, hi)). */
  claim(t: number, lo: number = this.from, hi: number = this.to): number {
    const span = hi - lo;
    for (let i = 0; i < span; i++) {
      if (!this.used.has(t)) {
        this.used.add(t);
        return t;
      }
      t = t + 1 >= hi ? lo : t + 1;
    }
    throw new Error("UniqueInstants: range exhausted");
  }
}

/** Epoch-day arithmetic on ISO dates (UTC, no time zone surprises). */
export const DAY_MS = 86_400_000;

export function isoDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

export function epochOfIsoDate(iso: string): number {
  const ms = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new Error(`not an ISO date: ${iso}`);
  return ms;
}

/** Adds whole days to an ISO date. */
export function addDays(iso: string, days: number): string {
  return isoDate(epochOfIsoDate(iso) + days * DAY_MS);
}
