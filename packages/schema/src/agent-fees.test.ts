import { ProgramPackage } from "./enums";
import {
  AGENT_FEE_TABLE,
  RecruitMonth,
  agentCommission,
  agentFeeRuleAt,
  contributionFeeRate,
  totalPayable,
} from "./agent-fees";

const { JKK_JKM, JKK_JKM_JHT } = ProgramPackage;
const PERDIR = agentFeeRuleAt("2024-05");
const ACTIVE_BEFORE = [true, true, true];

/** n recruits registered this month, each with their first month paid. */
function newRecruits(n: number, pkg: ProgramPackage, amount: number, from = 0): RecruitMonth[] {
  return Array.from({ length: n }, (_, i) => ({
    newThisMonth: true,
    firstPackage: pkg,
    allocations: [{ contributionId: `c${from + i}`, place: 1, amount }],
  }));
}

describe("AGENT_FEE_TABLE", () => {
  it("is ordered by date and holds Perdir 13/2022's figures", () => {
    const dates = AGENT_FEE_TABLE.map((r) => r.effectiveFrom);
    expect([...dates].sort()).toEqual(dates);
    expect(PERDIR).toMatchObject({
      regulation: "Perdir 13/2022",
      acquisitionFee: { JKK_JKM: 10_000, JKK_JKM_JHT: 15_000 },
      minNewRecruits: 25,
      institutionRate: 1_000,
      suspendAfterIdleMonths: 3,
    });
  });

  it("picks the rule in force on the month's first day", () => {
    expect(agentFeeRuleAt("2021-12").regulation).toBe("Perisai scheme 2018");
    expect(agentFeeRuleAt("2022-01").regulation).toBe("Perdir 13/2022");
    expect(() => agentFeeRuleAt("2017-12")).toThrow(/No Perisai fee table/);
    expect(() => agentFeeRuleAt("2024-5")).toThrow(/YYYY-MM/);
  });

  it.each([
    [1, 1_500],
    [24, 1_500],
    [25, 500],
    [60, 500],
    [61, 0],
  ])("paid month #%d earns %d basis points", (place, rate) => {
    expect(contributionFeeRate(PERDIR, place)).toBe(rate);
  });
});

describe("agentCommission (Perdir 13/2022)", () => {
  it("pays Rp10,000 per JKK+JKM recruit at 25 new recruits, plus 15% of their first months", () => {
    expect(agentCommission(PERDIR, newRecruits(25, JKK_JKM, 16_800), ACTIVE_BEFORE)).toEqual({
      newRecruits: 25,
      paidMonths: 25,
      contributions: 420_000,
      acquisitionFee: 250_000,
      contributionFee: 63_000,
      agentFee: 313_000,
      institutionFee: 31_300,
      suspended: false,
    });
  });

  it("pays Rp15,000 per recruit on three programmes (JKK+JKM+JHT)", () => {
    const recruits = [
      ...newRecruits(20, JKK_JKM_JHT, 36_800),
      ...newRecruits(5, JKK_JKM, 16_800, 20),
    ];
    const fees = agentCommission(PERDIR, recruits, ACTIVE_BEFORE);
    expect(fees.acquisitionFee).toBe(20 * 15_000 + 5 * 10_000);
    expect(fees.contributionFee).toBe((20 * 36_800 + 5 * 16_800) * 0.15);
  });

  it("pays no acquisition fee below 25 new recruits, but still the contribution fee", () => {
    const fees = agentCommission(PERDIR, newRecruits(24, JKK_JKM, 16_800), ACTIVE_BEFORE);
    expect(fees.acquisitionFee).toBe(0);
    expect(fees.contributionFee).toBe(24 * 2_520);
    expect(fees.institutionFee).toBe(Math.floor((24 * 2_520) / 10));
  });

  it("counts a recruit with no pledge yet but pays nothing for them", () => {
    const recruits = [
      ...newRecruits(25, JKK_JKM, 16_800),
      { newThisMonth: true, firstPackage: null, allocations: [] },
    ];
    const fees = agentCommission(PERDIR, recruits, ACTIVE_BEFORE);
    expect(fees.newRecruits).toBe(26);
    expect(fees.acquisitionFee).toBe(250_000);
  });

  it("takes 15% of months 1–24, 5% of 25–60 and nothing after", () => {
    const older: RecruitMonth = {
      newThisMonth: false,
      firstPackage: JKK_JKM_JHT,
      allocations: [
        { contributionId: "m24", place: 24, amount: 36_800 },
        { contributionId: "m25", place: 25, amount: 36_800 },
        { contributionId: "m60", place: 60, amount: 36_800 },
        { contributionId: "m61", place: 61, amount: 36_800 },
      ],
    };
    const fees = agentCommission(PERDIR, [older], ACTIVE_BEFORE);
    expect(fees).toMatchObject({
      newRecruits: 0,
      paidMonths: 4,
      contributions: 4 * 36_800,
      acquisitionFee: 0,
      contributionFee: 5_520 + 1_840 + 1_840,
    });
  });

  it("counts a month paid from two transfers once, and rounds the fee down once", () => {
    const split: RecruitMonth = {
      newThisMonth: false,
      firstPackage: JKK_JKM,
      allocations: [
        { contributionId: "c1", place: 3, amount: 10_001 },
        { contributionId: "c1", place: 3, amount: 6_799 },
        { contributionId: "c2", place: 4, amount: 3 },
      ],
    };
    const fees = agentCommission(PERDIR, [split], ACTIVE_BEFORE);
    expect(fees.paidMonths).toBe(2);
    expect(fees.contributions).toBe(16_803);
    // 15% of 16,803 = 2,520.45 → 2,520.
    expect(fees.contributionFee).toBe(2_520);
  });

  it("suspends an agent idle in each of the three months before: every fee 0", () => {
    const recruits = newRecruits(30, JKK_JKM, 16_800);
    const fees = agentCommission(PERDIR, recruits, [false, false, false]);
    expect(fees).toMatchObject({
      suspended: true,
      newRecruits: 30,
      contributions: 30 * 16_800,
      acquisitionFee: 0,
      contributionFee: 0,
      agentFee: 0,
      institutionFee: 0,
    });
    // One active month among the three keeps the agent on.
    expect(agentCommission(PERDIR, recruits, [false, true, false]).suspended).toBe(false);
    expect(agentCommission(PERDIR, recruits, [false, false, false, true]).suspended).toBe(true);
  });

  it("does not cut off an agent who started less than three months ago", () => {
    // Signed up last month: only one month before this one is theirs to be idle in.
    const fees = agentCommission(PERDIR, newRecruits(30, JKK_JKM, 16_800), [false]);
    expect(fees).toMatchObject({ suspended: false, acquisitionFee: 300_000 });
  });

  it("under the 2018 scheme: 7.5% of every paid month, no acquisition fee, no cut-off", () => {
    const rule = agentFeeRuleAt("2020-03");
    const fees = agentCommission(rule, newRecruits(30, JKK_JKM, 16_800), [false, false, false]);
    expect(fees).toMatchObject({
      suspended: false,
      acquisitionFee: 0,
      contributionFee: 30 * 1_260,
      institutionFee: 3 * 1_260,
    });
  });
});

describe("totalPayable", () => {
  it("is the agent's fee plus the institution's 10% on top", () => {
    // 25 recruits at Rp15,000 + Rp138,000 contribution fee; the institution gets 10% of that.
    expect(totalPayable({ agentFee: 513_000, institutionFee: 51_300 })).toBe(564_300);
    // 24 paid months at 15% of Rp16,800 (Rp2,520): no acquisition fee below 25 recruits.
    expect(totalPayable({ agentFee: 60_480, institutionFee: 6_048 })).toBe(66_528);
    expect(totalPayable({ agentFee: 0, institutionFee: 0 })).toBe(0);
  });
});
