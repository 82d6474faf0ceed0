import { GraphQLError, GraphQLScalarType, Kind, ValueNode } from "graphql";
import { GraphQLJSON } from "graphql-scalars";
import { isIsoDate, isYearMonth } from "@sertakan/schema";

// Input errors from scalars carry BAD_USER_INPUT so clients can tell them from bugs.
function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });
}

function stringScalar(
  name: string,
  description: string,
  check: (value: string) => boolean,
  expected: string,
) {
  const parse = (value: unknown): string => {
    if (typeof value !== "string" || !check(value)) {
      throw badInput(`${name} must be ${expected}, got ${JSON.stringify(value)}.`);
    }
    return value;
  };
  return new GraphQLScalarType<string, string>({
    name,
    description,
    serialize: (value) => parse(value),
    parseValue: parse,
    parseLiteral: (ast: ValueNode) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
  });
}

export const YearMonthScalar = stringScalar(
  "YearMonth",
  "A calendar month, YYYY-MM.",
  isYearMonth,
  "a month written YYYY-MM, such as 2024-05",
);
export const DateScalar = stringScalar(
  "Date",
  "A calendar date, YYYY-MM-DD.",
  isIsoDate,
  "a real calendar date written YYYY-MM-DD, such as 1990-07-05",
);

function parseRupiah(value: unknown): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value)) {
    throw badInput(`Rupiah must be a whole number of rupiah, got ${JSON.stringify(value)}.`);
  }
  return value;
}

export const RupiahScalar = new GraphQLScalarType<number, number>({
  name: "Rupiah",
  description: "Whole Indonesian rupiah, a JSON integer (exact up to 2^53 - 1).",
  serialize: (value) => parseRupiah(typeof value === "string" ? Number(value) : value),
  parseValue: parseRupiah,
  parseLiteral: (ast) => parseRupiah(ast.kind === Kind.INT ? Number(ast.value) : undefined),
});

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: "DateTime",
  description: "An ISO-8601 timestamp.",
  serialize: (value) => {
    const date = value instanceof Date ? value : new Date(value as string);
    if (Number.isNaN(date.getTime()))
      throw new GraphQLError("DateTime cannot represent an invalid date.");
    return date.toISOString();
  },
  parseValue: (value) => parseDateTime(value),
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function parseDateTime(value: unknown): Date {
  const date = typeof value === "string" && ISO_TIMESTAMP.test(value) ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw badInput(
      `DateTime must be an ISO-8601 timestamp with a zone, such as 2024-05-21T09:00:00+07:00; got ${JSON.stringify(value)}.`,
    );
  }
  return date;
}

export const JSONScalar = GraphQLJSON;
