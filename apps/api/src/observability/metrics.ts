import { createHash, timingSafeEqual } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { DataSource } from "typeorm";
import { poolsOf, replicaStates } from "../database/replicas";
import { writeJson } from "../http/write-json";

// One registry per process, so any request path (Apollo or a fast path beside it) can
// record into it without holding a handle. Served at GET /metrics.
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

// From 2 ms (a cached lookup) to 15 s (the statement timeout).
const BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15];

const httpDuration = new Histogram({
  name: "sertakan_http_request_duration_seconds",
  help: "HTTP requests by route, method and status.",
  labelNames: ["route", "method", "status"] as const,
  buckets: BUCKETS,
  registers: [registry],
});
const operationDuration = new Histogram({
  name: "sertakan_graphql_operation_duration_seconds",
  help: "GraphQL operations by operation name (anonymous when the client named none).",
  labelNames: ["operation"] as const,
  buckets: BUCKETS,
  registers: [registry],
});
const operationErrors = new Counter({
  name: "sertakan_graphql_errors_total",
  help: "GraphQL errors by extensions.code and operation name.",
  labelNames: ["code", "operation"] as const,
  registers: [registry],
});

const watched = new Set<DataSource>();
const poolGauge = (name: string, help: string, read: (p: PoolCounts) => number) =>
  new Gauge({
    name,
    help,
    labelNames: ["pool"] as const,
    registers: [registry],
    // Read on scrape, not on every request.
    collect() {
      this.reset();
      for (const dataSource of watched) {
        if (!dataSource.isInitialized) {
          watched.delete(dataSource);
          continue;
        }
        for (const [pool, counts] of poolsOf(dataSource)) this.inc({ pool }, read(counts));
      }
    },
  });
type PoolCounts = { totalCount: number; idleCount: number; waitingCount: number };
poolGauge("sertakan_db_pool_connections", "Open connections per pool.", (p) => p.totalCount);
poolGauge("sertakan_db_pool_idle", "Idle connections per pool.", (p) => p.idleCount);
poolGauge("sertakan_db_pool_waiting", "Queries waiting for a connection.", (p) => p.waitingCount);

new Gauge({
  name: "sertakan_db_replica_up",
  help: "1 while a read replica answers and takes reads, 0 while it is out of the rotation.",
  labelNames: ["pool"] as const,
  registers: [registry],
  collect() {
    this.reset();
    for (const dataSource of watched)
      if (dataSource.isInitialized)
        for (const [pool, up] of replicaStates(dataSource)) this.set({ pool }, up ? 1 : 0);
  },
});

/** Report this data source's pools (primary and replicas) in /metrics. */
export function watchPools(dataSource: DataSource): void {
  watched.add(dataSource);
}

// Operation names come from clients: only plain GraphQL names become labels, and only so
// many, so a client cannot grow the metrics without bound.
const MAX_OPERATION_NAMES = 200;
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const names = new Set<string>();

/** The label for a client's operation name: itself, `anonymous`, or `other`. */
export function operationLabel(operationName: string | null | undefined): string {
  if (!operationName) return "anonymous";
  if (names.has(operationName)) return operationName;
  // A name carrying a NIK-like number must not become a label: /metrics is not masked.
  if (
    !NAME.test(operationName) ||
    /\d{16}/.test(operationName) ||
    names.size >= MAX_OPERATION_NAMES
  )
    return "other";
  names.add(operationName);
  return operationName;
}

export type OperationRecord = {
  operationName: string | null | undefined;
  durationMs: number;
  /** `extensions.code` of each error in the answer (empty when it succeeded). */
  errorCodes: readonly string[];
};

/** Records one GraphQL operation; any path that answers /graphql calls this. */
export function recordOperation({ operationName, durationMs, errorCodes }: OperationRecord): void {
  const operation = operationLabel(operationName);
  operationDuration.observe({ operation }, durationMs / 1000);
  for (const code of errorCodes) operationErrors.inc({ code, operation });
}

const ROUTES = new Set(["/graphql", "/healthz", "/readyz", "/metrics"]);

/** Records one HTTP request; the request logger calls it when the response is finished. */
export function recordHttp(path: string, method: string, status: number, durationMs: number): void {
  // The admin app's files and anything unknown share one label: paths come from clients.
  const route = ROUTES.has(path) ? path : "other";
  httpDuration.observe({ route, method, status: String(status) }, durationMs / 1000);
}

/**
 * GET /metrics for a scraper that sends `Authorization: Bearer <METRICS_TOKEN>`; anyone may
 * read it when no token is configured (then keep the path off the public proxy).
 */
export function metricsAccess(token: string | null) {
  // Digests are compared, so neither the token's length nor its bytes leak through timing.
  const digest = (text: string) => createHash("sha256").update(text).digest();
  const expected = token === null ? null : digest(token);
  return (req: Request, res: Response, next: NextFunction) => {
    if (!expected) return next();
    const given = /^bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "")?.[1] ?? "";
    if (timingSafeEqual(digest(given), expected)) return next();
    res.setHeader("WWW-Authenticate", 'Bearer realm="metrics"');
    writeJson(res, 401, {
      errors: [
        {
          message: "Send the metrics token as `Authorization: Bearer <METRICS_TOKEN>`.",
          extensions: { code: "UNAUTHENTICATED" },
        },
      ],
    });
  };
}

/** GET /metrics in Prometheus' text format. */
export async function metricsHandler(_req: Request, res: Response): Promise<void> {
  res.setHeader("Content-Type", registry.contentType);
  res.send(await registry.metrics());
}
