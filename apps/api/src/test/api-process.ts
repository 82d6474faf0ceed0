import { ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const MAIN = path.resolve(__dirname, "../../dist/main.js");

export type ApiProcess = {
  url: string;
  gql: (query: string, variables?: Record<string, unknown>) => Promise<any>;
  stop: () => Promise<void>;
  /** The process, to signal it; `exited` resolves with its exit code. */
  child: ChildProcess;
  exited: Promise<number | null>;
  /** Everything it printed so far. */
  output: () => string;
};

/**
 * The built API as its own process (as in production), on a free port, against
 * `databaseUrl` (null: zero-setup, an embedded PostgreSQL in `env.DATA_DIR`).
 */
export async function startApiProcess(
  databaseUrl: string | null,
  admin: { email: string; password: string },
  env: Record<string, string> = {},
): Promise<ApiProcess> {
  if (!fs.existsSync(MAIN))
    throw new Error(`${MAIN} is missing: run \`npm run build\` first (npm test does).`);
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl ?? "",
      PORT: "0",
      HOST: "127.0.0.1",
      NODE_ENV: "production",
      SEED_DEMO: "false",
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      RATE_LIMIT_PER_MINUTE: "0",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const port = await new Promise<number>((resolve, reject) => {
    // Zero-setup mode initialises PostgreSQL and loads the regions first.
    const timer = setTimeout(
      () => reject(new Error(`API process did not start:\n${output}`)),
      databaseUrl ? 30_000 : 120_000,
    );
    child.stdout!.on("data", (chunk) => {
      output += chunk;
      const match = /GraphQL:\s+http:\/\/localhost:(\d+)\/graphql/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.stderr!.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => reject(new Error(`API process exited with ${code}:\n${output}`)));
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  const post = async (
    query: string,
    variables: Record<string, unknown> | undefined,
    token?: string,
  ) => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(url, {
      method: "POST",
      headers,
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as any;
  };
  // Each process signs in on its own, as a client of it would.
  const signedIn = await post(
    `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
    {
      e: admin.email,
      p: admin.password,
    },
  );
  if (!signedIn.data)
    throw new Error(`API process sign-in failed: ${JSON.stringify(signedIn.errors)}`);
  const token: string = signedIn.data.login.token;
  return {
    url,
    gql: (query, variables) => post(query, variables, token),
    child,
    exited,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
