/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  // Type checking is `npm run typecheck`'s job; tests only transpile (tsconfig has isolatedModules).
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  // The suite must hold on a busy 2-core machine, where building a large workbook in memory takes seconds:
  // no test relies on jest's 5-second default. Tests that spawn processes set their own, longer timeouts.
  testTimeout: 60000,
  setupFilesAfterEnv: ["<rootDir>/tests/support/setupTests.ts"],
  // Two workers on two cores: many suites wait on child processes (the CLI, LibreOffice, Chromium), and on a
  // machine shared with other jobs two workers get their share of it where one would get a third.
  maxWorkers: 2,
};
