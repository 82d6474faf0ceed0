import { BadUserInputError } from "./errors";
import { formatDateId, formatRupiah, formatYearMonthId } from "./indonesian";
import { rupiahInWords, statementFigures, statementPeriod, terbilang } from "./documents";

describe("rupiahInWords (terbilang)", () => {
  it.each([
    [0, "nol rupiah"],
    [11, "sebelas rupiah"],
    [15, "lima belas rupiah"],
    [100, "seratus rupiah"],
    [111, "seratus sebelas rupiah"],
    [1000, "seribu rupiah"],
    [16_800, "enam belas ribu delapan ratus rupiah"],
    [36_800, "tiga puluh enam ribu delapan ratus rupiah"],
    [50_400, "lima puluh ribu empat ratus rupiah"],
    [201_600, "dua ratus satu ribu enam ratus rupiah"],
    [1_000_000, "satu juta rupiah"],
    [1_001_000, "satu juta seribu rupiah"],
    [1_100_000, "satu juta seratus ribu rupiah"],
    [2_036_800, "dua juta tiga puluh enam ribu delapan ratus rupiah"],
    [11_000_000_000, "sebelas miliar rupiah"],
    [1_000_000_000_000, "satu triliun rupiah"],
  ])("%d → %s", (amount, words) => {
    expect(rupiahInWords(amount)).toBe(words);
  });

  it.each([-1, 1.5, 1e15, Number.NaN])("refuses %p", (n) => {
    expect(() => terbilang(n)).toThrow(BadUserInputError);
  });
});

describe("formatRupiah and dates", () => {
  it.each([
    [0, "Rp0"],
    [800, "Rp800"],
    [16_800, "Rp16.800"],
    [50_400, "Rp50.400"],
    [2_036_800, "Rp2.036.800"],
    [-36_800, "-Rp36.800"],
  ])("%d → %s", (amount, text) => {
    expect(formatRupiah(amount)).toBe(text);
  });
  it("writes months and days in Indonesian", () => {
    expect(formatYearMonthId("2026-12")).toBe("Desember 2026");
    expect(formatYearMonthId("2027-02")).toBe("Februari 2027");
    expect(formatDateId("2026-01-05")).toBe("5 Januari 2026");
  });
});

describe("statementPeriod", () => {
  it("takes both months, or the twelve months up to the current one", () => {
    expect(statementPeriod("2026-01", "2026-12", "2026-12")).toEqual({
      from: "2026-01",
      to: "2026-12",
    });
    expect(statementPeriod(undefined, undefined, "2027-01")).toEqual({
      from: "2026-02",
      to: "2027-01",
    });
    expect(statementPeriod(undefined, "2026-06", "2027-01")).toEqual({
      from: "2025-07",
      to: "2026-06",
    });
    expect(statementPeriod("2022-01", "2026-12", "2026-12")).toEqual({
      from: "2022-01",
      to: "2026-12",
    });
  });
  it.each([
    ["2026-13", "2026-12", "from"],
    ["2026-01", "2026-1", "to"],
    ["2026-06", "2026-05", "from"],
    ["2021-12", "2026-12", "to"],
  ])("refuses from=%s to=%s on %s", (from, to, field) => {
    try {
      statementPeriod(from, to, "2026-12");
      throw new Error("accepted");
    } catch (error) {
      expect(error).toBeInstanceOf(BadUserInputError);
      expect((error as BadUserInputError).field).toBe(field);
    }
  });
});

describe("statementFigures", () => {
  // Two workers at Rp16,800 (JKK+JKM) and one at Rp36,800 (with JHT), Nov 2026 – Feb 2027.
  const months = [
    { sponsorshipId: "a", month: "2026-11", amount: 16_800, status: "PAID" as const },
    { sponsorshipId: "a", month: "2026-12", amount: 16_800, status: "PAID" as const },
    { sponsorshipId: "a", month: "2027-01", amount: 16_800, status: "DUE" as const },
    { sponsorshipId: "a", month: "2027-02", amount: 16_800, status: "DUE" as const },
    { sponsorshipId: "b", month: "2026-12", amount: 36_800, status: "DUE" as const },
    { sponsorshipId: "b", month: "2027-01", amount: 36_800, status: "CANCELLED" as const },
    { sponsorshipId: "c", month: "2026-10", amount: 16_800, status: "PAID" as const },
    { sponsorshipId: "c", month: "2026-11", amount: 16_800, status: "PAID" as const },
    { sponsorshipId: "x", month: "2026-12", amount: 16_800, status: "PAID" as const },
  ];
  const figures = statementFigures({
    from: "2026-11",
    to: "2027-01",
    current: "2026-12",
    sponsorshipIds: ["a", "b", "c"],
    months,
    payments: [{ amount: 50_400 }, { amount: 1_000 }],
    credit: 1_000,
  });

  it("counts each sponsorship's paid and DUE months inside the period", () => {
    expect(figures.lines).toEqual([
      {
        sponsorshipId: "a",
        monthsPaid: 2,
        monthsDue: 1,
        paid: 33_600,
        due: 16_800,
        overdueMonths: 0,
        overdue: 0,
      },
      {
        sponsorshipId: "b",
        monthsPaid: 0,
        monthsDue: 1,
        paid: 0,
        due: 36_800,
        overdueMonths: 1,
        overdue: 36_800,
      },
      {
        sponsorshipId: "c",
        monthsPaid: 1,
        monthsDue: 0,
        paid: 16_800,
        due: 0,
        overdueMonths: 0,
        overdue: 0,
      },
    ]);
  });
  it("totals them, with the money received in the period and the credit", () => {
    expect(figures.totals).toEqual({
      monthsPaid: 3,
      monthsDue: 2,
      paid: 50_400,
      due: 53_600,
      overdueMonths: 1,
      overdue: 36_800,
      received: 51_400,
      payments: 2,
    });
    expect(figures.credit).toBe(1_000);
  });
  it("gives zero lines for a sponsorship with no month in the period", () => {
    const empty = statementFigures({
      from: "2025-01",
      to: "2025-12",
      current: "2026-12",
      sponsorshipIds: ["a"],
      months,
      payments: [],
      credit: 0,
    });
    expect(empty.totals).toMatchObject({
      monthsPaid: 0,
      monthsDue: 0,
      paid: 0,
      due: 0,
      received: 0,
    });
  });
});
