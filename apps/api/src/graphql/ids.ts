import { BadUserInputError, NotFoundError } from "@sertakan/schema";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(id: string): boolean {
  return UUID.test(id);
}

/** For ids a client sends in input: a malformed one is the client's mistake, not ours. */
export function requireUuid(id: string, field: string): string {
  if (!isUuid(id)) throw new BadUserInputError(`${field} "${id}" is not a valid id.`, field);
  return id;
}

export function notFound(what: string, id: string, field?: string): NotFoundError {
  return new NotFoundError(`There is no ${what} with id ${id}.`, field);
}
