import { Writable } from "node:stream";
import { TestServer, startTestServer } from "../test/test-server";
import { createLogger } from "../observability/logger";
import { CompiledReads } from "../compiled-reads/reads";

// The GraphQL edge takes signed-in JSON POSTs past Express's router. What it answers, and
// what it hands on to Express, must look exactly as if Express had taken it: one log line,
// one rate-limit count, the security headers, the same coded errors.
let t: TestServer;
const lines: string[] = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    lines.push(...String(chunk).split("\n").filter(Boolean));
    done();
  },
});
const logged = (id: string) =>
  lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((e) => e.reqId === id);

const LIMIT = 20;
const ALLOWED_ORIGIN = "https://admin.example";
beforeAll(async () => {
  t = await startTestServer(
    { RATE_LIMIT_PER_MINUTE: String(LIMIT), CORS_ORIGINS: ALLOWED_ORIGIN },
    { logger: createLogger("info", sink) },
  );
}, 60_000);
afterAll(() => t.close());
afterEach(() => jest.restoreAllMocks());

let token: string;
beforeAll(async () => {
  token = await t.tokenFor("OFFICER", "33.10");
});

let requests = 0;
async function post(body: string, headers: Record<string, string> = {}) {
  requests++;
  const id = `edge-${requests}`;
  const res = await fetch(`${t.baseUrl}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${token}`,
      "x-request-id": id,
      ...headers,
    },
    body,
  });
  return { res, id, json: (await res.json()) as Record<string, any> };
}

// Express's app is only entered for what the edge leaves to it.
const expressEntered = () => jest.spyOn(t.server.app, "handle");

it("answers a hot read at the edge, with the log line, request id and security headers", async () => {
  const express = expressEntered();
  const { res, id, json } = await post(
    JSON.stringify({ query: `query Page { workers(first: 2) { nodes { fullName } } }` }),
  );
  expect(res.status).toBe(200);
  expect(json.data.workers.nodes).toEqual(expect.any(Array));
  expect(express).not.toHaveBeenCalled();
  expect(res.headers.get("x-request-id")).toBe(id);
  expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("ratelimit-limit")).toBe(String(LIMIT));
  await new Promise((r) => setTimeout(r, 1_100)); // the logger flushes at least every second
  expect(logged(id)).toEqual([
    expect.objectContaining({ path: "/graphql", status: 200, op: "Page", method: "POST" }),
  ]);
});

it("hands every other operation to Express with the body read, the log and the count done once", async () => {
  const express = expressEntered();
  const { res, id, json } = await post(JSON.stringify({ query: `query Me { me { role } }` }));
  expect(express).toHaveBeenCalledTimes(1);
  expect(json).toEqual({ data: { me: { role: "OFFICER" } } });
  expect(res.headers.get("x-request-id")).toBe(id);
  // Counted once: the edge's count, not a second one by Express's limiter.
  const next = await post(JSON.stringify({ query: `{ me { role } }` }));
  expect(
    Number(res.headers.get("ratelimit-remaining")) -
      Number(next.res.headers.get("ratelimit-remaining")),
  ).toBe(1);
  await new Promise((r) => setTimeout(r, 1_100));
  expect(logged(id)).toEqual([expect.objectContaining({ status: 200, op: "Me" })]);
});

it("answers a body that is not JSON, or not an object, with the parser's coded 400", async () => {
  for (const body of [`{"query": `, `"just a string"`, ` \n 42`]) {
    const express = expressEntered();
    const { res, json } = await post(body);
    expect(res.status).toBe(400);
    expect(json.errors[0]).toEqual({
      message: "The request body is not valid JSON.",
      extensions: { code: "BAD_REQUEST" },
    });
    // Read at the edge, answered by Express's error handler with the edge's error.
    expect(express).toHaveBeenCalledTimes(1);
    expect(express.mock.calls[0][0].edgeError).toMatchObject({ type: "entity.parse.failed" });
    jest.restoreAllMocks();
  }
});

it("reads a body that starts with a byte-order mark, as Express's parser does", async () => {
  const { res, json } = await post(`\uFEFF${JSON.stringify({ query: `{ me { role } }` })}`);
  expect(res.status).toBe(200);
  expect(json).toEqual({ data: { me: { role: "OFFICER" } } });
});

it("tries a direct answer once: what it leaves goes to Apollo, not to it again", async () => {
  const edge = jest.spyOn(CompiledReads.prototype, "compile");
  const execution = jest.spyOn(CompiledReads.prototype, "field");
  // A page of 500 is refused with the general path's coded error.
  const { json } = await post(
    JSON.stringify({ query: `{ workers(first: 500) { nodes { id } } }` }),
  );
  expect(json.errors[0].extensions.code).toBe("BAD_USER_INPUT");
  // Once at the edge, once in Apollo's resolver (which tries it too); not again in Express.
  expect(edge).toHaveBeenCalledTimes(1);
  expect(execution).toHaveBeenCalledTimes(1);
});

it("answers 503 with Retry-After when the sign-in lookup finds the database down", async () => {
  const down = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), {
    code: "ECONNREFUSED",
  });
  jest.spyOn(t.server.services.auth, "authenticate").mockRejectedValueOnce(down);
  const { res, json } = await post(JSON.stringify({ query: `{ me { role } }` }));
  expect(res.status).toBe(503);
  expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
  expect(json.errors[0].extensions.code).toBe("SERVICE_UNAVAILABLE");
});

it("refuses an unknown bearer credential with 401 at the edge", async () => {
  const express = expressEntered();
  const { res, json } = await post(JSON.stringify({ query: `{ me { role } }` }), {
    authorization: "Bearer not-a-real-token",
  });
  expect(res.status).toBe(401);
  expect(json.errors[0].extensions.code).toBe("UNAUTHENTICATED");
  expect(express).not.toHaveBeenCalled();
});

it("leaves cross-origin requests to Express, which applies CORS", async () => {
  const query = JSON.stringify({ query: `{ workers(first: 1) { nodes { id } } }` });
  const express = expressEntered();
  const allowed = await post(query, { origin: ALLOWED_ORIGIN });
  expect(allowed.res.status).toBe(200);
  expect(express).toHaveBeenCalledTimes(1);
  expect(allowed.res.headers.get("access-control-allow-origin")).toBe(ALLOWED_ORIGIN);
  const elsewhere = await post(query, { origin: "https://elsewhere.example" });
  expect(elsewhere.res.headers.get("access-control-allow-origin")).toBeNull();
  // Without an Origin the edge answers, with the same CORS headers Express would add.
  const plain = await post(query);
  expect(express).toHaveBeenCalledTimes(2);
  expect(plain.res.headers.get("vary")).toBe("Origin");
  expect(plain.res.headers.get("access-control-allow-credentials")).toBe("true");
});

it("refuses past the rate limit with 429 at the edge, hot reads and others alike", async () => {
  // A fresh caller with a full minute's allowance: LIMIT answers, then refusals. Windows are
  // whole minutes: start well inside one.
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 55_000) await new Promise((r) => setTimeout(r, 60_500 - intoMinute));
  token = await t.tokenFor("OFFICER", "33.10");
  const statuses: number[] = [];
  let refusal: Record<string, any> = {};
  for (let i = 0; i < LIMIT + 2; i++) {
    const query = i % 2 ? `{ me { role } }` : `{ workers(first: 1) { nodes { id } } }`;
    const { res, json } = await post(JSON.stringify({ query }));
    statuses.push(res.status);
    if (res.status === 429) refusal = { json, retryAfter: res.headers.get("retry-after") };
  }
  expect(statuses).toEqual([...Array(LIMIT).fill(200), 429, 429]);
  expect(refusal.json.errors[0].extensions.code).toBe("RATE_LIMITED");
  expect(Number(refusal.retryAfter)).toBeGreaterThan(0);
});
