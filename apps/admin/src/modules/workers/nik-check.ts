import { NikInvalidError, parseNik, type NikInfo } from "@sertakan/schema";
import type { TFunction } from "i18next";

export type NikCheck =
  | { state: "empty" }
  /** Digits so far, fewer than 16: not wrong yet, just unfinished. */
  | { state: "typing"; digits: number }
  | { state: "invalid"; message: string }
  | { state: "valid"; info: NikInfo };

// parseNik explains itself in English; each of its sentences has a translated twin here.
const TRANSLATIONS: [RegExp, string][] = [
  [/digits only/, "nik.digitsOnly"],
  [/16 digits long/, "nik.length"],
  [/province code/, "nik.province"],
  [/region digits/, "nik.district"],
  [/not a known district/, "nik.unknownDistrict"],
  [/day digits/, "nik.day"],
  [/month digits/, "nik.month"],
  [/not a real date/, "nik.date"],
  [/serial/, "nik.serial"],
];

function translate(error: NikInvalidError, nik: string, t: TFunction): string {
  const match = TRANSLATIONS.find(([pattern]) => pattern.test(error.message));
  return match ? t(match[1], { n: nik.length, detail: error.message }) : error.message;
}

/**
 * Judges a NIK as it is typed, with the shared rules of @sertakan/schema: a short run of
 * digits is "typing" unless `complete` (on submit), anything else is parsed in full.
 */
export function checkNik(nik: string, t: TFunction, complete = false): NikCheck {
  const value = nik.trim();
  if (!value) return { state: "empty" };
  if (/^\d+$/.test(value) && value.length < 16 && !complete) {
    return { state: "typing", digits: value.length };
  }
  try {
    return { state: "valid", info: parseNik(value) };
  } catch (e) {
    if (e instanceof NikInvalidError) return { state: "invalid", message: translate(e, value, t) };
    throw e;
  }
}
