import { prepareRow } from "./csv-rows";

describe("prepareRow", () => {
  test("reads gender and birth date from the NIK when the columns are blank", () => {
    expect(
      prepareRow({
        nik: " 3310014507900001 ",
        fullName: "Sri Rahayu",
        occupation: "farmer",
        villageCode: "33.10.01.2001",
        phone: "",
      }),
    ).toEqual({
      input: {
        nik: "3310014507900001",
        fullName: "Sri Rahayu",
        occupation: "FARMER",
        villageCode: "33.10.01.2001",
        phone: null,
        membershipNumber: null,
        gender: "FEMALE",
        birthDate: "1990-07-05",
      },
    });
  });
  test("keeps given gender and date for the API to check against the NIK", () => {
    const row = prepareRow({
      nik: "3310014507900001",
      fullName: "X",
      occupation: "TRADER",
      villageCode: "33.10.01.2001",
      gender: "male",
      birthDate: "1990-07-05",
    });
    expect(row).toMatchObject({ input: { gender: "MALE" } });
  });
  test("refuses in the browser what GraphQL would refuse for the whole file", () => {
    expect(prepareRow({ nik: "3310014507900001", occupation: "PILOT" })).toMatchObject({
      error: { field: "occupation", key: "import.badOccupation" },
    });
    expect(prepareRow({ nik: "33100145079", occupation: "FARMER" })).toMatchObject({
      error: { field: "nik", key: "import.badNik" },
    });
    expect(
      prepareRow({ nik: "x", occupation: "FARMER", gender: "F", birthDate: "1990-07-05" }),
    ).toMatchObject({ error: { field: "gender" } });
    expect(
      prepareRow({ nik: "x", occupation: "FARMER", gender: "FEMALE", birthDate: "05/07/1990" }),
    ).toMatchObject({ error: { field: "birthDate" } });
  });
});
