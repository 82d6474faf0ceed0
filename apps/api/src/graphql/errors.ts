import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, GraphQLFormattedError } from "graphql";
import { ArgumentValidationError } from "type-graphql";
import { DomainError } from "@sertakan/schema";
import { SERVICE_UNAVAILABLE, isDatabaseUnavailable } from "../database/unavailable";

export type FieldError = { field: string; message: string };

// Postgres errors that bad input can still reach (a race past a service check).
const PG_UNIQUE_VIOLATION = "23505";
const PG_FOREIGN_KEY_VIOLATION = "23503";
const PG_CHECK_VIOLATION = "23514";
const PG_INVALID_TEXT = "22P02";
// A NUL byte or invalid UTF-8 in a string the client sent.
const PG_BAD_CHARACTER = "22021";
const PG_UNTRANSLATABLE = "22P05";
// statement_timeout fired: the request asked for more work than one request may do.
const PG_QUERY_CANCELED = "57014";

function fromPostgres(error: {
  code?: string;
  constraint?: string;
}): { code: string; message: string; field?: string } | null {
  switch (error.code) {
    case PG_UNIQUE_VIOLATION:
      if (error.constraint === "worker_nik_key")
        return {
          code: "NIK_DUPLICATE",
          message: "A worker with this NIK is already registered.",
          field: "nik",
        };
      return { code: "CONFLICT", message: "This record conflicts with one that already exists." };
    case PG_QUERY_CANCELED:
      return {
        code: "TIMEOUT",
        message:
          "The request took too long and was stopped. Narrow the filter or ask for fewer rows.",
      };
    case PG_FOREIGN_KEY_VIOLATION:
      return {
        code: "BAD_USER_INPUT",
        message: "The input refers to a record that does not exist.",
      };
    case PG_CHECK_VIOLATION:
    case PG_INVALID_TEXT:
    case PG_BAD_CHARACTER:
    case PG_UNTRANSLATABLE:
      return {
        code: "BAD_USER_INPUT",
        message: "The input has a value the registry does not accept.",
      };
    default:
      return isDatabaseUnavailable(error) ? { ...SERVICE_UNAVAILABLE } : null;
  }
}

function originalOf(error: unknown): unknown {
  let current = unwrapResolverError(error);
  // Validation wraps scalar parse errors; look through to the first one with a code of ours.
  while (
    current instanceof GraphQLError &&
    current.originalError &&
    !(current.extensions?.code === "BAD_USER_INPUT")
  ) {
    current = current.originalError;
  }
  return current;
}

/**
 * The one place errors become what clients see: domain errors keep their code and a
 * field error, database errors are translated, anything else is INTERNAL_SERVER_ERROR
 * with no stack or SQL in production.
 */
export function createErrorFormatter(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original: unknown = originalOf(error);
    if (original instanceof DomainError) {
      const fieldErrors: FieldError[] = original.field
        ? [{ field: original.field, message: original.message }]
        : [];
      return {
        ...formatted,
        message: original.message,
        extensions: { code: original.code, fieldErrors },
      };
    }
    if (original instanceof ArgumentValidationError) {
      const fieldErrors = original.extensions.validationErrors.flatMap((v) =>
        Object.values(v.constraints ?? {}).map((message) => ({ field: v.property, message })),
      );
      const message = fieldErrors.map((f) => f.message).join(" ") || "The input is not valid.";
      return { ...formatted, message, extensions: { code: "BAD_USER_INPUT", fieldErrors } };
    }
    if (original instanceof GraphQLError && original.extensions?.code === "BAD_USER_INPUT") {
      return {
        ...formatted,
        message: original.message,
        extensions: { ...formatted.extensions, code: "BAD_USER_INPUT", stacktrace: undefined },
      };
    }
    const pg =
      original && typeof original === "object" ? fromPostgres(original as { code?: string }) : null;
    if (pg) {
      return {
        message: pg.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: {
          code: pg.code,
          fieldErrors: pg.field ? [{ field: pg.field, message: pg.message }] : [],
        },
      };
    }
    const code = (formatted.extensions?.code as string | undefined) ?? "INTERNAL_SERVER_ERROR";
    if (code === "INTERNAL_SERVER_ERROR" && production) {
      return {
        message:
          "Something went wrong on our side. Please try again; if it persists, tell the Sertakan team.",
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code },
      };
    }
    return formatted;
  };
}
