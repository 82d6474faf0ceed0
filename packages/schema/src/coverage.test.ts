import { CoverageStatus } from "./enums";
import { coverageStatus, lapseMonth, lastPaidMonth } from "./coverage";
import { addMonths } from "./year-month";

const { UNCOVERED, ACTIVE, ARREARS, LAPSED } = CoverageStatus;

describe("coverageStatus", () => {
  it.each<[string, string[], string, CoverageStatus]>([
    ["nothing paid", [], "2024-05", UNCOVERED],
    ["only months after asOf paid", ["2024-06", "2024-07"], "2024-05", UNCOVERED],
    ["asOf paid", ["2024-05"], "2024-05", ACTIVE],
    ["asOf paid among others", ["2024-01", "2024-05", "2024-09"], "2024-05", ACTIVE],
    ["1 month since last paid", ["2024-01"], "2024-02", ARREARS],
    ["2 months since last paid", ["2024-01"], "2024-03", ARREARS],
    // Three consecutive unpaid months (Feb, Mar, Apr) are still arrears…
    ["3 months since last paid", ["2024-01"], "2024-04", ARREARS],
    // …the membership becomes nonaktif after them.
    ["4 months since last paid", ["2024-01"], "2024-05", LAPSED],
    ["a year since last paid", ["2024-01"], "2025-01", LAPSED],
    ["gap across a year end", ["2023-11"], "2024-02", ARREARS],
    ["lapse across a year end", ["2023-11"], "2024-03", LAPSED],
    ["a future month paid does not cure arrears", ["2024-01", "2024-06"], "2024-04", ARREARS],
    ["paying again reactivates", ["2023-01", "2024-05"], "2024-05", ACTIVE],
    ["unordered, duplicated input", ["2024-03", "2024-01", "2024-03"], "2024-04", ARREARS],
  ])("%s → %s", (_label, paid, asOf, expected) => {
    expect(coverageStatus(paid, asOf)).toBe(expected);
  });

  it("rejects a malformed month", () => {
    expect(() => coverageStatus(["2024-1"], "2024-05")).toThrow(/YYYY-MM/);
  });
});

describe("lastPaidMonth", () => {
  const paid = ["2024-03", "2023-12", "2024-08", "2024-01"];
  it.each<[string | undefined, string | null]>([
    [undefined, "2024-08"],
    ["2024-12", "2024-08"],
    ["2024-08", "2024-08"],
    ["2024-07", "2024-03"],
    ["2024-02", "2024-01"],
    ["2023-12", "2023-12"],
    ["2023-11", null],
  ])("as of %p → %p", (asOf, expected) => {
    expect(lastPaidMonth(paid, asOf)).toBe(expected);
  });

  it("is null when nothing is paid", () => {
    expect(lastPaidMonth([])).toBeNull();
  });
});

describe("lapseMonth", () => {
  it.each([
    ["2024-01", "2024-05"],
    ["2024-10", "2025-02"],
    ["2023-12", "2024-04"],
  ])("last paid %s lapses in %s", (last, expected) => {
    expect(lapseMonth(last)).toBe(expected);
  });

  it.each(["2024-01", "2024-10", "2023-12"])(
    "agrees with coverageStatus at the boundary for %s",
    (last) => {
      const lapse = lapseMonth(last);
      expect(coverageStatus([last], lapse)).toBe(LAPSED);
      expect(coverageStatus([last], addMonths(lapse, -1))).toBe(ARREARS);
    },
  );
});
