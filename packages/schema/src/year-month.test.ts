import { BadUserInputError } from "./errors";
import {
  addMonths,
  compareYearMonth,
  currentYearMonth,
  daysInMonth,
  fromMonthIndex,
  isIsoDate,
  jakartaInstant,
  isoDateOf,
  isYearMonth,
  monthRange,
  monthsBetween,
  parseIsoDate,
  parseYearMonth,
  toMonthIndex,
  yearMonthOf,
} from "./year-month";

describe("isYearMonth", () => {
  it.each([
    ["2024-05", true],
    ["1900-01", true],
    ["2999-12", true],
    ["2024-5", false],
    ["2024-13", false],
    ["2024-00", false],
    ["1899-12", false],
    ["3000-01", false],
    [" 2024-05", false],
    ["2024-05-01", false],
    ["2024/05", false],
    [202405, false],
    [null, false],
  ])("%p → %p", (value, expected) => {
    expect(isYearMonth(value)).toBe(expected);
  });
});

describe("parseYearMonth", () => {
  it("returns a valid month unchanged", () => {
    expect(parseYearMonth("2024-05")).toBe("2024-05");
  });

  it.each(["2024-5", "May 2024", ""])("rejects %p naming the value and the format", (bad) => {
    expect(() => parseYearMonth(bad, "startMonth")).toThrow(
      expect.objectContaining({
        code: "BAD_USER_INPUT",
        field: "startMonth",
        message: expect.stringMatching(new RegExp(`"${bad}".*YYYY-MM`)),
      }),
    );
  });
});

describe("month index", () => {
  it.each([
    ["2024-01", 2024 * 12],
    ["2024-12", 2024 * 12 + 11],
    ["1900-01", 1900 * 12],
    ["2999-12", 2999 * 12 + 11],
  ])("%s ↔ %i", (ym, index) => {
    expect(toMonthIndex(ym)).toBe(index);
    expect(fromMonthIndex(index)).toBe(ym);
  });

  it.each([1.5, 1899 * 12 + 11, 3000 * 12])("fromMonthIndex rejects %p", (i) => {
    expect(() => fromMonthIndex(i)).toThrow(BadUserInputError);
  });

  it("toMonthIndex rejects a malformed month", () => {
    expect(() => toMonthIndex("2024-13")).toThrow(BadUserInputError);
  });
});

describe("addMonths", () => {
  it.each([
    ["2024-11", 3, "2025-02"],
    ["2024-01", -1, "2023-12"],
    ["2024-05", 0, "2024-05"],
    ["2024-05", 12, "2025-05"],
    ["2024-05", -17, "2022-12"],
    ["2024-01", 4, "2024-05"],
  ])("%s + %i = %s", (ym, n, expected) => {
    expect(addMonths(ym, n)).toBe(expected);
  });

  it("rejects a fractional number of months", () => {
    expect(() => addMonths("2024-05", 0.5)).toThrow(BadUserInputError);
  });
});

describe("monthsBetween", () => {
  it.each([
    ["2024-01", "2024-05", 4],
    ["2024-05", "2024-01", -4],
    ["2024-05", "2024-05", 0],
    ["2023-12", "2024-01", 1],
    ["2022-12", "2024-05", 17],
  ])("%s → %s is %i", (from, to, expected) => {
    expect(monthsBetween(from, to)).toBe(expected);
  });
});

describe("compareYearMonth", () => {
  it.each([
    ["2024-01", "2024-02", -1],
    ["2024-02", "2024-01", 1],
    ["2024-02", "2024-02", 0],
    ["2023-12", "2024-01", -1],
  ])("compares %s with %s as %i", (a, b, expected) => {
    expect(compareYearMonth(a, b)).toBe(expected);
  });

  it("sorts months chronologically", () => {
    expect(["2024-03", "2023-12", "2024-01"].sort(compareYearMonth)).toEqual([
      "2023-12",
      "2024-01",
      "2024-03",
    ]);
  });
});

describe("yearMonthOf / isoDateOf / currentYearMonth", () => {
  it.each([
    // 18:00 UTC is 01:00 the next day in Jakarta (UTC+7).
    ["2024-05-31T18:00:00Z", "Asia/Jakarta", "2024-06", "2024-06-01"],
    ["2024-05-31T16:59:59Z", "Asia/Jakarta", "2024-05", "2024-05-31"],
    ["2024-05-31T17:00:00Z", "Asia/Jakarta", "2024-06", "2024-06-01"],
    ["2023-12-31T17:00:00Z", "Asia/Jakarta", "2024-01", "2024-01-01"],
    ["2024-05-31T18:00:00Z", "UTC", "2024-05", "2024-05-31"],
  ])("%s in %s is %s / %s", (instant, zone, ym, date) => {
    expect(yearMonthOf(new Date(instant), zone)).toBe(ym);
    expect(isoDateOf(new Date(instant), zone)).toBe(date);
  });

  it("defaults to Asia/Jakarta", () => {
    expect(yearMonthOf(new Date("2024-05-31T18:00:00Z"))).toBe("2024-06");
    expect(currentYearMonth(new Date("2024-05-31T18:00:00Z"))).toBe("2024-06");
  });

  it("rejects an invalid Date", () => {
    expect(() => yearMonthOf(new Date("nope"))).toThrow(BadUserInputError);
  });

  it("turns the month on the exact millisecond, however often it is asked in between", () => {
    // The answer is kept for the rest of its minute: the last millisecond of May in Jakarta,
    // then the first of June, then an instant in Nepal's zone (UTC+05:45) a second apart.
    expect(currentYearMonth(new Date("2024-05-31T16:59:00.000Z"))).toBe("2024-05");
    expect(currentYearMonth(new Date("2024-05-31T16:59:59.999Z"))).toBe("2024-05");
    expect(currentYearMonth(new Date("2024-05-31T17:00:00.000Z"))).toBe("2024-06");
    expect(currentYearMonth(new Date("2024-05-31T16:59:59.999Z"))).toBe("2024-05");
    expect(isoDateOf(new Date("2024-05-31T18:14:59.999Z"), "Asia/Kathmandu")).toBe("2024-05-31");
    expect(isoDateOf(new Date("2024-05-31T18:15:00.000Z"), "Asia/Kathmandu")).toBe("2024-06-01");
  });
});

describe("monthRange", () => {
  it.each([
    ["2024-11", 3, ["2024-11", "2024-12", "2025-01"]],
    ["2024-05", 1, ["2024-05"]],
    ["2024-05", 0, []],
  ])("%s × %i", (from, count, expected) => {
    expect(monthRange(from, count)).toEqual(expected);
  });

  it("covers a regional budget year of 12 months", () => {
    const months = monthRange("2024-01", 12);
    expect(months).toHaveLength(12);
    expect(months[11]).toBe("2024-12");
  });

  it.each([-1, 1.5])("rejects count %p", (count) => {
    expect(() => monthRange("2024-01", count)).toThrow(BadUserInputError);
  });
});

describe("isIsoDate / parseIsoDate", () => {
  it.each([
    ["2024-02-29", true],
    ["2023-02-28", true],
    ["2023-02-29", false],
    ["2000-02-29", true],
    ["1900-02-29", false],
    ["2024-04-30", true],
    ["2024-04-31", false],
    ["2024-01-31", true],
    ["2024-01-00", false],
    ["2024-13-01", false],
    ["2024-4-1", false],
    ["24-04-01", false],
    ["2024-04-01T00:00:00Z", false],
    [20240401, false],
  ])("%p → %p", (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it("returns a real date unchanged", () => {
    expect(parseIsoDate("2024-02-29")).toBe("2024-02-29");
  });

  it("rejects 2023-02-29 naming the value and the format", () => {
    expect(() => parseIsoDate("2023-02-29", "birthDate")).toThrow(
      expect.objectContaining({
        code: "BAD_USER_INPUT",
        field: "birthDate",
        message: expect.stringMatching(/"2023-02-29".*YYYY-MM-DD/),
      }),
    );
  });

  it.each([
    [2024, 2, 29],
    [2023, 2, 28],
    [2100, 2, 28],
    [2024, 4, 30],
    [2024, 12, 31],
  ])("daysInMonth(%i, %i) = %i", (y, m, expected) => {
    expect(daysInMonth(y, m)).toBe(expected);
  });
});

describe("jakartaInstant", () => {
  it("is seven hours ahead of UTC, across month and year ends", () => {
    // 00:30 WIB on 1 June is still 31 May in UTC: June's contribution is the one that counts.
    expect(jakartaInstant("2026-06-01", "00:30").toISOString()).toBe("2026-05-31T17:30:00.000Z");
    expect(jakartaInstant("2027-01-01", "06:59").toISOString()).toBe("2026-12-31T23:59:00.000Z");
    expect(jakartaInstant("2026-12-07").toISOString()).toBe("2026-12-06T17:00:00.000Z");
  });

  it("falls on the day it names in Jakarta", () => {
    expect(isoDateOf(jakartaInstant("2024-02-29", "23:59"))).toBe("2024-02-29");
  });
});
