import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { startApiProcess } from "./test/api-process";
import { createDonor } from "./test/fixtures";
import { TEST_ADMIN, TestServer, startTestServer } from "./test/test-server";

// SIGTERM on the built API: it stops accepting, finishes what is in flight, closes the
// pool and exits 0; in zero-setup mode it also stops its embedded PostgreSQL cleanly.
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it("finishes a request in flight after SIGTERM, refuses new ones, and exits 0", async () => {
  const api = await startApiProcess(t.databaseUrl, TEST_ADMIN);
  const donorId = await createDonor(t, "Donatur Saat Berhenti");
  // Hold the donor's row so the payment waits inside its transaction.
  const holder = new Client({ connectionString: t.databaseUrl });
  await holder.connect();
  try {
    await holder.query("BEGIN");
    await holder.query(`SELECT id FROM donor WHERE id = $1 FOR UPDATE`, [donorId]);
    const inFlight = api.gql(
      `mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id amount } }`,
      {
        input: {
          donorId,
          amount: 33_600,
          reference: "BCA-SIGTERM-1",
          paidAt: new Date().toISOString(),
        },
      },
    );
    // Wait until the payment is blocked on the lock, i.e. truly in flight.
    for (let i = 0; i < 100; i++) {
      const { rows } = await holder.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'sertakan-api' AND wait_event_type = 'Lock'`,
      );
      if (rows[0].n > 0) break;
      await sleep(50);
    }
    api.child.kill("SIGTERM");
    await sleep(300);
    expect(api.child.exitCode).toBeNull();
    // No longer accepting: a new request does not get in.
    await expect(fetch(api.url.replace("/graphql", "/healthz"))).rejects.toThrow();
    await holder.query("COMMIT");
    const answer = await inFlight;
    expect(answer.errors).toBeUndefined();
    expect(answer.data.recordPayment.amount).toBe(33_600);
  } finally {
    await holder.end();
  }
  expect(await api.exited).toBe(0);
  expect(api.output()).toContain("SIGTERM: shutting down");
  const [row] = await t.server.dataSource.query(
    `SELECT count(*)::int AS n FROM payment WHERE reference = 'BCA-SIGTERM-1'`,
  );
  expect(row.n).toBe(1);
});

it("with SHUTDOWN_DELAY_MS, answers /readyz 503 at once but serves on until the delay ends", async () => {
  const api = await startApiProcess(t.databaseUrl, TEST_ADMIN, { SHUTDOWN_DELAY_MS: "1500" });
  const ready = () => fetch(api.url.replace("/graphql", "/readyz"));
  expect((await ready()).status).toBe(200);
  const signalled = Date.now();
  api.child.kill("SIGTERM");
  await sleep(200);
  const draining = await ready();
  expect(draining.status).toBe(503);
  expect(await draining.json()).toEqual({ status: "draining" });
  // Still answering while the balancer takes the instance out.
  const me = await api.gql(`{ me { email } }`);
  expect(me.data.me.email).toBe(TEST_ADMIN.email);
  expect(await api.exited).toBe(0);
  expect(Date.now() - signalled).toBeGreaterThanOrEqual(1_500);
  expect(api.output()).toContain("SIGTERM: not ready; serving 1500 ms more before shutting down");
});

it("shuts down at once on a second signal during the delay", async () => {
  const api = await startApiProcess(t.databaseUrl, TEST_ADMIN, { SHUTDOWN_DELAY_MS: "60000" });
  const signalled = Date.now();
  api.child.kill("SIGTERM");
  await sleep(300);
  expect(api.child.exitCode).toBeNull();
  api.child.kill("SIGTERM");
  expect(await api.exited).toBe(0);
  expect(Date.now() - signalled).toBeLessThan(20_000);
});

it("stops its embedded PostgreSQL cleanly on SIGTERM in zero-setup mode", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sertakan-shutdown-"));
  // As root the server runs as `postgres`, which must reach inside.
  fs.chmodSync(dir, 0o755);
  const dataDir = path.join(dir, "data");
  try {
    const api = await startApiProcess(null, TEST_ADMIN, { DATA_DIR: dataDir, SEED_DEMO: "false" });
    const me = await api.gql(`{ me { email } }`);
    expect(me.data.me.email).toBe(TEST_ADMIN.email);
    const pidFile = path.join(dataDir, "postmaster.pid");
    const postgresPid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
    api.child.kill("SIGTERM");
    expect(await api.exited).toBe(0);
    // A clean shutdown removes the pid file and leaves no server process behind.
    expect(fs.existsSync(pidFile)).toBe(false);
    expect(() => process.kill(postgresPid, 0)).toThrow();
    expect(api.output()).toMatch(/"msg":"stopped in \d+ ms"/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 150_000);
