// The project's own linter (`npm run lint`, part of `npm test`): ESLint's recommended rules and
// typescript-eslint's strict set, plus the type-aware checks that catch what tsc lets through
// (a promise nobody awaits or handles, an async function where a plain callback is expected).
// The import direction between folders is checked separately by dependency-cruiser
// (.dependency-cruiser.cjs), which resolves paths the way Node does.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'extension/dist/', 'extension/node_modules/', 'coverage/'] },
  js.configs.recommended,
  tseslint.configs.strict,
  { languageOptions: { globals: globals.node } },
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // node:test's describe/test return promises that the runner itself awaits.
      '@typescript-eslint/no-floating-promises': ['error', { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'test', 'it', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] }] }],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // A leading underscore names a binding kept on purpose (a destructured field left out).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `map.get(key)!` right after `map.has(key)` is the idiom; tsc's strict null checks do the rest.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Modules needed only on some paths are loaded with require() where they are first used,
      // so a plain lint does not pay for the Spectral bundler, the prober's ajv or the LSP.
      '@typescript-eslint/no-require-imports': 'off',
      // JSON Schemas, environments and parsed documents are plain objects by nature: deleting a key is the job.
      '@typescript-eslint/no-dynamic-delete': 'off',
    },
  },
  {
    // Expected terminal output is matched as it prints, column spaces included.
    files: ['test/**/*.ts'],
    rules: { 'no-regex-spaces': 'off' },
  },
  {
    // The fixture servers and the Spectral ruleset shims are plain CommonJS, as their users write them.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off', 'no-redeclare': ['error', { builtinGlobals: false }] },
  },
);
