import type { IncomingMessage, ServerResponse } from "node:http";
import type { NextFunction, Request, RequestHandler, Response } from "express";

// The front door of the hot reads (docs/performance.md). Express's router walks every
// mounted layer for each request, and its JSON body parser streams through four packages:
// for a regional program's worker page that cost more Node time than the answer itself.
//
// A signed-in JSON POST to /graphql is taken here instead. It passes the very same gates, in
// Express's order (request log, security headers, CORS, authentication, rate limit),
// then its body is read and offered to the direct answers. Whatever those leave, and any
// error a gate raises, goes on to the Express app unchanged in meaning: each gate does its
// work once per request and lets a request it has seen pass, and the body parser finds the
// body already read. So everything but the router and the parser is shared, not copied.

/** Larger bodies (imports) go to Express's parser, which streams them under its 2 MB limit. */
const MAX_EDGE_BODY = 64 * 1024;

declare module "express-serve-static-core" {
  interface Request {
    /** An error a gate raised at the edge, for Express's error handler to answer. */
    edgeError?: unknown;
  }
}

export type GraphqlEdge = {
  /** Run in order before the body is read; each may answer, or call next (with an error). */
  gates: RequestHandler[];
  /** Answers from the parsed body, or calls next to leave it to Express (which will not ask it again). */
  answer: RequestHandler;
};

/**
 * The server's request listener: hot reads through `edge`, everything else (and whatever
 * the edge leaves) through `app`. Mount `forwardEdgeError` first in `app`.
 */
export function graphqlEdge(
  app: (req: IncomingMessage, res: ServerResponse) => void,
  edge: GraphqlEdge,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (incoming, outgoing) => {
    if (!takesEdge(incoming)) return app(incoming, outgoing);
    // The gates and the answer touch only Node's own request and response members, plus the
    // fields they set themselves (viewer, id, body, locals), which Express keeps.
    const req = incoming as Request;
    const res = outgoing as Response;
    res.locals = Object.create(null);
    let handedOn = false;
    const toExpress = (error?: unknown) => {
      if (handedOn) return; // a gate that both fails and calls next: Express takes it once
      handedOn = true;
      if (error !== undefined) req.edgeError = error;
      app(req, res);
    };
    const run = (i: number): void => {
      const last = i === edge.gates.length;
      const handler = last ? edge.answer : edge.gates[i];
      const next = (error?: unknown) => {
        if (error !== undefined) toExpress(error);
        else if (last) toExpress();
        else run(i + 1);
      };
      // As Express 5's router: a throw or a rejected promise is the handler's error.
      const call = () => {
        try {
          const result = handler(req, res, next) as unknown;
          if (result instanceof Promise) result.catch((error) => toExpress(error ?? new Error()));
        } catch (error) {
          toExpress(error);
        }
      };
      if (last) readBody(req, call, toExpress);
      else call();
    };
    run(0);
  };
}

/** Express's first middleware: an edge gate's error goes to the error handler. */
export function forwardEdgeError(req: Request, _res: Response, next: NextFunction): void {
  next(req.edgeError);
}

// Only what the edge reads exactly as Express's parser would: a bearer credential (cookies are
// the admin app's, with cookie refusal to handle), no Origin (a browser's cross-origin call and
// its preflight stay Express's), plain UTF-8 JSON with a known, small length, not compressed.
function takesEdge(req: IncomingMessage): boolean {
  if (req.method !== "POST" || req.url !== "/graphql") return false;
  const h = req.headers;
  if (!h.authorization || !/^bearer\s/i.test(h.authorization) || h.origin) return false;
  if (h["content-encoding"] || h["transfer-encoding"]) return false;
  const type = h["content-type"]?.toLowerCase().replace(/\s/g, "");
  if (type !== "application/json" && type !== "application/json;charset=utf-8") return false;
  const length = Number(h["content-length"]);
  return Number.isInteger(length) && length > 0 && length <= MAX_EDGE_BODY;
}

function readBody(req: Request, then: () => void, toExpress: (error?: unknown) => void) {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("error", () => undefined); // an aborted upload: the socket is gone, nothing to answer
  req.on("end", () => {
    // As body-parser: a byte-order mark is dropped, and in strict mode the first character
    // after JSON's whitespace must open an object or an array, else the same 400.
    const text = Buffer.concat(chunks)
      .toString("utf8")
      .replace(/^\uFEFF/, "");
    const first = /^[ \t\n\r]*([^ \t\n\r]?)/.exec(text)![1];
    try {
      if (first !== "{" && first !== "[") throw new SyntaxError("not an object or array");
      req.body = JSON.parse(text);
    } catch (error) {
      return toExpress(Object.assign(error as Error, { status: 400, type: "entity.parse.failed" }));
    }
    // From here Express's parser sees a finished request and keeps req.body.
    then();
  });
}
