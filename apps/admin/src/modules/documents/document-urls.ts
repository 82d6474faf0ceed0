import { addMonths, compareYearMonth, currentYearMonth, isYearMonth } from "@sertakan/schema";

// The API serves documents at same-origin URLs, so the session cookie signs a plain link in.

/** A payment's receipt (kuitansi) as PDF. */
export function receiptUrl(paymentId: string): string {
  return `/documents/payments/${encodeURIComponent(paymentId)}/receipt.pdf`;
}

/** A donor's statement for months `from` to `to` (YYYY-MM) as PDF. */
export function statementUrl(donorId: string, from: string, to: string): string {
  const query = new URLSearchParams({ from, to });
  return `/documents/donors/${encodeURIComponent(donorId)}/statement.pdf?${query}`;
}

/** The statement period offered first: the twelve months up to the current one. */
export function defaultStatementPeriod(now: Date = new Date()): { from: string; to: string } {
  const to = currentYearMonth(now);
  return { from: addMonths(to, -11), to };
}

/** Whether the API will accept the period (it also caps it at 60 months). */
export function isStatementPeriod(from: string, to: string): boolean {
  return isYearMonth(from) && isYearMonth(to) && compareYearMonth(from, to) <= 0;
}
