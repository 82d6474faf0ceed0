// What every bench script needs: the build, a seeded dataset kept in .data/, and servers
// started as their own processes on 127.0.0.1.
import { spawn, execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const require = createRequire(import.meta.url);

export const log = (m) => process.stderr.write(`bench: ${m}\n`);

// Whatever a run started is stopped when it ends, a failed run included: servers get SIGTERM,
// an embedded PostgreSQL still running gets a fast shutdown (SIGINT to its postmaster).
const started = { children: new Set(), dataDirs: new Set() };
process.on("exit", () => {
  for (const child of started.children) if (child.exitCode === null) child.kill("SIGTERM");
  for (const dir of started.dataDirs) {
    try {
      process.kill(
        Number(fs.readFileSync(path.join(dir, "postmaster.pid"), "utf8").split("\n")[0]),
        "SIGINT",
      );
    } catch {
      // stopped already
    }
  }
});

// CPU seconds (user + system) a process has used: per request, it is the figure the shared
// machine's noise moves least, since time spent waiting for a core is not counted.
function statFields(pid) {
  return fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
}
export function cpuSeconds(pid) {
  const fields = statFields(pid);
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in 1/100 s
}

// PostgreSQL's CPU: the postmaster, its live backends, and the backends that have exited.
export function postgresCpuSeconds(dataDir) {
  const postmaster = Number(
    fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0],
  );
  const own = statFields(postmaster);
  let total = (Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14])) / 100;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = statFields(entry);
      if (Number(fields[1]) === postmaster) total += cpuSeconds(entry);
    } catch {
      // the process ended while we looked
    }
  }
  return total;
}

export const BENCH_ADMIN = { email: "bench@sertakan.local", password: "bench-password-1" };

export function build() {
  execFileSync("npx", ["turbo", "run", "build", "--output-logs=errors-only"], {
    cwd: root,
    stdio: "inherit",
  });
}

/**
 * The embedded PostgreSQL of `.data/<name>`, seeded with `workers` workers in `region` the
 * first time (later runs reuse it). Call after build().
 */
export async function dataset(name, workers, region) {
  const dataDir = path.join(root, ".data", name);
  if (!fs.existsSync(path.join(dataDir, "seeded"))) {
    log(
      `seeding ${workers.toLocaleString("en")} workers in ${region} into ${dataDir} (once; later runs reuse it)`,
    );
    execFileSync(
      process.execPath,
      [
        path.join(root, "apps/api/dist/scripts/seed.js"),
        ...["--workers", String(workers), "--region", region, "--reset", "--data-dir", dataDir],
      ],
      { stdio: "inherit" },
    );
    fs.writeFileSync(path.join(dataDir, "seeded"), new Date().toISOString());
  }
  const { startEmbeddedPostgres } = require(path.join(root, "apps/api/dist/database/embedded.js"));
  // Buffers that hold the whole database, loaded before anything is timed: the servers are
  // compared on their plans and CPU, not on which of them met a page first (at 128 MB, the
  // default, the first server to ask a generated shape paid PostgreSQL's reads for both).
  const db = await startEmbeddedPostgres(dataDir, undefined, [
    `shared_buffers=${process.env.BENCH_SHARED_BUFFERS ?? "1GB"}`,
  ]);
  started.dataDirs.add(dataDir);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query(`CREATE EXTENSION IF NOT EXISTS pg_prewarm`);
    const { rows } = await client.query(
      `SELECT sum(pg_prewarm(c.oid)) * current_setting('block_size')::bigint / 1048576 AS mib
         FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'i', 'm')`,
    );
    log(`prewarmed ${Math.round(rows[0].mib)} MiB of tables and indexes into shared_buffers`);
  } finally {
    await client.end();
  }
  return { ...db, dataDir };
}

/** Starts `node args…`, resolves with the port it prints and the child process. */
export function serve(name, args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    started.children.add(child);
    let out = "";
    const onData = (chunk) => {
      out += chunk;
      const match = /(?:listening on |GraphQL:\s+http:\/\/localhost:)(\d+)/.exec(out);
      if (!match) return;
      // From here on the output (a log line per request) is read and dropped, not kept.
      child.stdout.off("data", onData);
      child.stdout.resume();
      clearTimeout(startTimer);
      resolve({ name, port: Number(match[1]), child });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (c) => (out += c));
    child.on("exit", (code) => reject(new Error(`${name} exited with ${code}:\n${out}`)));
    // Only for the start: a server that is up must not be killed two minutes into a run.
    const startTimer = setTimeout(() => {
      child.kill("SIGTERM");
      reject(new Error(`${name} did not start:\n${out}`));
    }, 120_000);
    startTimer.unref();
  });
}

/**
 * Sertakan's production build on `databaseUrl`, with the bench administrator signed in.
 * `compiledReads: false` is the same server answering everything the general way (Apollo,
 * resolvers, DataLoaders), to measure that path beside the compiled one. `nodeArgs` go to
 * node before the script (the profiler's flags, say).
 */
export async function serveSertakan(databaseUrl, { compiledReads = true, nodeArgs = [] } = {}) {
  const server = await serve(
    compiledReads ? "Sertakan" : "Sertakan, general path",
    ["--max-semi-space-size=64", ...nodeArgs, path.join(root, "apps/api/dist/main.js")],
    {
      DATABASE_URL: databaseUrl,
      PORT: "0",
      HOST: "127.0.0.1",
      NODE_ENV: "production",
      SEED_DEMO: "false",
      ADMIN_EMAIL: BENCH_ADMIN.email,
      ADMIN_PASSWORD: BENCH_ADMIN.password,
      RATE_LIMIT_PER_MINUTE: "0",
      COMPILED_READS: String(compiledReads),
    },
  );
  const login = await fetch(`http://127.0.0.1:${server.port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: `mutation { login(email: "${BENCH_ADMIN.email}", password: "${BENCH_ADMIN.password}") { token } }`,
    }),
  }).then((r) => r.json());
  const headers = {
    "content-type": "application/json",
    authorization: `Bearer ${login.data.login.token}`,
  };
  return { ...server, url: `http://127.0.0.1:${server.port}/graphql`, headers };
}
