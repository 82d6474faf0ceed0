import { ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// The built API (`npm run build` builds it first: @sertakan/api is a dev dependency).
const MAIN = path.resolve(__dirname, "../../../../apps/api/dist/main.js");
export const ADMIN = { email: "admin@client-test.local", password: "client-test-password" };
const ENV = { url: "SERTAKAN_CLIENT_TEST_URL", pid: "SERTAKAN_CLIENT_TEST_PID" };

type Globals = { __SERTAKAN_CLIENT_API__?: { child: ChildProcess; dir: string } };

/**
 * Jest global setup: the built API as its own process, in zero-setup mode (its embedded
 * PostgreSQL in a temporary folder) with the Klaten demo and the API-key safelist on,
 * exactly as a regional office's program would meet it.
 */
export async function startApi(): Promise<void> {
  if (!fs.existsSync(MAIN))
    throw new Error(`${MAIN} is missing: run \`npm run build\` first (npm test does).`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sertakan-client-"));
  // As root the embedded server runs as `postgres`, which must reach inside.
  fs.chmodSync(dir, 0o755);
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: "",
      DATA_DIR: path.join(dir, "data"),
      PORT: "0",
      HOST: "127.0.0.1",
      NODE_ENV: "test",
      SEED_DEMO: "true",
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      RATE_LIMIT_PER_MINUTE: "0",
      API_KEY_SAFELIST: "true",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`API did not start:\n${output}`)), 120_000);
    child.stdout!.on("data", (chunk) => {
      output += chunk;
      const match = /GraphQL:\s+http:\/\/localhost:(\d+)\/graphql/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.stderr!.on("data", (chunk) => (output += chunk));
    child.once("exit", (code) => reject(new Error(`API exited with ${code}:\n${output}`)));
  });
  process.env[ENV.url] = `http://127.0.0.1:${port}/graphql`;
  (globalThis as Globals).__SERTAKAN_CLIENT_API__ = { child, dir };
}

/** Jest global teardown: SIGTERM lets the API stop its embedded PostgreSQL. */
export async function stopApi(): Promise<void> {
  const api = (globalThis as Globals).__SERTAKAN_CLIENT_API__;
  if (!api) return;
  if (api.child.exitCode === null) {
    await new Promise<void>((resolve) => {
      api.child.once("exit", () => resolve());
      api.child.kill("SIGTERM");
    });
  }
  fs.rmSync(api.dir, { recursive: true, force: true });
}

/** The running API's GraphQL address, in a test file. */
export function apiUrl(): string {
  const url = process.env[ENV.url];
  if (!url) throw new Error(`${ENV.url} is not set: run the tests through jest.`);
  return url;
}

/** POSTs raw GraphQL, for what the client itself does not send (sign-in, key creation). */
export async function rawGraphQL(
  query: string | undefined,
  variables: Record<string, unknown> = {},
  token?: string,
  extensions?: Record<string, unknown>,
): Promise<{ status: number; body: any }> {
  const res = await fetch(apiUrl(), {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables, extensions }),
  });
  return { status: res.status, body: await res.json() };
}

/** Signs in as the test administrator and creates an API key; returns its secret. */
export async function createApiKey(role: string, regionScope: string | null): Promise<string> {
  const login = await rawGraphQL(
    `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
    { e: ADMIN.email, p: ADMIN.password },
  );
  const token = login.body.data.login.token as string;
  const key = await rawGraphQL(
    `mutation($r: Role!, $s: ID) { createApiKey(name: "client test", role: $r, regionScope: $s) { secret } }`,
    { r: role, s: regionScope },
    token,
  );
  if (!key.body.data) throw new Error(`API key failed: ${JSON.stringify(key.body.errors)}`);
  return key.body.data.createApiKey.secret as string;
}
