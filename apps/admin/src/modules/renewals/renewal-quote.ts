import { BadUserInputError, ProgramPackage, isoDateOf, quoteRenewal } from "@sertakan/schema";
import type { RenewalQuote } from "@sertakan/schema";

export type LiveRenewalQuote = { ok: true; quote: RenewalQuote } | { ok: false; message: string };

type Priced = { package: string; declaredIncome: number };

/**
 * What renewing the selected sponsorships costs, from the same dated price table and rule the
 * API renews by (so the figure on screen is the figure the donors are billed).
 *
 * @param today - YYYY-MM-DD in Asia/Jakarta; defaults to now
 */
export function liveRenewalQuote(
  selected: readonly Priced[],
  months: number | string,
  today: string = isoDateOf(new Date()),
): LiveRenewalQuote {
  try {
    const rows = selected.map((s) => ({
      package: s.package as ProgramPackage,
      declaredIncome: s.declaredIncome,
    }));
    return {
      ok: true,
      quote: quoteRenewal(rows, typeof months === "number" ? months : NaN, today),
    };
  } catch (e) {
    if (e instanceof BadUserInputError) return { ok: false, message: e.message };
    throw e;
  }
}

/**
 * The idempotency key of one renewal request: the visit's key plus what is asked, so a retried
 * confirm (after a lost answer) writes nothing twice, while another selection in the same
 * visit is a new request rather than a replay of the first.
 */
export function renewalKey(
  visit: string,
  sponsorshipIds: readonly string[],
  months: number,
): string {
  // FNV-1a over the sorted ids: short, stable, and enough to tell two selections apart.
  let hash = 0x811c9dc5;
  for (const ch of [...sponsorshipIds].sort().join(",")) {
    hash ^= ch.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${visit}:${months}:${sponsorshipIds.length}:${hash.toString(16)}`;
}
