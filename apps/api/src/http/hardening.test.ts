import { createErrorFormatter } from "../graphql/errors";
import { TestServer, startTestServer } from "../test/test-server";

// A hostile or careless client gets coded 4xx answers, never a 500, and the server stays healthy.
let t: TestServer;
let token: string;
beforeAll(async () => {
  t = await startTestServer({
    NODE_ENV: "production",
    CORS_ORIGINS: "https://sertakan.klaten.example",
  });
  token = await t.tokenFor("ADMIN", null);
});
afterAll(() => t.close());

const raw = (body: string | Buffer, headers: Record<string, string> = {}) =>
  fetch(`${t.baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}`, ...headers },
    body,
  });

const nested = (depth: number) =>
  `{ regions(level: PROVINCE) { ${"children { ".repeat(depth)} code ${"} ".repeat(depth)} } }`;

describe("bad input corpus", () => {
  it.each<[string, () => Promise<Response>, number, string]>([
    ["malformed JSON", () => raw("{ query: oops"), 400, "BAD_REQUEST"],
    [
      "a 5 MB body",
      () => raw(JSON.stringify({ query: "{ me { id } }", padding: "x".repeat(5 * 1024 * 1024) })),
      413,
      "PAYLOAD_TOO_LARGE",
    ],
    [
      "a query nested 50 deep",
      () => raw(JSON.stringify({ query: nested(50) })),
      400,
      "BAD_USER_INPUT",
    ],
    [
      "1,000 aliases",
      () =>
        raw(
          JSON.stringify({
            query: `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: me { id }`).join(" ")} }`,
          }),
        ),
      400,
      "GRAPHQL_PARSE_FAILED",
    ],
    [
      "a Rupiah that is not an integer",
      () =>
        raw(
          JSON.stringify({
            query: `query($i: Rupiah) { contributionQuote(package: JKK_JKM, declaredIncome: $i) { monthly } }`,
            variables: { i: 1.5 },
          }),
        ),
      400,
      "BAD_USER_INPUT",
    ],
    [
      "a YearMonth of 2024-13",
      () =>
        raw(
          JSON.stringify({
            query: `{ me { id } worker(id: "x") { coverageStatus(asOf: "2024-13") } }`,
          }),
        ),
      400,
      "BAD_USER_INPUT",
    ],
    [
      "an unknown field",
      () => raw(JSON.stringify({ query: `{ workerz { id } }` })),
      400,
      "GRAPHQL_VALIDATION_FAILED",
    ],
    ["no query at all", () => raw(JSON.stringify({ variables: {} })), 400, "BAD_REQUEST"],
  ])("%s → %i %s", async (_name, send, status, code) => {
    const res = await send();
    expect(res.status).toBe(status);
    const body = (await res.json()) as {
      errors: { message: string; extensions: { code: string; stacktrace?: unknown } }[];
    };
    expect(body.errors[0].extensions.code).toBe(code);
    expect(body.errors[0].extensions.stacktrace).toBeUndefined();
    expect(body.errors[0].message).not.toMatch(/\bat .*\.(js|ts):\d+/);
  });

  it.each([
    "'; DROP TABLE worker; --",
    "%' OR '1'='1",
    "<script>alert(1)</script>",
    "3310%",
    "_".repeat(300),
  ])("treats %p in filters as plain text", async (search) => {
    const res = await t.as(token)(
      `query($s: String!) { workers(filter: { search: $s }) { totalCount } donors(filter: { search: $s }) { totalCount } regions(search: $s) { code } }`,
      { s: search },
    );
    expect(res.status).toBe(200);
    expect(res.data).toEqual({
      workers: { totalCount: 0 },
      donors: { totalCount: 0 },
      regions: [],
    });
  });

  it("refuses a NUL byte in a filter with BAD_USER_INPUT", async () => {
    const res = await t.as(token)(
      `query($s: String!) { workers(filter: { search: $s }) { totalCount } }`,
      { s: "Siti\u0000" },
    );
    expect(res.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("is healthy afterwards, with its tables intact", async () => {
    expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);
    const res = await t.as(token)(`{ regions(level: PROVINCE) { code } }`);
    expect(res.data?.regions).toHaveLength(38);
  });
});

describe("browser protections", () => {
  it("sends helmet's headers with a CSP that allows only this origin's scripts", async () => {
    const res = await fetch(`${t.baseUrl}/healthz`);
    expect(res.headers.get("content-security-policy")).toMatch(
      /default-src 'self'.*script-src 'self'/,
    );
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-powered-by")).toBeNull();
  });

  it("refuses a simple GET that could be a cross-site request (CSRF prevention)", async () => {
    const res = await fetch(`${t.baseUrl}/graphql?query=${encodeURIComponent("{ me { id } }")}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF|preflight/i);
  });

  it("answers CORS only for allowed origins", async () => {
    const allowed = await fetch(`${t.baseUrl}/graphql`, {
      method: "OPTIONS",
      headers: {
        origin: "https://sertakan.klaten.example",
        "access-control-request-method": "POST",
      },
    });
    expect(allowed.headers.get("access-control-allow-origin")).toBe(
      "https://sertakan.klaten.example",
    );
    const other = await fetch(`${t.baseUrl}/graphql`, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("does not describe the schema to anonymous callers in production", async () => {
    const anon = await t.as(null)(`{ __schema { queryType { name } } }`);
    expect(anon.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    const signedIn = await t.as(token)(`{ __schema { queryType { name } } }`);
    expect(signedIn.data).toEqual({ __schema: { queryType: { name: "Query" } } });
  });
});

describe("rate limits", () => {
  // Signed-in calls count against the user, whichever instance answers them.
  const quote = (server: TestServer) =>
    server.gql(`{ contributionQuote(package: JKK_JKM) { monthly } }`);

  it("answers 429 with Retry-After past the limit, counting across two instances through PostgreSQL", async () => {
    const env = { RATE_LIMIT_PER_MINUTE: "5", RATE_LIMIT_STORE: "postgres" };
    const a = await startTestServer(env);
    const b = await startTestServer(env, { shareDatabaseWith: a });
    try {
      // Three requests to each: neither instance alone passes 5, together they do.
      const answers = [];
      for (let i = 0; i < 6; i++) answers.push(await quote(i % 2 ? b : a));
      const statuses = answers.map((r) => r.status);
      // A minute boundary may fall inside the loop; the count then starts again.
      if (!statuses.includes(429)) return expect(statuses).toEqual(Array(6).fill(200));
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      expect(answers[5].errors?.[0].extensions?.code).toBe("RATE_LIMITED");
      expect(Number(answers[5].headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      await b.close();
      await a.close();
    }
  });

  it("counts in memory when alone", async () => {
    const solo = await startTestServer({ RATE_LIMIT_PER_MINUTE: "2" });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await quote(solo)).status);
      if (statuses.includes(429)) expect(statuses).toEqual([200, 200, 429]);
      else expect(statuses).toEqual([200, 200, 200]); // crossed a minute boundary
    } finally {
      await solo.close();
    }
  });
});

describe("statement timeout", () => {
  it("gives every request statement a timeout, and reports a stopped one as TIMEOUT", async () => {
    const slow = await startTestServer({ STATEMENT_TIMEOUT_MS: "200" });
    try {
      // The pool requests use: a statement past 200 ms is cancelled by PostgreSQL itself.
      const started = Date.now();
      const error = await slow.server.dataSource
        .query("SELECT pg_sleep(3)")
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "57014" });
      expect(Date.now() - started).toBeLessThan(2_000);
      // What a client would see, in production: a coded error, no SQL.
      const formatted = createErrorFormatter(true)(
        { message: "canceling statement due to statement timeout" },
        error,
      );
      expect(formatted).toMatchObject({
        extensions: { code: "TIMEOUT" },
        message: expect.stringMatching(/took too long/),
      });
    } finally {
      await slow.close();
    }
  });
});
