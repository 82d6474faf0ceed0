import { parentRegionCode } from "@sertakan/schema";

/** "33.10.01" → ["33", "33.10", "33.10.01"]: the selects a cascade shows filled in. */
export function regionChain(code: string | null | undefined): string[] {
  const chain: string[] = [];
  let current: string | null = code || null;
  while (current) {
    chain.unshift(current);
    current = parentRegionCode(current);
  }
  return chain;
}
