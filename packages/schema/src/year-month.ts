import { BadUserInputError } from "./errors";

/** A calendar month written "YYYY-MM" (year 1900–2999). */
export type YearMonth = string;

/** The time zone every Sertakan month and date is counted in (the contract says so). */
export const DEFAULT_TIME_ZONE = "Asia/Jakarta";

const MIN_YEAR = 1900;
const MAX_YEAR = 2999;
const YEAR_MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Tells whether a value is a well-formed month "YYYY-MM" with a year from 1900 to 2999.
 *
 * @example isYearMonth("2024-05") // true; isYearMonth("2024-5") // false
 */
export function isYearMonth(s: unknown): s is YearMonth {
  if (typeof s !== "string") return false;
  const m = YEAR_MONTH_PATTERN.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/**
 * Checks a month "YYYY-MM" and returns it unchanged.
 *
 * @param field - input field to blame in the error (defaults to "month")
 * @throws BadUserInputError naming the value and the expected format
 */
export function parseYearMonth(s: string, field = "month"): YearMonth {
  if (!isYearMonth(s)) {
    throw new BadUserInputError(
      `"${String(s)}" is not a month: write it as YYYY-MM, e.g. 2024-05 (year 1900–2999).`,
      field,
    );
  }
  return s;
}

/**
 * Counts months from year 0 so month arithmetic is integer subtraction: year × 12 + month − 1.
 *
 * @throws BadUserInputError when `ym` is not a valid month
 */
export function toMonthIndex(ym: YearMonth): number {
  parseYearMonth(ym);
  return Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
}

/**
 * The inverse of {@link toMonthIndex}.
 *
 * @throws BadUserInputError when the index is not an integer or falls outside 1900–2999
 */
export function fromMonthIndex(i: number): YearMonth {
  if (!Number.isInteger(i) || i < MIN_YEAR * 12 || i > MAX_YEAR * 12 + 11) {
    throw new BadUserInputError(
      `Month index ${i} is not a whole number of months between 1900-01 and 2999-12.`,
    );
  }
  const year = Math.floor(i / 12);
  const month = (i % 12) + 1;
  return `${year}-${String(month).padStart(2, "0")}`;
}

/**
 * Moves a month forwards (or backwards, for negative `n`) by whole months.
 *
 * @example addMonths("2024-11", 3) // "2025-02"
 */
export function addMonths(ym: YearMonth, n: number): YearMonth {
  if (!Number.isInteger(n)) {
    throw new BadUserInputError(`Cannot add ${n} months: use a whole number.`);
  }
  return fromMonthIndex(toMonthIndex(ym) + n);
}

/**
 * Signed number of months from `from` to `to` (to − from).
 *
 * @example monthsBetween("2024-01", "2024-05") // 4; monthsBetween("2024-05", "2024-01") // -4
 */
export function monthsBetween(from: YearMonth, to: YearMonth): number {
  return toMonthIndex(to) - toMonthIndex(from);
}

/** Orders two months for `Array.prototype.sort`: negative, 0 or positive. */
export function compareYearMonth(a: YearMonth, b: YearMonth): number {
  return Math.sign(toMonthIndex(a) - toMonthIndex(b));
}

// Intl formatters are costly to build and the zone set is tiny, so keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function calendarParts(date: Date, timeZone: string): CalendarParts {
  if (Number.isNaN(date.getTime())) {
    throw new BadUserInputError("The date is not a valid point in time.");
  }
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    formatters.set(timeZone, fmt);
  }
  // Every request asks for "this month" and formatToParts is slow; a zone's day always turns
  // on a whole UTC minute, so the last answer holds for the rest of its minute.
  const minute = Math.floor(date.getTime() / 60_000);
  const last = lastParts.get(timeZone);
  if (last && last.minute === minute) return last.parts;
  const raw = Object.fromEntries(fmt.formatToParts(date).map((p) => [p.type, p.value]));
  const parts = { year: String(raw.year).padStart(4, "0"), month: raw.month, day: raw.day };
  lastParts.set(timeZone, { minute, parts });
  return parts;
}

type CalendarParts = { year: string; month: string; day: string };
const lastParts = new Map<string, { minute: number; parts: CalendarParts }>();

/**
 * The calendar month an instant falls in, in the given time zone.
 *
 * @example yearMonthOf(new Date("2024-05-31T18:00:00Z")) // "2024-06" (01:00 in Jakarta)
 */
export function yearMonthOf(date: Date, timeZone: string = DEFAULT_TIME_ZONE): YearMonth {
  const { year, month } = calendarParts(date, timeZone);
  return `${year}-${month}`;
}

/**
 * The instant of a wall-clock time in Klaten (Asia/Jakarta), whatever the zone of the machine
 * asking. Western Indonesia Time has no daylight saving, so +07:00 holds on every date.
 *
 * @example jakartaInstant("2026-06-01", "00:30") // 2026-05-31T17:30:00.000Z, still May in UTC
 */
export function jakartaInstant(date: string, time = "00:00"): Date {
  return new Date(`${date}T${time}:00+07:00`);
}

/**
 * The calendar date "YYYY-MM-DD" an instant falls on, in the given time zone.
 *
 * @example isoDateOf(new Date("2024-05-31T18:00:00Z")) // "2024-06-01"
 */
export function isoDateOf(date: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const { year, month, day } = calendarParts(date, timeZone);
  return `${year}-${month}-${day}`;
}

/** The current month in Asia/Jakarta. */
export function currentYearMonth(now: Date = new Date()): YearMonth {
  return yearMonthOf(now, DEFAULT_TIME_ZONE);
}

/**
 * `count` consecutive months starting at `from`.
 *
 * @example monthRange("2024-11", 3) // ["2024-11", "2024-12", "2025-01"]
 * @throws BadUserInputError when `count` is not a whole number ≥ 0
 */
export function monthRange(from: YearMonth, count: number): YearMonth[] {
  if (!Number.isInteger(count) || count < 0) {
    throw new BadUserInputError(`Cannot list ${count} months: use a whole number of 0 or more.`);
  }
  const start = toMonthIndex(from);
  return Array.from({ length: count }, (_, k) => fromMonthIndex(start + k));
}

/** Whether `year` is a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Tells whether a value is a real calendar date "YYYY-MM-DD" (year 1900–2999);
 * 2023-02-29 and 2024-04-31 are not.
 */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== "string") return false;
  const m = ISO_DATE_PATTERN.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) return false;
  return day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Checks a calendar date "YYYY-MM-DD" and returns it unchanged.
 *
 * @param field - input field to blame in the error (defaults to "date")
 * @throws BadUserInputError naming the value and the expected format
 */
export function parseIsoDate(s: string, field = "date"): string {
  if (!isIsoDate(s)) {
    throw new BadUserInputError(
      `"${String(s)}" is not a calendar date: write a real date as YYYY-MM-DD, e.g. 2024-05-31.`,
      field,
    );
  }
  return s;
}
