import {
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  formatRupiah,
  formatShortYearMonth,
  formatYearMonth,
} from "./format";

describe("formatRupiah", () => {
  test.each([
    [36_800, "Rp36.800"],
    [16_800, "Rp16.800"],
    [0, "Rp0"],
    [2_016_000, "Rp2.016.000"],
  ])("%d → %s, written as BPJS material writes it", (amount, expected) => {
    expect(formatRupiah(amount)).toBe(expected);
  });
});

describe("dates in id-ID, Asia/Jakarta", () => {
  test("a calendar day", () => {
    expect(formatDate("2025-08-17")).toBe("17 Agustus 2025");
  });
  test("an instant late in the UTC day is the next day in Jakarta", () => {
    expect(formatDate("2025-08-16T20:00:00Z")).toBe("17 Agustus 2025");
    expect(formatDateTime("2025-08-16T20:00:00Z")).toMatch(/^17 Agu 2025.*03[.:]00$/);
  });
  test("months", () => {
    expect(formatYearMonth("2024-05")).toBe("Mei 2024");
    expect(formatShortYearMonth("2024-12")).toBe("Des 24");
    expect(formatYearMonth(null)).toBe("");
  });
  test("nothing to show gives an empty string, not 'Invalid Date'", () => {
    expect(formatDate(null)).toBe("");
    expect(formatDate("not a date")).toBe("");
  });
});

test("numbers and percentages use id-ID separators", () => {
  expect(formatNumber(219_000)).toBe("219.000");
  expect(formatPercent(0.366)).toBe("36,6%");
});
