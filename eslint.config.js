// ESLint flat config. Besides the usual rules it enforces the architecture's boundaries:
// the renderer imports no Node, Electron, better-sqlite3 or sandbox/electron runtime code
// (types only), and sandbox/ imports nothing from Electron or the DOM.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'http',
  'https',
  'net',
  'crypto',
  'url',
  'module',
  'process',
  'stream',
  'util',
  'zlib',
];

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'lessons/**', 'test/fixtures/**', '.coldstart-data/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.svelte'],
    // The Vite config runs in Node at build time; it is not renderer code.
    ignores: ['renderer/vite.config.ts'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] },
    },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks to the backend only through renderer/lib/api-client.ts.' },
            { name: 'better-sqlite3', message: 'The store lives in the main process; call the API instead.' },
            { name: 'quickjs-emscripten', message: 'The sandbox runs in the backend; call invoke.run instead.' },
          ],
          patterns: [
            { group: nodeBuiltins, message: 'The renderer runs in a browser: no Node modules.' },
            {
              group: ['**/electron/**'],
              allowTypeImports: true,
              message: 'Import only types from electron/ and sandbox/; runtime code stays in the backend.',
            },
            {
              // The one exception is plain data: the list of simulated AWS SDK packages, which the
              // editor's declarations are written from (renderer/monaco/sandbox-aws-sdk.ts).
              regex: '(^|/)sandbox/(?!runtime/worker/aws-sdk-modules\\.ts$)',
              allowTypeImports: true,
              message: 'Import only types from electron/ and sandbox/; runtime code stays in the backend.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['sandbox/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'sandbox/ is plain Node: no Electron.' }],
          patterns: [
            {
              group: ['**/electron/**', '**/renderer/**'],
              allowTypeImports: true,
              message: 'sandbox/ must not depend on the app; types only.',
            },
            { group: ['svelte', 'svelte/*', 'monaco-editor', 'monaco-editor/*'], message: 'sandbox/ has no DOM.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'sessionStorage'],
    },
  },
);
