import {
  agentFeeCsvRows,
  agentFeesFilename,
  agentFeeTotals,
  defaultFeeMonth,
  feeMonthOptions,
  readAgentFeesParams,
  type AgentFeeRow,
} from "./agent-fees";

const prambanan = { code: "33.10.01", name: "Prambanan" };

function row(
  id: string,
  name: string,
  figures: Omit<AgentFeeRow, "month" | "agent" | "agentFee" | "suspended"> & {
    suspended?: boolean;
  },
): AgentFeeRow {
  return {
    month: "2026-11",
    agent: { id, name, region: prambanan },
    suspended: false,
    ...figures,
    agentFee: figures.acquisitionFee + figures.contributionFee,
  };
}

// Perdir 13/2022: Rp15,000 per JKK+JKM+JHT recruit once a month has ≥ 25 new NIKs, and 15%
// of each of a recruit's first 24 paid months (15% of Rp16,800 = Rp2,520; of Rp36,800 =
// Rp5,520); the institution gets 10% on top.
const rows: AgentFeeRow[] = [
  row("a1", "Sri Wahyuni", {
    newRecruits: 25,
    paidMonths: 25,
    contributions: 25 * 36_800,
    acquisitionFee: 25 * 15_000,
    contributionFee: 25 * 5_520,
    institutionFee: 51_300,
  }),
  row("a2", "Budi Santoso", {
    // One short of 25: no acquisition fee, the contribution fee still counts.
    newRecruits: 24,
    paidMonths: 24,
    contributions: 24 * 16_800,
    acquisitionFee: 0,
    contributionFee: 24 * 2_520,
    institutionFee: 6_048,
  }),
  row("a3", "Joko Lestari", {
    newRecruits: 0,
    paidMonths: 0,
    contributions: 0,
    acquisitionFee: 0,
    contributionFee: 0,
    institutionFee: 0,
    suspended: true,
  }),
];

describe("agentFeeTotals", () => {
  test("adds up every agent's figures", () => {
    expect(agentFeeTotals(rows)).toEqual({
      agents: 3,
      suspended: 1,
      newRecruits: 49,
      paidMonths: 49,
      contributions: 1_323_200,
      acquisitionFee: 375_000,
      contributionFee: 198_480,
      agentFee: 573_480,
      institutionFee: 57_348,
      total: 630_828,
    });
  });

  test("is all zeros for a region without agents", () => {
    const totals = agentFeeTotals([]);
    expect(totals.agents).toBe(0);
    expect(totals.total).toBe(0);
  });
});

describe("agentFeeCsvRows", () => {
  test("writes raw figures, one line per agent", () => {
    const csv = agentFeeCsvRows(rows);
    expect(csv).toHaveLength(3);
    expect(csv[1]).toEqual({
      month: "2026-11",
      agentId: "a2",
      agent: "Budi Santoso",
      regionCode: "33.10.01",
      region: "Prambanan",
      newRecruits: 24,
      paidMonths: 24,
      contributions: 403_200,
      acquisitionFee: 0,
      contributionFee: 60_480,
      agentFee: 60_480,
      institutionFee: 6_048,
      total: 66_528,
      suspended: false,
    });
    expect(csv[2].suspended).toBe(true);
  });
});

describe("agentFeesFilename", () => {
  test("names the region and the month", () => {
    expect(agentFeesFilename("33.10", "2026-11")).toBe("fee-perisai-33.10-2026-11.csv");
  });
});

describe("months", () => {
  // 1 December 2026, 00:30 in Jakarta, still 30 November in UTC.
  const now = new Date("2026-11-30T17:30:00Z");

  test("defaults to last month in Asia/Jakarta", () => {
    expect(defaultFeeMonth(now)).toBe("2026-11");
    expect(defaultFeeMonth(new Date("2026-01-15T05:00:00Z"))).toBe("2025-12");
  });

  test("offers this month and the 24 before it, newest first", () => {
    const options = feeMonthOptions(undefined, now);
    expect(options).toHaveLength(25);
    expect(options[0]).toBe("2026-12");
    expect(options[1]).toBe("2026-11");
    expect(options[24]).toBe("2024-12");
  });

  test("keeps an older month the URL asks for, and ignores a malformed one", () => {
    expect(feeMonthOptions("2023-05", now)).toContain("2023-05");
    expect(feeMonthOptions("2023-5", now)).toHaveLength(25);
  });

  test("reads month and region from the URL, falling back when missing or malformed", () => {
    expect(
      readAgentFeesParams(new URLSearchParams("month=2026-08&region=33.10.01"), "33.10", now),
    ).toEqual({ month: "2026-08", region: "33.10.01" });
    expect(readAgentFeesParams(new URLSearchParams("month=2026-13"), "33.10", now)).toEqual({
      month: "2026-11",
      region: "33.10",
    });
  });
});
