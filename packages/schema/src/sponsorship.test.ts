import { SponsorshipStatus } from "./enums";
import { BadUserInputError } from "./errors";
import {
  checkPledge,
  endMonthOf,
  hasDueMonths,
  payOldestFirst,
  sponsorshipStatus,
} from "./sponsorship";

describe("checkPledge", () => {
  const ok = { startMonth: "2024-06", months: 12, workerIds: ["a", "b"] };
  it("accepts 1–24 months from the current month on", () => {
    expect(() => checkPledge(ok, "2024-06")).not.toThrow();
    expect(() => checkPledge({ ...ok, months: 24 }, "2024-05")).not.toThrow();
    expect(() => checkPledge({ ...ok, months: 1 }, "2024-06")).not.toThrow();
  });
  it.each([
    [{ months: 0 }, "months"],
    [{ months: 25 }, "months"],
    [{ months: 1.5 }, "months"],
    [{ startMonth: "2024-05" }, "startMonth"],
    [{ workerIds: [] }, "workerIds"],
    [{ workerIds: ["a", "a"] }, "workerIds"],
    [{ workerIds: Array.from({ length: 1001 }, (_, i) => String(i)) }, "workerIds"],
  ])("refuses %p on field %s", (change, field) => {
    try {
      checkPledge({ ...ok, ...change }, "2024-06");
      throw new Error("accepted");
    } catch (error) {
      expect(error).toBeInstanceOf(BadUserInputError);
      expect((error as BadUserInputError).field).toBe(field);
    }
  });
});

describe("endMonthOf", () => {
  it.each([
    ["2024-06", 12, "2025-05"],
    ["2024-12", 1, "2024-12"],
    ["2024-11", 24, "2026-10"],
  ])("%s for %i months ends %s", (start, months, end) => {
    expect(endMonthOf(start, months)).toBe(end);
  });
});

describe("sponsorshipStatus", () => {
  const base = { cancelled: false, months: 12, paidMonths: 0, endMonth: "2025-05" };
  it.each([
    [base, "2024-06", SponsorshipStatus.PLEDGED],
    [{ ...base, paidMonths: 3 }, "2024-08", SponsorshipStatus.ACTIVE],
    [{ ...base, paidMonths: 12 }, "2025-05", SponsorshipStatus.ACTIVE], // paid up, last month not over
    [{ ...base, paidMonths: 12 }, "2025-06", SponsorshipStatus.COMPLETED],
    [{ ...base, paidMonths: 6 }, "2025-06", SponsorshipStatus.ACTIVE], // past, months still due
    [{ ...base, paidMonths: 6, cancelled: true }, "2024-12", SponsorshipStatus.CANCELLED],
  ])("%p in %s is %s", (progress, month, status) => {
    expect(sponsorshipStatus(progress, month)).toBe(status);
  });
});

describe("payOldestFirst", () => {
  it("pays whole months in order and keeps the rest as credit", () => {
    // Rp100,000 pays five months of Rp16,800 (84,000) and leaves Rp16,000.
    expect(payOldestFirst(100_000, Array(12).fill(16_800))).toEqual({
      paid: 5,
      creditLeft: 16_000,
    });
  });
  it("stops at the first month it cannot pay, even if a later one is cheaper", () => {
    expect(payOldestFirst(40_000, [36_800, 36_800, 16_800])).toEqual({
      paid: 1,
      creditLeft: 3_200,
    });
  });
  it("pays nothing when the credit is short of one month", () => {
    expect(payOldestFirst(16_799, [16_800])).toEqual({ paid: 0, creditLeft: 16_799 });
  });
});

describe("hasDueMonths", () => {
  // Three months of JKK + JKM at Rp16,800: Rp50,400 pledged.
  it.each([
    [SponsorshipStatus.PLEDGED, 0, 50_400, true],
    [SponsorshipStatus.ACTIVE, 16_800, 50_400, true],
    [SponsorshipStatus.ACTIVE, 50_400, 50_400, false], // all paid, last month still ahead
    [SponsorshipStatus.COMPLETED, 50_400, 50_400, false],
    [SponsorshipStatus.CANCELLED, 16_800, 16_800, false], // the due months were cancelled
  ])("a %s sponsorship with Rp%d of Rp%d paid has due months: %s", (status, paid, total, due) => {
    expect(hasDueMonths({ status, paid, total })).toBe(due);
  });
});
