/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  setupFiles: ['<rootDir>/test/support/setup-env.ts'],
  // Migrated and seeded databases, made once per run and copied per test file (test/support/test-run.ts).
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // A guard against a hang only, never against a slow machine: no test or hook sets its own.
  testTimeout: 15 * 60 * 1000,
  maxWorkers: 2,
};
