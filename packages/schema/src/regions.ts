import { RegionLevel } from "./enums";
import { BadUserInputError } from "./errors";

// Kemendagri codes: 33 · 33.10 · 33.10.01 · 33.10.01.2001 (village part 4 digits).
const LEVEL_PATTERNS: ReadonlyArray<[RegExp, RegionLevel]> = [
  [/^\d{2}$/, RegionLevel.PROVINCE],
  [/^\d{2}\.\d{2}$/, RegionLevel.REGENCY],
  [/^\d{2}\.\d{2}\.\d{2}$/, RegionLevel.DISTRICT],
  [/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, RegionLevel.VILLAGE],
];

function levelOrNull(code: unknown): RegionLevel | null {
  if (typeof code !== "string") return null;
  for (const [pattern, level] of LEVEL_PATTERNS) {
    if (pattern.test(code)) return level;
  }
  return null;
}

/** Tells whether a value is a well-formed Kemendagri region code of any level. */
export function isRegionCode(code: unknown): code is string {
  return levelOrNull(code) !== null;
}

/**
 * The level of a region code: "33" PROVINCE, "33.10" REGENCY, "33.10.01" DISTRICT,
 * "33.10.01.2001" VILLAGE.
 *
 * @throws BadUserInputError for a malformed code
 */
export function regionLevelOf(code: string): RegionLevel {
  const level = levelOrNull(code);
  if (level === null) {
    throw new BadUserInputError(
      `"${String(code)}" is not a region code: use 33, 33.10, 33.10.01 or 33.10.01.2001.`,
    );
  }
  return level;
}

/**
 * The code of the enclosing region, or null for a province.
 *
 * @example parentRegionCode("33.10.01.2001") // "33.10.01"
 * @throws BadUserInputError for a malformed code
 */
export function parentRegionCode(code: string): string | null {
  if (regionLevelOf(code) === RegionLevel.PROVINCE) return null;
  return code.slice(0, code.lastIndexOf("."));
}

/**
 * Whether `code` lies inside `ancestorCode`; a region is inside itself, which is what a
 * user limited to a region needs to see that region's own rows.
 *
 * @throws BadUserInputError when either code is malformed
 */
export function isInsideRegion(code: string, ancestorCode: string): boolean {
  regionLevelOf(code);
  regionLevelOf(ancestorCode);
  // Match whole segments only, so a code never counts as inside a sibling.
  return code === ancestorCode || code.startsWith(`${ancestorCode}.`);
}

/**
 * The province, regency and district codes a village code lies in.
 *
 * @example ancestorCodes("33.10.01.2001") // { provinceCode: "33", regencyCode: "33.10", districtCode: "33.10.01" }
 * @throws BadUserInputError unless `villageCode` is a village code
 */
export function ancestorCodes(villageCode: string): {
  provinceCode: string;
  regencyCode: string;
  districtCode: string;
} {
  if (levelOrNull(villageCode) !== RegionLevel.VILLAGE) {
    throw new BadUserInputError(
      `"${String(villageCode)}" is not a village code: use four parts, e.g. 33.10.01.2001.`,
    );
  }
  return {
    provinceCode: villageCode.slice(0, 2),
    regencyCode: villageCode.slice(0, 5),
    districtCode: villageCode.slice(0, 8),
  };
}

/**
 * The district code in the first six digits of a NIK: where it was issued, not where the
 * person lives now.
 *
 * @example nikDistrictCode("3310014507900001") // "33.10.01"
 * @throws BadUserInputError when the NIK does not start with six digits
 */
export function nikDistrictCode(nik: string): string {
  if (typeof nik !== "string" || !/^\d{6}/.test(nik)) {
    throw new BadUserInputError(
      "A NIK must start with six digits (province, regency, district).",
      "nik",
    );
  }
  return `${nik.slice(0, 2)}.${nik.slice(2, 4)}.${nik.slice(4, 6)}`;
}
