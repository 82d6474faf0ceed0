import { GraphQLObjectType, GraphQLSchema, defaultFieldResolver } from "graphql";
import type { Catalog } from "../compiled-reads/catalog";
import { NOT_COMPILED } from "../compiled-reads/reads";
import { PRECOMPUTED } from "../compiled-reads/sql";
import type { Context } from "../context";
import { SERVICE_UNAVAILABLE } from "../database/unavailable";
import { describeDatabaseError } from "./errors";

function isUnavailable(error: unknown): boolean {
  const code = describeDatabaseError(error as { code?: string })?.code;
  return code === "TIMEOUT" || code === SERVICE_UNAVAILABLE.code;
}

/**
 * Compiled reads inside GraphQL execution (compiled-reads/reads.ts), for documents the HTTP
 * edge leaves to Apollo because they also ask for something else:
 * - each root Query field the catalog declares first asks for its compiled statement, and
 *   resolves the general way when it is not compiled (or the server runs without them);
 * - each field of the compiled types checks for the PRECOMPUTED mark and, on a marked object,
 *   is a property read by response key: its resolver, loaders and middleware do not run.
 * Objects of the general path are unmarked and resolve as before. Authorization of a compiled
 * root was decided by its declaration for the caller's role.
 */
export function readPrecomputedFields(schema: GraphQLSchema, catalog: Catalog): GraphQLSchema {
  const query = schema.getQueryType()!;
  for (const [name, field] of Object.entries(query.getFields())) {
    if (!(name in catalog.roots)) continue;
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args, context: Context, info) => {
      const reads = context.compiledReads;
      if (!reads || !context.viewer) return resolve(source, args, context, info);
      return reads.field(info, context.viewer).then(
        (value) => (value === NOT_COMPILED ? resolve(source, args, context, info) : value),
        // As at the edge: a database that is down or a statement the timeout stopped is the
        // answer; anything else (a cursor PostgreSQL cannot read…) is the general path's to say.
        (error) => {
          if (isUnavailable(error)) throw error;
          return resolve(source, args, context, info);
        },
      );
    };
  }
  const types = new Set<string>(["PageInfo"]);
  for (const name of Object.keys(catalog.types))
    for (const type of [name, `${name}Connection`, `${name}Edge`]) types.add(type);
  for (const name of types) {
    const type = schema.getType(name);
    if (!(type instanceof GraphQLObjectType)) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) =>
        source && source[PRECOMPUTED]
          ? source[info.path.key]
          : resolve(source, args, context, info);
    }
  }
  return schema;
}
