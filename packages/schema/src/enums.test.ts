import { readFileSync } from "fs";
import { join } from "path";
import * as enums from "./enums";

const all: Record<string, Record<string, string>> = {
  Gender: enums.Gender,
  Occupation: enums.Occupation,
  CoverageStatus: enums.CoverageStatus,
  ProgramPackage: enums.ProgramPackage,
  DonorKind: enums.DonorKind,
  PartnerKind: enums.PartnerKind,
  EngagementKind: enums.EngagementKind,
  SponsorshipStatus: enums.SponsorshipStatus,
  ContributionStatus: enums.ContributionStatus,
  Role: enums.Role,
  RegionLevel: enums.RegionLevel,
  SortDirection: enums.SortDirection,
};

// The GraphQL contract is what clients build against; the enums must match it exactly.
function contractEnums(): Map<string, string[]> {
  const sdl = readFileSync(join(__dirname, "..", "contract", "schema.graphql"), "utf8");
  const found = new Map<string, string[]>();
  for (const m of sdl.matchAll(/\benum\s+(\w+)\s*\{([^}]*)\}/g)) {
    found.set(m[1], m[2].split(/\s+/).filter(Boolean));
  }
  return found;
}

describe("enums", () => {
  it.each(Object.entries(all))("%s values equal their keys", (_name, e) => {
    for (const [key, value] of Object.entries(e)) expect(value).toBe(key);
  });

  it.each(Object.keys(all))("%s has exactly the values of the GraphQL contract", (name) => {
    const contract = contractEnums().get(name);
    expect(contract).toBeDefined();
    expect(Object.values(all[name]).sort()).toEqual([...(contract ?? [])].sort());
  });

  it.each([
    ["Occupation", 10],
    ["DonorKind", 8],
    ["PartnerKind", 8],
    ["CoverageStatus", 4],
  ])("%s has %i values", (name, count) => {
    expect(Object.keys(all[name])).toHaveLength(count);
  });
});
