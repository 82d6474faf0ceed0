import { BadUserInputError, ProgramPackage, quoteContribution } from "@sertakan/schema";
import type { ContributionQuote } from "@sertakan/schema";

export type LiveQuote =
  { ok: true; quote: ContributionQuote } | { ok: false; field: string; message: string };

/**
 * The price of a pledge before it is made, from the same dated price table the API
 * charges by (so the figure on screen is the figure on the receipt).
 */
export function liveQuote(
  pkg: "JKK_JKM" | "JKK_JKM_JHT",
  declaredIncome: number | null,
  months: number,
  workers: number,
): LiveQuote {
  try {
    const quote = quoteContribution(pkg as ProgramPackage, declaredIncome, months, workers);
    return { ok: true, quote };
  } catch (e) {
    if (e instanceof BadUserInputError) {
      return { ok: false, field: e.field ?? "", message: e.message };
    }
    throw e;
  }
}
