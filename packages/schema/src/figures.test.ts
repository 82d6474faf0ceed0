import { ContributionStatus } from "./enums";
import { contributionFigures, donorSummary, paymentAllocation } from "./figures";

const { DUE, PAID, CANCELLED } = ContributionStatus;

describe("contributionFigures", () => {
  it.each([
    [[], { liveMonths: 0, paidMonths: 0, total: 0, paid: 0 }],
    [
      [
        { amount: 16_800, status: PAID },
        { amount: 16_800, status: DUE },
        { amount: 16_800, status: DUE },
      ],
      { liveMonths: 3, paidMonths: 1, total: 50_400, paid: 16_800 },
    ],
    // A cancelled pledge costs only the months it paid.
    [
      [
        { amount: 36_800, status: PAID },
        { amount: 36_800, status: CANCELLED },
      ],
      { liveMonths: 1, paidMonths: 1, total: 36_800, paid: 36_800 },
    ],
  ])("%j", (months, figures) => expect(contributionFigures(months)).toEqual(figures));
});

describe("paymentAllocation", () => {
  it("leaves what no month took as credit", () => {
    expect(paymentAllocation(100_000, [16_800, 36_800])).toEqual({
      allocated: 53_600,
      unallocated: 46_400,
    });
    expect(paymentAllocation(16_800, [])).toEqual({ allocated: 0, unallocated: 16_800 });
  });
});

describe("donorSummary", () => {
  it("counts distinct workers and sums the months", () => {
    const summary = donorSummary(
      {
        sponsorships: [
          { workerId: "a", cancelled: false },
          { workerId: "a", cancelled: false },
          { workerId: "b", cancelled: true },
        ],
        contributions: [
          { workerId: "a", month: "2024-05", amount: 16_800, status: PAID },
          { workerId: "a", month: "2024-06", amount: 16_800, status: PAID },
          { workerId: "a", month: "2024-07", amount: 16_800, status: DUE },
          { workerId: "b", month: "2024-06", amount: 36_800, status: PAID },
          { workerId: "b", month: "2024-07", amount: 36_800, status: CANCELLED },
        ],
        payments: [{ amount: 80_000, allocations: [16_800, 16_800, 36_800] }],
      },
      "2024-06",
    );
    expect(summary).toEqual({
      workersSponsored: 1,
      workersActive: 2,
      committed: 87_200,
      paid: 70_400,
      outstanding: 16_800,
      credit: 9_600,
    });
  });
});
