// Unit and component tests: pure core, compiler, UI components (jsdom per file via docblock).
module.exports = {
  testMatch: ['<rootDir>/test/unit/**/*.test.ts?(x)'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { transform: { react: { runtime: 'automatic', importSource: 'preact' } } } }] },
  moduleNameMapper: {
    '^knowledge:sites$': '<rootDir>/test/support/knowledge-sites.ts',
    '^react$': 'preact/compat',
    '^react-dom$': 'preact/compat',
  },
  transformIgnorePatterns: ['/node_modules/(?!(preact|@testing-library)/)'],
  testEnvironment: 'node',
  globals: { __BROWSER__: 'chrome' },
};
