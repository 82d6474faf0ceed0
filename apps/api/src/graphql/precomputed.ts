import { GraphQLObjectType, GraphQLSchema, defaultFieldResolver } from "graphql";
import { PRECOMPUTED } from "../modules/worker/worker-page.compiler";

// Types whose objects the compiled worker page builds whole in SQL.
const COMPILED_TYPES = ["Worker", "Region", "Sponsorship", "Donor"];

/**
 * Lets a precomputed object answer its fields by property reads: each field of these types
 * checks for the mark first and skips its resolver (and its loaders and middleware) when
 * the value is already there. Objects from the general path are unmarked and resolve as
 * before. Authorization was decided once, at the `workers` field the page came from.
 */
export function readPrecomputedFields(schema: GraphQLSchema): GraphQLSchema {
  for (const name of COMPILED_TYPES) {
    const type = schema.getType(name);
    if (!(type instanceof GraphQLObjectType)) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) =>
        source && source[PRECOMPUTED]
          ? source[info.fieldName]
          : resolve(source, args, context, info);
    }
  }
  return schema;
}
