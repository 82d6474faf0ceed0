import type { CodegenConfig } from "@graphql-codegen/cli";

// TypedDocumentNodes and result types for operations/*.graphql, checked against the schema
// the API emitted in this build. The output is generated at build time, never committed.
const config: CodegenConfig = {
  schema: "../schema/schema.graphql",
  documents: "operations/*.graphql",
  generates: {
    "src/generated/graphql.ts": {
      plugins: ["typescript-operations", "typed-document-node"],
      config: {
        // The contract's scalars as they travel in JSON.
        scalars: {
          Rupiah: "number",
          YearMonth: "string",
          Date: "string",
          DateTime: "string",
          JSON: "unknown",
        },
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: true,
      },
    },
  },
};

export default config;
