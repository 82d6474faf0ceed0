/** @type {import('jest').Config} */
const transform = {
  // Transpile only: types are checked by `npm run check-types`.
  "^.+\\.tsx?$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.jest.json" }],
};
const moduleNameMapper = {
  "^@sertakan/schema$": "<rootDir>/../../packages/schema/src/index.ts",
  "\\.css$": "<rootDir>/src/test/style-stub.cjs",
};

module.exports = {
  // Typing a 16-digit NIK key by key into Mantine under jsdom takes seconds on 2 busy cores.
  testTimeout: 30_000,
  projects: [
    {
      displayName: "components",
      testEnvironment: "jsdom",
      roots: ["<rootDir>/src"],
      transform,
      moduleNameMapper,
      setupFilesAfterEnv: ["<rootDir>/src/test/setup.ts"],
    },
    {
      // The built app in Debian's chromium against the built API on embedded PostgreSQL.
      displayName: "e2e",
      testEnvironment: "node",
      roots: ["<rootDir>/e2e"],
      transform,
      moduleNameMapper,
    },
  ],
};
