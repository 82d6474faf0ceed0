import fs from "node:fs/promises";
import path from "node:path";
import Papa from "papaparse";
import { DataSource } from "typeorm";
import { RegionLevel } from "@sertakan/schema";

// The national region list ships with the npm package `idn-area-data` (data: ODbL).
export type RegionRow = {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
};

const FILES: { file: string; level: RegionLevel; parentColumn: string | null }[] = [
  { file: "provinces.csv", level: RegionLevel.PROVINCE, parentColumn: null },
  { file: "regencies.csv", level: RegionLevel.REGENCY, parentColumn: "province_code" },
  { file: "districts.csv", level: RegionLevel.DISTRICT, parentColumn: "regency_code" },
  { file: "villages.csv", level: RegionLevel.VILLAGE, parentColumn: "district_code" },
];

const ACRONYMS = new Set(["DKI", "DI", "II", "III", "IV"]);

// Provinces and regencies come in capitals ("KABUPATEN KLATEN"); show them as people write them.
export function displayName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, " ");
  if (name !== name.toUpperCase()) return name;
  return name
    .split(" ")
    .map((word) => (ACRONYMS.has(word) ? word : word.charAt(0) + word.slice(1).toLowerCase()))
    .join(" ");
}

function dataDir(): string {
  return path.join(path.dirname(require.resolve("idn-area-data/package.json")), "data");
}

/** Reads the whole national list, parents before children. */
export async function readNationalRegions(): Promise<RegionRow[]> {
  const rows: RegionRow[] = [];
  for (const { file, level, parentColumn } of FILES) {
    const text = await fs.readFile(path.join(dataDir(), file), "utf8");
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    if (parsed.errors.length) throw new Error(`idn-area-data ${file}: ${parsed.errors[0].message}`);
    for (const r of parsed.data) {
      rows.push({
        code: r.code,
        name: displayName(r.name),
        level,
        parentCode: parentColumn ? r[parentColumn] : null,
      });
    }
  }
  return rows;
}

const BATCH = 10_000;

/**
 * Loads the national region list once. Idempotent: when every code is already present
 * it returns at once; otherwise it upserts, so a half-finished load completes.
 */
export async function loadRegions(
  dataSource: DataSource,
  log: (message: string) => void = () => undefined,
): Promise<{ loaded: number; skipped: boolean }> {
  const rows = await readNationalRegions();
  const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM region`);
  if (count >= rows.length) return { loaded: 0, skipped: true };
  log(`loading ${rows.length.toLocaleString("en")} regions from idn-area-data …`);
  await dataSource.transaction(async (m) => {
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH);
      await m.query(
        `INSERT INTO region (code, name, level, parent_code)
         SELECT * FROM unnest($1::varchar[], $2::text[], $3::text[], $4::varchar[])
         ON CONFLICT (code) DO UPDATE
           SET name = EXCLUDED.name, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code`,
        [
          batch.map((r) => r.code),
          batch.map((r) => r.name),
          batch.map((r) => r.level),
          batch.map((r) => r.parentCode),
        ],
      );
    }
  });
  return { loaded: rows.length, skipped: false };
}
