import { Gender, NikInvalidError, Occupation, isIsoDate, parseNik } from "@sertakan/schema";
import type { RegisterWorkerInput } from "../../gql/graphql";

/** The columns of the import template, in order; the first four are required. */
export const TEMPLATE_COLUMNS = [
  "nik",
  "fullName",
  "occupation",
  "villageCode",
  "phone",
  "membershipNumber",
  "gender",
  "birthDate",
] as const;

export type CsvRow = Partial<Record<(typeof TEMPLATE_COLUMNS)[number], string>>;

/** A row ready to send, or the reason it cannot be (a message key and its field). */
export type PreparedRow =
  { input: RegisterWorkerInput } | { error: { field: string; key: string; detail?: string } };

const blankToNull = (v: string | undefined) => (v && v.trim() ? v.trim() : null);

/**
 * One CSV row as the API's input. Gender and birth date may be left blank: they are read
 * from the NIK with the shared rules. Values GraphQL itself would refuse (an unknown
 * occupation, no usable gender or date) are caught here, because the API would reject the
 * whole request for them instead of reporting the one row.
 */
export function prepareRow(row: CsvRow): PreparedRow {
  const nik = (row.nik ?? "").trim();
  const occupation = (row.occupation ?? "").trim().toUpperCase();
  if (!(Object.values(Occupation) as string[]).includes(occupation)) {
    return { error: { field: "occupation", key: "import.badOccupation", detail: row.occupation } };
  }
  let gender = blankToNull(row.gender)?.toUpperCase() ?? null;
  let birthDate = blankToNull(row.birthDate);
  if (!gender || !birthDate) {
    try {
      const info = parseNik(nik);
      gender ??= info.gender;
      birthDate ??= info.birthDate;
    } catch (e) {
      if (!(e instanceof NikInvalidError)) throw e;
      return { error: { field: "nik", key: "import.badNik", detail: e.message } };
    }
  }
  if (!(Object.values(Gender) as string[]).includes(gender)) {
    return { error: { field: "gender", key: "import.badGender", detail: row.gender } };
  }
  if (!isIsoDate(birthDate)) {
    return { error: { field: "birthDate", key: "import.badDate", detail: row.birthDate } };
  }
  return {
    input: {
      nik,
      fullName: (row.fullName ?? "").trim(),
      occupation: occupation as RegisterWorkerInput["occupation"],
      villageCode: (row.villageCode ?? "").trim(),
      phone: blankToNull(row.phone),
      membershipNumber: blankToNull(row.membershipNumber),
      gender: gender as RegisterWorkerInput["gender"],
      birthDate,
    },
  };
}
