import { Gender, RegionLevel } from "./enums";
import { BadUserInputError, NikInvalidError, NikMismatchError } from "./errors";
import { regionLevelOf } from "./regions";
import { daysInMonth, isoDateOf, parseIsoDate } from "./year-month";

/** What a NIK says about its holder. */
export type NikInfo = {
  /** The 16 digits. */
  nik: string;
  /** e.g. "33" */
  provinceCode: string;
  /** e.g. "33.10" */
  regencyCode: string;
  /** District where the NIK was issued, e.g. "33.10.01" — not necessarily the domicile. */
  districtCode: string;
  gender: Gender;
  /** YYYY-MM-DD, century inferred (see {@link parseNik}). */
  birthDate: string;
  /** e.g. "0001" */
  serial: string;
};

/** Options of {@link parseNik}. */
export type ParseNikOptions = {
  /** Instant the holder's age is judged at when inferring the century; defaults to now. */
  asOf?: Date;
  /** Looks a district code ("33.10.01") up in the region table; omitted → not checked. */
  districtExists?: (code: string) => boolean;
};

/** Youngest age at which a 20YY birth year is believed; below it the NIK is read as 19YY. */
export const NIK_MIN_AGE_FOR_2000S = 10;

// Women's NIK carry the birth day plus 40 (41–71).
const FEMALE_DAY_OFFSET = 40;

const invalid = (message: string): NikInvalidError => new NikInvalidError(message, "nik");
const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/**
 * Picks the century of a two-digit NIK birth year. Rule: take 20YY unless that birth date
 * would be after `today` or make the holder younger than 10 on `today`; otherwise 19YY.
 * Sertakan registers working people, so a child's age is the implausible reading, while
 * someone over 100 is merely rare.
 */
function inferBirthYear(yy: number, month: number, day: number, today: string): number {
  const candidate = 2000 + yy;
  // Age ≥ 10 exactly when the 10th birthday is not after today; that also rules out a
  // birth date in the future. ISO dates compare correctly as strings.
  const tenthBirthday = `${candidate + NIK_MIN_AGE_FOR_2000S}-${pad(month)}-${pad(day)}`;
  return tenthBirthday <= today ? candidate : 1900 + yy;
}

/**
 * Reads a 16-digit NIK: province(2) regency(2) district(2) · DDMMYY birth date, day + 40
 * for women · serial 0001–9999.
 *
 * The century is inferred: 20YY unless that date is in the future or the holder would be
 * under 10 at `opts.asOf` (Asia/Jakarta calendar); otherwise 19YY.
 *
 * @example parseNik("3310014507900001") // woman born 1990-07-05, issued in 33.10.01
 * @throws NikInvalidError (field "nik") saying exactly what is wrong
 */
export function parseNik(nik: string, opts: ParseNikOptions = {}): NikInfo {
  if (typeof nik !== "string") throw invalid("The NIK must be given as a string of 16 digits.");
  const nonDigit = /\D/.exec(nik);
  if (nonDigit) {
    throw invalid(
      `The NIK must contain digits only, but has "${nonDigit[0]}" at position ${nonDigit.index + 1}.`,
    );
  }
  if (nik.length !== 16) {
    throw invalid(`The NIK must be 16 digits long, but ${nik.length} digits were given.`);
  }

  const [pp, rr, dd] = [nik.slice(0, 2), nik.slice(2, 4), nik.slice(4, 6)];
  // Kemendagri province codes run from 11 (Aceh) upwards; regencies and districts from 01.
  if (Number(pp) < 11) {
    throw invalid(`The NIK starts with province code ${pp}, which does not exist.`);
  }
  if (rr === "00" || dd === "00") {
    throw invalid(
      `The NIK's region digits ${pp}.${rr}.${dd} are not a district: regency and district codes start at 01.`,
    );
  }
  const districtCode = `${pp}.${rr}.${dd}`;
  if (opts.districtExists && !opts.districtExists(districtCode)) {
    throw invalid(`The NIK's district code ${districtCode} is not a known district.`);
  }

  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const female = rawDay > FEMALE_DAY_OFFSET;
  const day = female ? rawDay - FEMALE_DAY_OFFSET : rawDay;
  if (day < 1 || day > 31) {
    throw invalid(
      `The NIK's day digits ${nik.slice(6, 8)} are not a birth day: use 01–31 for men and 41–71 for women.`,
    );
  }
  if (month < 1 || month > 12) {
    throw invalid(`The NIK's month digits ${nik.slice(8, 10)} are not a month (01–12).`);
  }

  const today = isoDateOf(opts.asOf ?? new Date());
  const year = inferBirthYear(yy, month, day, today);
  if (day > daysInMonth(year, month)) {
    throw invalid(
      `The NIK's birth date digits ${nik.slice(6, 12)} are not a real date: ${pad(month)}/${year} has no day ${day}.`,
    );
  }

  const serial = nik.slice(12, 16);
  if (serial === "0000") {
    throw invalid("The NIK's last four digits (serial) are 0000; serials run from 0001.");
  }

  return {
    nik,
    provinceCode: pp,
    regencyCode: `${pp}.${rr}`,
    districtCode,
    gender: female ? Gender.FEMALE : Gender.MALE,
    birthDate: `${year}-${pad(month)}-${pad(day)}`,
    serial,
  };
}

/**
 * Checks that the gender and birth date given with a registration agree with the NIK.
 * Only day, month and two-digit year are compared: the NIK does not encode the century,
 * so 1905 and 2005 both agree with "05".
 *
 * @throws NikMismatchError with field "gender" or "birthDate" (gender first when both differ)
 * @throws BadUserInputError (field "birthDate") when the birth date is not YYYY-MM-DD
 */
export function checkNikAgrees(
  info: NikInfo,
  given: { gender?: Gender; birthDate?: string },
): void {
  const genderDiffers = given.gender !== undefined && given.gender !== info.gender;
  let birthDiffers = false;
  if (given.birthDate !== undefined) {
    parseIsoDate(given.birthDate, "birthDate");
    // Compare MM-DD and YY, leaving the inferred century out.
    birthDiffers = given.birthDate.slice(2) !== info.birthDate.slice(2);
  }
  const nikPerson = info.gender === Gender.FEMALE ? "a woman" : "a man";
  const givenPerson = given.gender === Gender.FEMALE ? "a woman" : "a man";
  if (genderDiffers && birthDiffers) {
    throw new NikMismatchError(
      `Gender and birth date disagree with the NIK, which belongs to ${nikPerson} born ${info.birthDate}; check both.`,
      "gender",
    );
  }
  if (genderDiffers) {
    throw new NikMismatchError(
      `Gender disagrees with the NIK: it belongs to ${nikPerson}, but the form says ${givenPerson}.`,
      "gender",
    );
  }
  if (birthDiffers) {
    throw new NikMismatchError(
      `Birth date ${given.birthDate} disagrees with the NIK, which says ${info.birthDate}.`,
      "birthDate",
    );
  }
}

/**
 * Hides the middle of a NIK (birth date and part of the region) for viewers.
 *
 * @example maskNik("3310014507900001") // "3310********0001"
 */
export function maskNik(nik: string): string {
  if (nik.length <= 8) return "*".repeat(nik.length);
  return `${nik.slice(0, 4)}${"*".repeat(nik.length - 8)}${nik.slice(-4)}`;
}

/** maskNik in SQL, for a 16-digit NIK column or expression (the compiled reads). */
export function maskNikSql(nik: string): string {
  return `left(${nik}, 4) || '********' || right(${nik}, 4)`;
}

/**
 * Builds a valid NIK from its parts (for seeding and tests).
 *
 * @example buildNik({ districtCode: "33.10.01", birthDate: "1990-07-05", gender: Gender.FEMALE, serial: 1 }) // "3310014507900001"
 * @throws BadUserInputError for a malformed district code, birth date or serial
 * @throws NikInvalidError when the parts do not make a valid NIK (e.g. province 00)
 */
export function buildNik(parts: {
  districtCode: string;
  birthDate: string;
  gender: Gender;
  serial: number | string;
}): string {
  const { districtCode, birthDate, gender, serial } = parts;
  if (regionLevelOf(districtCode) !== RegionLevel.DISTRICT) {
    throw new BadUserInputError(
      `"${districtCode}" is not a district code: use three parts, e.g. 33.10.01.`,
      "districtCode",
    );
  }
  parseIsoDate(birthDate, "birthDate");
  const serialNumber =
    typeof serial === "string" && /^\d{1,4}$/.test(serial) ? Number(serial) : serial;
  if (
    typeof serialNumber !== "number" ||
    !Number.isInteger(serialNumber) ||
    serialNumber < 1 ||
    serialNumber > 9999
  ) {
    throw new BadUserInputError(
      `Serial ${String(serial)} must be a whole number from 1 to 9999.`,
      "serial",
    );
  }
  const day = Number(birthDate.slice(8, 10)) + (gender === Gender.FEMALE ? FEMALE_DAY_OFFSET : 0);
  const nik =
    districtCode.replace(/\./g, "") +
    pad(day) +
    birthDate.slice(5, 7) +
    birthDate.slice(2, 4) +
    pad(serialNumber, 4);
  // Round-trip so a code like 00.01.01 fails here rather than at registration.
  parseNik(nik);
  return nik;
}
