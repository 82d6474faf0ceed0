/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/src"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { isolatedModules: true }] },
};
