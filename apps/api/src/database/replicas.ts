import { AsyncLocalStorage } from "node:async_hooks";
import type { NextFunction, Request, Response } from "express";
import { Pool } from "pg";
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
    own = new Pool({
      ...(pool as Pool & { options: object }).options,
      options: "-c plan_cache_mode=force_generic_plan",
      // Scripts that use the services must still exit when their work is done.
      allowExitOnIdle: true,
    });
    // A connection that dies while idle (a database restart) is replaced on the next call.
    own.on("error", () => undefined);
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
  const driver = driverOf(dataSource);
  const replicas = driver.slaves as Pool[];
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
