import {
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  getNamedType,
  isObjectType,
} from "graphql";
import { getMetadataStorage } from "type-graphql";
import { createSchema } from "../../schema";

// Authorization is decided at the roots: every Query and Mutation but the public ones carries
// @Authorized, and no resolver class does. A class-level @Authorized also wraps each of the
// class's field resolvers in the auth middleware, once per object of every page (a tenth of
// the general path's CPU on the worker page), to check what its root already checked. So
// these tests hold what makes the roots enough: the public roots, and what they can reach.

const PUBLIC_ROOTS = ["contributionQuote", "login", "me", "region", "regions"];
// Every object type an anonymous caller can reach from the public roots. A field that links
// one of these to private data (Region.workers, say) must carry @Authorized itself.
const PUBLIC_TYPES = ["AuthPayload", "ContributionQuote", "Mutation", "Query", "Region", "User"];

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await createSchema();
});

it("authorizes every Query and Mutation but the public ones, at the field", () => {
  const storage = getMetadataStorage();
  expect(storage.authorizedResolver.map((r) => r.target.name)).toEqual([]);
  const authorized = new Set(
    storage.authorizedFields.map((a) => `${a.target.name}.${a.fieldName}`),
  );
  const open = [...storage.queries, ...storage.mutations]
    .filter((r) => !authorized.has(`${r.target.name}.${r.methodName}`))
    .map((r) => r.schemaName)
    .sort();
  expect(open).toEqual(PUBLIC_ROOTS);
});

it("lets the public roots reach no private type", () => {
  const reached = new Set<string>();
  const visit = (type: GraphQLNamedType) => {
    if (!isObjectType(type) || reached.has(type.name)) return;
    reached.add(type.name);
    for (const field of Object.values((type as GraphQLObjectType).getFields()))
      visit(getNamedType(field.type));
  };
  for (const root of [schema.getQueryType()!, schema.getMutationType()!]) {
    reached.add(root.name);
    for (const name of PUBLIC_ROOTS) {
      const field = root.getFields()[name];
      if (field) visit(getNamedType(field.type));
    }
  }
  expect([...reached].sort()).toEqual(PUBLIC_TYPES);
});
