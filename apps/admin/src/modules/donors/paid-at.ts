import { isoDateOf, jakartaInstant } from "@sertakan/schema";

/**
 * The instant recorded for a payment entered for a Jakarta calendar day. An earlier day is
 * taken at noon WIB, which keeps it that day in any time zone; today is taken as now, since
 * noon may still be ahead (before 12:00 WIB) and the API refuses a payment in the future.
 */
export function paidAtOfDay(day: string, now: Date = new Date()): string {
  if (day === isoDateOf(now)) return now.toISOString();
  return jakartaInstant(day, "12:00").toISOString();
}
