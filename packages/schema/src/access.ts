import { Role } from "./enums";
import { ForbiddenError } from "./errors";
import { isInsideRegion } from "./regions";

/**
 * What a caller may do: a role and the region they are limited to (null = national).
 * ADMIN: everything. OFFICER: read and write inside the scope. VIEWER: read inside the
 * scope, with NIK masked and no phone or birth date (UU PDP 27/2022).
 */
export type Access = { role: Role; regionScope: string | null };

/** Whether a record in region `code` is inside the caller's scope. */
export function canSeeRegion(access: Access, code: string): boolean {
  return access.regionScope === null || isInsideRegion(code, access.regionScope);
}

/** Whether the caller may change registry records at all. */
export function canWrite(access: Access): boolean {
  return access.role === Role.ADMIN || access.role === Role.OFFICER;
}

/** Whether worker NIKs, phones and birth dates are hidden from the caller. */
export function masksPersonalData(access: Access): boolean {
  return access.role === Role.VIEWER;
}

/**
 * Throws unless the caller may write a record that lives (or will live) in `code`.
 *
 * @param what - the record, for the message: "worker", "donor"…
 * @throws ForbiddenError naming the region and the caller's scope
 */
export function assertCanWriteIn(access: Access, code: string, what: string, field?: string): void {
  if (!canWrite(access))
    throw new ForbiddenError(
      `A ${access.role.toLowerCase()} may read but not change a ${what}.`,
      field,
    );
  if (!canSeeRegion(access, code)) {
    throw new ForbiddenError(
      `This ${what} is in region ${code}, outside your scope ${access.regionScope}.`,
      field,
    );
  }
}

/** Whether a scope may be granted by a caller: only inside their own. */
export function canGrantScope(access: Access, scope: string | null): boolean {
  if (access.regionScope === null) return true;
  return scope !== null && isInsideRegion(scope, access.regionScope);
}

/** Failed sign-ins before each further attempt is slowed down. */
export const SLOW_AFTER_FAILURES = 3;
/** Failed sign-ins that lock an account. */
export const LOCK_AFTER_FAILURES = 6;
/** Failed sign-ins that lock an address: higher, since an office shares one behind NAT. */
export const LOCK_ADDRESS_AFTER_FAILURES = 20;
/** How long a lock lasts. */
export const LOCK_MINUTES = 15;

/**
 * The pause before answering a sign-in, given the failures so far in the window: none for
 * the first few, then doubling from 250 ms (to 2 s), which makes guessing slow without
 * punishing a mistyped password.
 */
export function signInDelayMs(failures: number): number {
  if (failures < SLOW_AFTER_FAILURES) return 0;
  return Math.min(2_000, 250 * 2 ** (failures - SLOW_AFTER_FAILURES));
}
