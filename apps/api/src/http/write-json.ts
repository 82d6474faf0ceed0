import type { ServerResponse } from "node:http";

/**
 * A JSON answer with Node's own response methods, so that a gate can answer both in Express
 * and at the GraphQL edge (http/graphql-edge.ts), where the response is a plain one.
 */
export function writeJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.setHeader("content-length", Buffer.byteLength(text));
  res.end(text);
}
