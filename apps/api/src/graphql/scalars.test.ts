import { GraphQLError, Kind } from "graphql";
import { DateScalar, DateTimeScalar, RupiahScalar, YearMonthScalar } from "./scalars";

const codeOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return error instanceof GraphQLError ? error.extensions.code : "not a GraphQLError";
  }
  return "accepted";
};

describe("scalars", () => {
  it.each([
    [YearMonthScalar, "2024-05", "accepted"],
    [YearMonthScalar, "2024-13", "BAD_USER_INPUT"],
    [YearMonthScalar, "2024-5", "BAD_USER_INPUT"],
    [DateScalar, "2024-02-29", "accepted"],
    [DateScalar, "2023-02-29", "BAD_USER_INPUT"],
    [DateScalar, "05/07/1990", "BAD_USER_INPUT"],
    [RupiahScalar, 36_800, "accepted"],
    [RupiahScalar, 16_800.5, "BAD_USER_INPUT"],
    [RupiahScalar, "36800", "BAD_USER_INPUT"],
    [DateTimeScalar, "2024-05-21T09:00:00+07:00", "accepted"],
    [DateTimeScalar, "2024-05-21", "BAD_USER_INPUT"],
  ])("%s parses %p as %s", (scalar, value, expected) => {
    expect(codeOf(() => scalar.parseValue(value))).toBe(expected);
  });

  it("checks literals in the query text too", () => {
    expect(
      codeOf(() => YearMonthScalar.parseLiteral({ kind: Kind.STRING, value: "2024-00" })),
    ).toBe("BAD_USER_INPUT");
    expect(codeOf(() => RupiahScalar.parseLiteral({ kind: Kind.FLOAT, value: "1.5" }))).toBe(
      "BAD_USER_INPUT",
    );
    expect(RupiahScalar.parseLiteral({ kind: Kind.INT, value: "16800" })).toBe(16_800);
  });

  it("keeps the contract's wire formats", () => {
    expect(DateTimeScalar.serialize(new Date("2024-05-21T02:00:00Z"))).toBe(
      "2024-05-21T02:00:00.000Z",
    );
    expect(RupiahScalar.serialize("36800")).toBe(36_800); // pg returns bigint sums as strings
  });
});
