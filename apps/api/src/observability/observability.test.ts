import { Writable } from "node:stream";
import { buildNik, Gender } from "@sertakan/schema";
import { registerWorkers } from "../test/fixtures";
import { TestServer, startTestServer } from "../test/test-server";
import { createLogger } from "./logger";

// Health, readiness, metrics and the request log, through the real server over HTTP.
let t: TestServer;
const lines: string[] = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    lines.push(...String(chunk).split("\n").filter(Boolean));
    done();
  },
});
const logs = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

beforeAll(async () => {
  t = await startTestServer({}, { logger: createLogger("info", sink) });
});
afterAll(() => t.close());

const get = (path: string, init?: RequestInit) => fetch(`${t.baseUrl}${path}`, init);
// The value of one sample line of the Prometheus text, or 0 when it is absent.
async function sample(name: string, labels: string): Promise<number> {
  const text = await (await get("/metrics")).text();
  const line = text.split("\n").find((l) => l.startsWith(`${name}{${labels}}`));
  return line ? Number(line.split(" ").pop()) : 0;
}

it("says alive on /healthz and ready on /readyz when the database is migrated", async () => {
  const health = await get("/healthz");
  expect(health.status).toBe(200);
  expect(await health.json()).toEqual({ status: "ok" });
  const ready = await get("/readyz");
  expect(ready.status).toBe(200);
  expect(await ready.json()).toEqual({ status: "ready", replicas: [] });
});

it("answers 503 on /readyz while a migration this build knows is missing", async () => {
  const db = t.server.dataSource;
  const [last] = await db.query(
    `SELECT id, timestamp, name FROM schema_migration ORDER BY id DESC LIMIT 1`,
  );
  await db.query(`DELETE FROM schema_migration WHERE id = $1`, [last.id]);
  try {
    const res = await get("/readyz");
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "not migrated", pending: 1 });
  } finally {
    await db.query(`INSERT INTO schema_migration (id, timestamp, name) VALUES ($1, $2, $3)`, [
      last.id,
      last.timestamp,
      last.name,
    ]);
  }
  expect((await get("/readyz")).status).toBe(200);
});

it("answers 503 on /readyz while the instance drains for shutdown", async () => {
  t.server.lifecycle.draining = true;
  try {
    const res = await get("/readyz");
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "draining" });
    // Still alive: the process manager must not kill it while it finishes its requests.
    expect((await get("/healthz")).status).toBe(200);
  } finally {
    t.server.lifecycle.draining = false;
  }
});

it("counts operations by name, errors by code, HTTP requests by route and the pool", async () => {
  const count = "sertakan_graphql_operation_duration_seconds_count";
  const before = await sample(count, 'operation="RegionLookup"');
  const errors = 'code="UNAUTHENTICATED",operation="AnonymousAudit"';
  const errorsBefore = await sample("sertakan_graphql_errors_total", errors);
  for (let i = 0; i < 3; i++) {
    const res = await t.gql(`query RegionLookup { region(code: "33.10") { name } }`);
    expect(res.data?.region.name).toBe("Kabupaten Klaten");
  }
  const refused = await t.as(null)(`query AnonymousAudit { auditLog(first: 1) { totalCount } }`);
  expect(refused.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");

  expect(await sample(count, 'operation="RegionLookup"')).toBe(before + 3);
  expect(await sample("sertakan_graphql_errors_total", errors)).toBe(errorsBefore + 1);
  expect(
    await sample(
      "sertakan_http_request_duration_seconds_count",
      'route="/graphql",method="POST",status="200"',
    ),
  ).toBeGreaterThanOrEqual(4);
  expect(await sample("sertakan_db_pool_connections", 'pool="primary"')).toBeGreaterThan(0);
  // A client's made-up operation names never become labels of their own.
  await t.gql(`query Bad_Name_ { region(code: "33") { name } }`);
  await t.gql(`query ${"x".repeat(80)} { region(code: "33") { name } }`);
  expect(await sample(count, `operation="${"x".repeat(80)}"`)).toBe(0);
  // Nor does a name that carries a NIK: /metrics is not masked like the logs.
  await t.gql(`query Find3310024511710001 { region(code: "33") { name } }`);
  expect(await sample(count, 'operation="Find3310024511710001"')).toBe(0);
  expect(await sample(count, 'operation="other"')).toBeGreaterThanOrEqual(1);
});

it("logs one JSON line per request with id, operation, duration and viewer, never a full NIK", async () => {
  const nik = buildNik({
    districtCode: "33.10.01",
    birthDate: "1990-07-05",
    gender: Gender.FEMALE,
    serial: 4242,
  });
  await registerWorkers(t, 1);
  const me = await t.gql<{ me: { id: string } }>(`query Me { me { id } }`);
  const adminId = me.data!.me.id;
  lines.length = 0;

  const res = await fetch(`${t.baseUrl}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-request-id": "trace-42",
      authorization: (await tokenOf(t)) ?? "",
    },
    body: JSON.stringify({
      query: `query Lookup${nik}($nik: String!) { workerByNik(nik: $nik) { id } }`,
      variables: { nik },
    }),
  });
  expect(res.headers.get("x-request-id")).toBe("trace-42");
  // A GET carries the NIK in the URL; the log keeps the path only.
  const viaGet = await get(
    `/graphql?query=${encodeURIComponent(`{ workerByNik(nik: "${nik}") { id } }`)}`,
    { headers: { "apollo-require-preflight": "1" } },
  );
  expect(viaGet.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  await get("/healthz");

  const entries = logs();
  expect(lines.join("\n")).not.toContain(nik);
  const line = entries.find((e) => e.reqId === "trace-42");
  expect(line).toMatchObject({
    level: "info",
    msg: "request",
    method: "POST",
    path: "/graphql",
    status: 200,
    viewer: adminId,
    op: `Lookup${nik.slice(0, 4)}********${nik.slice(-4)}`,
  });
  expect(typeof line!.ms).toBe("number");
  expect(entries.find((e) => e.reqId === viaGet.headers.get("x-request-id"))).toMatchObject({
    method: "GET",
    path: "/graphql",
  });
  // Probes are counted in the metrics, not logged.
  expect(entries.some((e) => e.path === "/healthz")).toBe(false);
});

// The admin's bearer token as the test server sends it.
async function tokenOf(server: TestServer): Promise<string | null> {
  const res = await server.as(null)(
    `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
    { e: "admin@test.local", p: "test-password-1" },
  );
  return res.data ? `Bearer ${res.data.login.token}` : null;
}

it("serves /metrics only with the bearer METRICS_TOKEN when one is set", async () => {
  const token = "metrics-token-for-the-test-0123";
  const guarded = await startTestServer({ METRICS_TOKEN: token });
  try {
    const scrape = (authorization?: string) =>
      fetch(`${guarded.baseUrl}/metrics`, {
        headers: authorization ? { authorization } : {},
      });
    const none = await scrape();
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toContain("Bearer");
    expect((await none.json()).errors[0].extensions.code).toBe("UNAUTHENTICATED");
    expect((await scrape(`Bearer ${token}x`)).status).toBe(401);
    expect((await scrape(`Bearer ${token.slice(0, -1)}`)).status).toBe(401);
    // The scheme is case-insensitive, as HTTP says.
    expect((await scrape(`bearer ${token}`)).status).toBe(200);
    const allowed = await scrape(`Bearer ${token}`);
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain("sertakan_http_request_duration_seconds");
    // The probes stay open for the orchestrator.
    expect((await fetch(`${guarded.baseUrl}/healthz`)).status).toBe(200);
  } finally {
    await guarded.close();
  }
});
