import DataLoader from "dataloader";
import type { CoverageService } from "./coverage.service";
import type { CoverageStats } from "./coverage.types";

/**
 * Statistics by `${regionCode}|${asOf}`: three statements per level however many regions.
 * The children's figures come with their parents' and are kept for `children` to read.
 */
export function coverageLoaders(coverage: CoverageService) {
  const coverageStats: DataLoader<string, CoverageStats> = new DataLoader(async (keys) => {
    const byMonth = new Map<string, string[]>();
    for (const key of keys) {
      const [code, asOf] = key.split("|");
      byMonth.set(asOf, [...(byMonth.get(asOf) ?? []), code]);
    }
    const answers = new Map<string, CoverageStats>();
    for (const [asOf, codes] of byMonth) {
      for (const [code, stats] of await coverage.statsOf(codes, asOf))
        answers.set(`${code}|${asOf}`, stats);
    }
    const asked = new Set(keys);
    for (const [key, stats] of answers) if (!asked.has(key)) coverageStats.prime(key, stats);
    return keys.map((k) => answers.get(k)!);
  });
  return { coverageStats };
}
