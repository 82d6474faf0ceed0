import { ContributionStatus } from "./enums";
import type { ContributionFigures, DonorSummaryFigures } from "./figures";

// The SQL twins of figures.ts, as the API reads them: each builder returns SQL expressions
// (text) over the tables contribution, payment, allocation and sponsorship (a donor's
// figures over donor_totals, their running sums). apps/api tests that both agree on a table
// of cases.

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
 * The donor-wide figures of DonorSummary over a `donor_totals` row aliased `t` (LEFT JOINed:
 * a donor with no row has every total 0). PostgreSQL keeps that row in step with the donor's
 * months, payments and sponsorships (migration 1765497600000-donor-totals).
 */
export function donorTotalsSql(
  t: string,
): Record<Exclude<keyof DonorSummaryFigures, "workersActive">, string> {
  const total = (column: string) => `coalesce(${t}.${column}, 0)`;
  return {
    workersSponsored: total("workers_sponsored"),
    committed: total("committed"),
    paid: total("paid"),
    outstanding: `(${total("committed")} - ${total("paid")})`,
    credit: `(${total("payments")} - ${total("allocated")})`,
  };
}

/**
 * Active workers of the donor whose id is the SQL expression `donorId`: distinct workers whose
 * month `month` (an SQL date) this donor has paid.
 */
export function donorWorkersActiveSql(donorId: string, month: string): string {
  return `(SELECT count(DISTINCT fig_c.worker_id)::int FROM contribution fig_c
     WHERE fig_c.donor_id = ${donorId} AND fig_c.status = ${PAID} AND fig_c.month = ${month})`;
}

/**
 * donorSummary of the donor whose id is the SQL expression `donorId`: `join` brings in the
 * donor's totals row (write it after the FROM item that holds `donorId`), `figures` reads it.
 * `currentMonth` gives the SQL date of the current month's first day; it is called only for
 * workersActive, so a statement never carries a parameter it does not use.
 */
export function donorSummarySql(
  donorId: string,
  currentMonth: () => string,
): { join: string; figures: Record<keyof DonorSummaryFigures, string> } {
  const totals = donorTotalsSql("fig_t");
  return {
    join: `LEFT JOIN donor_totals fig_t ON fig_t.donor_id = ${donorId}`,
    figures: {
      get workersActive() {
        return donorWorkersActiveSql(donorId, currentMonth());
      },
      ...totals,
    },
  };
}
