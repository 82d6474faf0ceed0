// Typed domain errors. The API maps `code` to `extensions.code` (and `field` to
// `extensions.fieldErrors`) in one place, so rules here never know about GraphQL.

/** Base class of every rule violation raised by the domain core. */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  /** The input field at fault, when one can be named. */
  readonly field?: string;

  /**
   * @param message - a plain sentence a person can act on
   * @param field - the input field at fault, if any
   */
  constructor(message: string, field?: string) {
    super(message);
    // new.target keeps the subclass name without each subclass repeating it.
    this.name = new.target.name;
    if (field !== undefined) this.field = field;
  }
}

/** The NIK is malformed: wrong length, unknown codes, impossible birth date or serial. */
export class NikInvalidError extends DomainError {
  readonly code = "NIK_INVALID";
}

/** The NIK is well formed but disagrees with the gender or birth date given with it. */
export class NikMismatchError extends DomainError {
  readonly code = "NIK_MISMATCH";
}

/** A worker with this NIK is already registered (one registration per NIK). */
export class NikDuplicateError extends DomainError {
  readonly code = "NIK_DUPLICATE";
}

/** An input value is outside what the rules allow. */
export class BadUserInputError extends DomainError {
  readonly code = "BAD_USER_INPUT";
}

/** The thing asked for does not exist (or is outside the viewer's regions). */
export class NotFoundError extends DomainError {
  readonly code = "NOT_FOUND";
}

/** The request conflicts with the current state (e.g. cancelling a completed sponsorship). */
export class ConflictError extends DomainError {
  readonly code = "CONFLICT";
}

/** A worker already has a paid or pledged contribution for one of the requested months. */
export class MonthAlreadyCoveredError extends DomainError {
  readonly code = "MONTH_ALREADY_COVERED";
}

/** An accident report names a partner that is not an active PLKK (hospital, clinic, puskesmas). */
export class PartnerNotPlkkError extends DomainError {
  readonly code = "PARTNER_NOT_PLKK";
}

/** No valid session or API key came with a request that needs one. */
export class UnauthenticatedError extends DomainError {
  readonly code = "UNAUTHENTICATED";
}

/** The caller is known, but their role or region scope does not allow this. */
export class ForbiddenError extends DomainError {
  readonly code = "FORBIDDEN";
}

/** Too many failed sign-ins for an account or address; try again later. */
export class TooManyAttemptsError extends DomainError {
  readonly code = "TOO_MANY_ATTEMPTS";
  constructor(
    message: string,
    /** Seconds until another attempt is allowed. */
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
