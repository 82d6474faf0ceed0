import express, { NextFunction, Request, Response } from "express";
import { DomainError, NotFoundError } from "@sertakan/schema";
import { requireUuid } from "../../graphql/ids";
import { writeJson } from "../../http/write-json";
import type { Services } from "../../services";
import { renderReceipt, renderStatement } from "./document.pdf";

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
};

/** A coded error in the API's own JSON shape (as GraphQL answers and http/errors.ts do). */
function sendError(res: Response, status: number, code: string, message: string, field?: string) {
  writeJson(res, status, {
    errors: [{ message, extensions: { code, fieldErrors: field ? [{ field, message }] : [] } }],
  });
}

function sendPdf(res: Response, pdf: Buffer, filename: string) {
  res.status(200);
  res.setHeader("content-type", "application/pdf");
  res.setHeader("content-length", pdf.length);
  res.setHeader("content-disposition", `inline; filename="${filename}"`);
  // Personal data: never kept by a shared cache.
  res.setHeader("cache-control", "private, no-store");
  res.end(pdf);
}

const safeName = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 80) || "dokumen";

const query = (req: Request, name: string): string | undefined => {
  const value = req.query[name];
  if (value === undefined) return undefined;
  return typeof value === "string" ? value : String(value);
};

/**
 * GET /documents/payments/:id/receipt.pdf and /documents/donors/:id/statement.pdf: behind the
 * same sign-in (bearer or the admin app's cookie) and rate limit as /graphql, with scope
 * decided by the same services. GETs change nothing, so a cookie needs no CSRF guard here.
 */
export function documentRoutes(services: Services, options: { apiKeys: boolean }) {
  const router = express.Router();
  const guard = (handler: (req: Request, res: Response) => Promise<void>) => {
    return async (req: Request, res: Response, next: NextFunction) => {
      if (!req.viewer) return sendError(res, 401, "UNAUTHENTICATED", "Sign in to read documents.");
      // A key limited to registered operations (API_KEY_SAFELIST) gets no documents either.
      if (req.viewer.kind === "apiKey" && !options.apiKeys)
        return sendError(
          res,
          403,
          "FORBIDDEN",
          "API keys may run registered operations only; documents are for signed-in users.",
        );
      try {
        await handler(req, res);
      } catch (error) {
        if (error instanceof DomainError && STATUS[error.code])
          return sendError(res, STATUS[error.code], error.code, error.message, error.field);
        next(error);
      }
    };
  };

  router.get(
    "/payments/:id/receipt.pdf",
    guard(async (req, res) => {
      const id = requireUuid(String(req.params.id), "id");
      const receipt = await services.document.receipt(req.viewer!, id);
      if (!receipt) throw new NotFoundError(`There is no payment with id ${id}.`, "id");
      sendPdf(res, await renderReceipt(receipt), `kuitansi-${safeName(receipt.reference)}.pdf`);
    }),
  );

  router.get(
    "/donors/:id/statement.pdf",
    guard(async (req, res) => {
      const id = requireUuid(String(req.params.id), "id");
      const statement = await services.document.statement(
        req.viewer!,
        id,
        query(req, "from"),
        query(req, "to"),
      );
      if (!statement) throw new NotFoundError(`There is no donor with id ${id}.`, "id");
      sendPdf(
        res,
        await renderStatement(statement),
        `laporan-${safeName(statement.donor.name)}-${statement.from}-${statement.to}.pdf`,
      );
    }),
  );

  // Anything else under /documents is a JSON 404, not the admin app's page.
  router.use((req: Request, res: Response) => {
    sendError(res, 404, "NOT_FOUND", `There is no document at ${req.method} ${req.originalUrl}.`);
  });
  return router;
}
