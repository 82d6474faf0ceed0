import { ContributionStatus } from "./enums";
import { YearMonth, compareYearMonth } from "./year-month";

// The money figures the API shows on a sponsorship, a payment and a donor. The API reads
// them with SQL (figures.sql.ts holds the twins); these say what they mean.

/** What a sponsorship's months add up to. */
export type ContributionFigures = {
  /** Months still pledged: DUE or PAID, not CANCELLED. */
  liveMonths: number;
  paidMonths: number;
  /** What the live months cost (Sponsorship.total). */
  total: number;
  /** What the paid months cost (Sponsorship.paid). */
  paid: number;
};

/** The figures of one sponsorship's months. */
export function contributionFigures(
  months: readonly { amount: number; status: ContributionStatus }[],
): ContributionFigures {
  const live = months.filter((m) => m.status !== ContributionStatus.CANCELLED);
  const paid = months.filter((m) => m.status === ContributionStatus.PAID);
  const sum = (list: readonly { amount: number }[]) => list.reduce((s, m) => s + m.amount, 0);
  return { liveMonths: live.length, paidMonths: paid.length, total: sum(live), paid: sum(paid) };
}

/** The part of a payment that has paid months, and the rest: the donor's credit from it. */
export function paymentAllocation(
  amount: number,
  allocations: readonly number[],
): { allocated: number; unallocated: number } {
  const allocated = allocations.reduce((s, a) => s + a, 0);
  return { allocated, unallocated: amount - allocated };
}

/** DonorSummary: everything the donor has, whatever the caller's scope. */
export type DonorSummaryFigures = {
  workersSponsored: number;
  workersActive: number;
  committed: number;
  paid: number;
  outstanding: number;
  credit: number;
};

export type DonorMoney = {
  sponsorships: readonly { workerId: string; cancelled: boolean }[];
  contributions: readonly {
    workerId: string;
    month: YearMonth;
    amount: number;
    status: ContributionStatus;
  }[];
  payments: readonly { amount: number; allocations: readonly number[] }[];
};

/**
 * A donor's summary. Sponsored: distinct workers of live pledges, past ones included;
 * active: distinct workers whose current month this donor has paid.
 *
 * @param currentMonth - this month in Asia/Jakarta
 */
export function donorSummary(d: DonorMoney, currentMonth: YearMonth): DonorSummaryFigures {
  const distinct = (ids: string[]) => new Set(ids).size;
  const months = contributionFigures(d.contributions);
  return {
    workersSponsored: distinct(d.sponsorships.filter((s) => !s.cancelled).map((s) => s.workerId)),
    workersActive: distinct(
      d.contributions
        .filter(
          (c) =>
            c.status === ContributionStatus.PAID && compareYearMonth(c.month, currentMonth) === 0,
        )
        .map((c) => c.workerId),
    ),
    committed: months.total,
    paid: months.paid,
    outstanding: months.total - months.paid,
    credit: d.payments.reduce(
      (s, p) => s + paymentAllocation(p.amount, p.allocations).unallocated,
      0,
    ),
  };
}
