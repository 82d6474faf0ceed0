import { CombinedGraphQLErrors, ServerError } from "@apollo/client";
import { i18n } from "./i18n";
import { describeError, fieldErrorsOf, placeFieldErrors } from "./errors";

const t = i18n.getFixedT("id");
const tEn = i18n.getFixedT("en");

function graphQLError(
  code: string,
  message: string,
  fieldErrors?: { field: string; message: string }[],
) {
  return new CombinedGraphQLErrors({
    errors: [{ message, extensions: { code, fieldErrors } }],
  });
}

describe("describeError", () => {
  test("a known code becomes a sentence in the user's language", () => {
    const error = graphQLError("FORBIDDEN", "Not allowed.");
    expect(describeError(error, t)).toBe("Akun Anda tidak memiliki akses ke data ini.");
    expect(describeError(error, tEn)).toBe("Your account has no access to this.");
  });
  test("BAD_USER_INPUT keeps the API's own actionable sentence", () => {
    const error = graphQLError("BAD_USER_INPUT", "Months must be a whole number from 1 to 24.");
    expect(describeError(error, t)).toBe("Months must be a whole number from 1 to 24.");
  });
  test("an unreachable server and a rate limit are told apart", () => {
    expect(describeError(new TypeError("Failed to fetch"), t)).toMatch(/Tidak dapat menghubungi/);
    const limited = new ServerError("Too Many Requests", {
      response: { status: 429 } as Response,
      bodyText: "",
    });
    expect(describeError(limited, t)).toMatch(/Terlalu banyak permintaan/);
  });
});

describe("fieldErrorsOf", () => {
  test("puts a coded error at the field the API named, translated", () => {
    const error = graphQLError("NIK_DUPLICATE", "A worker with this NIK is already registered.", [
      { field: "nik", message: "A worker with this NIK is already registered." },
    ]);
    expect(fieldErrorsOf(error, t)).toEqual({ nik: "Pekerja dengan NIK ini sudah terdaftar." });
  });
  test("validation errors keep their message and lose any input. prefix", () => {
    const error = graphQLError("BAD_USER_INPUT", "reference must be 1 to 100 characters.", [
      { field: "input.reference", message: "reference must be 1 to 100 characters." },
    ]);
    expect(fieldErrorsOf(error, t)).toEqual({
      reference: "reference must be 1 to 100 characters.",
    });
  });
  test("an error with no field gives no field errors", () => {
    expect(fieldErrorsOf(graphQLError("CONFLICT", "x"), t)).toEqual({});
    expect(fieldErrorsOf(new Error("x"), t)).toEqual({});
  });
});

describe("placeFieldErrors", () => {
  test("keeps errors of shown fields at them and gathers the rest into one message", () => {
    const placed = placeFieldErrors({ name: "Wajib diisi.", partnerId: "Mitra tidak ditemukan." }, [
      "name",
      "kind",
      "regionCode",
    ]);
    expect(placed).toEqual({
      atFields: { name: "Wajib diisi." },
      elsewhere: "Mitra tidak ditemukan.",
    });
    expect(placeFieldErrors({ name: "Wajib diisi." }, ["name"]).elsewhere).toBeNull();
  });
});
