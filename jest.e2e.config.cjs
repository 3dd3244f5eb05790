// End-to-end: the built extension in real browsers against the local replica; one browser at a time.
module.exports = {
  testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'],
  transform: { '^.+\\.(t|j)sx?$': '@swc/jest' },
  testEnvironment: 'node',
  maxWorkers: 1,
  // Generous: on a busy 2-core machine a multi-visit scenario in Firefox takes minutes; no outcome waits on it.
  testTimeout: 240000,
  verbose: true,
};
