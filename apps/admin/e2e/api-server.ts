import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const MAIN = path.resolve(__dirname, "../../api/dist/main.js");
const ADMIN_DIST = path.resolve(__dirname, "../dist/index.html");

export type ApiServer = { origin: string; stop: () => Promise<void> };

/**
 * The built API as in production, serving the built admin app, on its own embedded
 * PostgreSQL with the Klaten demo (its admin, officer and viewer sign-ins) in a fresh
 * data directory that is removed afterwards.
 */
export async function startApiServer(): Promise<ApiServer> {
  for (const file of [MAIN, ADMIN_DIST]) {
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first.`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sertakan-e2e-"));
  // As root, the embedded server runs as `postgres`, which must reach inside.
  fs.chmodSync(dir, 0o755);
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      // "test" keeps the demo sign-ins that production refuses to create.
      NODE_ENV: "test",
      DATABASE_URL: "",
      DATA_DIR: path.join(dir, "data"),
      SEED_DEMO: "true",
      PORT: "0",
      HOST: "127.0.0.1",
      RATE_LIMIT_PER_MINUTE: "0",
      ADMIN_EMAIL: "",
      ADMIN_PASSWORD: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const started = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`API did not start in 150 s:\n${output}`)),
      150_000,
    );
    child.stdout!.on("data", (chunk) => {
      output += chunk;
      const match = /admin app:\s+http:\/\/localhost:(\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.stderr!.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`API exited with ${code}:\n${output}`));
    });
  });
  let port: number;
  try {
    port = await started;
  } catch (error) {
    // Leave nothing running: jest would wait on this process for ever.
    child.kill("SIGKILL");
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) {
        // SIGTERM lets the API stop its embedded PostgreSQL before we delete its files.
        await new Promise<void>((resolve) => {
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
        });
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
