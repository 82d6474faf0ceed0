import { CombinedGraphQLErrors, ServerError } from "@apollo/client";
import type { TFunction } from "i18next";

export type FieldErrors = Record<string, string>;

// Codes the API puts in `extensions.code` (apps/api/src/graphql/errors.ts) that have a
// translated sentence; anything else falls back to the API's own English message.
const KNOWN_CODES = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "NIK_INVALID",
  "NIK_MISMATCH",
  "NIK_DUPLICATE",
  "MONTH_ALREADY_COVERED",
  "PARTNER_NOT_PLKK",
  "CONFLICT",
  "TOO_MANY_ATTEMPTS",
  "TIMEOUT",
  "RATE_LIMITED",
] as const;

function codeOf(extensions: Record<string, unknown> | undefined): string | undefined {
  const code = extensions?.code;
  return typeof code === "string" ? code : undefined;
}

/** A sentence an officer can act on, in the current language. */
export function describeError(error: unknown, t: TFunction): string {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = codeOf(first?.extensions);
    if (code && (KNOWN_CODES as readonly string[]).includes(code)) return t(`errors.${code}`);
    // BAD_USER_INPUT and friends: the API promises plain, actionable sentences.
    return first?.message ?? t("errors.generic");
  }
  if (ServerError.is(error)) {
    if (error.statusCode === 401) return t("errors.UNAUTHENTICATED");
    if (error.statusCode === 403) return t("errors.FORBIDDEN");
    if (error.statusCode === 429) return t("errors.RATE_LIMITED");
    return t("errors.server", { status: error.statusCode });
  }
  // fetch() rejects with a TypeError when the server cannot be reached at all.
  if (error instanceof TypeError) return t("errors.network");
  return t("errors.generic");
}

/**
 * Field → message for the errors the API pinned to an input field (`extensions.fieldErrors`),
 * so a form can show each next to its control. `prefix` strips "input." style paths.
 */
export function fieldErrorsOf(error: unknown, t: TFunction): FieldErrors {
  const result: FieldErrors = {};
  if (!CombinedGraphQLErrors.is(error)) return result;
  for (const e of error.errors) {
    const code = codeOf(e.extensions);
    const list = e.extensions?.fieldErrors;
    if (!Array.isArray(list)) continue;
    for (const item of list as { field?: unknown; message?: unknown }[]) {
      if (typeof item.field !== "string") continue;
      const field = item.field.split(".").pop() ?? item.field;
      const known = code && (KNOWN_CODES as readonly string[]).includes(code);
      result[field] = known ? t(`errors.${code}`) : String(item.message ?? e.message);
    }
  }
  return result;
}

/**
 * Field errors split between the fields a form shows and one message for the rest: an error
 * the API names on a field the form does not have must still be seen.
 */
export function placeFieldErrors(
  fields: FieldErrors,
  shown: readonly string[],
): { atFields: FieldErrors; elsewhere: string | null } {
  const atFields: FieldErrors = {};
  const rest: string[] = [];
  for (const [field, message] of Object.entries(fields)) {
    if (shown.includes(field)) atFields[field] = message;
    else rest.push(message);
  }
  return { atFields, elsewhere: rest.length ? rest.join(" ") : null };
}
