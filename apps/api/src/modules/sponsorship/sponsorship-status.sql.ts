import { SponsorshipStatus } from "@sertakan/schema";

/**
 * SQL for "sponsorship s has one of these statuses", the same rule as `sponsorshipStatus`
 * in @sertakan/schema. `current` is the placeholder of the current month's first day.
 */
export function sponsorshipStatusSql(
  statuses: readonly SponsorshipStatus[],
  s: string,
  current: string,
): string {
  const anyPaid = `EXISTS (SELECT 1 FROM contribution c WHERE c.sponsorship_id = ${s}.id AND c.status = 'PAID')`;
  const anyDue = `EXISTS (SELECT 1 FROM contribution c WHERE c.sponsorship_id = ${s}.id AND c.status = 'DUE')`;
  const live = `${s}.cancelled_at IS NULL`;
  const completed = `(${live} AND ${s}.end_month < ${current} AND ${anyPaid} AND NOT ${anyDue})`;
  const parts = statuses.map((status) => {
    switch (status) {
      case SponsorshipStatus.CANCELLED:
        return `${s}.cancelled_at IS NOT NULL`;
      case SponsorshipStatus.PLEDGED:
        return `(${live} AND NOT ${anyPaid})`;
      case SponsorshipStatus.COMPLETED:
        return completed;
      case SponsorshipStatus.ACTIVE:
        return `(${live} AND ${anyPaid} AND NOT ${completed})`;
    }
  });
  return parts.length ? `(${parts.join(" OR ")})` : "true";
}
