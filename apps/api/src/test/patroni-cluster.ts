import { ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { PG_BIN, freePort } from "./debian-postgres";
import { pgbouncerConfig } from "./pgbouncer-config";

// The HA deployment of docs/operations.md on loopback, from Debian's packages: one etcd
// node, two Patroni nodes running PostgreSQL, and HAProxy (deploy/ha/haproxy.cfg) with a
// write port (the leader, by Patroni's REST check) and a read port (the replicas), and
// PgBouncer in front of both (deploy/ha/pgbouncer.ini), as the API reaches them. Everything
// lives in `root` and on free ports of its own; `stop` ends every process this started.
const TOOLS = ["etcd", "patroni", "haproxy", "pgbouncer"] as const;
const isRoot = process.getuid?.() === 0;

export function patroniAvailable(): string[] {
  const missing: string[] = TOOLS.filter((tool) => !onPath(tool));
  if (!fs.existsSync(path.join(PG_BIN, "initdb"))) missing.push(`${PG_BIN}/initdb`);
  return missing;
}

function onPath(tool: string): boolean {
  return (process.env.PATH ?? "")
    .split(":")
    .some((dir) => dir && fs.existsSync(path.join(dir, tool)));
}

export type PatroniNode = {
  name: string;
  restUrl: string;
  dataDir: string;
  patroni: ChildProcess;
};

export type Member = { name: string; role: string; state: string; timeline?: number };

export type PatroniCluster = {
  /** postgres:// URL of HAProxy's write port, database `sertakan`. */
  writeUrl: string;
  /** postgres:// URL of HAProxy's read port (the replicas; the leader when none is left). */
  readUrl: string;
  /** The same two through PgBouncer: the API's DATABASE_URL and DATABASE_REPLICA_URLS. */
  bouncerWriteUrl: string;
  bouncerReadUrl: string;
  nodes: PatroniNode[];
  /** The cluster as Patroni sees it (asked of any node that answers). */
  members: () => Promise<Member[]>;
  /** Waits until `check` holds of the members; throws after `timeoutMs`. */
  waitFor: (what: string, check: (m: Member[]) => boolean, timeoutMs?: number) => Promise<Member[]>;
  /** kill -9 of a node's postmaster (Patroni on it lives on). */
  killPostmaster: (name: string) => void;
  /** kill -9 of a node's Patroni and then its postmaster: the node is gone until restarted. */
  killNode: (name: string) => Promise<void>;
  /** Everything it printed (etcd, Patroni, HAProxy), for a failing test's message. */
  output: () => string;
  stop: () => Promise<void>;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once("exit", () => resolve()));
}

function postmasterPid(dataDir: string): number | null {
  try {
    const pid = Number(
      fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0],
    );
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function patroniConfig(o: {
  name: string;
  root: string;
  restPort: number;
  pgPort: number;
  etcdPort: number;
}): string {
  const dir = path.join(o.root, o.name);
  // YAML written as JSON (YAML is a superset): no YAML library needed.
  return JSON.stringify({
    scope: "sertakan",
    name: o.name,
    log: { level: "WARNING" },
    restapi: { listen: `127.0.0.1:${o.restPort}`, connect_address: `127.0.0.1:${o.restPort}` },
    etcd3: { hosts: `127.0.0.1:${o.etcdPort}` },
    bootstrap: {
      dcs: {
        // Patroni's smallest ttl; one HA loop a second, so a crash is acted on within ~1 s.
        ttl: 20,
        loop_wait: 1,
        retry_timeout: 3,
        // A crashed leader is not restarted in place: the synchronous standby takes over.
        primary_start_timeout: 0,
        // A commit is acknowledged once the standby has it, so a failover loses no
        // acknowledged write; without a standby, writes go on (strict: false) unprotected.
        synchronous_mode: true,
        synchronous_mode_strict: false,
        postgresql: {
          use_pg_rewind: true,
          parameters: { max_connections: 200, fsync: "off" },
        },
      },
      initdb: [{ encoding: "UTF8" }, { locale: "C.UTF-8" }],
      // Loopback only, in a temp dir: trust is enough.
      pg_hba: [
        "local all all trust",
        "host all all 127.0.0.1/32 trust",
        "host replication all 127.0.0.1/32 trust",
      ],
    },
    postgresql: {
      listen: `127.0.0.1:${o.pgPort}`,
      connect_address: `127.0.0.1:${o.pgPort}`,
      data_dir: path.join(dir, "data"),
      bin_dir: PG_BIN,
      pgpass: path.join(dir, "pgpass"),
      authentication: {
        superuser: { username: "postgres" },
        replication: { username: "postgres" },
        rewind: { username: "postgres" },
      },
      parameters: { unix_socket_directories: dir },
    },
  });
}

// The deployment's own HAProxy file, on loopback: its hosts and ports become the test's.
const HAPROXY_CFG = path.resolve(__dirname, "../../../../deploy/ha/haproxy.cfg");

function haproxyConfig(
  ports: { write: number; read: number; stats: number },
  nodes: { name: string; pgPort: number; restPort: number }[],
): string {
  const file = fs.readFileSync(HAPROXY_CFG, "utf8");
  // The test calls its API instances directly: their balancer section is left out.
  const apiSection = file.indexOf("# ---- The API instances");
  let text = file
    .slice(0, apiSection < 0 ? undefined : apiSection)
    .replace(/bind \*:5000/, `bind 127.0.0.1:${ports.write}`)
    .replace(/bind \*:5001/, `bind 127.0.0.1:${ports.read}`)
    .replace(/bind \*:7000/, `bind 127.0.0.1:${ports.stats}`);
  for (const node of nodes)
    text = text.replace(
      new RegExp(`${node.name}:5432( check port 8008)?`, "g"),
      (_all, check) => `127.0.0.1:${node.pgPort}${check ? ` check port ${node.restPort}` : ""}`,
    );
  if (/\*:|patroni\d:/.test(text.replace(/^\s*#.*$/gm, "")))
    throw new Error(`${HAPROXY_CFG} has an address the test does not map`);
  return text;
}

export async function startPatroniCluster(root: string): Promise<PatroniCluster> {
  fs.mkdirSync(root, { recursive: true });
  // PostgreSQL refuses to run as root: as root, Patroni (and so PostgreSQL) runs as `postgres`.
  const owner = isRoot
    ? {
        uid: Number(execFileSync("id", ["-u", "postgres"]).toString()),
        gid: Number(execFileSync("id", ["-g", "postgres"]).toString()),
      }
    : {};
  let log = "";
  const children: ChildProcess[] = [];
  const launch = (name: string, command: string, args: string[], asOwner = false) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      ...(asOwner ? owner : {}),
    });
    const keep = (chunk: Buffer) => {
      log += chunk
        .toString()
        .split("\n")
        .filter(Boolean)
        .map((line) => `[${name}] ${line}\n`)
        .join("");
    };
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    children.push(child);
    return child;
  };

  const [etcdPort, peerPort, writePort, readPort, statsPort, bouncerPort] = await Promise.all(
    [0, 1, 2, 3, 4, 5].map(() => freePort()),
  );
  launch("etcd", "etcd", [
    "--name=e1",
    `--data-dir=${path.join(root, "etcd")}`,
    `--listen-client-urls=http://127.0.0.1:${etcdPort}`,
    `--advertise-client-urls=http://127.0.0.1:${etcdPort}`,
    `--listen-peer-urls=http://127.0.0.1:${peerPort}`,
    `--initial-advertise-peer-urls=http://127.0.0.1:${peerPort}`,
    `--initial-cluster=e1=http://127.0.0.1:${peerPort}`,
    "--log-level=warn",
  ]);

  const specs = await Promise.all(
    ["patroni1", "patroni2"].map(async (name) => ({
      name,
      restPort: await freePort(),
      pgPort: await freePort(),
    })),
  );
  const nodes: PatroniNode[] = [];
  const startNode = (spec: (typeof specs)[number]) => {
    const dir = path.join(root, spec.name);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (isRoot) fs.chownSync(dir, owner.uid!, owner.gid!);
    const file = path.join(dir, "patroni.yml");
    fs.writeFileSync(file, patroniConfig({ ...spec, root, etcdPort }));
    const node: PatroniNode = {
      name: spec.name,
      restUrl: `http://127.0.0.1:${spec.restPort}`,
      dataDir: path.join(dir, "data"),
      patroni: launch(spec.name, "patroni", [file], true),
    };
    nodes.push(node);
    return node;
  };

  const haproxyFile = path.join(root, "haproxy.cfg");
  fs.writeFileSync(
    haproxyFile,
    haproxyConfig({ write: writePort, read: readPort, stats: statsPort }, specs),
  );
  launch("haproxy", "haproxy", ["-db", "-f", haproxyFile]);
  // PgBouncer will not run as root either.
  const bouncerDir = path.join(root, "pgbouncer");
  fs.mkdirSync(bouncerDir);
  const bouncerFile = path.join(bouncerDir, "pgbouncer.ini");
  fs.writeFileSync(
    bouncerFile,
    pgbouncerConfig({ port: bouncerPort, writePort, readPort, dir: bouncerDir }),
  );
  if (isRoot) fs.chownSync(bouncerDir, owner.uid!, owner.gid!);
  launch("pgbouncer", "pgbouncer", [bouncerFile], true);

  const members = async (): Promise<Member[]> => {
    for (const node of nodes) {
      try {
        const res = await fetch(`${node.restUrl}/cluster`, { signal: AbortSignal.timeout(1_000) });
        if (res.ok) return ((await res.json()) as { members: Member[] }).members;
      } catch {
        // That node is down: ask the next.
      }
    }
    return [];
  };
  const waitFor = async (what: string, check: (m: Member[]) => boolean, timeoutMs = 60_000) => {
    const started = performance.now();
    for (;;) {
      const now = await members();
      if (check(now)) return now;
      if (performance.now() - started > timeoutMs)
        throw new Error(
          `Patroni: ${what} not reached in ${timeoutMs / 1000} s: ${JSON.stringify(now)}\n${log.slice(-4000)}`,
        );
      await sleep(200);
    }
  };
  const node = (name: string) => {
    const found = nodes.find((n) => n.name === name);
    if (!found) throw new Error(`no Patroni node ${name}`);
    return found;
  };
  const killPostmaster = (name: string) => {
    const pid = postmasterPid(node(name).dataDir);
    if (!pid) throw new Error(`${name} has no postmaster running`);
    process.kill(pid, "SIGKILL");
  };

  const cluster: PatroniCluster = {
    writeUrl: `postgres://postgres@127.0.0.1:${writePort}/sertakan`,
    readUrl: `postgres://postgres@127.0.0.1:${readPort}/sertakan`,
    bouncerWriteUrl: `postgres://postgres@127.0.0.1:${bouncerPort}/sertakan`,
    bouncerReadUrl: `postgres://postgres@127.0.0.1:${bouncerPort}/sertakan_read`,
    nodes,
    members,
    waitFor,
    killPostmaster,
    killNode: async (name) => {
      const n = node(name);
      n.patroni.kill("SIGKILL");
      await exited(n.patroni);
      const pid = postmasterPid(n.dataDir);
      if (pid) process.kill(pid, "SIGKILL");
    },
    output: () => log,
    stop: async () => {
      // Patroni stops its PostgreSQL on SIGTERM; one that does not is killed, and so is a
      // postmaster left behind by a killed Patroni.
      const patronis = nodes.map((n) => n.patroni);
      for (const child of patronis) child.kill("SIGTERM");
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all(patronis.map(exited)),
        new Promise((resolve) => (timer = setTimeout(resolve, 15_000))),
      ]);
      clearTimeout(timer);
      for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
      for (const n of nodes) {
        const pid = postmasterPid(n.dataDir);
        if (pid) {
          try {
            process.kill(pid, "SIGKILL");
          } catch {
            // Already gone.
          }
        }
      }
      await Promise.all(children.map(exited));
    },
  };

  try {
    // The first node bootstraps (initdb) and leads; the second then clones it.
    startNode(specs[0]);
    await waitFor("a leader", (m) => m.some((x) => x.role === "leader" && x.state === "running"));
    startNode(specs[1]);
    await waitFor("a synchronous standby", (m) =>
      m.some((x) => x.role === "sync_standby" && x.state === "running"),
    );
    await waitForPort(cluster.writeUrl.replace(/\/sertakan$/, "/postgres"), false);
    const admin = new Client({
      connectionString: cluster.writeUrl.replace(/\/sertakan$/, "/postgres"),
    });
    await admin.connect();
    await admin.query("CREATE DATABASE sertakan");
    await admin.end();
    await waitForPort(cluster.readUrl, true);
    await waitForPort(cluster.bouncerWriteUrl, false);
    return cluster;
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}

/** Waits until HAProxy's port reaches a server that is (or is not) in recovery. */
async function waitForPort(url: string, standby: boolean): Promise<void> {
  const started = performance.now();
  for (;;) {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
    client.on("error", () => undefined);
    try {
      await client.connect();
      const { rows } = await client.query("SELECT pg_is_in_recovery() AS standby");
      if (rows[0].standby === standby) return;
    } catch {
      // Not routed yet.
    } finally {
      await client.end().catch(() => undefined);
    }
    if (performance.now() - started > 30_000)
      throw new Error(
        `HAProxy at ${url} did not reach a ${standby ? "replica" : "leader"} in 30 s`,
      );
    await sleep(200);
  }
}
