import {
  Access,
  BadUserInputError,
  RegionLevel,
  isRegionCode,
  regionLevelOf,
} from "@sertakan/schema";

// Region scope, as SQL. A worker row carries its village's district, regency and province
// codes, so "inside scope X" is one indexed equality on the column of X's level.
export const WORKER_REGION_COLUMN: Record<RegionLevel, string> = {
  [RegionLevel.PROVINCE]: "province_code",
  [RegionLevel.REGENCY]: "regency_code",
  [RegionLevel.DISTRICT]: "district_code",
  [RegionLevel.VILLAGE]: "village_code",
};

export type ScopeSql = { sql: string; params: Record<string, string> };

/** Condition keeping workers (alias `w`) inside the caller's scope, or null for national callers. */
export function workerInScope(access: Access, alias = "w"): ScopeSql | null {
  if (access.regionScope === null) return null;
  const column = WORKER_REGION_COLUMN[regionLevelOf(access.regionScope)];
  return { sql: `${alias}.${column} = :scopeRegion`, params: { scopeRegion: access.regionScope } };
}

/**
 * Condition keeping rows whose `region_code` column (any level: partners and donors sit at
 * any level) lies inside region `code`: the region itself or a code below it.
 */
export function regionCodeInside(column: string, param: string, code: string): ScopeSql {
  if (!isRegionCode(code))
    throw new BadUserInputError(`"${code}" is not a region code such as 33.10.`, "regionCode");
  return {
    sql: `(${column} = :${param} OR ${column} LIKE :${param}Prefix)`,
    params: { [param]: code, [`${param}Prefix`]: `${code}.%` },
  };
}

/**
 * regionCodeInside as SQL with numbered parameters (the compiled reads): `param` adds a
 * value and returns its placeholder.
 */
export function regionCodeInsideSql(
  column: string,
  code: string,
  param: (value: unknown, cast: string) => string,
): string {
  return `(${column} = ${param(code, "varchar")} OR ${column} LIKE ${param(`${code}.%`, "text")})`;
}

/** The same for the caller's scope, or null for national callers. */
export function regionCodeInScope(access: Access, column: string): ScopeSql | null {
  return access.regionScope === null
    ? null
    : regionCodeInside(column, "scopeRegion", access.regionScope);
}

/** The same worker condition for hand-written SQL with numbered parameters. */
export function workerInScopeRaw(
  access: Access,
  alias: string,
  param: number,
): { sql: string; value: string | null } {
  if (access.regionScope === null) return { sql: "true", value: null };
  const column = WORKER_REGION_COLUMN[regionLevelOf(access.regionScope)];
  return { sql: `(${alias}.${column} = $${param}::varchar)`, value: access.regionScope };
}
