import type { CodegenConfig } from "@graphql-codegen/cli";

// Operations are typed from the schema the API emits at build time; the output is
// regenerated on every build/test and git-ignored.
const config: CodegenConfig = {
  schema: "../../packages/schema/schema.graphql",
  documents: ["src/**/*.ts", "src/**/*.tsx", "!src/gql/**/*"],
  ignoreNoDocuments: true,
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: {
          Rupiah: "number",
          YearMonth: "string",
          Date: "string",
          DateTime: "string",
          JSON: "unknown",
        },
      },
    },
  },
};

export default config;
