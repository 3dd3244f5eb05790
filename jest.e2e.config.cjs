// End-to-end: the built extension in real browsers against the local replica; one browser at a time.
module.exports = {
  testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'],
  transform: { '^.+\\.(t|j)sx?$': '@swc/jest' },
  testEnvironment: 'node',
  maxWorkers: 1,
  testTimeout: 120000,
  verbose: true,
};
