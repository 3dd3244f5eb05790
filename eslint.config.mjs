// Lint with types: typescript-eslint's type-checked rules over every TypeScript file in the project (the same
// files tsconfig.json type-checks), plain recommended rules for the few JavaScript files, and Prettier's own
// config last so no style rule fights the formatter. `npm run lint`; runs inside `npm test`.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'artifacts/', '.cache/', 'node_modules/', 'test/fixtures/'] },
  js.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Turned down from strictTypeChecked, each for the reason given:
      // `!` after an index read is this tree's deliberate answer to noUncheckedIndexedAccess (over 120 places).
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Async methods that implement a promise-returning interface (fakes, mocks, stubs) need no await.
      '@typescript-eslint/require-await': 'off',
      // Per-tab and per-cookie records are plain objects deleted by key on purpose.
      '@typescript-eslint/no-dynamic-delete': 'off',
      // Numbers and booleans in messages read as intended; only objects (`[object Object]`) are refused.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true, allowNullish: true }],
      // `() => doSomething()`, `return void x` and `return voidCall()` in a void function are this tree's idioms.
      '@typescript-eslint/no-confusing-void-expression': [
        'error',
        { ignoreArrowShorthand: true, ignoreVoidOperator: true, ignoreVoidReturningFunctions: true },
      ],
      // It flags guards for what the types do not describe (Chrome's cookies lack firstPartyDomain, jsdom lacks
      // Blob.text, a flag changed across an await) and payload checks like `allowed === true` on values that
      // arrive from other contexts; each would need a rewrite or a suppression, and none was a bug.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-unnecessary-boolean-literal-compare': 'off',
      // `const { dropped: _dropped, ...rest } = value` is how an object loses a key without mutation.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Required by name in the issue; already in strictTypeChecked, listed so a trimmed preset keeps them.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSAsExpression > TSAsExpression.expression > TSUnknownKeyword.typeAnnotation',
          message: '`as unknown as` casts away the type checker; validate the value or fix the type instead.',
        },
      ],
    },
  },
  {
    // Tests read JSON fixtures and use Jest's asymmetric matchers (expect.any, arrayContaining), which are typed
    // `any`; typing each would be churn with no safety gain. Everything else applies to tests too.
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Fakes of browser objects in tests may still cast; the shipped code may not (an error above).
      'no-restricted-syntax': 'warn',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
  },
  {
    files: ['test/e2e/replica/page-script.js', 'test/e2e/replica/onetrust-fake.js', 'test/e2e/replica/identifiers-script.js'],
    languageOptions: { sourceType: 'script', globals: globals.browser },
  },
  {
    // The server prepends the fake CMP's configuration.
    files: ['test/e2e/replica/onetrust-fake.js'],
    languageOptions: { globals: { OT_FAKE: 'readonly' } },
  },
  {
    files: ['test/e2e/replica/service-worker.js'],
    languageOptions: { sourceType: 'script', globals: globals.serviceworker },
  },
  prettier,
);
