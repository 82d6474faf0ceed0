import http from "node:http";
import type { AddressInfo } from "node:net";
import { parse } from "graphql";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { createClient } from "./transport";
import { SertakanError } from "./errors";
import { retryAfterMs } from "./retry-after";

type Reply = { status: number; headers?: Record<string, string>; body: string };
const json = (status: number, body: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});
const OK = json(200, { data: { contributionQuote: { monthly: 16_800 } } });
const RATE_LIMITED = (retryAfter: string) =>
  json(
    429,
    { errors: [{ message: "Too many requests", extensions: { code: "RATE_LIMITED" } }] },
    { "retry-after": retryAfter },
  );

const Quote = parse(
  "query Quote { contributionQuote(package: JKK_JKM) { monthly } }",
) as TypedDocumentNode<{ contributionQuote: { monthly: number } }, Record<string, never>>;

// A real HTTP server that answers each request with the next scripted reply.
let server: http.Server;
let url: string;
let script: Reply[] = [];
let received: { authorization?: string; body: any }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      received.push({ authorization: req.headers.authorization, body: JSON.parse(body) });
      const reply = script.shift() ?? json(500, { errors: [{ message: "script ran out" }] });
      res.writeHead(reply.status, reply.headers).end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  script = [];
  received = [];
});

// Records the waits instead of sleeping, so the test is exact and quick.
function recorder() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

describe("retryAfterMs", () => {
  it.each([
    ["120", 0, 120_000],
    ["0", 0, 0],
    ["Wed, 26 Nov 2026 05:00:30 GMT", Date.parse("2026-11-26T05:00:00Z"), 30_000],
    ["Wed, 26 Nov 2026 04:59:00 GMT", Date.parse("2026-11-26T05:00:00Z"), 0],
    ["soon", 0, null],
    [null, 0, null],
  ])("reads %p at %p as %p ms", (header, now, expected) => {
    expect(retryAfterMs(header, now)).toBe(expected);
  });
});

describe("the transport", () => {
  it("sends the API key as a bearer token and returns data", async () => {
    script = [OK];
    const client = createClient({ url, apiKey: "stk_test" });
    await expect(client.request(Quote)).resolves.toEqual({
      contributionQuote: { monthly: 16_800 },
    });
    expect(received[0].authorization).toBe("Bearer stk_test");
    expect(received[0].body.query).toContain("contributionQuote(package: JKK_JKM)");
  });

  it("waits as long as Retry-After says on 429, in seconds, then succeeds", async () => {
    script = [RATE_LIMITED("2"), RATE_LIMITED("1"), OK];
    const { waits, sleep } = recorder();
    const data = await createClient({ url, sleep }).request(Quote);
    expect(data.contributionQuote.monthly).toBe(16_800);
    expect(waits).toEqual([2_000, 1_000]);
    expect(received).toHaveLength(3);
  });

  it("sends a mutation again after a 429, never after a 503 (its write may have committed)", async () => {
    const Pledge = parse(
      `mutation Pledge { setRegionalTarget(input: { regionCode: "33.10", year: 2026, informalWorkers: 1, targetCovered: 1 }) { year } }`,
    ) as TypedDocumentNode<{ setRegionalTarget: { year: number } }, Record<string, never>>;
    const done = json(200, { data: { setRegionalTarget: { year: 2026 } } });
    const unavailable = json(
      503,
      { errors: [{ message: "down", extensions: { code: "SERVICE_UNAVAILABLE" } }] },
      { "retry-after": "0" },
    );
    const client = createClient({ url, sleep: async () => undefined });
    script = [RATE_LIMITED("0"), done];
    await expect(client.request(Pledge)).resolves.toEqual({ setRegionalTarget: { year: 2026 } });
    expect(received).toHaveLength(2);
    received = [];
    script = [unavailable, done];
    await expect(client.request(Pledge)).rejects.toMatchObject({
      code: "SERVICE_UNAVAILABLE",
      status: 503,
    });
    expect(received).toHaveLength(1);
  });

  it("reads Retry-After as an HTTP date on 503, even with a body that is not JSON", async () => {
    const at = new Date(Date.now() + 5_000).toUTCString();
    script = [{ status: 503, headers: { "retry-after": at }, body: "<h1>maintenance</h1>" }, OK];
    const { waits, sleep } = recorder();
    await createClient({ url, sleep }).request(Quote);
    expect(waits).toHaveLength(1);
    // An HTTP date has whole seconds: between 4 and 5 s from now.
    expect(waits[0]).toBeGreaterThan(3_000);
    expect(waits[0]).toBeLessThanOrEqual(5_000);
  });

  it("backs off 1 s, 2 s … without Retry-After, and stops after maxAttempts with the code", async () => {
    const busy = json(503, { errors: [{ message: "busy", extensions: { code: "UNAVAILABLE" } }] });
    script = [busy, busy, busy, busy];
    const { waits, sleep } = recorder();
    const failure = createClient({ url, sleep, maxAttempts: 3 }).request(Quote);
    await expect(failure).rejects.toMatchObject({ code: "UNAVAILABLE", status: 503 });
    expect(received).toHaveLength(3);
    expect(waits).toEqual([1_000, 2_000]);
  });

  it("does not wait longer than maxRetryDelayMs: a long Retry-After fails at once", async () => {
    script = [RATE_LIMITED("600"), OK];
    const { waits, sleep } = recorder();
    const failure = createClient({ url, sleep, maxRetryDelayMs: 60_000 }).request(Quote);
    await expect(failure).rejects.toMatchObject({ code: "RATE_LIMITED", status: 429 });
    expect(waits).toEqual([]);
    expect(received).toHaveLength(1);
  });

  it("really sleeps for Retry-After: 1", async () => {
    script = [RATE_LIMITED("1"), OK];
    const started = Date.now();
    await createClient({ url }).request(Quote);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("does not retry other failures, and surfaces GraphQL errors with their code and fields", async () => {
    script = [
      json(200, {
        data: null,
        errors: [
          {
            message: "first must be between 1 and 200, got 500.",
            extensions: {
              code: "BAD_USER_INPUT",
              fieldErrors: [
                { field: "first", message: "first must be between 1 and 200, got 500." },
              ],
            },
          },
        ],
      }),
    ];
    const error = await createClient({ url })
      .request(Quote)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SertakanError);
    expect(error).toMatchObject({ code: "BAD_USER_INPUT", status: 200 });
    expect((error as SertakanError).fieldErrors).toEqual([
      { field: "first", message: "first must be between 1 and 200, got 500." },
    ]);
    expect(received).toHaveLength(1);
  });

  it("names an answer that is not GraphQL JSON BAD_RESPONSE and no answer NETWORK_ERROR", async () => {
    script = [{ status: 502, body: "Bad gateway" }];
    await expect(createClient({ url }).request(Quote)).rejects.toMatchObject({
      code: "BAD_RESPONSE",
      status: 502,
    });
    await expect(
      createClient({ url: "http://127.0.0.1:1/graphql" }).request(Quote),
    ).rejects.toMatchObject({ code: "NETWORK_ERROR", status: 0 });
  });

  it("with persistedQueries, sends the hash alone first and the text only when asked", async () => {
    const notFound = json(200, {
      errors: [
        { message: "PersistedQueryNotFound", extensions: { code: "PERSISTED_QUERY_NOT_FOUND" } },
      ],
    });
    script = [notFound, OK, OK];
    const client = createClient({ url, persistedQueries: true });
    await client.request(Quote);
    await client.request(Quote);
    const [first, second, third] = received.map((r) => r.body);
    expect(first.query).toBeUndefined();
    expect(first.extensions.persistedQuery.sha256Hash).toMatch(/^[0-9a-f]{64}$/);
    expect(second.query).toContain("contributionQuote");
    expect(second.extensions).toEqual(first.extensions);
    expect(third.query).toBeUndefined();
  });
});
