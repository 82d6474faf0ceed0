import { ProgramPackage } from "./enums";
import { BadUserInputError } from "./errors";
import { isoDateOf, parseIsoDate } from "./year-month";

/**
 * The contribution rule for informal (BPU) workers in force from a date.
 * Rates are in basis points (100 = 1%) so every amount is integer arithmetic.
 */
export type PriceRule = {
  /** First day in force, YYYY-MM-DD. */
  effectiveFrom: string;
  /** The regulation that set the figures. */
  regulation: string;
  /** JKK (work accident) rate in basis points of declared income, lowest risk band. */
  jkkRate: number;
  /** JKM (death) flat amount in rupiah per month. */
  jkmFlat: number;
  /** JHT (old-age savings) rate in basis points of declared income. */
  jhtRate: number;
  /** Lowest declared monthly income, rupiah. */
  minIncome: number;
  /** Highest declared monthly income, rupiah. */
  maxIncome: number;
};

/** Lowest declared monthly income a BPU worker may be priced at, rupiah. */
export const MIN_DECLARED_INCOME = 1_000_000;
/** Highest declared monthly income a BPU worker may be priced at, rupiah. */
export const MAX_DECLARED_INCOME = 20_700_000;

const BASIS_POINTS = 10_000;

/**
 * Dated BPU price table, oldest first. Add a row when a regulation changes the figures;
 * never edit a row that has been in force, since past quotes must still reproduce.
 *
 * Assumptions (to confirm with the branch office):
 * - effective dates: PP 44/2015 from 2015-07-01 (the date the programme started under it);
 *   Permenaker 5/2021 from 2021-04-01 (assumed; the exact day is not in our sources);
 * - the PP 44/2015 row reuses the 1,000,000–20,700,000 income band of Permenaker 5/2021;
 * - PP 82/2019 changed benefits, not BPU contributions, so it has no row;
 * - Permenaker 1/2025 has no row until its BPU figures are confirmed.
 * The figures reproduce the Klaten article (May 2024): 16,800 and 36,800 at minimum income.
 */
export const PRICE_TABLE: readonly PriceRule[] = Object.freeze([
  Object.freeze({
    effectiveFrom: "2015-07-01",
    regulation: "PP 44/2015",
    jkkRate: 100,
    jkmFlat: 6_800,
    jhtRate: 200,
    minIncome: MIN_DECLARED_INCOME,
    maxIncome: MAX_DECLARED_INCOME,
  }),
  Object.freeze({
    effectiveFrom: "2021-04-01",
    regulation: "Permenaker 5/2021",
    jkkRate: 100,
    jkmFlat: 6_800,
    jhtRate: 200,
    minIncome: MIN_DECLARED_INCOME,
    maxIncome: MAX_DECLARED_INCOME,
  }),
]);

/** A monthly contribution for one worker, whole rupiah. */
export type ContributionPrice = {
  package: ProgramPackage;
  declaredIncome: number;
  jkk: number;
  jkm: number;
  jht: number;
  monthly: number;
};

/** A price for several workers and months, whole rupiah. */
export type ContributionQuote = ContributionPrice & {
  months: number;
  workers: number;
  total: number;
};

/** Longest span a single quote may cover (donors pay 1–12 months ahead; 24 leaves room). */
export const MAX_QUOTE_MONTHS = 24;
/** Most workers a single quote may cover. */
export const MAX_QUOTE_WORKERS = 100_000;

const rupiah = (n: number): string => `Rp${n.toLocaleString("en-US")}`;

/**
 * The price rule in force on a date: the latest rule whose `effectiveFrom` ≤ `date`.
 *
 * @param date - YYYY-MM-DD
 * @throws BadUserInputError when the date is malformed or before the first rule
 */
export function priceRuleAt(date: string): PriceRule {
  parseIsoDate(date, "on");
  let found: PriceRule | undefined;
  // ISO dates compare correctly as strings.
  for (const rule of PRICE_TABLE) {
    if (rule.effectiveFrom <= date && (!found || rule.effectiveFrom >= found.effectiveFrom)) {
      found = rule;
    }
  }
  if (!found) {
    throw new BadUserInputError(
      `No contribution rates are known for ${date}: the price table starts on ${PRICE_TABLE[0].effectiveFrom}.`,
      "on",
    );
  }
  return found;
}

// Percentage of an integer income, rounded half up, using integer remainder so that no
// binary fraction ever decides a rupiah.
function percentOf(income: number, basisPoints: number): number {
  const scaled = income * basisPoints;
  const remainder = scaled % BASIS_POINTS;
  const whole = (scaled - remainder) / BASIS_POINTS;
  return remainder * 2 >= BASIS_POINTS ? whole + 1 : whole;
}

/**
 * The monthly contribution of one BPU worker in whole rupiah:
 * JKK = 1% of declared income, JKM = flat 6,800, JHT = 2% of declared income for
 * JKK_JKM_JHT only (rates from the rule in force on `on`). Halves round up.
 *
 * @example priceContribution(ProgramPackage.JKK_JKM).monthly // 16800
 * @example priceContribution(ProgramPackage.JKK_JKM_JHT).monthly // 36800
 * @param declaredIncome - whole rupiah; null or omitted means the minimum
 * @param on - YYYY-MM-DD; defaults to today in Asia/Jakarta
 * @throws BadUserInputError (field "declaredIncome") when the income is not a whole number
 *   within the allowed range; (field "package") for an unknown package
 */
export function priceContribution(
  pkg: ProgramPackage,
  declaredIncome: number | null = MIN_DECLARED_INCOME,
  on: string = isoDateOf(new Date()),
): ContributionPrice {
  if (!Object.values(ProgramPackage).includes(pkg)) {
    throw new BadUserInputError(
      `"${String(pkg)}" is not a programme package: choose JKK_JKM or JKK_JKM_JHT.`,
      "package",
    );
  }
  const rule = priceRuleAt(on);
  const income = declaredIncome ?? rule.minIncome;
  if (!Number.isInteger(income) || income < rule.minIncome || income > rule.maxIncome) {
    throw new BadUserInputError(
      `Declared income must be a whole number of rupiah from ${rupiah(rule.minIncome)} to ${rupiah(rule.maxIncome)}; ${String(income)} is not.`,
      "declaredIncome",
    );
  }
  const jkk = percentOf(income, rule.jkkRate);
  const jkm = rule.jkmFlat;
  // JHT is the optional savings part; the JKK+JKM package is the legal minimum.
  const jht = pkg === ProgramPackage.JKK_JKM_JHT ? percentOf(income, rule.jhtRate) : 0;
  return { package: pkg, declaredIncome: income, jkk, jkm, jht, monthly: jkk + jkm + jht };
}

/**
 * The price of covering `workers` workers for `months` months each:
 * total = monthly × months × workers.
 *
 * @example quoteContribution(ProgramPackage.JKK_JKM, null, 12, 10).total // 2016000
 * @throws BadUserInputError when months is not a whole number 1–24 (field "months"),
 *   workers not a whole number 1–100,000 (field "workers"), or the price is invalid
 */
export function quoteContribution(
  pkg: ProgramPackage,
  declaredIncome: number | null | undefined,
  months: number,
  workers: number,
  on?: string,
): ContributionQuote {
  if (!Number.isInteger(months) || months < 1 || months > MAX_QUOTE_MONTHS) {
    throw new BadUserInputError(
      `Months must be a whole number from 1 to ${MAX_QUOTE_MONTHS}; ${String(months)} is not.`,
      "months",
    );
  }
  if (!Number.isInteger(workers) || workers < 1 || workers > MAX_QUOTE_WORKERS) {
    throw new BadUserInputError(
      `Workers must be a whole number from 1 to ${MAX_QUOTE_WORKERS.toLocaleString("en-US")}; ${String(workers)} is not.`,
      "workers",
    );
  }
  const price = priceContribution(pkg, declaredIncome ?? null, on);
  return { ...price, months, workers, total: price.monthly * months * workers };
}
