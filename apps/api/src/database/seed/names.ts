// Word lists for the demo seed: Javanese personal names as found in Klaten, and the
// partner organisations of the Klaten branch office. Organisation names other than the
// public hospitals/puskesmas, Pemkab Klaten and BAZNAS Klaten are made up.

import { Gender, PartnerKind } from "@sertakan/schema";
import type { Prng } from "./prng";

// prettier-ignore
export const FEMALE_GIVEN_NAMES: readonly string[] = [
  "Siti", "Sri", "Dwi", "Tri", "Endang", "Sumarni", "Suparmi", "Sulastri", "Sumiyati", "Suminah",
  "Winarsih", "Purwanti", "Yuliana", "Rini", "Ratna", "Ani", "Eni", "Yuni", "Wiwik", "Tutik",
  "Kartini", "Marni", "Sarmi", "Tumini", "Partini", "Sukarti", "Sutarmi", "Parmi", "Warsini", "Sumarsih",
  "Indah", "Dewi", "Wulan", "Ayu", "Fitri", "Nur", "Novi", "Putri", "Ika", "Lina",
  "Diah", "Retno", "Sekar", "Rahma", "Anis", "Umi", "Titik", "Tuti", "Heni", "Yanti",
  "Erna", "Evi", "Rina", "Desi", "Puji", "Nining", "Kurniasih", "Setyaningsih", "Murni", "Lasmi",
];

// prettier-ignore
export const MALE_GIVEN_NAMES: readonly string[] = [
  "Slamet", "Joko", "Budi", "Agus", "Bambang", "Sugeng", "Suparno", "Sutrisno", "Heru", "Wahyu",
  "Teguh", "Bayu", "Eko", "Hadi", "Sukino", "Mulyono", "Sukardi", "Suyanto", "Sugiyanto", "Haryanto",
  "Darmanto", "Giyanto", "Wagiman", "Wiyono", "Yanto", "Ahmad", "Muhammad", "Rudi", "Dedi", "Andi",
  "Arif", "Anton", "Dimas", "Fajar", "Galih", "Hendra", "Ilham", "Iwan", "Purnomo", "Rohmat",
  "Samsul", "Sigit", "Sunarto", "Suwarno", "Tarno", "Untung", "Wawan", "Yudi", "Yusuf", "Bagus",
  "Catur", "Gunawan", "Hartono", "Kuswanto", "Marjono", "Sarwono", "Sukirno", "Priyo", "Supriyadi", "Adi",
];

// Second names are gendered in Javanese usage ("Sri Rahayu", "Slamet Riyadi").
// prettier-ignore
export const FEMALE_SECOND_NAMES: readonly string[] = [
  "Rahayu", "Wahyuni", "Lestari", "Handayani", "Wulandari", "Susanti", "Hartati", "Utami", "Astuti", "Ningsih",
  "Suryani", "Sulistyowati", "Wijayanti", "Kusumawati", "Maryani", "Puspitasari", "Anggraini", "Fitriani", "Mulyani", "Wahyuningsih",
  "Rahmawati", "Setyowati", "Purwaningsih", "Widayati", "Nurhayati", "Yuliani", "Haryati", "Indriyani", "Pratiwi", "Rejeki",
];

// prettier-ignore
export const MALE_SECOND_NAMES: readonly string[] = [
  "Riyadi", "Susilo", "Santoso", "Widodo", "Wibowo", "Nugroho", "Prasetyo", "Setiawan", "Kurniawan", "Hidayat",
  "Saputra", "Purwanto", "Raharjo", "Haryadi", "Subagyo", "Sulistyo", "Hermawan", "Pratama", "Wijaya", "Pamungkas",
  "Utomo", "Suprapto", "Handoko", "Prabowo", "Cahyono", "Irawan", "Hartanto", "Mulyadi", "Wicaksono", "Triyono",
];

// Many Javanese born before ~1975 carry a single name.
// prettier-ignore
export const FEMALE_SINGLE_NAMES: readonly string[] = [
  "Painem", "Tukiyem", "Ngatini", "Sainem", "Wagini", "Kasmi", "Jumiyem", "Saminem", "Tumirah", "Karsini",
];
// prettier-ignore
export const MALE_SINGLE_NAMES: readonly string[] = [
  "Paijo", "Tukijo", "Parno", "Ngadimin", "Kasiman", "Sariman", "Paiman", "Tumijo", "Karyo", "Wagiyo",
];

/** A plausible Javanese full name; older people sometimes have a single name. */
export function javaneseName(prng: Prng, gender: Gender, birthYear = 1985): string {
  const female = gender === Gender.FEMALE;
  if (birthYear < 1975 && prng.chance(0.2)) {
    return prng.pick(female ? FEMALE_SINGLE_NAMES : MALE_SINGLE_NAMES);
  }
  const given = prng.pick(female ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES);
  let second = prng.pick(female ? FEMALE_SECOND_NAMES : MALE_SECOND_NAMES);
  if (second === given) second = prng.pick(female ? FEMALE_SECOND_NAMES : MALE_SECOND_NAMES);
  return second === given ? given : `${given} ${second}`;
}

const TITLES_AFTER = [
  "S.Pd.",
  "S.Pd.",
  "S.E.",
  "S.H.",
  "S.Sos.",
  "S.Kep.",
  "S.T.",
  "A.Md.",
  "S.Kom.",
  "M.Pd.",
  "S.IP.",
];

/** A civil servant's name, often with an academic title ("Sri Lestari, S.Pd.", "Drs. Bambang Santoso"). */
export function civilServantName(prng: Prng, gender: Gender): string {
  const name = javaneseName(prng, gender, 1980);
  const r = prng.next();
  if (r < 0.08) return `${gender === Gender.FEMALE ? "Dra." : "Drs."} ${name}`;
  if (r < 0.75) return `${name}, ${prng.pick(TITLES_AFTER)}`;
  return name;
}

// prettier-ignore
const MOBILE_PREFIXES = [
  "0812", "0813", "0821", "0822", "0823", "0852", "0853", "0851", "0856", "0857",
  "0858", "0877", "0878", "0895", "0896", "0897", "0831", "0838", "0881", "0882",
];

/** An Indonesian mobile number: "08" + 9–11 digits. */
export function mobilePhone(prng: Prng): string {
  return prng.pick(MOBILE_PREFIXES) + prng.digits(prng.int(7, 9));
}

/** A Klaten landline: area code 0272. */
export function klatenLandline(prng: Prng): string {
  return `(0272) ${prng.int(3, 5)}${prng.digits(5)}`;
}

const EMAIL_DOMAINS: ReadonlyArray<readonly [string, number]> = [
  ["example.com", 85],
  ["example.co.id", 8],
  ["example.net", 4],
  ["outlook.com", 3],
];

/** A personal e-mail built from a name: "sri.wahyuni87@example.com". */
export function personalEmail(prng: Prng, name: string): string {
  const base = name
    .replace(/^(Drs?a?\.)\s+/, "")
    .replace(/,.*$/, "")
    .toLowerCase()
    .replace(/[^a-z ]/g, "")
    .trim()
    .split(/\s+/)
    .join(prng.chance(0.7) ? "." : "");
  const suffix = prng.chance(0.75) ? String(prng.int(1, 99)).padStart(2, "0") : "";
  return `${base}${suffix}@${prng.weighted(EMAIL_DOMAINS)}`;
}

export const STREET_NAMES: readonly string[] = [
  "Jl. Pemuda",
  "Jl. Pramuka",
  "Jl. Merapi",
  "Jl. Veteran",
  "Jl. Diponegoro",
  "Jl. Raya Solo–Yogyakarta",
  "Jl. Mayor Kusmanto",
  "Jl. Rajawali",
  "Jl. Sultan Agung",
  "Jl. Cokrodiningratan",
  "Jl. Ki Hajar Dewantara",
  "Jl. Raya Jatinom–Boyolali",
  "Jl. Raya Pedan–Cawas",
  "Jl. Raya Wedi–Bayat",
  "Jl. Raya Delanggu",
  "Jl. Kopral Sayom",
];

export type PlkkSpec = {
  kind: PartnerKind.PLKK_HOSPITAL | PartnerKind.PLKK_CLINIC | PartnerKind.PLKK_PUSKESMAS;
  name: string;
  districtCode: string;
  /** Village looked up by name inside the district; a seeded pick when absent or not found. */
  villageName?: string;
  street?: string;
};

/** Klaten's 16 PLKK (accident-care partner facilities) as seeded for the demo. */
export const PLKK: readonly PlkkSpec[] = [
  {
    kind: PartnerKind.PLKK_HOSPITAL,
    name: "RSUP dr. Soeradji Tirtonegoro",
    districtCode: "33.10.26",
    villageName: "Tegalyoso",
    street: "Jl. KRT Dr. Soeradji Tirtonegoro No. 1",
  },
  {
    kind: PartnerKind.PLKK_HOSPITAL,
    name: "RSUD Bagas Waras",
    districtCode: "33.10.25",
    villageName: "Buntalan",
    street: "Jl. Ir. Soekarno Km 2",
  },
  {
    kind: PartnerKind.PLKK_HOSPITAL,
    name: "RSU Islam Klaten",
    districtCode: "33.10.24",
    street: "Jl. Raya Klaten–Solo Km 4",
  },
  {
    kind: PartnerKind.PLKK_HOSPITAL,
    name: "RS PKU Muhammadiyah Delanggu",
    districtCode: "33.10.16",
    villageName: "Delanggu",
    street: "Jl. Raya Delanggu",
  },
  {
    kind: PartnerKind.PLKK_HOSPITAL,
    name: "RSU PKU Muhammadiyah Pedan",
    districtCode: "33.10.12",
    street: "Jl. Raya Pedan–Cawas",
  },
  {
    kind: PartnerKind.PLKK_HOSPITAL,
    name: "RS Islam Cawas",
    districtCode: "33.10.05",
    street: "Jl. Raya Cawas–Bayat",
  },
  {
    kind: PartnerKind.PLKK_CLINIC,
    name: "Klinik Pratama Husada Mulia Prambanan",
    districtCode: "33.10.01",
  },
  { kind: PartnerKind.PLKK_CLINIC, name: "Klinik Utama Medika Wedi", districtCode: "33.10.03" },
  {
    kind: PartnerKind.PLKK_CLINIC,
    name: "Klinik Pratama Sehat Mandiri Ceper",
    districtCode: "33.10.11",
  },
  {
    kind: PartnerKind.PLKK_CLINIC,
    name: "Klinik Pratama Bhakti Husada Jatinom",
    districtCode: "33.10.20",
  },
  {
    kind: PartnerKind.PLKK_CLINIC,
    name: "Klinik Pratama Tirta Medika Polanharjo",
    districtCode: "33.10.17",
  },
  { kind: PartnerKind.PLKK_PUSKESMAS, name: "Puskesmas Prambanan", districtCode: "33.10.01" },
  { kind: PartnerKind.PLKK_PUSKESMAS, name: "Puskesmas Bayat", districtCode: "33.10.04" },
  { kind: PartnerKind.PLKK_PUSKESMAS, name: "Puskesmas Kemalang", districtCode: "33.10.21" },
  { kind: PartnerKind.PLKK_PUSKESMAS, name: "Puskesmas Juwiring", districtCode: "33.10.14" },
  { kind: PartnerKind.PLKK_PUSKESMAS, name: "Puskesmas Trucuk I", districtCode: "33.10.06" },
];

export type OrgSpec = {
  name: string;
  districtCode: string;
  villageName?: string;
  street?: string;
  domain: string;
};

/** Companies working with the branch office (made up, set in Klaten's industries). */
export const PARTNER_COMPANIES: readonly OrgSpec[] = [
  { name: "PT Sari Tirta Merapi", districtCode: "33.10.17", domain: "saritirtamerapi.example" },
  { name: "PT Ceper Logam Presisi", districtCode: "33.10.11", domain: "ceperlogam.example" },
  { name: "CV Lurik Pedan Abadi", districtCode: "33.10.12", domain: "lurikpedan.example" },
];

/** Further CSR donors (made up). */
export const DONOR_COMPANIES: readonly OrgSpec[] = [
  { name: "PT Mitra Tani Rojolele", districtCode: "33.10.16", domain: "mitratanirojolele.example" },
  {
    name: "PT Tembakau Vorstenland Klaten",
    districtCode: "33.10.08",
    domain: "tembakauklaten.example",
  },
  { name: "CV Gerabah Melikan Jaya", districtCode: "33.10.04", domain: "gerabahmelikan.example" },
  {
    name: "PT Prambanan Beton Mandiri",
    districtCode: "33.10.01",
    domain: "prambananbeton.example",
  },
  {
    name: "PT BPR Bumi Bersinar Sejahtera",
    districtCode: "33.10.25",
    domain: "bprbumibersinar.example",
  },
  { name: "CV Payung Kertas Juwiring", districtCode: "33.10.14", domain: "payungjuwiring.example" },
  { name: "PT Sinar Cawas Tekstil", districtCode: "33.10.05", domain: "sinarcawas.example" },
  {
    name: "PT Klaten Plastindo Utama",
    districtCode: "33.10.11",
    domain: "klatenplastindo.example",
  },
  { name: "CV Mebel Jati Trucuk", districtCode: "33.10.06", domain: "mebeljatitrucuk.example" },
  { name: "PT Merapi Agro Lestari", districtCode: "33.10.21", domain: "merapiagro.example" },
  { name: "PT Ngawen Pangan Nusantara", districtCode: "33.10.22", domain: "ngawenpangan.example" },
  { name: "CV Batik Tulis Jarum Bayat", districtCode: "33.10.04", domain: "batikjarum.example" },
];

export const ZAKAT_INSTITUTIONS: readonly OrgSpec[] = [
  { name: "BAZNAS Kabupaten Klaten", districtCode: "33.10.25", street: "Jl. Pemuda", domain: "" },
  { name: "LAZISMU Kabupaten Klaten", districtCode: "33.10.24", domain: "" },
  { name: "NU Care-LAZISNU Kabupaten Klaten", districtCode: "33.10.26", domain: "" },
  { name: "UPZ BAZNAS Kecamatan Wedi", districtCode: "33.10.03", domain: "" },
];

export const PARTNER_COMMUNITIES: readonly OrgSpec[] = [
  { name: "Gapoktan Sido Makmur Karanganom", districtCode: "33.10.18", domain: "" },
  { name: "Paguyuban Pedagang Pasar Induk Klaten", districtCode: "33.10.25", domain: "" },
];

/** Community donors: `{village}` is replaced by a village name of the district. */
export const DONOR_COMMUNITIES: readonly OrgSpec[] = [
  { name: "Karang Taruna Desa {village}", districtCode: "33.10.09", domain: "" },
  { name: "Ibu-ibu PKK Desa {village}", districtCode: "33.10.18", domain: "" },
  { name: "Jamaah Masjid Al-Ikhlas {village}", districtCode: "33.10.06", domain: "" },
  { name: "Paguyuban Sopir Angkudes Klaten", districtCode: "33.10.25", domain: "" },
  { name: "Komunitas Klaten Peduli Sesama", districtCode: "33.10.24", domain: "" },
  { name: "Paguyuban Warga Klaten Perantau Jakarta", districtCode: "33.10.26", domain: "" },
  { name: "Kelompok Tani Ngudi Rejeki {village}", districtCode: "33.10.16", domain: "" },
  { name: "Arisan Ibu-ibu RT 03 Desa {village}", districtCode: "33.10.08", domain: "" },
];
