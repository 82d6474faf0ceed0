import { i18n } from "../../lib/i18n";
import { checkNik } from "./nik-check";

const t = i18n.getFixedT("id");

describe("checkNik (the shared NIK rules, as typed)", () => {
  test("an unfinished run of digits is not an error yet", () => {
    expect(checkNik("331001", t)).toEqual({ state: "typing", digits: 6 });
  });
  test("…but is one on submit", () => {
    expect(checkNik("331001", t, true)).toEqual({
      state: "invalid",
      message: "NIK harus 16 digit, bukan 6.",
    });
  });
  test("a letter is flagged at once", () => {
    expect(checkNik("33100A", t)).toEqual({
      state: "invalid",
      message: "NIK hanya boleh berisi angka.",
    });
  });
  test("serial 0000 does not exist", () => {
    expect(checkNik("3310014507900000", t)).toMatchObject({
      state: "invalid",
      message: "Empat digit terakhir NIK tidak boleh 0000.",
    });
  });
  test("a woman's NIK: day + 40, gender and birth date derived", () => {
    const check = checkNik("3310014507900001", t);
    expect(check).toMatchObject({
      state: "valid",
      info: { gender: "FEMALE", birthDate: "1990-07-05", districtCode: "33.10.01" },
    });
  });
  test("a man's NIK", () => {
    expect(checkNik("3310011708850002", t)).toMatchObject({
      state: "valid",
      info: { gender: "MALE", birthDate: "1985-08-17" },
    });
  });
});
