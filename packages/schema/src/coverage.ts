import { CoverageStatus } from "./enums";
import { YearMonth, addMonths, monthsBetween, toMonthIndex } from "./year-month";

/**
 * A BPU membership turns nonaktif after this many consecutive unpaid months. BPU pay no late
 * fine and paying again reactivates, so the status depends only on the last paid month.
 */
export const LAPSE_AFTER_UNPAID_MONTHS = 3;

/**
 * The latest paid month, counting only months up to `asOf` when it is given.
 *
 * @returns the month, or null when no month qualifies
 */
export function lastPaidMonth(
  paidMonths: readonly YearMonth[],
  asOf?: YearMonth,
): YearMonth | null {
  const limit = asOf === undefined ? Infinity : toMonthIndex(asOf);
  let best: YearMonth | null = null;
  let bestIndex = -Infinity;
  for (const month of paidMonths) {
    const i = toMonthIndex(month);
    if (i <= limit && i > bestIndex) {
      best = month;
      bestIndex = i;
    }
  }
  return best;
}

/**
 * The first month a worker counts as LAPSED when nothing is paid after `lastPaid`
 * (lastPaid + 4: three unpaid months are arrears, the fourth is a lapse).
 *
 * @example lapseMonth("2024-01") // "2024-05"
 */
export function lapseMonth(lastPaid: YearMonth): YearMonth {
  return addMonths(lastPaid, LAPSE_AFTER_UNPAID_MONTHS + 1);
}

/**
 * A worker's coverage in month `asOf`, from the months paid for them. Months paid ahead of
 * `asOf` do not count: a future payment does not protect today.
 *
 * - no paid month ≤ asOf → UNCOVERED
 * - asOf paid → ACTIVE
 * - 1 to 3 months since the last paid month → ARREARS
 * - more than 3 → LAPSED
 *
 * @example coverageStatus(["2024-01"], "2024-04") // ARREARS; "2024-05" → LAPSED
 */
export function coverageStatus(paidMonths: readonly YearMonth[], asOf: YearMonth): CoverageStatus {
  const last = lastPaidMonth(paidMonths, asOf);
  if (last === null) return CoverageStatus.UNCOVERED;
  const gap = monthsBetween(last, asOf);
  if (gap === 0) return CoverageStatus.ACTIVE;
  return gap <= LAPSE_AFTER_UNPAID_MONTHS ? CoverageStatus.ARREARS : CoverageStatus.LAPSED;
}
