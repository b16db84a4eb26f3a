// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Layering rule (see README "Layout"): who may import whom. A wrong-way import fails lint. */
const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'stream',
  'url',
  'worker_threads',
  'http',
  'net',
];
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const engineLayering = {
  group: ['electron', '**/renderer/**', '**/main/**', '**/preload/**'],
  message: 'The engine runs in plain Node: never electron, main, preload or renderer.',
};
/** Libraries only some requests need: imported at engine start they delayed the first query by ~270 ms. */
const lazyLibraries = {
  group: ['exceljs', 'pptxgenjs', '@e965/xlsx', '@e965/xlsx/**', 'proj4', 'shpjs'],
  allowTypeImports: true,
  message: 'Load it on first use with electron/engine/lazy-libs.ts (type imports are fine).',
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'test/bench/results/**',
      'dist/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict([
      {
        group: ['**/electron/**', '**/renderer/**', 'electron', ...nodeBuiltins],
        message: 'shared/ is pure: no Node, DOM, Electron or other layers.',
      },
    ]),
  },
  {
    files: ['electron/engine/**/*.ts', 'electron/cli/**/*.ts'],
    rules: restrict([engineLayering, lazyLibraries]),
  },
  {
    // The one place that loads them (on first use).
    files: ['electron/engine/lazy-libs.ts'],
    rules: restrict([engineLayering]),
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: restrict([
      {
        group: ['**/engine/**', '**/renderer/**', '**/cli/**'],
        message: 'main/preload import only shared/; main starts the engine by module path.',
      },
    ]),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: restrict([
      {
        group: ['**/electron/**', 'electron', ...nodeBuiltins],
        message: 'The renderer speaks only the typed API in shared/.',
      },
    ]),
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
