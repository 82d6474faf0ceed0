import { BreakingChange, GraphQLSchema, buildSchema, findBreakingChanges } from "graphql";

/**
 * What of the public contract the emitted schema still lacks or breaks:
 * graphql-js' breaking changes from the contract to what we serve.
 */
export function contractGaps(
  contractSdl: string,
  emitted: GraphQLSchema | string,
): BreakingChange[] {
  const served = typeof emitted === "string" ? buildSchema(emitted) : emitted;
  return findBreakingChanges(buildSchema(contractSdl), served);
}
