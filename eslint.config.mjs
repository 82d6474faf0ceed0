// @ts-check
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
  globalIgnores([
    "**/dist/**",
    "**/node_modules/**",
    "**/.data/**",
    "**/coverage/**",
    "**/.turbo/**",
    "**/src/generated/**",
    // GraphQL Code Generator output, regenerated on every build.
    "apps/admin/src/gql/**",
    "apps/admin/test-artifacts/**",
  ]),
  {
    files: ["**/*.{js,mjs,cjs,ts,tsx,mts,cts}"],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          caughtErrorsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
        },
      ],
    },
  },
  {
    // CommonJS tool configs run by Node (packages/schema has no "type": "module").
    files: ["**/*.cjs", "**/jest.config.js"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        module: "writable",
        require: "readonly",
        process: "readonly",
        __dirname: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Tests read loosely typed GraphQL answers; the assertions are the types there.
    files: ["**/*.test.ts", "**/src/test/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // Node scripts in plain JavaScript (the benchmark harness).
    files: ["tools/**/*.mjs"],
    languageOptions: {
      sourceType: "module",
      globals: {
        process: "readonly",
        console: "readonly",
        fetch: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        URL: "readonly",
      },
    },
  },
);
