import { ProgramPackage } from "./enums";
import { BadUserInputError } from "./errors";
import {
  MAX_DECLARED_INCOME,
  MIN_DECLARED_INCOME,
  PRICE_TABLE,
  priceContribution,
  priceRuleAt,
  quoteContribution,
} from "./pricing";

const { JKK_JKM, JKK_JKM_JHT } = ProgramPackage;
// The Klaten article's date: its figures must come out of the table as of then.
const ARTICLE_DAY = "2024-05-20";

describe("PRICE_TABLE", () => {
  it("is ordered by effective date and reproduces the domain figures", () => {
    const dates = PRICE_TABLE.map((r) => r.effectiveFrom);
    expect([...dates].sort()).toEqual(dates);
    expect(PRICE_TABLE.map((r) => r.regulation)).toEqual(["PP 44/2015", "Permenaker 5/2021"]);
    for (const rule of PRICE_TABLE) {
      expect(rule).toMatchObject({
        jkkRate: 100,
        jkmFlat: 6_800,
        jhtRate: 200,
        minIncome: 1_000_000,
        maxIncome: 20_700_000,
      });
    }
  });

  it("exports the declared-income band", () => {
    expect([MIN_DECLARED_INCOME, MAX_DECLARED_INCOME]).toEqual([1_000_000, 20_700_000]);
  });
});

describe("priceRuleAt", () => {
  it.each([
    ["2015-07-01", "PP 44/2015"],
    ["2019-12-31", "PP 44/2015"],
    ["2021-03-31", "PP 44/2015"],
    ["2021-04-01", "Permenaker 5/2021"],
    [ARTICLE_DAY, "Permenaker 5/2021"],
  ])("%s → %s", (date, regulation) => {
    expect(priceRuleAt(date).regulation).toBe(regulation);
  });

  it("rejects a date before the first rule, naming where the table starts", () => {
    expect(() => priceRuleAt("2015-06-30")).toThrow(
      expect.objectContaining({
        code: "BAD_USER_INPUT",
        message: expect.stringContaining("2015-07-01"),
      }),
    );
  });

  it("rejects a date that is not a calendar date", () => {
    expect(() => priceRuleAt("2023-02-29")).toThrow(BadUserInputError);
  });
});

describe("priceContribution", () => {
  it.each<[ProgramPackage, number, number, number, number, number]>([
    // package, income, jkk, jkm, jht, monthly
    [JKK_JKM, 1_000_000, 10_000, 6_800, 0, 16_800],
    [JKK_JKM_JHT, 1_000_000, 10_000, 6_800, 20_000, 36_800],
    [JKK_JKM, 20_700_000, 207_000, 6_800, 0, 213_800],
    [JKK_JKM_JHT, 20_700_000, 207_000, 6_800, 414_000, 627_800],
    [JKK_JKM, 2_500_000, 25_000, 6_800, 0, 31_800],
    // 1% of 1,234,567 = 12,345.67 → 12,346; 2% = 24,691.34 → 24,691.
    [JKK_JKM_JHT, 1_234_567, 12_346, 6_800, 24_691, 43_837],
    // Exactly half a rupiah rounds up: 1% of 1,000,050 = 10,000.5; 2% = 20,001.
    [JKK_JKM_JHT, 1_000_050, 10_001, 6_800, 20_001, 36_802],
    // Just under half rounds down: 1% of 1,000,049 = 10,000.49; 2% = 20,000.98 → 20,001.
    [JKK_JKM_JHT, 1_000_049, 10_000, 6_800, 20_001, 36_801],
  ])("%s at Rp%i → jkk %i, jkm %i, jht %i, monthly %i", (pkg, income, jkk, jkm, jht, monthly) => {
    expect(priceContribution(pkg, income, ARTICLE_DAY)).toEqual({
      package: pkg,
      declaredIncome: income,
      jkk,
      jkm,
      jht,
      monthly,
    });
  });

  it.each([
    [JKK_JKM, 16_800],
    [JKK_JKM_JHT, 36_800],
  ])("%s defaults to the minimum income and today: %i", (pkg, monthly) => {
    expect(priceContribution(pkg)).toMatchObject({ declaredIncome: 1_000_000, monthly });
    expect(priceContribution(pkg, null, ARTICLE_DAY).monthly).toBe(monthly);
  });

  it("prices a date under PP 44/2015 the same way", () => {
    expect(priceContribution(JKK_JKM_JHT, undefined, "2020-01-15").monthly).toBe(36_800);
  });

  it.each([999_999, 20_700_001, 1.5, 1_500_000.5, -1, 0, NaN, Infinity])(
    "rejects declared income %p naming the allowed range",
    (income) => {
      expect(() => priceContribution(JKK_JKM, income, ARTICLE_DAY)).toThrow(
        expect.objectContaining({
          code: "BAD_USER_INPUT",
          field: "declaredIncome",
          message: expect.stringContaining("Rp1,000,000 to Rp20,700,000"),
        }),
      );
    },
  );

  it("rejects an unknown package", () => {
    expect(() => priceContribution("JKK_JKM_JP" as ProgramPackage, 1_000_000, ARTICLE_DAY)).toThrow(
      expect.objectContaining({ code: "BAD_USER_INPUT", field: "package" }),
    );
  });
});

describe("quoteContribution", () => {
  it.each<[ProgramPackage, number | null, number, number, number, number]>([
    // package, income, months, workers, monthly, total
    [JKK_JKM, null, 1, 1, 16_800, 16_800],
    [JKK_JKM, 1_000_000, 12, 1, 16_800, 201_600],
    [JKK_JKM_JHT, null, 12, 1, 36_800, 441_600],
    // ~11,000 Klaten civil servants each covering one worker for a year.
    [JKK_JKM, null, 12, 11_000, 16_800, 2_217_600_000],
    [JKK_JKM_JHT, 20_700_000, 24, 100_000, 627_800, 1_506_720_000_000],
  ])(
    "%s, income %p, %i months × %i workers → %i/month, total %i",
    (pkg, income, months, workers, monthly, total) => {
      expect(quoteContribution(pkg, income, months, workers, ARTICLE_DAY)).toMatchObject({
        package: pkg,
        declaredIncome: income ?? 1_000_000,
        monthly,
        months,
        workers,
        total,
      });
    },
  );

  it("returns every component of the price", () => {
    expect(quoteContribution(JKK_JKM_JHT, undefined, 3, 2, ARTICLE_DAY)).toEqual({
      package: JKK_JKM_JHT,
      declaredIncome: 1_000_000,
      jkk: 10_000,
      jkm: 6_800,
      jht: 20_000,
      monthly: 36_800,
      months: 3,
      workers: 2,
      total: 220_800,
    });
  });

  it.each<[number, number, string]>([
    [0, 1, "months"],
    [25, 1, "months"],
    [1.5, 1, "months"],
    [12, 0, "workers"],
    [12, 100_001, "workers"],
    [12, 2.5, "workers"],
  ])("rejects %p months × %p workers on field %s", (months, workers, field) => {
    expect(() => quoteContribution(JKK_JKM, null, months, workers, ARTICLE_DAY)).toThrow(
      expect.objectContaining({ code: "BAD_USER_INPUT", field }),
    );
  });

  it("rejects an income outside the band", () => {
    expect(() => quoteContribution(JKK_JKM, 999_999, 12, 1, ARTICLE_DAY)).toThrow(
      expect.objectContaining({ field: "declaredIncome" }),
    );
  });
});
