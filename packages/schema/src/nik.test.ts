import { Gender } from "./enums";
import { BadUserInputError, NikInvalidError } from "./errors";
import { NikInfo, buildNik, checkNikAgrees, maskNik, parseNik } from "./nik";

const { FEMALE, MALE } = Gender;
// Mid-morning in Jakarta on the day of the Klaten article.
const AS_OF = new Date("2024-05-20T03:00:00Z");

describe("parseNik: valid NIKs", () => {
  it.each<[string, string, Gender, string, string]>([
    // nik, districtCode, gender, birthDate, serial
    ["3310014507900001", "33.10.01", FEMALE, "1990-07-05", "0001"],
    ["3310010507900001", "33.10.01", MALE, "1990-07-05", "0001"],
    ["3310260101850123", "33.10.26", MALE, "1985-01-01", "0123"],
    // Women's day runs 41–71: 41 is the 1st, 71 the 31st.
    ["3310014101909999", "33.10.01", FEMALE, "1990-01-01", "9999"],
    ["3310017101900042", "33.10.01", FEMALE, "1990-01-31", "0042"],
    ["3310013112990007", "33.10.01", MALE, "1999-12-31", "0007"],
    ["3404055505050003", "34.04.05", FEMALE, "2005-05-15", "0003"],
    // Leap days: 2000 and 1996 are leap years.
    ["3310012902000001", "33.10.01", MALE, "2000-02-29", "0001"],
    ["3310016902960001", "33.10.01", FEMALE, "1996-02-29", "0001"],
  ])("%s → %s, %s, born %s, serial %s", (nik, districtCode, gender, birthDate, serial) => {
    expect(parseNik(nik, { asOf: AS_OF })).toEqual({
      nik,
      provinceCode: districtCode.slice(0, 2),
      regencyCode: districtCode.slice(0, 5),
      districtCode,
      gender,
      birthDate,
      serial,
    });
  });
});

describe("parseNik: century", () => {
  it.each<[string, string, string]>([
    // nik, asOf, expected birth date
    ["3310010505050002", "2024-05-20T03:00:00Z", "2005-05-05"],
    // In 2014 a 2005 birth would make a 9-year-old worker: read it as 1905.
    ["3310010505050002", "2014-06-01T03:00:00Z", "1905-05-05"],
    // A 2030 birth date would be in the future.
    ["3310010101300001", "2024-05-20T03:00:00Z", "1930-01-01"],
    // 10th birthday on asOf (Jakarta date) → 20YY; one day later → 19YY.
    ["3310012005140001", "2024-05-20T03:00:00Z", "2014-05-20"],
    ["3310012105140001", "2024-05-20T03:00:00Z", "1914-05-21"],
    // 2024-05-19T17:30Z is already 2024-05-20 in Jakarta.
    ["3310012005140001", "2024-05-19T17:30:00Z", "2014-05-20"],
    ["3310012005140001", "2024-05-19T16:30:00Z", "1914-05-20"],
    // Born this year → 19YY.
    ["3310010101240001", "2024-05-20T03:00:00Z", "1924-01-01"],
  ])("%s as of %s → %s", (nik, asOf, birthDate) => {
    expect(parseNik(nik, { asOf: new Date(asOf) }).birthDate).toBe(birthDate);
  });

  it("defaults asOf to now, which puts 1990 births in the 1900s", () => {
    expect(parseNik("3310014507900001").birthDate).toBe("1990-07-05");
  });
});

describe("parseNik: invalid NIKs", () => {
  it.each<[string, string | RegExp]>([
    ["331001450790001", "15 digits were given"],
    ["33100145079000011", "17 digits were given"],
    ["", "0 digits were given"],
    ["3310-14507900001", 'has "-" at position 5'],
    ["331001450790000a", 'has "a" at position 16'],
    [" 3310014507900001", 'has " " at position 1'],
    ["0010014507900001", "province code 00"],
    ["1010014507900001", "province code 10"],
    ["3300014507900001", "33.00.01"],
    ["3310004507900001", "33.10.00"],
    ["3310010007900001", "day digits 00"],
    ["3310013207900001", "day digits 32"],
    ["3310014007900001", "day digits 40"],
    ["3310017207900001", "day digits 72"],
    ["3310019907900001", "day digits 99"],
    ["3310010100900001", "month digits 00"],
    ["3310010113900001", "month digits 13"],
    ["3310013102220001", "digits 310222 are not a real date"],
    ["3310017102900001", "digits 710290 are not a real date"],
    ["3310013104900001", "digits 310490 are not a real date"],
    // 29-02-23: 2023 is too recent (age 1), and 1923 was not a leap year.
    ["3310012902230001", "digits 290223 are not a real date"],
    ["3310014507900000", "serial) are 0000"],
  ])("%p: %s", (nik, message) => {
    expect(() => parseNik(nik, { asOf: AS_OF })).toThrow(
      expect.objectContaining({
        code: "NIK_INVALID",
        field: "nik",
        message:
          typeof message === "string"
            ? expect.stringContaining(message)
            : expect.stringMatching(message),
      }),
    );
  });

  it("rejects 29-02-00 when only 1900 is plausible (1900 was not a leap year)", () => {
    expect(() => parseNik("3310012902000001", { asOf: new Date("2009-06-01T00:00:00Z") })).toThrow(
      /not a real date/,
    );
  });

  it("throws NikInvalidError instances", () => {
    expect(() => parseNik("123")).toThrow(NikInvalidError);
  });
});

describe("parseNik: districtExists", () => {
  const known = new Set(["33.10.01", "33.10.26"]);
  const districtExists = (code: string): boolean => known.has(code);

  it("accepts a known district and asks with the dotted code", () => {
    const asked: string[] = [];
    const info = parseNik("3310014507900001", {
      asOf: AS_OF,
      districtExists: (code) => (asked.push(code), districtExists(code)),
    });
    expect(info.districtCode).toBe("33.10.01");
    expect(asked).toEqual(["33.10.01"]);
  });

  it("rejects an unknown district, naming its code", () => {
    expect(() => parseNik("3310994507900001", { asOf: AS_OF, districtExists })).toThrow(
      expect.objectContaining({
        code: "NIK_INVALID",
        field: "nik",
        message: expect.stringContaining("33.10.99 is not a known district"),
      }),
    );
  });

  it("does not check districts when no lookup is given", () => {
    expect(parseNik("3310994507900001", { asOf: AS_OF }).districtCode).toBe("33.10.99");
  });
});

describe("checkNikAgrees", () => {
  const woman: NikInfo = parseNik("3310014507900001", { asOf: AS_OF });
  const boy: NikInfo = parseNik("3310010505050002", { asOf: AS_OF });

  it.each<[string, NikInfo, { gender?: Gender; birthDate?: string }, string | null, RegExp | null]>(
    [
      ["both agree", woman, { gender: FEMALE, birthDate: "1990-07-05" }, null, null],
      ["only gender given", woman, { gender: FEMALE }, null, null],
      ["only birth date given", woman, { birthDate: "1990-07-05" }, null, null],
      // The NIK carries two year digits only: 1905 and 2005 both agree with "05".
      ["other century", boy, { gender: MALE, birthDate: "1905-05-05" }, null, null],
      [
        "gender differs",
        woman,
        { gender: MALE, birthDate: "1990-07-05" },
        "gender",
        /belongs to a woman, but the form says a man/,
      ],
      [
        "day differs",
        woman,
        { gender: FEMALE, birthDate: "1990-07-06" },
        "birthDate",
        /1990-07-06 disagrees.*1990-07-05/,
      ],
      ["month differs", woman, { birthDate: "1990-08-05" }, "birthDate", /disagrees/],
      ["year differs", woman, { birthDate: "1991-07-05" }, "birthDate", /disagrees/],
      [
        "both differ",
        woman,
        { gender: MALE, birthDate: "1991-01-01" },
        "gender",
        /Gender and birth date disagree/,
      ],
    ],
  )("%s", (_label, info, given, field, message) => {
    if (field === null) {
      expect(checkNikAgrees(info, given)).toBeUndefined();
    } else {
      expect(() => checkNikAgrees(info, given)).toThrow(
        expect.objectContaining({
          code: "NIK_MISMATCH",
          field,
          message: expect.stringMatching(message ?? ""),
        }),
      );
    }
  });

  it("rejects a malformed birth date as bad input", () => {
    expect(() => checkNikAgrees(woman, { birthDate: "05-07-1990" })).toThrow(BadUserInputError);
  });
});

describe("maskNik", () => {
  it.each([
    ["3310014507900001", "3310********0001"],
    ["3404055505050003", "3404********0003"],
    ["12345678", "********"],
  ])("%s → %s", (nik, masked) => {
    expect(maskNik(nik)).toBe(masked);
  });
});

describe("buildNik", () => {
  it.each<[string, string, Gender, number | string, string]>([
    ["33.10.01", "1990-07-05", FEMALE, 1, "3310014507900001"],
    ["33.10.01", "1990-07-05", MALE, "0001", "3310010507900001"],
    ["33.10.26", "1985-01-01", MALE, 123, "3310260101850123"],
    ["33.10.01", "1990-01-31", FEMALE, 9999, "3310017101909999"],
    ["34.04.05", "2005-05-15", FEMALE, "3", "3404055505050003"],
    ["33.10.01", "2000-02-29", MALE, 1, "3310012902000001"],
  ])("%s, %s, %s, serial %p → %s", (districtCode, birthDate, gender, serial, nik) => {
    expect(buildNik({ districtCode, birthDate, gender, serial })).toBe(nik);
    expect(parseNik(nik, { asOf: AS_OF })).toMatchObject({ districtCode, birthDate, gender });
  });

  it.each<[Parameters<typeof buildNik>[0], string, string]>([
    [
      { districtCode: "33.10", birthDate: "1990-07-05", gender: FEMALE, serial: 1 },
      "BAD_USER_INPUT",
      "districtCode",
    ],
    [
      { districtCode: "33.10.01", birthDate: "2023-02-29", gender: FEMALE, serial: 1 },
      "BAD_USER_INPUT",
      "birthDate",
    ],
    [
      { districtCode: "33.10.01", birthDate: "1990-07-05", gender: FEMALE, serial: 0 },
      "BAD_USER_INPUT",
      "serial",
    ],
    [
      { districtCode: "33.10.01", birthDate: "1990-07-05", gender: FEMALE, serial: 10_000 },
      "BAD_USER_INPUT",
      "serial",
    ],
    [
      { districtCode: "33.10.01", birthDate: "1990-07-05", gender: FEMALE, serial: "12a" },
      "BAD_USER_INPUT",
      "serial",
    ],
    [
      { districtCode: "00.10.01", birthDate: "1990-07-05", gender: FEMALE, serial: 1 },
      "NIK_INVALID",
      "nik",
    ],
  ])("rejects %p with %s on %s", (parts, code, field) => {
    expect(() => buildNik(parts)).toThrow(expect.objectContaining({ code, field }));
  });
});
