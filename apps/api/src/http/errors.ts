import type { NextFunction, Request, Response } from "express";
import {
  RETRY_AFTER_SECONDS,
  SERVICE_UNAVAILABLE,
  isDatabaseUnavailable,
} from "../database/unavailable";
import { describeDatabaseError } from "../graphql/errors";
import { writeJson } from "./write-json";

/**
 * Errors raised before GraphQL runs (body parsing, size limit, auth lookups) answered in
 * the same JSON shape as GraphQL errors, never as an HTML page or a stack trace.
 */
export function httpErrorHandler(production: boolean, log: (message: string) => void) {
  return (
    error: { status?: number; type?: string; message?: string },
    _req: Request,
    res: Response,
    next: NextFunction,
  ) => {
    if (res.headersSent) return next(error);
    if (error.type === "entity.too.large" || error.status === 413) {
      return send(
        res,
        413,
        "PAYLOAD_TOO_LARGE",
        "The request body is too large (limit 2 MB). Split the import into smaller batches.",
      );
    }
    if (error.type === "entity.parse.failed")
      return send(res, 400, "BAD_REQUEST", "The request body is not valid JSON.");
    if (error.status && error.status >= 400 && error.status < 500)
      return send(res, error.status, "BAD_REQUEST", error.message ?? "Bad request.");
    // A statement the timeout stopped (a hot read answered before Apollo): retrying the
    // same request would only time out again.
    const database = describeDatabaseError(error as { code?: string });
    if (database?.code === "TIMEOUT") return send(res, 504, database.code, database.message);
    // The credential lookup, the shared rate limit or a hot read found the database down.
    if (isDatabaseUnavailable(error)) {
      res.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
      return send(res, 503, SERVICE_UNAVAILABLE.code, SERVICE_UNAVAILABLE.message);
    }
    log(`unhandled HTTP error: ${error.message ?? String(error)}`);
    send(
      res,
      500,
      "INTERNAL_SERVER_ERROR",
      production ? "Something went wrong on our side. Please try again." : String(error.message),
    );
  };
}

function send(res: Response, status: number, code: string, message: string) {
  writeJson(res, status, { errors: [{ message, extensions: { code } }] });
}
