// ESLint: typescript-eslint plus the import rules of docs/ARCHITECTURE.md (who may import whom, a pure core, no cycles).
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import tseslint from 'typescript-eslint';

const ours = ['core', 'pass', 'trace', 'store', 'ingest', 'sim', 'server', 'web', 'cli'];

/** Builds a no-restricted-imports rule that forbids our packages not in `allowed`, plus extra patterns. */
function onlyImports(allowed, extra = []) {
  const forbidden = ours.filter((p) => !allowed.includes(p)).map((p) => `@epigrid/${p}`);
  return [
    'error',
    {
      patterns: [
        { group: forbidden, message: 'This import breaks the package rules in docs/ARCHITECTURE.md.' },
        { group: ['../../*/src/*', '../../../packages/*'], message: 'Import other packages by name, not by path.' },
        ...extra,
      ],
    },
  ];
}

const io = ['node:*', 'fs', 'fs/*', 'http', 'https', 'net', 'child_process', 'pg', '@electric-sql/*', 'fastify', '@fastify/*'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      'import-x/no-cycle': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/explicit-function-return-type': ['error', { allowExpressions: true, allowTypedFunctionExpressions: true }],
    },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': onlyImports(['core'], [{ group: io, message: 'core is pure: no I/O.' }]),
      'no-restricted-globals': ['error', { name: 'process', message: 'core never reads the environment.' }],
    },
  },
  {
    // pass runs in the browser too: nothing of ours, no node: modules (tests and test support excepted).
    files: ['packages/pass/src/**/*.ts'],
    ignores: ['**/*.test.ts', 'packages/pass/src/testing/**', 'packages/pass/src/node/**'],
    rules: { 'no-restricted-imports': onlyImports(['pass'], [{ group: ['node:*'], message: 'pass runs in the browser.' }]) },
  },
  // Its optional Node fast path (entry @epigrid/pass/node) may use node:crypto, still nothing of ours.
  { files: ['packages/pass/src/node/**/*.ts'], rules: { 'no-restricted-imports': onlyImports(['pass']) } },
  { files: ['packages/store/src/**/*.ts'], rules: { 'no-restricted-imports': onlyImports(['core', 'store']) } },
  { files: ['packages/trace/src/**/*.ts'], rules: { 'no-restricted-imports': onlyImports(['core', 'trace']) } },
  { files: ['packages/ingest/src/**/*.ts'], rules: { 'no-restricted-imports': onlyImports(['core', 'store', 'ingest']) } },
  { files: ['packages/sim/src/**/*.ts'], rules: { 'no-restricted-imports': onlyImports(['core', 'store', 'sim']) } },
  { files: ['packages/server/src/**/*.ts'], rules: { 'no-restricted-imports': onlyImports(['core', 'pass', 'trace', 'store', 'ingest', 'server']) } },
  { files: ['packages/cli/src/**/*.ts'], rules: { 'no-restricted-imports': onlyImports(['core', 'pass', 'trace', 'store', 'ingest', 'sim', 'server', 'cli']) } },
  {
    files: ['packages/web/src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts'], // unit tests of the web helpers run under node:test
    rules: { 'no-restricted-imports': onlyImports(['core', 'pass', 'web'], [{ group: ['node:*'], message: 'web runs in the browser.' }]) },
  },
  {
    // Tests read JSON bodies loosely; the assertions are the types.
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['scripts/**/*.mjs', 'packages/cli/bin/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
