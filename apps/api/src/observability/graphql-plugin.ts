import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "../context";
import { pinToPrimary } from "../database/replicas";
import { RETRY_AFTER_SECONDS, SERVICE_UNAVAILABLE } from "../database/unavailable";
import { recordOperation } from "./metrics";

const NO_CODES: readonly string[] = [];

/**
 * Per operation: its duration and error codes into the metrics and the request's log line;
 * a mutation's reads pinned to the primary; and HTTP 503 with Retry-After when the only
 * trouble was an unreachable database, so load balancers and clients back off.
 */
export function operationObservability(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation === "mutation") pinToPrimary();
        },
        async willSendResponse({ response, operationName, request, contextValue }) {
          const errors =
            response.body.kind === "single" ? response.body.singleResult.errors : undefined;
          const errorCodes = errors?.length
            ? errors.map((e) => String(e.extensions?.code ?? "INTERNAL_SERVER_ERROR"))
            : NO_CODES;
          const name = operationName ?? request.operationName ?? null;
          recordOperation({
            operationName: name,
            durationMs: performance.now() - started,
            errorCodes,
          });
          const res = contextValue?.res;
          if (res) res.locals.operation = { name, errorCodes };
          // Only when nothing was answered: a 503 tells clients the request may be sent again,
          // which a part that did run (a committed write) must not be.
          const data = response.body.kind === "single" ? response.body.singleResult.data : null;
          const nothingRan = data == null || Object.values(data).every((v) => v == null);
          if (
            nothingRan &&
            errorCodes.length &&
            errorCodes.every((c) => c === SERVICE_UNAVAILABLE.code)
          ) {
            response.http.status = 503;
            response.http.headers.set("retry-after", String(RETRY_AFTER_SECONDS));
          }
        },
      };
    },
  };
}
