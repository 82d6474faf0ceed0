// The demo's workers: spread over every village (bigger villages get more), occupations by
// district, ages 18–65, NIKs that sometimes come from a neighbouring regency, some recruited
// by Perisai agents, some already BPJS members (KPJ).

import { buildNik, Gender, Occupation } from "@sertakan/schema";
import { javaneseName, mobilePhone } from "./names";
import { DAY_MS, epochOfIsoDate, isoDate, WeightedTable } from "./prng";
import type { PlanContext } from "./demo-context";
import type { DemoPartners } from "./demo-partners";
import { isKelurahan } from "./demo-regions";
import type { PartnerRow, WorkerRow } from "./demo-rows";
import {
  BOYOLALI_NIK_DISTRICTS,
  DISTRICT_OCCUPATION_FACTORS,
  EAST_DISTRICTS,
  FEMALE_SHARE,
  NORTH_DISTRICTS,
  OCCUPATION_WEIGHTS,
  SUKOHARJO_NIK_DISTRICTS,
} from "./demo-weights";
import { DemoClock, iso, WINDOW_START_MS } from "./demo-window";

// Ages 18–65 throughout the window (18 at its start, at most 65 at the anchor).
const BIRTH_MIN = "1961-11-02";
const BIRTH_MAX = "2006-10-31";

/** `workerCount` workers in creation order; NIK districts come from `neighbourDistrictCodes` too. */
export function planWorkers(
  ctx: PlanContext,
  p: DemoPartners,
  workerCount: number,
  neighbourDistrictCodes: string[],
): WorkerRow[] {
  const { prng, clock, districts, allVillages } = ctx;
  const { agents, partnerDistrict } = p;
  // Villages differ in size: log-normal weights, urban kelurahan (1xxx) a little larger.
  const villageTable = new WeightedTable(
    allVillages.map(
      (v) => [v, Math.exp(0.55 * prng.gaussian()) * (isKelurahan(v) ? 1.3 : 1)] as const,
    ),
  );
  const occupationTables = new Map(
    districts.map((d) => {
      const factors = DISTRICT_OCCUPATION_FACTORS[d.code] ?? {};
      return [
        d.code,
        new WeightedTable(OCCUPATION_WEIGHTS.map(([o, w]) => [o, w * (factors[o] ?? 1)] as const)),
      ];
    }),
  );
  const neighbourSet = new Set(neighbourDistrictCodes);
  const boyolali = BOYOLALI_NIK_DISTRICTS.filter((c) => neighbourSet.has(c));
  const sukoharjo = SUKOHARJO_NIK_DISTRICTS.filter((c) => neighbourSet.has(c));
  const anyNeighbour =
    boyolali.length + sukoharjo.length > 0 ? [...boyolali, ...sukoharjo] : neighbourDistrictCodes;
  const nikDistrictFor = (home: string): string => {
    const r = prng.next();
    if (r < 0.1 && anyNeighbour.length > 0) {
      if (NORTH_DISTRICTS.has(home) && boyolali.length > 0) return prng.pick(boyolali);
      if (EAST_DISTRICTS.has(home) && sukoharjo.length > 0) return prng.pick(sukoharjo);
      return prng.pick(anyNeighbour);
    }
    if (r < 0.15 && districts.length > 1) return prng.pick(districts).code; // moved within Klaten
    return home;
  };
  const birthMinDay = epochOfIsoDate(BIRTH_MIN) / DAY_MS;
  const birthMaxDay = epochOfIsoDate(BIRTH_MAX) / DAY_MS;
  const lastSerial = new Map<string, number>();
  const usedKpj = new Set<string>();

  const drafts: Array<WorkerRow & { createdMs: number }> = [];
  for (let i = 0; i < workerCount; i++) {
    // Every village gets someone first, so no village of the demo is empty; then by size.
    const village =
      i < allVillages.length && workerCount >= allVillages.length
        ? allVillages[i]
        : villageTable.draw(prng);
    const occupation = occupationTables.get(village.districtCode)!.draw(prng);
    const gender = prng.chance(FEMALE_SHARE[occupation]) ? Gender.FEMALE : Gender.MALE;
    // Age: u = 0 → youngest (18), u → 1 → oldest (65); farmers and breeders skew older.
    const r1 = prng.next();
    const r2 = prng.next();
    const u =
      occupation === Occupation.FARMER || occupation === Occupation.LIVESTOCK_BREEDER
        ? Math.max(r1, r2) * 0.85 + r1 * 0.15
        : (r1 + r2) / 2;
    const birthDate = isoDate((birthMaxDay - Math.floor(u * (birthMaxDay - birthMinDay))) * DAY_MS);
    const fullName = javaneseName(prng, gender, Number(birthDate.slice(0, 4)));

    const nikDistrict = nikDistrictFor(village.districtCode);
    const serialKey = `${nikDistrict}|${birthDate}|${gender}`;
    const previous = lastSerial.get(serialKey);
    const serial = previous === undefined ? prng.int(1, 40) : previous + prng.int(1, 3);
    if (serial > 9999) throw new Error(`Demo seed: NIK serials exhausted for ${serialKey}`);
    lastSerial.set(serialKey, serial);
    const nik = buildNik({ districtCode: nikDistrict, birthDate, gender, serial });

    const createdMs = clock.rampInstant(WINDOW_START_MS);
    let recruitedBy: PartnerRow | null = null;
    if (prng.chance(0.15)) {
      const eligible = agents.filter(
        (a) =>
          Date.parse(a.created_at) < createdMs &&
          (a.active || (a.agreement_end !== null && isoDate(createdMs) <= a.agreement_end)),
      );
      if (eligible.length > 0) {
        recruitedBy = prng.weighted(
          eligible.map(
            (a) => [a, partnerDistrict.get(a.id) === village.districtCode ? 6 : 1] as const,
          ),
        );
      }
    }
    let membership: string | null = null;
    if (prng.chance(recruitedBy ? 0.5 : 0.15)) {
      // KPJ: two-digit registration year + 9 digits.
      const yy = DemoClock.wibDate(createdMs).slice(2, 4);
      do membership = `${yy}${prng.digits(9)}`;
      while (usedKpj.has(membership));
      usedKpj.add(membership);
    }
    drafts.push({
      id: prng.uuid(),
      nik,
      full_name: fullName,
      gender,
      birth_date: birthDate,
      occupation,
      phone: prng.chance(0.7) ? mobilePhone(prng) : null,
      village_code: village.code,
      district_code: village.code.slice(0, 8),
      regency_code: village.code.slice(0, 5),
      province_code: village.code.slice(0, 2),
      membership_number: membership,
      recruited_by_id: recruitedBy?.id ?? null,
      created_at: iso(createdMs),
      updated_at: iso(clock.updatedAfter(createdMs, 0.2)),
      createdMs,
    });
  }
  // Insert in creation order, like a real registry grew.
  drafts.sort((a, b) => a.createdMs - b.createdMs);
  return drafts.map(({ createdMs: _createdMs, ...w }) => w);
}
