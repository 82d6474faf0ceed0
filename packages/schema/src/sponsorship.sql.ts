import { SponsorshipStatus } from "./enums";
import type { SponsorshipProgress } from "./sponsorship";

/**
 * The SQL twin of `sponsorshipStatus`: a CASE over SQL expressions for each part of the
 * progress (`cancelled` boolean, `months` and `paidMonths` integers, `endMonth` the date of
 * the last month's first day) and `currentMonth`, the date of this month's first day.
 * apps/api tests that both agree.
 */
export function sponsorshipStatusCaseSql(
  p: Record<keyof SponsorshipProgress, string>,
  currentMonth: string,
): string {
  return `CASE WHEN ${p.cancelled} THEN '${SponsorshipStatus.CANCELLED}'
               WHEN ${p.paidMonths} = 0 THEN '${SponsorshipStatus.PLEDGED}'
               WHEN ${p.paidMonths} >= ${p.months} AND ${p.endMonth} < ${currentMonth} THEN '${SponsorshipStatus.COMPLETED}'
               ELSE '${SponsorshipStatus.ACTIVE}' END`;
}
