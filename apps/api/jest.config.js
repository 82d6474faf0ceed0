/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/src"],
  // Transpile only: types are checked by `npm run check-types`, not on every test run.
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.jest.json" }] },
  moduleNameMapper: { "^@sertakan/schema$": "<rootDir>/../../packages/schema/src/index.ts" },
  // One PostgreSQL for the run; each test file gets its own database cloned from a template.
  globalSetup: "<rootDir>/src/test/global-setup.ts",
  globalTeardown: "<rootDir>/src/test/global-teardown.ts",
  // type-graphql reads decorator metadata: load the polyfill before any test module.
  setupFiles: ["reflect-metadata"],
  testTimeout: 60_000,
  maxWorkers: 2,
};
