// What every section planner of the demo shares: the one PRNG (so call order is the plan),
// the clock, and Klaten's places with the helpers that pick among them.

import { STREET_NAMES } from "./names";
import { DAY_MS, Prng } from "./prng";
import { type DemoDistrict, type DemoVillage, isKelurahan } from "./demo-regions";
import { DemoClock, WINDOW_START_MS } from "./demo-window";

export type PlanContext = {
  prng: Prng;
  clock: DemoClock;
  /** Klaten's districts that have villages. */
  districts: DemoDistrict[];
  allVillages: DemoVillage[];
  /** The district of a spec, or a seeded stand-in when the region table lacks it. */
  districtOf: (code: string) => DemoDistrict;
  /** The village of that name in the district, else a seeded one. */
  villageIn: (district: DemoDistrict, name?: string) => DemoVillage;
  /** A desa (village code 2xxx; kelurahan are 1xxx and have no village budget), if the district has one. */
  desaIn: (district: DemoDistrict) => DemoVillage;
  addressOf: (village: DemoVillage, district: DemoDistrict, street?: string) => string;
  /** An instant in the first `days` days of the window. */
  windowEarly: (days: number) => number;
};

/** Builds the shared context; draws nothing from the PRNG until a helper is called. */
export function planContext(
  prng: Prng,
  clock: DemoClock,
  regionDistricts: readonly DemoDistrict[],
): PlanContext {
  const districts = regionDistricts.filter((d) => d.villages.length > 0);
  if (districts.length === 0)
    throw new Error("Demo seed: no Klaten villages — load regions first.");
  const districtByCode = new Map(districts.map((d) => [d.code, d]));
  const allVillages = districts.flatMap((d) => d.villages);

  const districtOf = (code: string): DemoDistrict =>
    districtByCode.get(code) ?? prng.pick(districts);
  const villageIn = (district: DemoDistrict, name?: string): DemoVillage => {
    const found = name
      ? district.villages.find((v) => v.name.toLowerCase() === name.toLowerCase())
      : undefined;
    return found ?? prng.pick(district.villages);
  };
  const desaIn = (district: DemoDistrict): DemoVillage => {
    const desa = district.villages.filter((v) => !isKelurahan(v));
    return prng.pick(desa.length > 0 ? desa : district.villages);
  };
  const addressOf = (village: DemoVillage, district: DemoDistrict, street?: string): string =>
    `${street ?? `${prng.pick(STREET_NAMES)} No. ${prng.int(1, 250)}`}, ${village.name}, Kec. ${district.name}, Kabupaten Klaten`;
  const windowEarly = (days: number): number =>
    clock.rampInstant(WINDOW_START_MS, WINDOW_START_MS + days * DAY_MS);

  return {
    prng,
    clock,
    districts,
    allVillages,
    districtOf,
    villageIn,
    desaIn,
    addressOf,
    windowEarly,
  };
}

/** "RSU Islam Klaten" → "rsuislamklaten" (for made-up mailbox names). */
export function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "");
}

export function npwp(prng: Prng): string {
  // 16-digit NPWP (2024 format: "0" + the old 15 digits); 525 = KPP Pratama Klaten, 000 = head office.
  return `0${prng.int(1, 9)}${prng.digits(8)}525000`;
}
