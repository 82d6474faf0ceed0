import { ProgramPackage } from "./enums";
import { BadUserInputError } from "./errors";
import { ContributionPrice, priceContribution, priceRuleAt } from "./pricing";
import { MAX_SPONSORSHIP_MONTHS, MAX_WORKERS_PER_PLEDGE, endMonthOf } from "./sponsorship";
import { YearMonth, addMonths, compareYearMonth, parseIsoDate } from "./year-month";

// Renewals (DOMAIN.md "Donors keep cover alive"): a sponsorship ending soon is pledged again
// for the same donor, worker, package and declared income, priced from today's table, not
// from the price it was first pledged at.

/** Months a renewal offers unless the admin changes it (regional budgets pledge 12). */
export const DEFAULT_RENEWAL_MONTHS = 12;

/** What a renewal needs to know of the sponsorship it renews. */
export type RenewalSource = {
  package: ProgramPackage;
  declaredIncome: number;
  /** The last month the sponsorship covers. */
  endMonth: YearMonth;
};

/** The new pledge a renewal makes. */
export type RenewalPlan = ContributionPrice & {
  startMonth: YearMonth;
  endMonth: YearMonth;
  months: number;
  /** monthly × months */
  total: number;
  /** The regulation of the price rule in force today. */
  regulation: string;
};

/** A renewal quote for one package and declared income. */
export type RenewalQuoteLine = {
  package: ProgramPackage;
  declaredIncome: number;
  monthly: number;
  sponsorships: number;
  months: number;
  /** monthly × months × sponsorships */
  total: number;
};

/** A renewal quote for several sponsorships: one line per package and income. */
export type RenewalQuote = { lines: RenewalQuoteLine[]; months: number; total: number };

/**
 * The first month a renewal covers: the month after the sponsorship ends, or the current
 * month when that has already passed (no cover is sold backwards).
 *
 * @example renewalStartMonth("2026-12", "2026-12") // "2027-01"
 * @example renewalStartMonth("2026-08", "2026-12") // "2026-12"
 */
export function renewalStartMonth(endMonth: YearMonth, currentMonth: YearMonth): YearMonth {
  const next = addMonths(endMonth, 1);
  return compareYearMonth(next, currentMonth) < 0 ? currentMonth : next;
}

/**
 * Checks a renewal request before anything is looked up: 1–24 whole months, at least one
 * and at most 1,000 sponsorships, each named once.
 *
 * @throws BadUserInputError naming the field at fault ("months" or "sponsorshipIds")
 */
export function checkRenewal({
  sponsorshipIds,
  months,
}: {
  sponsorshipIds: readonly string[];
  months: number;
}): void {
  checkRenewalMonths(months);
  if (sponsorshipIds.length === 0)
    throw new BadUserInputError("Name at least one sponsorship to renew.", "sponsorshipIds");
  if (sponsorshipIds.length > MAX_WORKERS_PER_PLEDGE) {
    throw new BadUserInputError(
      `One renewal covers at most ${MAX_WORKERS_PER_PLEDGE.toLocaleString("en")} sponsorships; this one names ${sponsorshipIds.length.toLocaleString("en")}. Split it.`,
      "sponsorshipIds",
    );
  }
  const seen = new Set<string>();
  for (const id of sponsorshipIds) {
    if (seen.has(id))
      throw new BadUserInputError(
        `Sponsorship ${id} is named twice in sponsorshipIds.`,
        "sponsorshipIds",
      );
    seen.add(id);
  }
}

function checkRenewalMonths(months: number): void {
  if (!Number.isInteger(months) || months < 1 || months > MAX_SPONSORSHIP_MONTHS) {
    throw new BadUserInputError(
      `months must be a whole number from 1 to ${MAX_SPONSORSHIP_MONTHS}, got ${months}.`,
      "months",
    );
  }
}

/**
 * The pledge that renews `source` for `months` months, decided on `today`: its months (see
 * {@link renewalStartMonth}) and its price from the rule in force today.
 *
 * @example planRenewal({ package: "JKK_JKM", declaredIncome: 1_000_000, endMonth: "2026-12" }, 6, "2026-12-06")
 *   // 2027-01..2027-06, monthly 16,800, total 100,800
 * @param today - YYYY-MM-DD in Asia/Jakarta
 * @throws BadUserInputError for months outside 1–24 or an income the table refuses
 */
export function planRenewal(source: RenewalSource, months: number, today: string): RenewalPlan {
  checkRenewalMonths(months);
  parseIsoDate(today, "today");
  const startMonth = renewalStartMonth(source.endMonth, today.slice(0, 7));
  const price = priceContribution(source.package, source.declaredIncome, today);
  return {
    ...price,
    startMonth,
    endMonth: endMonthOf(startMonth, months),
    months,
    total: price.monthly * months,
    regulation: priceRuleAt(today).regulation,
  };
}

/**
 * What renewing these sponsorships for `months` months costs at today's prices, one line per
 * package and declared income (the admin's live quote; the API charges the same).
 *
 * @param today - YYYY-MM-DD in Asia/Jakarta
 */
export function quoteRenewal(
  sources: readonly Pick<RenewalSource, "package" | "declaredIncome">[],
  months: number,
  today: string,
): RenewalQuote {
  checkRenewalMonths(months);
  const lines = new Map<string, RenewalQuoteLine>();
  for (const s of sources) {
    const key = `${s.package}:${s.declaredIncome}`;
    let line = lines.get(key);
    if (!line) {
      const { monthly } = priceContribution(s.package, s.declaredIncome, today);
      line = {
        package: s.package,
        declaredIncome: s.declaredIncome,
        monthly,
        sponsorships: 0,
        months,
        total: 0,
      };
      lines.set(key, line);
    }
    line.sponsorships++;
    line.total = line.monthly * months * line.sponsorships;
  }
  const sorted = [...lines.values()].sort(
    (a, b) => a.package.localeCompare(b.package) || a.declaredIncome - b.declaredIncome,
  );
  return { lines: sorted, months, total: sorted.reduce((sum, l) => sum + l.total, 0) };
}
