import { AsyncLocalStorage } from "node:async_hooks";
import type { NextFunction, Request, Response } from "express";
import { Pool, PoolConfig } from "pg";
import type { DataSource } from "typeorm";
import type { PostgresDriver } from "typeorm/driver/postgres/PostgresDriver";

// Reads go to a streaming replica unless the request has written (or is about to): a
// mutation's own reads must see its writes, and a replica may be a few ms behind.
type Routing = { primary: boolean };
const routing = new AsyncLocalStorage<Routing>();

function driverOf(dataSource: DataSource): PostgresDriver {
  return dataSource.driver as PostgresDriver;
}

// The hot named statements (the compiled worker reads, the sign-in lookup) run on pools of
// their own beside TypeORM's, one per server, whose connections plan each statement once:
// left to choose, PostgreSQL re-planned the worker page on every call, which cost as much as
// running it. TypeORM's statements keep per-call plans, which suit filters whose best plan
// depends on the value (a rare name, a region at some level).
const statementPools = new WeakMap<Pool, Pool>();
const statementPoolsOf = new WeakMap<DataSource, Pool[]>();

function forNamedStatements(dataSource: DataSource, pool: Pool): Pool {
  let own = statementPools.get(pool);
  if (!own) {
    const base = (pool as Pool & { options: PoolConfig }).options;
    own = new Pool({
      ...base,
      // A SET, not a startup parameter (`options`), so it also works through PgBouncer.
      onConnect: async (client) => {
        await base.onConnect?.(client);
        await client.query("SET plan_cache_mode = force_generic_plan");
      },
      // Scripts that use the services must still exit when their work is done.
      allowExitOnIdle: true,
    });
    // A connection that dies while idle (a database restart) is replaced on the next call;
    // on a replica it also takes the replica out of the read rotation until a probe answers.
    own.on("error", () => lost.get(pool)?.());
    statementPools.set(pool, own);
    statementPoolsOf.set(dataSource, [...(statementPoolsOf.get(dataSource) ?? []), own]);
  }
  return own;
}

/** Closes the named-statement pools of a data source (with the data source itself). */
export async function closeStatementPools(dataSource: DataSource): Promise<void> {
  const pools = statementPoolsOf.get(dataSource) ?? [];
  statementPoolsOf.delete(dataSource);
  await Promise.all(pools.map((p) => p.end()));
}

/** The primary, for named statements that must see the latest commit (credentials). */
export function primaryPool(dataSource: DataSource): Pool {
  return forNamedStatements(dataSource, driverOf(dataSource).master as Pool);
}

/**
 * For a read-only named statement: a replica when there are any and the request has not
 * written, else the primary.
 */
export function readPool(dataSource: DataSource): Pool {
  const replicas = liveReplicas(dataSource);
  if (replicas.length === 0 || routing.getStore()?.primary) return primaryPool(dataSource);
  const replica = replicas[replicas.length === 1 ? 0 : Math.floor(Math.random() * replicas.length)];
  return forNamedStatements(dataSource, replica);
}

/** Every pool of the data source, named for metrics: `primary`, `replica1`, … */
export function poolsOf(dataSource: DataSource): [string, Pool][] {
  const driver = driverOf(dataSource);
  if (!driver.master) return [];
  return [
    ["primary", driver.master as Pool],
    ...(driver.slaves as Pool[]).map((pool, i): [string, Pool] => [`replica${i + 1}`, pool]),
  ];
}

/**
 * The primary's pools take no connection to a server in recovery. Patroni's `/primary`
 * check (and so HAProxy's write port) turns to a new leader once it holds the leader lock,
 * a moment before PostgreSQL has finished promoting it; a write there would fail as
 * read-only (INTERNAL_SERVER_ERROR). Refused as "cannot connect now" (57P03), the request
 * gets SERVICE_UNAVAILABLE and its retry finds the promoted leader. Call before any request.
 */
export function refuseStandbyAsPrimary(dataSource: DataSource): void {
  const options = (driverOf(dataSource).master as Pool & { options: PoolConfig }).options;
  const setUp = options.onConnect;
  options.onConnect = async (client) => {
    await setUp?.(client);
    const { rows } = await client.query("SELECT pg_is_in_recovery() AS standby");
    if (rows[0].standby)
      throw Object.assign(new Error("the primary is still in recovery: a failover is under way"), {
        code: "57P03",
      });
  };
}

/** From here on, this request reads from the primary (called when a mutation starts). */
export function pinToPrimary(): void {
  const store = routing.getStore();
  if (store) store.primary = true;
}

/**
 * With replicas, TypeORM's query builders read from one unless the request is pinned.
 * Without replicas nothing changes, and no async context is tracked at all (it costs).
 */
export function routeReads(dataSource: DataSource) {
  if (driverOf(dataSource).slaves.length === 0) return null;
  dataSource.defaultReplicationModeForReads = () =>
    routing.getStore()?.primary ? "master" : "slave";
  // Mounted after the body parser: its stream callbacks would lose the async context.
  return (_req: Request, _res: Response, next: NextFunction) =>
    routing.run({ primary: false }, next);
}

// A replica that stops answering leaves the read rotation at once (one of its idle
// connections breaks, or a probe fails) and comes back after a probe answers: until then
// its reads go to the other replicas, or to the primary, instead of failing.
const PROBE_EVERY_MS = 1_000;
const PROBE_TIMEOUT_MS = 1_000;
const down = new WeakMap<DataSource, Set<Pool>>();
const lost = new WeakMap<Pool, () => void>();

function liveReplicas(dataSource: DataSource): Pool[] {
  const replicas = driverOf(dataSource).slaves as Pool[];
  const out = down.get(dataSource);
  return out?.size ? replicas.filter((p) => !out.has(p)) : replicas;
}

/** Each replica's name (as in poolsOf) and whether it is in the read rotation. */
export function replicaStates(dataSource: DataSource): [string, boolean][] {
  const out = down.get(dataSource);
  return (driverOf(dataSource).slaves as Pool[]).map((pool, i) => [
    `replica${i + 1}`,
    !out?.has(pool),
  ]);
}

async function answers(pool: Pool): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([pool.query("SELECT 1").then(() => true), late]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Probes every replica each second and keeps TypeORM's reads (and readPool) on those that
 * answer. Returns the function that stops the probes. Without replicas it does nothing.
 */
export function watchReplicas(
  dataSource: DataSource,
  log: (message: string, up: boolean) => void = () => undefined,
): () => void {
  const driver = driverOf(dataSource);
  const replicas = [...(driver.slaves as Pool[])];
  if (replicas.length === 0) return () => undefined;
  const out = new Set<Pool>();
  down.set(dataSource, out);
  const name = (pool: Pool) => `replica${replicas.indexOf(pool) + 1}`;
  const mark = (pool: Pool, up: boolean) => {
    if (up !== out.has(pool)) return;
    if (up) out.delete(pool);
    else out.add(pool);
    log(
      `${name(pool)} ${up ? "answers again: back in" : "stopped answering: out of"} the read rotation`,
      up,
    );
  };
  for (const pool of replicas) {
    lost.set(pool, () => mark(pool, false));
    pool.on("error", () => mark(pool, false));
  }
  driver.obtainSlaveConnection = () => {
    const live = replicas.filter((p) => !out.has(p));
    if (live.length === 0) return driver.obtainMasterConnection();
    const pool = live[Math.floor(Math.random() * live.length)];
    return new Promise((resolve, reject) => {
      pool.connect((err, connection, release) =>
        err ? reject(err) : resolve([connection, release]),
      );
    });
  };
  let probing = false;
  const timer = setInterval(async () => {
    // A probe that waits on a hung server must not pile up behind itself.
    if (probing || !dataSource.isInitialized) return;
    probing = true;
    try {
      const results = await Promise.all(replicas.map(answers));
      replicas.forEach((pool, i) => mark(pool, results[i]));
    } finally {
      probing = false;
    }
  }, PROBE_EVERY_MS);
  // The probes alone must not keep a script (or a test) running.
  timer.unref();
  return () => clearInterval(timer);
}
