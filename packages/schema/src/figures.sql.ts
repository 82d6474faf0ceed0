import { ContributionStatus } from "./enums";
import type { ContributionFigures, DonorSummaryFigures } from "./figures";

// The SQL twins of figures.ts, as the API reads them: each builder returns SQL expressions
// (text) over the tables contribution, payment, allocation and sponsorship. apps/api tests
// that both agree on a table of cases.

const CANCELLED = `'${ContributionStatus.CANCELLED}'`;
const PAID = `'${ContributionStatus.PAID}'`;

/**
 * contributionFigures as aggregates over contribution rows aliased `c`: use them in a
 * `SELECT … FROM contribution c WHERE …` with no GROUP BY (no rows: every figure 0).
 */
export function contributionFiguresSql(c: string): Record<keyof ContributionFigures, string> {
  return {
    liveMonths: `count(*) FILTER (WHERE ${c}.status <> ${CANCELLED})::int`,
    paidMonths: `count(*) FILTER (WHERE ${c}.status = ${PAID})::int`,
    total: `coalesce(sum(${c}.amount) FILTER (WHERE ${c}.status <> ${CANCELLED}), 0)`,
    paid: `coalesce(sum(${c}.amount) FILTER (WHERE ${c}.status = ${PAID}), 0)`,
  };
}

/** paymentAllocation of the payment row aliased `p`, as scalar subqueries. */
export function paymentAllocationSql(p: string): { allocated: string; unallocated: string } {
  const allocated = `(SELECT coalesce(sum(fig_a.amount), 0) FROM allocation fig_a WHERE fig_a.payment_id = ${p}.id)`;
  return { allocated, unallocated: `(${p}.amount - ${allocated})` };
}

/**
 * donorSummary of the donor whose id is the SQL expression `donorId`, as scalar subqueries.
 * `currentMonth` gives the SQL date of the current month's first day; it is called only for
 * workersActive, so a statement never carries a parameter it does not use.
 */
export function donorSummarySql(
  donorId: string,
  currentMonth: () => string,
): Record<keyof DonorSummaryFigures, string> {
  const months = contributionFiguresSql("fig_c");
  const ofDonor = `FROM contribution fig_c WHERE fig_c.donor_id = ${donorId}`;
  return {
    get workersActive() {
      return `(SELECT count(DISTINCT fig_c.worker_id)::int ${ofDonor} AND fig_c.status = ${PAID} AND fig_c.month = ${currentMonth()})`;
    },
    workersSponsored: `(SELECT count(DISTINCT fig_s.worker_id)::int FROM sponsorship fig_s WHERE fig_s.donor_id = ${donorId} AND fig_s.cancelled_at IS NULL)`,
    committed: `(SELECT ${months.total} ${ofDonor})`,
    paid: `(SELECT ${months.paid} ${ofDonor})`,
    outstanding: `(SELECT ${months.total} - ${months.paid} ${ofDonor})`,
    credit: `((SELECT coalesce(sum(fig_p.amount), 0) FROM payment fig_p WHERE fig_p.donor_id = ${donorId})
      - (SELECT coalesce(sum(fig_a.amount), 0) FROM allocation fig_a JOIN payment fig_p ON fig_p.id = fig_a.payment_id WHERE fig_p.donor_id = ${donorId}))`,
  };
}
