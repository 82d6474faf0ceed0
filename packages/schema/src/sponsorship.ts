import { SponsorshipStatus } from "./enums";
import { BadUserInputError } from "./errors";
import { YearMonth, addMonths, compareYearMonth } from "./year-month";

/** A pledge covers 1 to 24 months; regional budgets usually pledge 12. */
export const MAX_SPONSORSHIP_MONTHS = 24;

/** Workers one sponsorWorkers call may cover (a whole village's list, not a whole regency). */
export const MAX_WORKERS_PER_PLEDGE = 1_000;

/** What a pledge asks for, before any worker or donor is looked up. */
export type PledgeRequest = { startMonth: YearMonth; months: number; workerIds: readonly string[] };

/**
 * Checks the shape of a pledge: 1–24 whole months, starting this month or later (no cover is
 * sold backwards), at least one worker, each named once.
 *
 * @param currentMonth - this month in Asia/Jakarta
 * @throws BadUserInputError naming the field at fault
 */
export function checkPledge(
  { startMonth, months, workerIds }: PledgeRequest,
  currentMonth: YearMonth,
): void {
  if (!Number.isInteger(months) || months < 1 || months > MAX_SPONSORSHIP_MONTHS) {
    throw new BadUserInputError(
      `months must be a whole number from 1 to ${MAX_SPONSORSHIP_MONTHS}, got ${months}.`,
      "months",
    );
  }
  if (compareYearMonth(startMonth, currentMonth) < 0) {
    throw new BadUserInputError(
      `startMonth ${startMonth} has passed; a pledge starts in ${currentMonth} or later.`,
      "startMonth",
    );
  }
  if (workerIds.length === 0)
    throw new BadUserInputError("Name at least one worker to sponsor.", "workerIds");
  if (workerIds.length > MAX_WORKERS_PER_PLEDGE) {
    throw new BadUserInputError(
      `One pledge covers at most ${MAX_WORKERS_PER_PLEDGE.toLocaleString("en")} workers; this one names ${workerIds.length.toLocaleString("en")}. Split it.`,
      "workerIds",
    );
  }
  const seen = new Set<string>();
  for (const id of workerIds) {
    if (seen.has(id))
      throw new BadUserInputError(`Worker ${id} is named twice in workerIds.`, "workerIds");
    seen.add(id);
  }
}

/** The last month a pledge covers. @example endMonthOf("2024-06", 12) // "2025-05" */
export function endMonthOf(startMonth: YearMonth, months: number): YearMonth {
  return addMonths(startMonth, months - 1);
}

/** What the status of a sponsorship is derived from. */
export type SponsorshipProgress = {
  cancelled: boolean;
  /** Months still pledged (not cancelled). */
  months: number;
  paidMonths: number;
  endMonth: YearMonth;
};

/**
 * PLEDGED: no month paid yet; ACTIVE: some paid, months remain; COMPLETED: every month paid
 * and the last one is past; CANCELLED wins over everything.
 */
export function sponsorshipStatus(
  p: SponsorshipProgress,
  currentMonth: YearMonth,
): SponsorshipStatus {
  if (p.cancelled) return SponsorshipStatus.CANCELLED;
  if (p.paidMonths === 0) return SponsorshipStatus.PLEDGED;
  if (p.paidMonths >= p.months && compareYearMonth(p.endMonth, currentMonth) < 0)
    return SponsorshipStatus.COMPLETED;
  return SponsorshipStatus.ACTIVE;
}

/**
 * Whether a sponsorship still has DUE months, the ones cancelling it would stop: it is not
 * cancelled and less has been paid than its pledged months cost (`total`). Paid months stay
 * paid whatever happens, so one fully paid has nothing left to cancel.
 */
export function hasDueMonths(s: {
  status: SponsorshipStatus | string;
  paid: number;
  total: number;
}): boolean {
  return s.status !== SponsorshipStatus.CANCELLED && s.paid < s.total;
}

/**
 * How many of the DUE months, oldest first, a donor's credit pays. Months are paid only in
 * full and in order: the first month the credit cannot cover stops the run, so a cheaper
 * later month never jumps the queue. The API does the same set-based in SQL.
 *
 * @returns the number of months paid and the credit left
 */
export function payOldestFirst(
  credit: number,
  dueAmounts: readonly number[],
): { paid: number; creditLeft: number } {
  let left = credit;
  let paid = 0;
  for (const amount of dueAmounts) {
    if (amount > left) break;
    left -= amount;
    paid++;
  }
  return { paid, creditLeft: left };
}
