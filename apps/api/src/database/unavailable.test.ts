import { isDatabaseUnavailable } from "./unavailable";

// What counts as "the database is not there" (→ SERVICE_UNAVAILABLE) and what does not.
const withCode = (code: string, message = "x") => Object.assign(new Error(message), { code });

it.each([
  ["connection refused", withCode("ECONNREFUSED")],
  ["connection reset", withCode("ECONNRESET")],
  [
    "admin shutdown (57P01)",
    withCode("57P01", "terminating connection due to administrator command"),
  ],
  ["starting up (57P03)", withCode("57P03", "the database system is starting up")],
  ["connection failure (08006)", withCode("08006")],
  ["too many connections (53300)", withCode("53300")],
  ["pg's dead connection", new Error("Connection terminated unexpectedly")],
  ["pg's pool wait", new Error("timeout exceeded when trying to connect")],
  ["pg's query_timeout", new Error("Query read timeout")],
  ["TypeORM's wrapped driver error", { name: "QueryFailedError", driverError: withCode("57P01") }],
  [
    "a released transaction",
    { name: "QueryRunnerProviderAlreadyReleasedError", message: "released" },
  ],
  [
    "an error from another realm",
    { message: "Unexpected error value", thrownValue: withCode("ECONNREFUSED") },
  ],
  [
    "an AggregateError of both addresses",
    Object.assign(new AggregateError([withCode("ECONNREFUSED")]), {}),
  ],
])("is unavailable: %s", (_name, error) => {
  expect(isDatabaseUnavailable(error)).toBe(true);
});

it.each([
  ["a unique violation", withCode("23505")],
  ["a statement timeout (TIMEOUT, not unavailable)", withCode("57014")],
  ["a read-only replica written to (a routing bug)", withCode("25006")],
  ["a plain bug", new TypeError("cannot read properties of undefined")],
  ["nothing", undefined],
  ["a string", "ECONNREFUSED"],
])("is not unavailable: %s", (_name, error) => {
  expect(isDatabaseUnavailable(error)).toBe(false);
});
