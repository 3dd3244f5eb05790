// End-to-end: the built extension in real browsers against the local replica. Two test files at a time, each with its
// own replica and browsers: a test mostly waits on its browser (measured: two files at a time still leave about half
// of a 2-core machine idle), and every outcome is decided by events with generous deadlines, not by timing.
module.exports = {
  testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'],
  transform: { '^.+\\.(t|j)sx?$': '@swc/jest' },
  testEnvironment: 'node',
  maxWorkers: 2,
  // Generous: on a busy 2-core machine a multi-visit scenario in Firefox takes minutes; no outcome waits on it.
  testTimeout: 240000,
  verbose: true,
};
