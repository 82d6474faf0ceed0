import DataLoader from "dataloader";
import type { CoverageService } from "./coverage.service";
import type { CoverageStats } from "./coverage.types";

/** Statistics by `${regionCode}|${asOf}`: the children of many regions cost three statements per level. */
export function coverageLoaders(coverage: CoverageService) {
  return {
    coverageStats: new DataLoader<string, CoverageStats>(async (keys) => {
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
      return keys.map((k) => answers.get(k)!);
    }),
  };
}
