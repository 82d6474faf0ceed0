import type { GraphQLFormattedError } from "graphql";

/**
 * A request the API refused or answered with errors. `code` is the first error's
 * `extensions.code` (RATE_LIMITED, FORBIDDEN, BAD_USER_INPUT, …), or one of the client's own:
 * NETWORK_ERROR (no answer) and BAD_RESPONSE (an answer that is not GraphQL JSON).
 */
export class SertakanError extends Error {
  override readonly name = "SertakanError";

  constructor(
    message: string,
    readonly code: string,
    /** HTTP status of the last answer; 0 when none came. */
    readonly status: number,
    /** Every error the API returned, as sent. */
    readonly errors: readonly GraphQLFormattedError[] = [],
    /** Partial data that came with the errors, if any. */
    readonly data: unknown = undefined,
  ) {
    super(message);
  }

  /** The fields the API named as wrong (`extensions.fieldErrors`), for BAD_USER_INPUT. */
  get fieldErrors(): { field: string; message: string }[] {
    return this.errors.flatMap(
      (e) => (e.extensions?.fieldErrors as { field: string; message: string }[] | undefined) ?? [],
    );
  }
}
