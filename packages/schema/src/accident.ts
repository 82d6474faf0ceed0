import { AccidentReportStatus, PartnerKind } from "./enums";
import { BadUserInputError } from "./errors";
import { YearMonth, isoDateOf, yearMonthOf } from "./year-month";

// Work accidents (JKK), DOMAIN.md "The protection loop": the stage-I report reaches the branch
// or the PLKK within 2 × 24 hours; later reports are still taken, flagged late. Cover is
// judged on the accident day in Asia/Jakarta: covered when that calendar month is PAID.

/** A report later than this many hours after the accident is flagged late. */
export const LATE_REPORT_AFTER_HOURS = 48;

/** How far ahead of our clock an accident time may be (a device clock running fast). */
export const ACCIDENT_CLOCK_SKEW_MS = 10 * 60 * 1000;

/** The partner kinds that treat work accidents and may report them. */
export const PLKK_KINDS: readonly PartnerKind[] = Object.freeze([
  PartnerKind.PLKK_HOSPITAL,
  PartnerKind.PLKK_CLINIC,
  PartnerKind.PLKK_PUSKESMAS,
]);

/** Whether a partner of this kind is a PLKK (hospital, clinic or puskesmas). */
export function isPlkk(kind: PartnerKind): boolean {
  return PLKK_KINDS.includes(kind);
}

/**
 * The calendar month whose contribution must be PAID for the accident to be covered: the
 * month of the accident day in Asia/Jakarta, not in UTC.
 *
 * @example accidentCoverMonth(new Date("2024-05-31T17:30:00Z")) // "2024-06" (00:30 WIB)
 */
export function accidentCoverMonth(occurredAt: Date): YearMonth {
  return yearMonthOf(occurredAt);
}

/** The accident day, YYYY-MM-DD in Asia/Jakarta. */
export function accidentDay(occurredAt: Date): string {
  return isoDateOf(occurredAt);
}

/**
 * Whether a report made at `reportedAt` is late: more than 48 hours after the accident.
 * Exactly 48 hours is still on time.
 */
export function isLateReport(occurredAt: Date, reportedAt: Date): boolean {
  return reportedAt.getTime() - occurredAt.getTime() > LATE_REPORT_AFTER_HOURS * 3_600_000;
}

/**
 * The report's status from the paid month found for the accident day, if any. A report is
 * decided once: a payment made later for that month does not change it.
 */
export function accidentStatus(coveringMonthPaid: boolean): AccidentReportStatus {
  return coveringMonthPaid ? AccidentReportStatus.ACCEPTED : AccidentReportStatus.NOT_COVERED;
}

/**
 * Throws unless the accident time can be reported now: a real instant, not in the future.
 *
 * @throws BadUserInputError on field occurredAt
 */
export function checkAccidentTime(occurredAt: Date, now: Date): void {
  if (Number.isNaN(occurredAt.getTime()))
    throw new BadUserInputError("occurredAt is not a valid point in time.", "occurredAt");
  if (occurredAt.getTime() > now.getTime() + ACCIDENT_CLOCK_SKEW_MS)
    throw new BadUserInputError(
      `occurredAt ${occurredAt.toISOString()} is in the future; report an accident once it has happened.`,
      "occurredAt",
    );
}

/**
 * Exactly one way of naming the worker: their id or their NIK.
 *
 * @throws BadUserInputError when neither or both are given
 */
export function checkWorkerReference(input: {
  workerId?: string | null;
  nik?: string | null;
}): { workerId: string } | { nik: string } {
  const workerId = input.workerId?.trim() || null;
  const nik = input.nik?.trim() || null;
  if (workerId && nik)
    throw new BadUserInputError("Give either workerId or nik, not both.", "workerId");
  if (workerId) return { workerId };
  if (nik) return { nik };
  throw new BadUserInputError("Name the worker: give workerId or nik.", "nik");
}
