// @sertakan/client: typed access to the Sertakan API for regional offices' programs.
export { createClient } from "./transport";
export type { ClientOptions, SertakanClient } from "./transport";
export { SertakanError } from "./errors";
export { retryAfterMs } from "./retry-after";
export { walkConnection } from "./connection";
export type { Connection } from "./connection";
// TypedDocumentNodes and result types of operations/*.graphql, generated at build time.
export * from "./generated/graphql";
