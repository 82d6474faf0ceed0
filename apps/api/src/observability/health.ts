import { Router } from "express";
import type { Pool } from "pg";
import type { DataSource } from "typeorm";
import { migrations } from "../database/migrations";
import { poolsOf } from "../database/replicas";
import type { Logger } from "./logger";
import { maskNiks } from "./logger";

/** Shared with shutdown: once draining, /readyz says so and load balancers stop sending. */
export type Lifecycle = { draining: boolean };

// A probe must answer before the prober gives up, even when the database hangs.
const PROBE_TIMEOUT_MS = 2_000;

async function probe<T>(pool: Pool, sql: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("no answer in time")), PROBE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([pool.query(sql).then((r) => r.rows[0] as T), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * GET /healthz: the process is alive (nothing else is checked, so a database outage does
 * not get instances restarted). GET /readyz: 200 when the primary answers and has every
 * migration this build knows; 503 otherwise, and while shutting down. Replicas are
 * reported but do not decide: every instance shares them, so taking all out would not help.
 */
export function healthRoutes(dataSource: DataSource, lifecycle: Lifecycle, logger: Logger): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  router.get("/readyz", async (_req, res) => {
    if (lifecycle.draining) {
      res.status(503).json({ status: "draining" });
      return;
    }
    const [primary, ...replicas] = poolsOf(dataSource);
    if (!primary) {
      res.status(503).json({ status: "database closed" });
      return;
    }
    const replicaStates = await Promise.all(
      replicas.map(async ([name, pool]) => ({
        name,
        ok: await probe(pool, "SELECT 1").then(
          () => true,
          () => false,
        ),
      })),
    );
    try {
      const { n } = await probe<{ n: number }>(
        primary[1],
        "SELECT count(*)::int AS n FROM schema_migration",
      );
      if (n < migrations.length) {
        res.status(503).json({ status: "not migrated", pending: migrations.length - n });
        return;
      }
      res.json({ status: "ready", replicas: replicaStates });
    } catch (error) {
      logger.warn({ err: maskNiks(String(error)) }, "readiness: database unreachable");
      res.status(503).json({ status: "database unreachable", replicas: replicaStates });
    }
  });
  return router;
}
