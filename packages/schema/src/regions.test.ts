import { RegionLevel } from "./enums";
import {
  ancestorCodes,
  isInsideRegion,
  isRegionCode,
  nikDistrictCode,
  parentRegionCode,
  regionLevelOf,
} from "./regions";

const { PROVINCE, REGENCY, DISTRICT, VILLAGE } = RegionLevel;

describe("regionLevelOf / isRegionCode / parentRegionCode", () => {
  it.each<[string, RegionLevel, string | null]>([
    ["33", PROVINCE, null],
    ["33.10", REGENCY, "33"],
    ["33.10.01", DISTRICT, "33.10"],
    ["33.10.26", DISTRICT, "33.10"],
    ["33.10.01.2001", VILLAGE, "33.10.01"],
    ["33.10.26.1005", VILLAGE, "33.10.26"],
    ["34.04", REGENCY, "34"],
  ])("%s is a %s inside %p", (code, level, parent) => {
    expect(regionLevelOf(code)).toBe(level);
    expect(isRegionCode(code)).toBe(true);
    expect(parentRegionCode(code)).toBe(parent);
  });

  it.each([
    "",
    "3",
    "331",
    "3310",
    "33.1",
    "33.10.1",
    "33.10.01.201",
    "33.10.01.20011",
    "33-10",
    "33.10.",
    "33.10.01.2001.1",
    "aa",
  ])("rejects malformed code %p", (code) => {
    expect(isRegionCode(code)).toBe(false);
    expect(() => regionLevelOf(code)).toThrow(
      expect.objectContaining({
        code: "BAD_USER_INPUT",
        message: expect.stringContaining(`"${code}"`),
      }),
    );
    expect(() => parentRegionCode(code)).toThrow(/not a region code/);
  });

  it("isRegionCode is false for non-strings", () => {
    expect(isRegionCode(33)).toBe(false);
    expect(isRegionCode(null)).toBe(false);
  });
});

describe("isInsideRegion", () => {
  it.each<[string, string, boolean]>([
    ["33.10.01.2001", "33", true],
    ["33.10.01.2001", "33.10", true],
    ["33.10.01.2001", "33.10.01", true],
    ["33.10.01.2001", "33.10.01.2001", true],
    ["33.10", "33.10", true],
    ["33.10.01.2001", "33.10.02", false],
    ["33.10.01", "33.09", false],
    ["33.11.01", "33.10", false],
    ["34.04.05", "33", false],
    // An ancestor is not inside its descendant.
    ["33.10", "33.10.01", false],
    ["33", "33.10", false],
  ])("%s inside %s → %p", (code, ancestor, expected) => {
    expect(isInsideRegion(code, ancestor)).toBe(expected);
  });

  it("rejects a malformed ancestor", () => {
    expect(() => isInsideRegion("33.10.01", "33.1")).toThrow(/not a region code/);
  });
});

describe("ancestorCodes", () => {
  it.each([
    ["33.10.01.2001", { provinceCode: "33", regencyCode: "33.10", districtCode: "33.10.01" }],
    ["34.04.05.1003", { provinceCode: "34", regencyCode: "34.04", districtCode: "34.04.05" }],
  ])("%s", (village, expected) => {
    expect(ancestorCodes(village)).toEqual(expected);
  });

  it.each(["33.10.01", "33.10", "33", "x"])("rejects non-village %p", (code) => {
    expect(() => ancestorCodes(code)).toThrow(expect.objectContaining({ code: "BAD_USER_INPUT" }));
  });
});

describe("nikDistrictCode", () => {
  it.each([
    ["3310014507900001", "33.10.01"],
    ["3310260101850123", "33.10.26"],
    ["340405", "34.04.05"],
  ])("%s → %s", (nik, expected) => {
    expect(nikDistrictCode(nik)).toBe(expected);
  });

  it.each(["33100", "33-10-01", ""])("rejects %p", (nik) => {
    expect(() => nikDistrictCode(nik)).toThrow(
      expect.objectContaining({ code: "BAD_USER_INPUT", field: "nik" }),
    );
  });
});
