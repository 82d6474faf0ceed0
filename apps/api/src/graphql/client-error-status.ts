import type { ApolloServerPlugin } from "@apollo/server";

const CLIENT_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
]);

/**
 * A request refused before execution for the client's own fault answers 400, whatever
 * raised it: graphql-armor's token limit, for one, fails while parsing without an HTTP
 * status, which Apollo would otherwise send as 500.
 */
export function clientErrorsAre400(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          const { data, errors } = response.body.singleResult;
          if (data !== undefined || !errors?.length) return;
          if (errors.every((e) => CLIENT_CODES.has(String(e.extensions?.code))))
            response.http.status = 400;
        },
      };
    },
  };
}
