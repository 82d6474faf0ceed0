import type { NextFunction, Request, Response } from "express";
import type { DataSource } from "typeorm";
import { writeJson } from "./write-json";

declare module "express-serve-static-core" {
  interface Request {
    rateCounted?: boolean;
  }
}

export type RateLimitStore = { hit: (key: string, windowStart: number) => Promise<number> };

const WINDOW_MS = 60_000;

/** Counts in this process: right for a single instance. */
export function memoryStore(): RateLimitStore {
  const windows = new Map<string, { start: number; hits: number }>();
  return {
    hit: async (key, windowStart) => {
      const current = windows.get(key);
      if (!current || current.start !== windowStart) {
        windows.set(key, { start: windowStart, hits: 1 });
        // Forget old windows now and then so the map does not grow without end.
        if (windows.size > 50_000)
          for (const [k, w] of windows) if (w.start < windowStart) windows.delete(k);
        return 1;
      }
      return ++current.hits;
    },
  };
}

/** Counts in PostgreSQL, shared by every instance on the same database. */
export function postgresStore(db: DataSource): RateLimitStore {
  let lastSweep = 0;
  return {
    hit: async (key, windowStart) => {
      const [row] = await db.query(
        `INSERT INTO rate_limit_window (key, window_start, hits) VALUES ($1, to_timestamp($2 / 1000.0), 1)
         ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limit_window.hits + 1 RETURNING hits`,
        [key, windowStart],
      );
      if (windowStart > lastSweep) {
        lastSweep = windowStart;
        void db
          .query(`DELETE FROM rate_limit_window WHERE window_start < now() - interval '5 minutes'`)
          .catch(() => undefined);
      }
      return row.hits;
    },
  };
}

/**
 * Fixed one-minute windows per API key, user or (for anonymous callers) address.
 * Over the limit: 429 with Retry-After, the seconds left in the window.
 */
export function rateLimit(store: RateLimitStore, perMinute: number) {
  return async (req: Request, res: Response, next: NextFunction) => {
    // Counted once per request: the GraphQL edge (http/graphql-edge.ts) may have done it.
    if (perMinute <= 0 || req.rateCounted) return next();
    req.rateCounted = true;
    const key = req.viewer ? `${req.viewer.kind}:${req.viewer.id}` : `ip:${req.ip}`;
    const now = Date.now();
    const windowStart = now - (now % WINDOW_MS);
    let hits: number;
    try {
      hits = await store.hit(key, windowStart);
    } catch (error) {
      return next(error);
    }
    res.setHeader("RateLimit-Limit", String(perMinute));
    res.setHeader("RateLimit-Remaining", String(Math.max(0, perMinute - hits)));
    if (hits > perMinute) {
      const retryAfter = Math.ceil((windowStart + WINDOW_MS - now) / 1000);
      res.setHeader("Retry-After", String(retryAfter));
      return writeJson(res, 429, {
        errors: [
          {
            message: `Too many requests: at most ${perMinute} a minute. Try again in ${retryAfter} s.`,
            extensions: { code: "RATE_LIMITED", retryAfter },
          },
        ],
      });
    }
    next();
  };
}
