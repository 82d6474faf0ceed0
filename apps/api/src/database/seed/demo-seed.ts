// Demo data for Kabupaten Klaten: partners (the 16 PLKK, Perisai agents, Pemkab, companies,
// BAZNAS, community groups), their engagements (the 7 May 2024 socialisation + monev with
// the 16 PLKK, trainings, socialisations), ~200 donors of every kind and ~5,000 workers
// spread over Klaten's 401 villages.
//
// Deterministic: everything — uuids and timestamps included — comes from a seeded PRNG and
// a fixed anchor date, so the same seed over the same region table gives the same rows.
// Planning is pure (planDemo); seedDemo reads the regions, plans, and inserts everything in
// one transaction with multi-row `INSERT … SELECT * FROM unnest(…)` statements.

import type { DataSource, EntityManager } from "typeorm";
import { currentYearMonth } from "@sertakan/schema";
import { lastDemoInstant, seedAccidentReports } from "./accident-seed";
import { seedCoverageHistory } from "./coverage-seed";
import {
  buildNik,
  DonorKind,
  EngagementKind,
  Gender,
  Occupation,
  PartnerKind,
} from "@sertakan/schema";
import {
  civilServantName,
  DONOR_COMMUNITIES,
  DONOR_COMPANIES,
  javaneseName,
  klatenLandline,
  mobilePhone,
  type OrgSpec,
  PARTNER_COMMUNITIES,
  PARTNER_COMPANIES,
  personalEmail,
  PLKK,
  STREET_NAMES,
  ZAKAT_INSTITUTIONS,
} from "./names";
import {
  addDays,
  DAY_MS,
  epochOfIsoDate,
  isoDate,
  Prng,
  UniqueInstants,
  WeightedTable,
} from "./prng";

export type DemoSeedOptions = {
  /** Number of workers; default 5000. */
  workers?: number;
  /** PRNG seed; default 20240521. */
  seed?: number;
  /** The month the coverage history ends in; default this month (Asia/Jakarta). */
  currentMonth?: string;
  /** Nothing (accidents, reports) is dated after this; default the end of currentMonth or now. */
  now?: Date;
  log?: (message: string) => void;
};
export type DemoSeedSummary = {
  workers: number;
  partners: number;
  donors: number;
  engagements: number;
  sponsorships: number;
  payments: number;
  accidentReports: number;
};

export const DEFAULT_DEMO_WORKERS = 5000;
export const DEFAULT_DEMO_SEED = 20240521;
/** Every demo timestamp lies in the two years before this instant (never now()). */
export const DEMO_ANCHOR = "2026-11-01T00:00:00+07:00";
export const KLATEN_REGENCY = "33.10";
/** Regencies whose districts issue the NIK of some Klaten residents (domicile ≠ NIK district). */
export const NIK_NEIGHBOUR_REGENCIES = ["33.09", "33.11"] as const; // Boyolali, Sukoharjo

const ANCHOR_MS = Date.parse(DEMO_ANCHOR);
const WINDOW_START_MS = ANCHOR_MS - 730 * DAY_MS; // 2024-11-01T00:00+07:00
const WIB_OFFSET_MS = 7 * 3_600_000;
/** Statement size cap (rows) for the unnest inserts. */
const BATCH_ROWS = 5000;
// Ages 18–65 throughout the window (18 at its start, at most 65 at the anchor).
const BIRTH_MIN = "1961-11-02";
const BIRTH_MAX = "2006-10-31";
/** The socialisation + monev meeting with the 16 PLKK reported by Tribun Jogja. */
export const ARTICLE_MONEV_DATE = "2024-05-07";

// ---------------------------------------------------------------------------------------
// Regions

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

// ---------------------------------------------------------------------------------------
// Rows (column names as in the migration)

export type PartnerRow = {
  id: string;
  kind: PartnerKind;
  name: string;
  region_code: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  agreement_number: string | null;
  agreement_start: string | null;
  agreement_end: string | null;
  active: boolean;
  created_at: string;
  updated_at: string;
};
export type EngagementRow = {
  id: string;
  partner_id: string;
  kind: EngagementKind;
  date: string;
  notes: string | null;
  attendees: number | null;
  created_at: string;
};
export type DonorRow = {
  id: string;
  kind: DonorKind;
  name: string;
  tax_id: string | null;
  contact_name: string | null;
  phone: string | null;
  email: string | null;
  region_code: string;
  partner_id: string | null;
  created_at: string;
  updated_at: string;
};
export type WorkerRow = {
  id: string;
  nik: string;
  full_name: string;
  gender: Gender;
  birth_date: string;
  occupation: Occupation;
  phone: string | null;
  village_code: string;
  district_code: string;
  regency_code: string;
  province_code: string;
  membership_number: string | null;
  recruited_by_id: string | null;
  created_at: string;
  updated_at: string;
};
export type DemoPlan = {
  partners: PartnerRow[];
  engagements: EngagementRow[];
  donors: DonorRow[];
  workers: WorkerRow[];
};

// ---------------------------------------------------------------------------------------
// Planning (pure)

export const OCCUPATION_WEIGHTS: ReadonlyArray<readonly [Occupation, number]> = [
  [Occupation.FARMER, 30],
  [Occupation.TRADER, 22],
  [Occupation.LABOURER, 12],
  [Occupation.HOUSEHOLD_HELPER, 8],
  [Occupation.STREET_VENDOR, 8],
  [Occupation.LIVESTOCK_BREEDER, 6],
  [Occupation.CRAFTSPERSON, 5],
  [Occupation.DRIVER, 4],
  [Occupation.FISHER, 1],
  [Occupation.OTHER, 4],
];

// Local colour: Merapi slopes keep dairy cattle, Bayat has pottery and Rawa Jombor, Pedan
// weaves lurik, Ceper casts metal, Polanharjo/Tulung farm fish, the town trades.
const DISTRICT_OCCUPATION_FACTORS: Readonly<Record<string, Partial<Record<Occupation, number>>>> = {
  "33.10.01": { [Occupation.STREET_VENDOR]: 1.6, [Occupation.OTHER]: 1.3 },
  "33.10.04": { [Occupation.CRAFTSPERSON]: 3, [Occupation.FISHER]: 5 },
  "33.10.09": { [Occupation.LIVESTOCK_BREEDER]: 2.5 },
  "33.10.10": { [Occupation.LIVESTOCK_BREEDER]: 2 },
  "33.10.11": { [Occupation.LABOURER]: 2, [Occupation.CRAFTSPERSON]: 1.8 },
  "33.10.12": { [Occupation.CRAFTSPERSON]: 2.5 },
  "33.10.14": { [Occupation.CRAFTSPERSON]: 2 },
  "33.10.16": { [Occupation.FARMER]: 1.4 },
  "33.10.17": { [Occupation.FISHER]: 5 },
  "33.10.19": { [Occupation.FISHER]: 4 },
  "33.10.21": { [Occupation.LIVESTOCK_BREEDER]: 3.5, [Occupation.FARMER]: 1.2 },
  "33.10.24": {
    [Occupation.FARMER]: 0.4,
    [Occupation.TRADER]: 1.6,
    [Occupation.STREET_VENDOR]: 2,
    [Occupation.DRIVER]: 1.8,
    [Occupation.HOUSEHOLD_HELPER]: 1.5,
  },
  "33.10.25": {
    [Occupation.FARMER]: 0.3,
    [Occupation.TRADER]: 1.8,
    [Occupation.STREET_VENDOR]: 2.2,
    [Occupation.DRIVER]: 1.8,
    [Occupation.HOUSEHOLD_HELPER]: 1.6,
  },
  "33.10.26": {
    [Occupation.FARMER]: 0.5,
    [Occupation.TRADER]: 1.5,
    [Occupation.STREET_VENDOR]: 1.8,
    [Occupation.DRIVER]: 1.6,
    [Occupation.HOUSEHOLD_HELPER]: 1.4,
  },
};

export const FEMALE_SHARE: Readonly<Record<Occupation, number>> = {
  [Occupation.FARMER]: 0.45,
  [Occupation.TRADER]: 0.65,
  [Occupation.LIVESTOCK_BREEDER]: 0.3,
  [Occupation.FISHER]: 0.1,
  [Occupation.HOUSEHOLD_HELPER]: 0.92,
  [Occupation.DRIVER]: 0.04,
  [Occupation.LABOURER]: 0.3,
  [Occupation.STREET_VENDOR]: 0.55,
  [Occupation.CRAFTSPERSON]: 0.55,
  [Occupation.OTHER]: 0.5,
};

// Which neighbour's NIK a Klaten resident is likely to carry: the north borders Boyolali,
// the east and south-east Sukoharjo.
const BOYOLALI_NIK_DISTRICTS = [
  "33.09.08",
  "33.09.09",
  "33.09.04",
  "33.09.03",
  "33.09.07",
  "33.09.06",
  "33.09.10",
];
const SUKOHARJO_NIK_DISTRICTS = [
  "33.11.11",
  "33.11.01",
  "33.11.03",
  "33.11.10",
  "33.11.02",
  "33.11.12",
];
const NORTH_DISTRICTS = new Set([
  "33.10.14",
  "33.10.15",
  "33.10.16",
  "33.10.17",
  "33.10.18",
  "33.10.19",
  "33.10.20",
  "33.10.21",
]);
const EAST_DISTRICTS = new Set(["33.10.04", "33.10.05", "33.10.06", "33.10.12", "33.10.13"]);

/** The plan's clock: unique instants inside the window, office hours on WIB days. */
class DemoClock {
  readonly instants: UniqueInstants;

  constructor(private readonly prng: Prng) {
    this.instants = new UniqueInstants(prng, WINDOW_START_MS, ANCHOR_MS);
  }

  /** WIB calendar date of an instant. */
  static wibDate(ms: number): string {
    return isoDate(ms + WIB_OFFSET_MS);
  }

  /** A unique instant during office hours (07:30–16:30 WIB) on a WIB date, not after the anchor. */
  officeTimeOn(date: string): number {
    const midnight = epochOfIsoDate(date) - WIB_OFFSET_MS;
    const t = midnight + 7.5 * 3_600_000 + Math.floor(this.prng.next() * 9 * 3_600_000);
    const lo = Math.max(WINDOW_START_MS, midnight);
    const hi = Math.min(ANCHOR_MS, midnight + DAY_MS);
    if (!(hi > lo)) throw new Error(`Demo seed: ${date} is outside the demo window`);
    return this.instants.claim(Math.min(Math.max(t, lo), hi - 1), lo, hi);
  }

  /** A working day (Mon–Sat) between two instants, busier towards the end (a growing programme). */
  rampDate(fromMs: number, toMs: number): string {
    const u = this.prng.next();
    const shaped = this.prng.chance(0.25) ? u : Math.sqrt(u);
    let date = DemoClock.wibDate(fromMs + shaped * (toMs - fromMs));
    if (new Date(`${date}T00:00:00Z`).getUTCDay() === 0)
      date = addDays(date, this.prng.chance(0.5) ? 1 : -1);
    const first = DemoClock.wibDate(fromMs);
    const last = DemoClock.wibDate(toMs - 1);
    return date < first ? first : date > last ? last : date;
  }

  /** Office time on a ramped day in [fromMs, toMs); strictly after fromMs. */
  rampInstant(fromMs: number, toMs: number = ANCHOR_MS): number {
    for (let attempt = 0; attempt < 20; attempt++) {
      const t = this.officeTimeOn(this.rampDate(fromMs, toMs));
      if (t > fromMs && t < toMs) return t;
    }
    return this.instants.between(fromMs + 1, toMs);
  }

  /** Some rows were edited after creation; most were not. */
  updatedAfter(createdMs: number, probability = 0.25): number {
    if (!this.prng.chance(probability)) return createdMs;
    return createdMs + Math.floor(this.prng.next() * (ANCHOR_MS - createdMs));
  }
}

const iso = (ms: number): string => new Date(ms).toISOString();
const isKelurahan = (v: DemoVillage): boolean => v.code.charAt(9) === "1";

/** "RSU Islam Klaten" → "rsuislamklaten" (for made-up mailbox names). */
function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "");
}

function npwp(prng: Prng): string {
  // 16-digit NPWP (2024 format: "0" + the old 15 digits); 525 = KPP Pratama Klaten, 000 = head office.
  return `0${prng.int(1, 9)}${prng.digits(8)}525000`;
}

/** Builds every demo row without touching the database. Same regions + seed → same plan. */
export function planDemo(
  regions: DemoRegions,
  options: Pick<DemoSeedOptions, "workers" | "seed"> = {},
): DemoPlan {
  const workerCount = options.workers ?? DEFAULT_DEMO_WORKERS;
  if (!Number.isInteger(workerCount) || workerCount < 0) {
    throw new Error(`Demo seed: workers must be a whole number ≥ 0, got ${workerCount}`);
  }
  const prng = new Prng(options.seed ?? DEFAULT_DEMO_SEED);
  const clock = new DemoClock(prng);
  const districts = regions.districts.filter((d) => d.villages.length > 0);
  if (districts.length === 0)
    throw new Error("Demo seed: no Klaten villages — load regions first.");
  const districtByCode = new Map(districts.map((d) => [d.code, d]));
  const allVillages = districts.flatMap((d) => d.villages);

  /** The district of a spec, or a seeded stand-in when the region table lacks it. */
  const districtOf = (code: string): DemoDistrict =>
    districtByCode.get(code) ?? prng.pick(districts);
  const villageIn = (district: DemoDistrict, name?: string): DemoVillage => {
    const found = name
      ? district.villages.find((v) => v.name.toLowerCase() === name.toLowerCase())
      : undefined;
    return found ?? prng.pick(district.villages);
  };
  /** A desa (village code 2xxx; kelurahan are 1xxx and have no village budget), if the district has one. */
  const desaIn = (district: DemoDistrict): DemoVillage => {
    const desa = district.villages.filter((v) => !isKelurahan(v));
    return prng.pick(desa.length > 0 ? desa : district.villages);
  };
  const addressOf = (village: DemoVillage, district: DemoDistrict, street?: string): string =>
    `${street ?? `${prng.pick(STREET_NAMES)} No. ${prng.int(1, 250)}`}, ${village.name}, Kec. ${district.name}, Kabupaten Klaten`;
  const windowEarly = (days: number): number =>
    clock.rampInstant(WINDOW_START_MS, WINDOW_START_MS + days * DAY_MS);

  // ---- partners ------------------------------------------------------------------------
  const partners: PartnerRow[] = [];
  const partnerDistrict = new Map<string, string>();
  const addPartner = (
    p: Omit<PartnerRow, "id" | "updated_at"> & { districtCode: string },
  ): PartnerRow => {
    const createdMs = Date.parse(p.created_at);
    const { districtCode, ...rest } = p;
    const row: PartnerRow = {
      id: prng.uuid(),
      ...rest,
      updated_at: iso(clock.updatedAfter(createdMs, 0.3)),
    };
    partners.push(row);
    partnerDistrict.set(row.id, districtCode);
    return row;
  };

  // The 16 PLKK: agreements signed early 2024, three years.
  const plkk: PartnerRow[] = PLKK.map((spec, i) => {
    const district = districtOf(spec.districtCode);
    const village = villageIn(district, spec.villageName);
    const start = addDays("2024-01-02", prng.int(0, 110));
    const street =
      spec.street ??
      (spec.kind === PartnerKind.PLKK_PUSKESMAS
        ? `Jl. Raya ${district.name} No. ${prng.int(1, 120)}`
        : undefined);
    return addPartner({
      kind: spec.kind,
      name: spec.name,
      region_code: village.code,
      districtCode: district.code,
      address: addressOf(village, district, street),
      phone: klatenLandline(prng),
      email: `${slug(spec.name)}@example.com`,
      agreement_number: `PKS.${String(i + 1).padStart(3, "0")}/KC-KLT/PLKK/${start.slice(0, 4)}`,
      agreement_start: start,
      agreement_end: addDays(start, 3 * 365),
      active: true,
      created_at: iso(windowEarly(30)),
    });
  });

  // Perisai agents: cohort I trained August 2024, cohort II February 2025.
  const agents: PartnerRow[] = [];
  const agentCohort: number[] = [];
  const agentPeople: string[] = [];
  const agentDistricts = prng.shuffled(districts).slice(0, Math.min(10, districts.length));
  for (let i = 0; i < 10; i++) {
    const district = agentDistricts[i % agentDistricts.length];
    const village = villageIn(district);
    const gender = prng.chance(0.6) ? Gender.FEMALE : Gender.MALE;
    const person = javaneseName(prng, gender, prng.int(1975, 1998));
    const cohort = i < 5 ? 1 : 2;
    const start =
      cohort === 1
        ? addDays("2024-07-01", prng.int(0, 40))
        : addDays("2025-01-06", prng.int(0, 25));
    const created =
      cohort === 1
        ? windowEarly(30)
        : clock.rampInstant(epochOfIsoDate(start), epochOfIsoDate("2025-02-10"));
    // One cohort-I agent stopped after a year.
    const stopped = i === 3;
    agents.push(
      addPartner({
        kind: PartnerKind.PERISAI_AGENT,
        name: `${person} (Agen Perisai ${district.name})`,
        region_code: village.code,
        districtCode: district.code,
        address: addressOf(
          village,
          district,
          `Dukuh ${prng.pick(["Krajan", "Ngasem", "Gondang", "Sidorejo", "Karangasem", "Jetis", "Ngemplak"])} RT ${String(prng.int(1, 6)).padStart(2, "0")}/RW ${String(prng.int(1, 8)).padStart(2, "0")}`,
        ),
        phone: mobilePhone(prng),
        email: personalEmail(prng, person),
        agreement_number: `PERISAI/KC-KLT/${start.slice(0, 4)}/${String(i + 1).padStart(4, "0")}`,
        agreement_start: start,
        agreement_end: stopped ? "2025-07-31" : addDays(start, 3 * 365),
        active: !stopped,
        created_at: iso(created),
      }),
    );
    agentCohort.push(cohort);
    agentPeople.push(person);
  }

  const townDistrict = districtOf("33.10.25");
  const pemda = addPartner({
    kind: PartnerKind.LOCAL_GOVERNMENT,
    name: "Pemerintah Kabupaten Klaten",
    region_code: townDistrict.code,
    districtCode: townDistrict.code,
    address: "Jl. Pemuda No. 294, Kabupaten Klaten",
    phone: klatenLandline(prng),
    email: "sertakan.pemkab.klaten@example.com",
    agreement_number: `NK.${prng.int(100, 999)}/KC-KLT/PEMDA/2024`,
    agreement_start: "2024-08-15",
    agreement_end: "2027-08-14",
    active: true,
    created_at: iso(windowEarly(30)),
  });

  const orgPartner = (
    kind: PartnerKind,
    spec: OrgSpec,
    agreementFrom: string | null,
    villageLevel: boolean,
  ): PartnerRow => {
    const district = districtOf(spec.districtCode);
    const village = villageIn(district, spec.villageName);
    const start = agreementFrom ? addDays(agreementFrom, prng.int(0, 30)) : null;
    return addPartner({
      kind,
      name: spec.name,
      region_code: villageLevel ? village.code : district.code,
      districtCode: district.code,
      address: addressOf(
        village,
        district,
        spec.street ? `${spec.street} No. ${prng.int(1, 200)}` : undefined,
      ),
      phone: kind === PartnerKind.COMMUNITY ? mobilePhone(prng) : klatenLandline(prng),
      email: spec.domain ? `csr@${spec.domain}` : `${slug(spec.name)}@example.com`,
      agreement_number: start
        ? `PKS.${prng.int(100, 999)}/KC-KLT/${kind === PartnerKind.COMPANY ? "CSR" : "ZIS"}/${start.slice(0, 4)}`
        : null,
      agreement_start: start,
      agreement_end: start ? addDays(start, 3 * 365) : null,
      active: true,
      created_at: iso(
        kind === PartnerKind.COMPANY
          ? clock.rampInstant(WINDOW_START_MS + 60 * DAY_MS, WINDOW_START_MS + 300 * DAY_MS)
          : windowEarly(45),
      ),
    });
  };
  const baznas = orgPartner(
    PartnerKind.ZAKAT_INSTITUTION,
    ZAKAT_INSTITUTIONS[0],
    "2024-07-15",
    false,
  );
  const companies = PARTNER_COMPANIES.map((c) =>
    orgPartner(PartnerKind.COMPANY, c, "2025-03-03", true),
  );
  const communities = PARTNER_COMMUNITIES.map((c) =>
    orgPartner(PartnerKind.COMMUNITY, c, null, true),
  );

  // Which PLKK and agents also give (decided now so the monev notes can say so).
  const donorPlkk = new Set(prng.shuffled(plkk.map((_, i) => i)).slice(0, 10));
  const donorAgents = new Set(prng.shuffled(agents.map((_, i) => i)).slice(0, 6));

  // ---- engagements ---------------------------------------------------------------------
  const engagements: EngagementRow[] = [];
  const addEngagement = (
    partner: PartnerRow,
    kind: EngagementKind,
    date: string,
    notes: string,
    attendees: number | null,
  ): void => {
    const partnerCreated = Date.parse(partner.created_at);
    // Events before the partner was entered were back-filled shortly after it.
    const created =
      epochOfIsoDate(date) <= partnerCreated
        ? clock.rampInstant(
            partnerCreated + 60_000,
            Math.min(ANCHOR_MS, partnerCreated + 10 * DAY_MS),
          )
        : clock.rampInstant(
            Math.max(partnerCreated, epochOfIsoDate(date) - WIB_OFFSET_MS + 12 * 3_600_000),
            Math.min(ANCHOR_MS, epochOfIsoDate(date) + 4 * DAY_MS),
          );
    engagements.push({
      id: prng.uuid(),
      partner_id: partner.id,
      kind,
      date,
      notes,
      attendees,
      created_at: iso(created),
    });
  };

  const MONEV_TOPICS = [
    "ketepatan pelaporan kasus kecelakaan kerja tahap I dalam 2×24 jam",
    "kelengkapan berkas penagihan biaya perawatan kasus JKK",
    "alur rujukan pasien kecelakaan kerja ke rumah sakit",
    "pelaporan kasus melalui aplikasi e-PLKK",
    "pemahaman petugas IGD tentang peserta BPU",
    "verifikasi kepesertaan sebelum tindakan medis",
    "waktu tunggu pembayaran klaim PLKK",
  ];
  plkk.forEach((p) => {
    addEngagement(
      p,
      EngagementKind.MONITORING_EVALUATION,
      ARTICLE_MONEV_DATE,
      "Sosialisasi program Sertakan serta monitoring dan evaluasi PLKK bersama 16 PLKK se-Kabupaten Klaten di New Resto Merapi, Klaten. " +
        "Disampaikan capaian kepesertaan BPU Klaten (baru ±9% dari ±219 ribu pekerja informal terlindungi) dan ajakan agar PLKK ikut " +
        "menyalurkan bantuan iuran JKK+JKM Rp16.800/bulan bagi pekerja rentan di sekitarnya. " +
        `Evaluasi layanan: ${prng.pick(MONEV_TOPICS)}.`,
      prng.int(2, 4),
    );
  });
  const monev2025 = "2025-05-20";
  plkk.forEach((p, i) => {
    const followUp = donorPlkk.has(i)
      ? `PLKK telah menjadi donatur Sertakan dan membiayai iuran ${prng.int(5, 40)} pekerja rentan di sekitarnya.`
      : "PLKK menyatakan akan mengusulkan anggaran bantuan iuran Sertakan pada tahun anggaran berikutnya.";
    addEngagement(
      p,
      EngagementKind.MONITORING_EVALUATION,
      monev2025,
      `Monitoring dan evaluasi periodik PLKK semester I 2025 di Kantor Cabang Klaten. Tindak lanjut komitmen Sertakan: ${followUp} ` +
        `Catatan layanan: ${prng.pick(MONEV_TOPICS)}.`,
      prng.int(1, 3),
    );
  });

  const cohortSize = [
    0,
    agentCohort.filter((c) => c === 1).length,
    agentCohort.filter((c) => c === 2).length,
  ];
  const cohortAttendees = [0, prng.int(14, 24), prng.int(14, 24)];
  agents.forEach((a, i) => {
    const cohort = agentCohort[i];
    const date = cohort === 1 ? "2024-08-20" : "2025-02-11";
    addEngagement(
      a,
      EngagementKind.TRAINING,
      date,
      `Pelatihan Agen Perisai angkatan ${cohort === 1 ? "I" : "II"} (${cohortSize[cohort]} agen Klaten): produk BPU (JKK, JKM, JHT), ` +
        "iuran Rp16.800 dan Rp36.800 per bulan, pendaftaran dan pembayaran melalui aplikasi Perisai, serta program Sertakan.",
      cohortAttendees[cohort],
    );
  });
  // Village socialisations run by active agents.
  const activeAgents = agents.filter((a) => a.active);
  for (let k = 0; k < 6 && activeAgents.length > 0; k++) {
    const a = activeAgents[k % activeAgents.length];
    const district = districtOf(partnerDistrict.get(a.id) ?? "");
    const village = villageIn(district);
    const hall = isKelurahan(village) ? "Aula Kelurahan" : "Balai Desa";
    const date = clock.rampDate(
      Math.max(Date.parse(a.created_at), epochOfIsoDate("2025-03-01")),
      epochOfIsoDate("2026-10-15"),
    );
    const present = prng.int(25, 90);
    addEngagement(
      a,
      EngagementKind.SOCIALISATION,
      date,
      `Sosialisasi program Sertakan dan kepesertaan BPU kepada warga di ${hall} ${village.name}, Kec. ${district.name}; ` +
        `${present} warga hadir, ${prng.int(3, Math.max(4, Math.floor(present / 4)))} langsung didaftarkan.`,
      present,
    );
  }
  addEngagement(
    pemda,
    EngagementKind.SOCIALISATION,
    "2024-06-13",
    "Audiensi dengan Pemerintah Kabupaten Klaten: paparan program Sertakan dan usulan alokasi APBD 2025 untuk iuran JKK+JKM pekerja rentan.",
    prng.int(10, 20),
  );
  addEngagement(
    pemda,
    EngagementKind.OTHER,
    "2024-08-15",
    "Penandatanganan nota kesepakatan perlindungan jaminan sosial ketenagakerjaan bagi pekerja rentan antara Pemkab Klaten dan BPJS Ketenagakerjaan Cabang Klaten.",
    prng.int(20, 40),
  );
  addEngagement(
    pemda,
    EngagementKind.SOCIALISATION,
    "2025-01-21",
    "Sosialisasi gerakan ASN Peduli Sertakan kepada perangkat daerah: setiap ASN diajak melindungi satu pekerja rentan di sekitarnya.",
    prng.int(60, 120),
  );
  addEngagement(
    baznas,
    EngagementKind.SOCIALISATION,
    "2024-07-09",
    "Koordinasi penyaluran zakat BAZNAS Klaten untuk iuran BPJS Ketenagakerjaan mustahik (pekerja rentan yang berhak menerima zakat).",
    prng.int(6, 12),
  );
  for (const c of companies) {
    addEngagement(
      c,
      EngagementKind.SOCIALISATION,
      clock.rampDate(Date.parse(c.created_at), Date.parse(c.created_at) + 60 * DAY_MS),
      `Sosialisasi Sertakan sebagai program CSR ${c.name}: perlindungan JKK+JKM bagi pekerja rentan di sekitar lokasi usaha.`,
      prng.int(4, 15),
    );
  }
  for (const c of communities) {
    addEngagement(
      c,
      EngagementKind.SOCIALISATION,
      clock.rampDate(Date.parse(c.created_at) + DAY_MS, epochOfIsoDate("2026-09-30")),
      `Sosialisasi program Sertakan kepada anggota ${c.name}: anggota dapat saling menanggung iuran sesama pekerja informal.`,
      prng.int(20, 70),
    );
  }

  // ---- donors --------------------------------------------------------------------------
  const donors: DonorRow[] = [];
  const addDonor = (
    d: Omit<DonorRow, "id" | "updated_at" | "created_at"> & { createdMs: number },
  ): void => {
    const { createdMs, ...rest } = d;
    donors.push({
      id: prng.uuid(),
      ...rest,
      created_at: iso(createdMs),
      updated_at: iso(clock.updatedAfter(createdMs, 0.2)),
    });
  };
  const afterPartner = (p: PartnerRow): number =>
    clock.rampInstant(Date.parse(p.created_at) + DAY_MS);
  const regionOfPartner = (p: PartnerRow): string => p.region_code;
  const randomVillage = (): DemoVillage => prng.pick(allVillages);

  // Partner-linked donors.
  plkk.forEach((p, i) => {
    if (!donorPlkk.has(i)) return;
    addDonor({
      kind: DonorKind.PLKK,
      name: p.name,
      tax_id: npwp(prng),
      contact_name: civilServantName(prng, prng.chance(0.6) ? Gender.FEMALE : Gender.MALE),
      phone: p.phone,
      email: p.email,
      region_code: regionOfPartner(p),
      partner_id: p.id,
      createdMs: afterPartner(p),
    });
  });
  agents.forEach((a, i) => {
    if (!donorAgents.has(i)) return;
    addDonor({
      kind: DonorKind.AGENT,
      name: agentPeople[i],
      tax_id: null,
      contact_name: agentPeople[i],
      phone: a.phone,
      email: a.email,
      region_code: regionOfPartner(a),
      partner_id: a.id,
      createdMs: afterPartner(a),
    });
  });
  addDonor({
    kind: DonorKind.LOCAL_GOVERNMENT,
    name: "Pemerintah Kabupaten Klaten (APBD)",
    tax_id: npwp(prng),
    contact_name: civilServantName(prng, Gender.MALE),
    phone: pemda.phone,
    email: pemda.email,
    region_code: pemda.region_code,
    partner_id: pemda.id,
    createdMs: clock.rampInstant(epochOfIsoDate("2025-01-06"), epochOfIsoDate("2025-02-28")),
  });
  for (const d of prng.shuffled(districts).slice(0, 3)) {
    const village = desaIn(d);
    addDonor({
      kind: DonorKind.LOCAL_GOVERNMENT,
      name: `Pemerintah Desa ${village.name} (APBDes)`,
      tax_id: prng.chance(0.5) ? npwp(prng) : null,
      contact_name: civilServantName(prng, prng.chance(0.3) ? Gender.FEMALE : Gender.MALE),
      phone: mobilePhone(prng),
      email: `pemdes.${slug(village.name)}@example.com`,
      region_code: village.code,
      partner_id: null,
      createdMs: clock.rampInstant(epochOfIsoDate("2025-01-15")),
    });
  }
  const addOrgDonor = (
    kind: DonorKind,
    spec: OrgSpec,
    partner: PartnerRow | null,
    taxId: string | null,
  ): void => {
    const district = districtOf(spec.districtCode);
    const village = spec.name.includes("{village}")
      ? desaIn(district)
      : villageIn(district, spec.villageName);
    const name = spec.name.replace("{village}", village.name);
    addDonor({
      kind,
      name,
      tax_id: taxId,
      contact_name: javaneseName(prng, prng.chance(0.5) ? Gender.FEMALE : Gender.MALE, 1980),
      phone:
        partner?.phone ?? (kind === DonorKind.COMMUNITY ? mobilePhone(prng) : klatenLandline(prng)),
      email: partner?.email ?? (spec.domain ? `csr@${spec.domain}` : `${slug(name)}@example.com`),
      region_code: partner?.region_code ?? village.code,
      partner_id: partner?.id ?? null,
      createdMs: partner ? afterPartner(partner) : clock.rampInstant(WINDOW_START_MS),
    });
  };
  companies.forEach((c, i) => addOrgDonor(DonorKind.COMPANY, PARTNER_COMPANIES[i], c, npwp(prng)));
  for (const spec of DONOR_COMPANIES) addOrgDonor(DonorKind.COMPANY, spec, null, npwp(prng));
  addOrgDonor(DonorKind.ZAKAT_INSTITUTION, ZAKAT_INSTITUTIONS[0], baznas, npwp(prng));
  for (const spec of ZAKAT_INSTITUTIONS.slice(1))
    addOrgDonor(DonorKind.ZAKAT_INSTITUTION, spec, null, prng.chance(0.5) ? npwp(prng) : null);
  communities.forEach((c, i) => addOrgDonor(DonorKind.COMMUNITY, PARTNER_COMMUNITIES[i], c, null));
  for (const spec of DONOR_COMMUNITIES) addOrgDonor(DonorKind.COMMUNITY, spec, null, null);

  // ASN Peduli: the civil servants answered the January 2025 circular.
  for (let i = 0; i < 80; i++) {
    const name = civilServantName(prng, prng.chance(0.55) ? Gender.FEMALE : Gender.MALE);
    addDonor({
      kind: DonorKind.CIVIL_SERVANT,
      name,
      tax_id: null,
      contact_name: name,
      phone: mobilePhone(prng),
      email: prng.chance(0.6) ? personalEmail(prng, name) : null,
      region_code: randomVillage().code,
      partner_id: null,
      createdMs: clock.rampInstant(epochOfIsoDate("2025-01-22")),
    });
  }
  for (let i = 0; i < 70; i++) {
    const anonymous = i < 3; // "Hamba Allah" — the usual name of a donor who wants no credit
    const name = anonymous
      ? "Hamba Allah"
      : javaneseName(prng, prng.chance(0.5) ? Gender.FEMALE : Gender.MALE, prng.int(1960, 2000));
    addDonor({
      kind: DonorKind.INDIVIDUAL,
      name,
      tax_id: null,
      contact_name: anonymous ? null : name,
      phone: mobilePhone(prng),
      email: !anonymous && prng.chance(0.5) ? personalEmail(prng, name) : null,
      region_code: randomVillage().code,
      partner_id: null,
      createdMs: clock.rampInstant(WINDOW_START_MS),
    });
  }

  // ---- workers -------------------------------------------------------------------------
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
  const neighbourSet = new Set(regions.neighbourDistrictCodes);
  const boyolali = BOYOLALI_NIK_DISTRICTS.filter((c) => neighbourSet.has(c));
  const sukoharjo = SUKOHARJO_NIK_DISTRICTS.filter((c) => neighbourSet.has(c));
  const anyNeighbour =
    boyolali.length + sukoharjo.length > 0
      ? [...boyolali, ...sukoharjo]
      : regions.neighbourDistrictCodes;
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
  const workers: WorkerRow[] = drafts.map(({ createdMs: _createdMs, ...w }) => w);

  return { partners, engagements, donors, workers };
}

// ---------------------------------------------------------------------------------------
// Database

type Column<R> = { name: keyof R & string; type: string };

/** `INSERT INTO table (…) SELECT * FROM unnest($1::type[], …)` in batches of ≤ BATCH_ROWS. */
async function insertRows<R extends Record<string, unknown>>(
  m: EntityManager,
  table: string,
  columns: ReadonlyArray<Column<R>>,
  rows: readonly R[],
): Promise<number> {
  const names = columns.map((c) => c.name).join(", ");
  const casts = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(", ");
  const sql = `INSERT INTO ${table} (${names}) SELECT * FROM unnest(${casts})`;
  let statements = 0;
  for (let from = 0; from < rows.length; from += BATCH_ROWS) {
    const batch = rows.slice(from, from + BATCH_ROWS);
    await m.query(
      sql,
      columns.map((c) => batch.map((r) => r[c.name] ?? null)),
    );
    statements++;
  }
  return statements;
}

const PARTNER_COLUMNS: ReadonlyArray<Column<PartnerRow>> = [
  { name: "id", type: "uuid" },
  { name: "kind", type: "text" },
  { name: "name", type: "text" },
  { name: "region_code", type: "varchar" },
  { name: "address", type: "text" },
  { name: "phone", type: "text" },
  { name: "email", type: "text" },
  { name: "agreement_number", type: "text" },
  { name: "agreement_start", type: "date" },
  { name: "agreement_end", type: "date" },
  { name: "active", type: "boolean" },
  { name: "created_at", type: "timestamptz" },
  { name: "updated_at", type: "timestamptz" },
];
const ENGAGEMENT_COLUMNS: ReadonlyArray<Column<EngagementRow>> = [
  { name: "id", type: "uuid" },
  { name: "partner_id", type: "uuid" },
  { name: "kind", type: "text" },
  { name: "date", type: "date" },
  { name: "notes", type: "text" },
  { name: "attendees", type: "int4" },
  { name: "created_at", type: "timestamptz" },
];
const DONOR_COLUMNS: ReadonlyArray<Column<DonorRow>> = [
  { name: "id", type: "uuid" },
  { name: "kind", type: "text" },
  { name: "name", type: "text" },
  { name: "tax_id", type: "text" },
  { name: "contact_name", type: "text" },
  { name: "phone", type: "text" },
  { name: "email", type: "text" },
  { name: "region_code", type: "varchar" },
  { name: "partner_id", type: "uuid" },
  { name: "created_at", type: "timestamptz" },
  { name: "updated_at", type: "timestamptz" },
];
const WORKER_COLUMNS: ReadonlyArray<Column<WorkerRow>> = [
  { name: "id", type: "uuid" },
  { name: "nik", type: "text" },
  { name: "full_name", type: "text" },
  { name: "gender", type: "text" },
  { name: "birth_date", type: "date" },
  { name: "occupation", type: "text" },
  { name: "phone", type: "text" },
  { name: "village_code", type: "varchar" },
  { name: "district_code", type: "varchar" },
  { name: "regency_code", type: "varchar" },
  { name: "province_code", type: "varchar" },
  { name: "membership_number", type: "text" },
  { name: "recruited_by_id", type: "uuid" },
  { name: "created_at", type: "timestamptz" },
  { name: "updated_at", type: "timestamptz" },
];

/** True when no worker, donor or partner row exists (a fresh registry). */
export async function isDatabaseEmpty(db: DataSource): Promise<boolean> {
  const rows: Array<{ empty: boolean }> = await db.query(
    `SELECT NOT EXISTS (SELECT 1 FROM worker)
        AND NOT EXISTS (SELECT 1 FROM donor)
        AND NOT EXISTS (SELECT 1 FROM partner) AS empty`,
  );
  return rows[0]?.empty === true;
}

/**
 * Seeds the Klaten demo data in one transaction. Needs the region table loaded (throws
 * "load regions first" otherwise) and an empty registry (throws if workers, donors or
 * partners exist — check with {@link isDatabaseEmpty}).
 */
export async function seedDemo(
  db: DataSource,
  options: DemoSeedOptions = {},
): Promise<DemoSeedSummary> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  return db.transaction(async (m) => {
    const regions = await loadDemoRegions(m);
    const villageCount = regions.districts.reduce((n, d) => n + d.villages.length, 0);
    log(
      `demo: Klaten regions — ${regions.districts.length} districts, ${villageCount} villages; ` +
        `${regions.neighbourDistrictCodes.length} neighbouring districts for NIKs`,
    );
    const existing: Array<{ busy: boolean }> = await m.query(
      `SELECT EXISTS (SELECT 1 FROM worker) OR EXISTS (SELECT 1 FROM donor) OR EXISTS (SELECT 1 FROM partner) AS busy`,
    );
    if (existing[0]?.busy) {
      throw new Error(
        "Demo seed: the registry already has workers, donors or partners — seed only an empty database.",
      );
    }

    const plan = planDemo(regions, options);
    log(`demo: planned in ${Date.now() - started} ms (seed ${options.seed ?? DEFAULT_DEMO_SEED})`);

    await insertRows(m, "partner", PARTNER_COLUMNS, plan.partners);
    const byKind = new Map<string, number>();
    for (const p of plan.partners) byKind.set(p.kind, (byKind.get(p.kind) ?? 0) + 1);
    log(
      `demo: ${plan.partners.length} partners (${[...byKind].map(([k, n]) => `${n} ${k}`).join(", ")})`,
    );

    await insertRows(m, "engagement", ENGAGEMENT_COLUMNS, plan.engagements);
    log(
      `demo: ${plan.engagements.length} engagements (incl. monev ${ARTICLE_MONEV_DATE} with the ${PLKK.length} PLKK)`,
    );

    await insertRows(m, "donor", DONOR_COLUMNS, plan.donors);
    log(`demo: ${plan.donors.length} donors`);

    const t = Date.now();
    const statements = await insertRows(m, "worker", WORKER_COLUMNS, plan.workers);
    log(`demo: ${plan.workers.length} workers in ${statements} statement(s), ${Date.now() - t} ms`);
    const coverage = await seedCoverageHistory(m, {
      seed: options.seed ?? DEFAULT_DEMO_SEED,
      currentMonth: options.currentMonth ?? currentYearMonth(),
      log,
    });
    const currentMonth = options.currentMonth ?? currentYearMonth();
    const accidents = await seedAccidentReports(m, {
      seed: options.seed ?? DEFAULT_DEMO_SEED,
      currentMonth,
      now: options.now ?? lastDemoInstant(currentMonth),
    });
    log(
      `demo: ${accidents.reports} accident reports by the PLKK (${accidents.accepted} covered, ${accidents.late} late)`,
    );
    log(`demo: done in ${Date.now() - started} ms`);

    return {
      workers: plan.workers.length,
      partners: plan.partners.length,
      donors: plan.donors.length,
      engagements: plan.engagements.length,
      sponsorships: coverage.sponsorships,
      payments: coverage.payments,
      accidentReports: accidents.reports,
    };
  });
}
