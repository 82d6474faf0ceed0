import {
  addMonths,
  currentYearMonth,
  isYearMonth,
  monthRange,
  totalPayable,
  type AgentCommissionFigures,
} from "@sertakan/schema";
import type { AgentCommissionsQuery } from "../../gql/graphql";

/** One agent's fees for the month, as the page asks for them. */
export type AgentFeeRow = AgentCommissionsQuery["agentCommissions"][number];

/** The sums across every agent listed: the fee figures, and how many agents are suspended. */
export type AgentFeeTotals = Omit<AgentCommissionFigures, "suspended"> & {
  agents: number;
  suspended: number;
  total: number;
};

/** How many months back the month picker reaches. */
export const FEE_MONTHS_SHOWN = 24;

/** Sums every figure of the table, for its totals row. */
export function agentFeeTotals(rows: readonly AgentFeeRow[]): AgentFeeTotals {
  const totals: AgentFeeTotals = {
    agents: rows.length,
    suspended: 0,
    newRecruits: 0,
    paidMonths: 0,
    contributions: 0,
    acquisitionFee: 0,
    contributionFee: 0,
    agentFee: 0,
    institutionFee: 0,
    total: 0,
  };
  for (const row of rows) {
    if (row.suspended) totals.suspended += 1;
    totals.newRecruits += row.newRecruits;
    totals.paidMonths += row.paidMonths;
    totals.contributions += row.contributions;
    totals.acquisitionFee += row.acquisitionFee;
    totals.contributionFee += row.contributionFee;
    totals.agentFee += row.agentFee;
    totals.institutionFee += row.institutionFee;
    totals.total += totalPayable(row);
  }
  return totals;
}

export type AgentFeeCsvRow = Record<string, string | number | boolean>;

/**
 * The CSV lines of the table, one per agent, with raw figures (whole rupiah, no "Rp", no
 * thousands separator) so a spreadsheet can add them up again.
 */
export function agentFeeCsvRows(rows: readonly AgentFeeRow[]): AgentFeeCsvRow[] {
  return rows.map((row) => ({
    month: row.month,
    agentId: row.agent.id,
    agent: row.agent.name,
    regionCode: row.agent.region.code,
    region: row.agent.region.name,
    newRecruits: row.newRecruits,
    paidMonths: row.paidMonths,
    contributions: row.contributions,
    acquisitionFee: row.acquisitionFee,
    contributionFee: row.contributionFee,
    agentFee: row.agentFee,
    institutionFee: row.institutionFee,
    total: totalPayable(row),
    suspended: row.suspended,
  }));
}

/** agentFeesFilename("33.10", "2026-11") → "fee-perisai-33.10-2026-11.csv". */
export function agentFeesFilename(regionCode: string, month: string): string {
  return `fee-perisai-${regionCode}-${month}.csv`;
}

/** The month fees are usually asked for: last month, paid by the 5th of this one. */
export function defaultFeeMonth(now: Date = new Date()): string {
  return addMonths(currentYearMonth(now), -1);
}

/**
 * The months the picker offers, newest first: this month (fees so far) and the
 * FEE_MONTHS_SHOWN before it, plus `chosen` when the URL asks for an older one.
 */
export function feeMonthOptions(chosen?: string, now: Date = new Date()): string[] {
  const current = currentYearMonth(now);
  const months = monthRange(addMonths(current, -FEE_MONTHS_SHOWN), FEE_MONTHS_SHOWN + 1);
  if (chosen && isYearMonth(chosen) && !months.includes(chosen)) months.push(chosen);
  return months.sort().reverse();
}

/** The page's month and region from the URL (?month=YYYY-MM&region=…); bad values fall back. */
export function readAgentFeesParams(
  params: URLSearchParams,
  fallbackRegion: string,
  now: Date = new Date(),
): { month: string; region: string } {
  const month = params.get("month");
  return {
    month: isYearMonth(month) ? month : defaultFeeMonth(now),
    region: params.get("region") || fallbackRegion,
  };
}
