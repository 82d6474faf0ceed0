import { execFile } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { Client } from "pg";

// A real primary and hot standby from the distribution's PostgreSQL binaries (Debian's
// `postgresql` package), on loopback ports and temp dirs of the test's own. Never the
// machine's own server.
export const PG_BIN = process.env.PG_BIN ?? newestDebianBin();
const run = promisify(execFile);
const isRoot = process.getuid?.() === 0;

// Debian installs each major version side by side: /usr/lib/postgresql/<major>/bin.
function newestDebianBin(): string {
  const root = "/usr/lib/postgresql";
  const majors = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((d) => /^\d+$/.test(d))
        .map(Number)
    : [];
  return path.join(root, String(majors.length ? Math.max(...majors) : 15), "bin");
}

export function debianPostgresAvailable(): boolean {
  return ["initdb", "pg_ctl", "pg_basebackup", "postgres"].every((b) =>
    fs.existsSync(path.join(PG_BIN, b)),
  );
}

export type Cluster = {
  url: string;
  port: number;
  dir: string;
  stop: () => Promise<void>;
  /** Starts it again after `stop`, on the same port and data. */
  start: () => Promise<void>;
};

// PostgreSQL refuses to run as root: as root, run its tools as `postgres`.
async function pgTool(tool: string, args: string[]): Promise<string> {
  const [command, argv] = isRoot
    ? ["runuser", ["-u", "postgres", "--", path.join(PG_BIN, tool), ...args]]
    : [path.join(PG_BIN, tool), args];
  const { stdout } = await run(command, argv, { timeout: 120_000 });
  return stdout;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function startCluster(dir: string, port: number, settings: string[]): Promise<Cluster> {
  // Later lines win over what initdb or pg_basebackup wrote.
  fs.appendFileSync(
    path.join(dir, "postgresql.conf"),
    [
      `port = ${port}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${dir}'`,
      "fsync = off",
      ...settings,
      "",
    ].join("\n"),
  );
  const start = async () => {
    await pgTool("pg_ctl", [
      "-D",
      dir,
      "-l",
      path.join(dir, "server.log"),
      "-w",
      "-t",
      "60",
      "start",
    ]);
  };
  await start();
  return {
    start,
    url: `postgres://postgres@127.0.0.1:${port}/sertakan`,
    port,
    dir,
    stop: async () => {
      await pgTool("pg_ctl", ["-D", dir, "-m", "fast", "-w", "stop"]).catch(() => undefined);
    },
  };
}

/** A primary ready for streaming replication, with an empty `sertakan` database. */
export async function startPrimary(root: string): Promise<Cluster> {
  const dir = path.join(root, "primary");
  prepare(root);
  await pgTool("initdb", [
    "-D",
    dir,
    "-U",
    "postgres",
    // Loopback only, in a temp dir: trust is enough (replication lines included).
    "--auth=trust",
    "--encoding=UTF8",
    "--locale=C.UTF-8",
  ]);
  const primary = await startCluster(dir, await freePort(), [
    "wal_level = replica",
    "max_wal_senders = 5",
    "max_connections = 100",
  ]);
  const admin = new Client({ connectionString: primary.url.replace(/\/sertakan$/, "/postgres") });
  await admin.connect();
  await admin.query("CREATE DATABASE sertakan");
  await admin.end();
  return primary;
}

/** A hot standby of `primary`, streaming from it (pg_basebackup -R). */
export async function startStandby(root: string, primary: Cluster): Promise<Cluster> {
  const dir = path.join(root, "standby");
  await pgTool("pg_basebackup", [
    "-h",
    "127.0.0.1",
    "-p",
    String(primary.port),
    "-U",
    "postgres",
    "-D",
    dir,
    "-X",
    "stream",
    "-R",
    // Not a spread checkpoint: that waits most of checkpoint_timeout.
    "--checkpoint=fast",
  ]);
  return startCluster(dir, await freePort(), ["hot_standby = on"]);
}

function prepare(root: string): void {
  fs.mkdirSync(root, { recursive: true });
  if (isRoot) fs.chmodSync(root, 0o777);
}
