import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, Kind, visit } from "graphql";
import type { Context } from "../context";

/**
 * In production the schema is described only to signed-in callers and API keys: anonymous
 * introspection would map the surface for anyone on the internet.
 */
export function introspectionOnlyWhenSignedIn(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          if (contextValue.viewer) return;
          let introspects = false;
          visit(document, {
            [Kind.FIELD]: (node) => {
              if (node.name.value === "__schema" || node.name.value === "__type")
                introspects = true;
            },
          });
          if (introspects) {
            throw new GraphQLError("Sign in, or send an API key, to introspect the schema.", {
              extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
            });
          }
        },
      };
    },
  };
}
