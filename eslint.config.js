// The house rules, checked: TypeScript's recommended rules, hooks used correctly,
// and the layers pointing down (pure lib/ below the browser glue and the UI; the
// content script's reader without React, Dexie or zod).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const UI = ['react', 'react-dom', 'react-dom/*', 'react-i18next', 'dexie-react-hooks', '@tanstack/*', 'recharts'];
const BROWSER = ['webextension-polyfill', 'wxt', 'wxt/*', '#imports'];
// Node's own modules (exact names: a pattern 'domain' would match lib/domain): lib/ runs in the
// extension's pages, workers and content scripts (Node-only tooling is tools/)
const NODE_MESSAGE = 'lib/ runs in the browser: Node-only code belongs in tools/.';
const NODE_PATHS = builtinModules.filter((m) => !m.startsWith('_')).map((name) => ({ name, message: NODE_MESSAGE }));
const NODE = { group: ['node:*'], message: NODE_MESSAGE };
const up = (...dirs) => dirs.flatMap((d) => [`@/${d}`, `@/${d}/*`, `**/${d}/*`, `../${d}`, `../../${d}`]);

export default tseslint.config(
  { ignores: ['.output/**', '.output-*/**', '.wxt/**', 'node_modules/**', 'tests/e2e/artifacts/**', '.bench/**', 'real-pages/**', 'stats.html'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      'no-empty': ['error', { allowEmptyCatch: true }],
      // a timer read by a closure declared before it is set
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // sanitisers strip NUL and other control characters on purpose
      'no-control-regex': 'off',
    },
  },
  {
    files: ['components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // pure logic: no UI, no browser-extension or Node APIs, nothing from the layers above
    files: ['lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': ['error', ...['process', 'Buffer', '__dirname', '__filename', 'require', 'global'].map((name) => ({ name, message: NODE_MESSAGE }))],
      'no-restricted-imports': ['error', {
        patterns: [
          { group: [...UI, ...BROWSER], message: 'lib/ is pure logic: no UI or browser-extension APIs.' },
          NODE,
          { group: up('components', 'entrypoints', 'tools'), message: 'Arrows point down: lib/ must not import the UI, the browser glue or the tooling.' },
        ],
        paths: NODE_PATHS,
      }],
    },
  },
  {
    // the domain and the pure logic over it sit below storage: they never reach into db/
    files: ['lib/{domain,model,book,import,workflow,retention,dashboard}/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: [...UI, ...BROWSER, 'dexie', 'dexie/*'], message: 'Pure logic: no UI, browser-extension APIs or storage library.' },
          NODE,
          { group: up('components', 'entrypoints', 'tools'), message: 'Arrows point down: lib/ must not import the UI, the browser glue or the tooling.' },
          { group: up('db'), allowTypeImports: false, message: 'Storage sits above the domain: import the entities from lib/domain/, not lib/db/.' },
        ],
        paths: NODE_PATHS,
      }],
    },
  },
  {
    // the content script's reader runs on every page of three huge sites
    files: ['lib/extract/**/*.ts', 'entrypoints/*.content.ts', 'entrypoints/reader/**/*.ts'],
    // the extraction's zod schema, for the background and the panel that receive it
    ignores: ['lib/extract/schema.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['zod', 'zod/*', '**/extract/schema'], allowTypeImports: true, message: 'No zod in the content scripts (a third of their weight): the schema is lib/extract/schema.ts.' },
          { group: [...UI, 'dexie', 'dexie/*'], message: 'Keep React and Dexie out of the content script.' },
          { group: up('components', 'db', 'model', 'import', 'book', 'workflow', 'retention', 'tools'), allowTypeImports: true, message: 'The reader stands alone: it reads the page, nothing else.' },
          NODE,
        ],
        paths: NODE_PATHS,
      }],
    },
  },
  {
    // the UI never reaches into the browser glue
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: up('entrypoints'), message: 'Components must not import entrypoints.' },
          { group: up('tools'), message: 'tools/ is Node-only: the UI runs in the browser.' },
          { group: ['dexie', 'dexie/*'], message: 'Components read and write through the data-access functions in lib/db, never Dexie itself.' },
        ],
        // the database instance and its tables stay behind lib/db's functions (DbGate only opens it)
        paths: [{ name: '@/lib/db/database', importNames: ['db', 'TiewiseDB', 'useDatabase'], message: 'Components go through lib/db\'s data-access functions, not the tables.' }],
      }],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
