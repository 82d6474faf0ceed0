import { ProgramPackage } from "./enums";
import { BadUserInputError } from "./errors";
import {
  DEFAULT_RENEWAL_MONTHS,
  checkRenewal,
  planRenewal,
  quoteRenewal,
  renewalStartMonth,
} from "./renewal";

const MIN = 1_000_000;
const jkkJkm = (endMonth: string, declaredIncome = MIN) => ({
  package: ProgramPackage.JKK_JKM,
  declaredIncome,
  endMonth,
});
const withJht = (endMonth: string, declaredIncome = MIN) => ({
  ...jkkJkm(endMonth, declaredIncome),
  package: ProgramPackage.JKK_JKM_JHT,
});

describe("renewalStartMonth", () => {
  it.each([
    ["ends this month: the next month", "2026-12", "2026-12", "2027-01"],
    ["ends next month: the month after", "2027-01", "2026-12", "2027-02"],
    ["ended last month: this month", "2026-11", "2026-12", "2026-12"],
    ["ended long ago: this month", "2026-08", "2026-12", "2026-12"],
    ["across a year end", "2026-12", "2027-01", "2027-01"],
    ["ends far ahead", "2027-06", "2026-12", "2027-07"],
  ])("%s (%s on %s → %s)", (_, end, current, start) => {
    expect(renewalStartMonth(end, current)).toBe(start);
  });
});

describe("planRenewal", () => {
  it("renews a Jan–Dec 2026 JKK+JKM sponsorship for 6 months on 2026-12-06: 2027-01..2027-06, Rp100,800", () => {
    expect(planRenewal(jkkJkm("2026-12"), 6, "2026-12-06")).toEqual({
      package: ProgramPackage.JKK_JKM,
      declaredIncome: MIN,
      jkk: 10_000,
      jkm: 6_800,
      jht: 0,
      monthly: 16_800,
      startMonth: "2027-01",
      endMonth: "2027-06",
      months: 6,
      total: 100_800,
      regulation: "Permenaker 5/2021",
    });
  });

  it("starts one that ended 2026-08 in the current month, 2026-12", () => {
    const plan = planRenewal(jkkJkm("2026-08"), DEFAULT_RENEWAL_MONTHS, "2026-12-06");
    expect([plan.startMonth, plan.endMonth, plan.total]).toEqual(["2026-12", "2027-11", 201_600]);
  });

  it("prices JKK+JKM+JHT at the minimum income at Rp36,800 a month", () => {
    const plan = planRenewal(withJht("2026-12"), 12, "2026-12-06");
    expect([plan.jkk, plan.jkm, plan.jht, plan.monthly, plan.total]).toEqual([
      10_000, 6_800, 20_000, 36_800, 441_600,
    ]);
  });

  it("keeps the declared income: Rp2,500,000 with JHT is 25,000 + 6,800 + 50,000", () => {
    expect(planRenewal(withJht("2026-12", 2_500_000), 1, "2026-12-06").monthly).toBe(81_800);
  });

  it("prices by the rule in force today, not when the sponsorship was pledged", () => {
    // The table changes on 2021-04-01 (Permenaker 5/2021); the day before is PP 44/2015.
    const before = planRenewal(jkkJkm("2021-03"), 3, "2021-03-31");
    const after = planRenewal(jkkJkm("2021-03"), 3, "2021-04-01");
    expect([before.regulation, before.startMonth, before.monthly]).toEqual([
      "PP 44/2015",
      "2021-04",
      16_800,
    ]);
    expect([after.regulation, after.startMonth, after.monthly]).toEqual([
      "Permenaker 5/2021",
      "2021-04",
      16_800,
    ]);
  });

  it("takes the month from the Jakarta date given: 31 December and 1 January", () => {
    expect(planRenewal(jkkJkm("2026-10"), 1, "2026-12-31").startMonth).toBe("2026-12");
    expect(planRenewal(jkkJkm("2026-10"), 1, "2027-01-01").startMonth).toBe("2027-01");
  });

  it.each([0, 25, 1.5])("refuses %p months", (months) => {
    expect(() => planRenewal(jkkJkm("2026-12"), months, "2026-12-06")).toThrow(BadUserInputError);
  });
});

describe("quoteRenewal", () => {
  it("sums one line per package: 3 × 16,800 × 6 + 2 × 36,800 × 6", () => {
    const quote = quoteRenewal(
      [
        jkkJkm("2026-12"),
        withJht("2026-12"),
        jkkJkm("2027-01"),
        withJht("2026-12"),
        jkkJkm("2026-12"),
      ],
      6,
      "2026-12-06",
    );
    expect(quote.lines).toEqual([
      {
        package: "JKK_JKM",
        declaredIncome: MIN,
        monthly: 16_800,
        sponsorships: 3,
        months: 6,
        total: 302_400,
      },
      {
        package: "JKK_JKM_JHT",
        declaredIncome: MIN,
        monthly: 36_800,
        sponsorships: 2,
        months: 6,
        total: 441_600,
      },
    ]);
    expect(quote.total).toBe(744_000);
  });

  it("is zero for no sponsorships", () => {
    expect(quoteRenewal([], 12, "2026-12-06")).toEqual({ lines: [], months: 12, total: 0 });
  });
});

describe("checkRenewal", () => {
  it.each([
    [{ sponsorshipIds: [] as string[], months: 12 }, "sponsorshipIds"],
    [{ sponsorshipIds: ["a", "a"], months: 12 }, "sponsorshipIds"],
    [
      { sponsorshipIds: Array.from({ length: 1001 }, (_, i) => String(i)), months: 12 },
      "sponsorshipIds",
    ],
    [{ sponsorshipIds: ["a"], months: 0 }, "months"],
    [{ sponsorshipIds: ["a"], months: 25 }, "months"],
  ])("refuses case %#", (input, field) => {
    try {
      checkRenewal(input);
      throw new Error("accepted");
    } catch (error) {
      expect(error).toBeInstanceOf(BadUserInputError);
      expect((error as BadUserInputError).field).toBe(field);
    }
  });
  it("accepts 1 to 24 months for distinct sponsorships", () => {
    expect(() => checkRenewal({ sponsorshipIds: ["a", "b"], months: 24 })).not.toThrow();
    expect(() => checkRenewal({ sponsorshipIds: ["a"], months: 1 })).not.toThrow();
  });
});
