// What a client is told when the database cannot be reached: a coded answer it can retry,
// never a hang or an INTERNAL_SERVER_ERROR. Writes run in transactions and payments are
// keyed by their reference, so a retry cannot pay twice.
export const SERVICE_UNAVAILABLE = {
  code: "SERVICE_UNAVAILABLE",
  message:
    "The registry's database cannot be reached right now. Try again in a few seconds; every change is all or nothing, so retrying is safe.",
} as const;

// Seconds a client (or load balancer) should wait before trying again.
export const RETRY_AFTER_SECONDS = 5;

// PostgreSQL SQLSTATEs of a server that is going away or not there yet: class 08
// (connection exception), 57P01-57P03 (admin/crash shutdown, cannot connect now) and
// 53300 (too many connections).
const UNAVAILABLE_STATES = /^(08...|57P0[1-3]|53300)$/;
const UNAVAILABLE_SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);
// node-postgres raises these without a code when a connection dies or never comes.
const UNAVAILABLE_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|Client was closed and is not queryable|Cannot use a pool after calling end)/;

// TypeORM releases a transaction's connection the moment it dies; the transaction's next
// statement then fails with one of these instead of the connection's own error.
const RELEASED_BY_A_DEAD_CONNECTION = new Set([
  "QueryRunnerAlreadyReleasedError",
  "QueryRunnerProviderAlreadyReleasedError",
]);

/** True when `error` (or what it wraps) says the database is down, restarting or unreachable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const { code, message, name } = e as { code?: unknown; message?: unknown; name?: unknown };
    if (typeof name === "string" && RELEASED_BY_A_DEAD_CONNECTION.has(name)) return true;
    if (
      typeof code === "string" &&
      (UNAVAILABLE_STATES.test(code) || UNAVAILABLE_SOCKET_CODES.has(code))
    )
      return true;
    if (typeof message === "string" && UNAVAILABLE_MESSAGES.test(message)) return true;
    // TypeORM keeps the driver's error, Node the socket's under `cause`, and graphql-js a
    // value that fails `instanceof Error` (one from another realm) under `thrownValue`.
    const inner = e as {
      driverError?: unknown;
      cause?: unknown;
      errors?: unknown[];
      thrownValue?: unknown;
    };
    e = inner.driverError ?? inner.cause ?? inner.thrownValue ?? inner.errors?.[0];
  }
  return false;
}
