import { ProgramPackage } from "./enums";
import { BadUserInputError } from "./errors";
import { YearMonth, parseYearMonth } from "./year-month";

// Perisai agents' fees (DOMAIN.md "The protection loop", Perdir 13/2022). Rates are basis
// points (100 = 1%) so every fee is integer arithmetic, as in the price table.

/** One band of a recruit's paid months and the fee rate on each month in it. */
export type ContributionFeeBand = {
  /** First place in the recruit's paid months (1 = their first paid month). */
  fromPlace: number;
  /** Last place, inclusive. */
  toPlace: number;
  /** Fee in basis points of the month's contribution. */
  rate: number;
};

/** The agent fee rule in force from a date. */
export type AgentFeeRule = {
  /** First day in force, YYYY-MM-DD (a month's fees use the rule in force on its first day). */
  effectiveFrom: string;
  /** The regulation that set the figures. */
  regulation: string;
  /** Per new recruit, by the package of the recruit's first sponsorship, rupiah. */
  acquisitionFee: Readonly<Record<ProgramPackage, number>>;
  /** Acquisition fees are paid only in a month with at least this many new recruits. */
  minNewRecruits: number;
  /** Rates by the month's place among the recruit's paid months; no band = no fee. */
  contributionBands: readonly ContributionFeeBand[];
  /** The agent's institution gets this on top of the agent's fee, basis points. */
  institutionRate: number;
  /** Months with neither a new recruit nor a recruit's payment that cut an agent off; null: never. */
  suspendAfterIdleMonths: number | null;
};

const BASIS_POINTS = 10_000;

/**
 * Dated agent fee table, oldest first. Add a row when a regulation changes the figures;
 * never edit a row that has been in force, since past fee statements must still reproduce.
 *
 * Assumptions (to confirm with the branch office):
 * - the 2018 scheme (7.5% of recruits' contributions, 10% of that to the institution) from
 *   2018-01-01, on every paid month, with no acquisition fee and no cut-off;
 * - Perdir 13/2022 from 2022-01-01: the exact day is not in our sources.
 */
export const AGENT_FEE_TABLE: readonly AgentFeeRule[] = Object.freeze([
  Object.freeze({
    effectiveFrom: "2018-01-01",
    regulation: "Perisai scheme 2018",
    acquisitionFee: Object.freeze({ [ProgramPackage.JKK_JKM]: 0, [ProgramPackage.JKK_JKM_JHT]: 0 }),
    minNewRecruits: 0,
    contributionBands: Object.freeze([
      { fromPlace: 1, toPlace: Number.MAX_SAFE_INTEGER, rate: 750 },
    ]),
    institutionRate: 1_000,
    suspendAfterIdleMonths: null,
  }),
  Object.freeze({
    effectiveFrom: "2022-01-01",
    regulation: "Perdir 13/2022",
    acquisitionFee: Object.freeze({
      [ProgramPackage.JKK_JKM]: 10_000,
      [ProgramPackage.JKK_JKM_JHT]: 15_000,
    }),
    minNewRecruits: 25,
    contributionBands: Object.freeze([
      { fromPlace: 1, toPlace: 24, rate: 1_500 },
      { fromPlace: 25, toPlace: 60, rate: 500 },
    ]),
    institutionRate: 1_000,
    suspendAfterIdleMonths: 3,
  }),
]);

/**
 * The fee rule in force for a calendar month: the one in force on its first day.
 *
 * @throws BadUserInputError when the month is malformed or before the first rule
 */
export function agentFeeRuleAt(month: YearMonth): AgentFeeRule {
  const day = `${parseYearMonth(month)}-01`;
  let found: AgentFeeRule | null = null;
  for (const rule of AGENT_FEE_TABLE) if (rule.effectiveFrom <= day) found = rule;
  if (!found)
    throw new BadUserInputError(
      `No Perisai fee table is in force in ${month}; the first starts ${AGENT_FEE_TABLE[0].effectiveFrom.slice(0, 7)}.`,
      "month",
    );
  return found;
}

/** The fee rate, in basis points, on a recruit's paid month at this place (1-based). */
export function contributionFeeRate(rule: AgentFeeRule, place: number): number {
  const band = rule.contributionBands.find((b) => place >= b.fromPlace && place <= b.toPlace);
  return band ? band.rate : 0;
}

/** One recruit of an agent, as their history stands for the month being paid. */
export type RecruitMonth = {
  /** Registered that month (Asia/Jakarta) with this agent as recruiter. */
  newThisMonth: boolean;
  /** The package of the recruit's first sponsorship; null when nobody has pledged yet. */
  firstPackage: ProgramPackage | null;
  /**
   * Money received that month and allocated to the recruit's months: one entry per
   * allocation, with the month's place among the recruit's paid months.
   */
  allocations: readonly { contributionId: string; place: number; amount: number }[];
};

/** An agent's fees for one month. */
export type AgentCommissionFigures = {
  newRecruits: number;
  paidMonths: number;
  contributions: number;
  acquisitionFee: number;
  contributionFee: number;
  agentFee: number;
  institutionFee: number;
  suspended: boolean;
};

/**
 * What the branch pays for one agent's month: the agent's fee plus the institution's part on
 * top (Perdir 13/2022: 10%), both already rounded down.
 *
 * @example totalPayable({ agentFee: 513_000, institutionFee: 51_300 }) // 564_300
 */
export function totalPayable(
  f: Pick<AgentCommissionFigures, "agentFee" | "institutionFee">,
): number {
  return f.agentFee + f.institutionFee;
}

/**
 * An agent's fees for a month, from their recruits' activity that month and whether they
 * were active (a new recruit or a recruit's payment) in each of the months before, most
 * recent first — only months since the agent started, so a new agent is not cut off for
 * months before they signed up. Fees are rounded down once per agent; a suspended agent
 * earns nothing.
 *
 * @example 25 new JKK+JKM recruits, each with a first paid month of Rp16,800:
 *   acquisition 250,000 + contributions 15% × 420,000 = 63,000 → agent 313,000, institution 31,300
 */
export function agentCommission(
  rule: AgentFeeRule,
  recruits: readonly RecruitMonth[],
  activeInMonthsBefore: readonly boolean[],
): AgentCommissionFigures {
  const newOnes = recruits.filter((r) => r.newThisMonth);
  const allocations = recruits.flatMap((r) => r.allocations);
  const paidMonths = new Set(allocations.map((a) => a.contributionId)).size;
  const contributions = allocations.reduce((sum, a) => sum + a.amount, 0);
  const idle = rule.suspendAfterIdleMonths;
  const suspended =
    idle !== null &&
    activeInMonthsBefore.length >= idle &&
    activeInMonthsBefore.slice(0, idle).every((active) => !active);
  const acquisitionFee =
    suspended || newOnes.length < rule.minNewRecruits
      ? 0
      : newOnes.reduce(
          (sum, r) => sum + (r.firstPackage ? rule.acquisitionFee[r.firstPackage] : 0),
          0,
        );
  const weighted = allocations.reduce(
    (sum, a) => sum + a.amount * contributionFeeRate(rule, a.place),
    0,
  );
  const contributionFee = suspended ? 0 : Math.floor(weighted / BASIS_POINTS);
  const agentFee = acquisitionFee + contributionFee;
  return {
    newRecruits: newOnes.length,
    paidMonths,
    contributions,
    acquisitionFee,
    contributionFee,
    agentFee,
    institutionFee: Math.floor((agentFee * rule.institutionRate) / BASIS_POINTS),
    suspended,
  };
}
