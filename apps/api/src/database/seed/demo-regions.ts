// Klaten's districts and villages as the demo sees them, read from the region table.

import type { EntityManager } from "typeorm";

export const KLATEN_REGENCY = "33.10";
/** Regencies whose districts issue the NIK of some Klaten residents (domicile ≠ NIK district). */
export const NIK_NEIGHBOUR_REGENCIES = ["33.09", "33.11"] as const; // Boyolali, Sukoharjo

export type DemoVillage = { code: string; name: string; districtCode: string };
export type DemoDistrict = { code: string; name: string; villages: DemoVillage[] };
export type DemoRegions = {
  /** Klaten's districts with their villages, ordered by code. */
  districts: DemoDistrict[];
  /** District codes of neighbouring regencies that exist in the region table. */
  neighbourDistrictCodes: string[];
};

/** Reads Klaten's districts and villages (and the neighbours' districts) from `region`. */
export async function loadDemoRegions(m: Pick<EntityManager, "query">): Promise<DemoRegions> {
  const regency: Array<{ code: string }> = await m.query(
    `SELECT code FROM region WHERE code = $1`,
    [KLATEN_REGENCY],
  );
  if (regency.length === 0) {
    throw new Error(
      `Demo seed: region ${KLATEN_REGENCY} (Kabupaten Klaten) is not in the region table — load regions first.`,
    );
  }
  const districtRows: Array<{ code: string; name: string }> = await m.query(
    `SELECT code, name FROM region WHERE parent_code = $1 ORDER BY code`,
    [KLATEN_REGENCY],
  );
  const villageRows: Array<{ code: string; name: string; parent_code: string }> = await m.query(
    `SELECT code, name, parent_code FROM region
      WHERE parent_code IN (SELECT code FROM region WHERE parent_code = $1)
      ORDER BY code`,
    [KLATEN_REGENCY],
  );
  const byCode = new Map<string, DemoDistrict>();
  const districts = districtRows.map((r) => {
    const d: DemoDistrict = { code: r.code, name: r.name, villages: [] };
    byCode.set(r.code, d);
    return d;
  });
  for (const v of villageRows) {
    byCode
      .get(v.parent_code)
      ?.villages.push({ code: v.code, name: v.name, districtCode: v.parent_code });
  }
  const withVillages = districts.filter((d) => d.villages.length > 0);
  if (withVillages.length === 0) {
    throw new Error(
      `Demo seed: region ${KLATEN_REGENCY} (Kabupaten Klaten) has no districts with villages in the region table — load regions first.`,
    );
  }
  const neighbourRows: Array<{ code: string }> = await m.query(
    `SELECT code FROM region WHERE parent_code = ANY($1::varchar[]) ORDER BY code`,
    [NIK_NEIGHBOUR_REGENCIES],
  );
  return { districts: withVillages, neighbourDistrictCodes: neighbourRows.map((r) => r.code) };
}

/** Kelurahan (urban, village code 1xxx) rather than desa (2xxx). */
export const isKelurahan = (v: DemoVillage): boolean => v.code.charAt(9) === "1";
