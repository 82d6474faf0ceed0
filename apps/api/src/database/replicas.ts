import { AsyncLocalStorage } from "node:async_hooks";
import type { NextFunction, Request, Response } from "express";
import type { Pool } from "pg";
import type { DataSource } from "typeorm";
import type { PostgresDriver } from "typeorm/driver/postgres/PostgresDriver";

// Reads go to a streaming replica unless the request has written (or is about to): a
// mutation's own reads must see its writes, and a replica may be a few ms behind.
type Routing = { primary: boolean };
const routing = new AsyncLocalStorage<Routing>();

function driverOf(dataSource: DataSource): PostgresDriver {
  return dataSource.driver as PostgresDriver;
}

/** The primary's pool: writes, and reads that must see the latest commit (credentials). */
export function primaryPool(dataSource: DataSource): Pool {
  return driverOf(dataSource).master as Pool;
}

/** A pool for a read-only statement: a replica when there are any and the request has not written. */
export function readPool(dataSource: DataSource): Pool {
  const driver = driverOf(dataSource);
  const replicas = driver.slaves as Pool[];
  if (replicas.length === 0 || routing.getStore()?.primary) return driver.master as Pool;
  return replicas[replicas.length === 1 ? 0 : Math.floor(Math.random() * replicas.length)];
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
