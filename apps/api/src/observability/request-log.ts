import { randomUUID } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import type { Logger } from "./logger";
import { maskNiks } from "./logger";
import { recordHttp } from "./metrics";

// A caller's own request id is kept when it is a plain token, so a trace can cross systems.
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** What a GraphQL path knows about the request; the log line and metrics read it. */
export type OperationInfo = { name: string | null; errorCodes: readonly string[] };

declare module "express-serve-static-core" {
  interface Request {
    id?: string;
  }
  interface Locals {
    operation?: OperationInfo;
  }
}

/**
 * One JSON line and one metric per request, written when the response is finished: the
 * request id (also sent back as `X-Request-Id`), method, path without its query string (a
 * GET may carry a NIK there), status, duration, viewer and GraphQL operation. Bodies are
 * never logged.
 */
// As Express's req.path, which the edge's plain request does not have.
function pathOf(url = "/"): string {
  if (!url.startsWith("/")) {
    // An absolute-form target (`GET http://host/healthz`), as a proxy may send.
    try {
      return new URL(url).pathname;
    } catch {
      return url;
    }
  }
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

export function requestLog(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    // Once per request: the GraphQL edge (http/graphql-edge.ts) may have started it already.
    if (req.id) return next();
    const started = performance.now();
    // Read now: a mounted router (app.use("/graphql", …)) strips its prefix from req.url.
    const path = pathOf(req.url);
    const given = req.headers["x-request-id"];
    const id = typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
    req.id = id;
    res.setHeader("X-Request-Id", id);
    res.once("finish", () => {
      const ms = performance.now() - started;
      recordHttp(path, req.method, res.statusCode, ms);
      // Probes and scrapes every few seconds would drown the requests that matter.
      if (path === "/healthz" || path === "/readyz" || path === "/metrics") return;
      const operation = res.locals.operation;
      logger.info(
        {
          reqId: id,
          method: req.method,
          path,
          status: res.statusCode,
          ms: Math.round(ms * 10) / 10,
          viewer: req.viewer?.id ?? null,
          op: operation?.name ? maskNiks(operation.name) : undefined,
          errors: operation?.errorCodes.length ? operation.errorCodes : undefined,
        },
        "request",
      );
    });
    next();
  };
}
