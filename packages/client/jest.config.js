/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/src", "<rootDir>/examples"],
  // Transpile only: types are checked by `npm run check-types`, not on every test run.
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.jest.json" }] },
  // One built API for the run, with its own embedded PostgreSQL and the Klaten demo.
  globalSetup: "<rootDir>/src/test/global-setup.ts",
  globalTeardown: "<rootDir>/src/test/global-teardown.ts",
  testTimeout: 120_000,
  maxWorkers: 1,
};
