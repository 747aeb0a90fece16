// ESLint (run by `npm run check`): the recommended JS, TypeScript and Svelte rules, plus the project's own boundaries —
// lib/geo stays pure, only lib/data talks to PocketBase, and no `void x;` lines that poke an effect's dependencies.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** lib/geo takes GeoJSON and options and returns GeoJSON and figures: no UI, map, server or app-state imports. */
const GEO_PURE = {
  paths: [
    { name: 'svelte', message: 'lib/geo is pure: no Svelte.' },
    { name: 'maplibre-gl', message: 'lib/geo is pure: no MapLibre.' },
    { name: 'pocketbase', message: 'lib/geo is pure: only lib/data talks to PocketBase.' },
  ],
  patterns: [
    { group: ['svelte/*', 'maplibre-gl/*', 'pocketbase/*', 'terra-draw*'], message: 'lib/geo is pure: no UI, map or server libraries.' },
    {
      group: ['../data/*', '../map/*', '../state/*', '../ui/*', '../i18n/*', '../modes/*', '../import/*', '../export/*', '*.svelte', '*.svelte.js'],
      message: 'lib/geo is pure: it may not import app code (data, map, state, ui, i18n, modes).',
    },
  ],
};

/** Only lib/data talks to PocketBase (one client, one error path). */
const DATA_ONLY = {
  paths: [{ name: 'pocketbase', message: 'Only src/lib/data talks to PocketBase: import a function from lib/data instead.' }],
};

/** `void x;` statements only existed to make an effect re-run; effects read what they use instead. */
const NO_DEPENDENCY_POKES = {
  selector: 'ExpressionStatement > UnaryExpression[operator="void"]:matches([argument.type=/^(Identifier|MemberExpression|ChainExpression)$/], [argument.callee.object.name="JSON"])',
  message: 'No `void x;` dependency pokes: read the value you depend on, or derive it.',
};

export default defineConfig(
  {
    ignores: [
      'dist/**', 'node_modules/**', 'pb_data/**', '.pb_data*/**', 'bench/tmp/**', 'test/e2e/screenshots/**',
      // PocketBase's JS VM (goja) code with its own globals ($app, routerAdd …); its logic is unit-tested in Node.
      'pb_migrations/**', 'pb_hooks/**',
    ],
  },
  js.configs.recommended,
  ts.configs.recommended,
  svelte.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      parserOptions: { extraFileExtensions: ['.svelte'] },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', {
        argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true,
      }],
      'no-restricted-syntax': ['error', NO_DEPENDENCY_POKES],
      // State is replaced, never mutated ($state.raw holding a new Set/Map per change), so plain Set/Map are right here.
      'svelte/prefer-svelte-reactivity': 'off',
      // TypeScript checks names (DOM and lib types included); ESLint's own check does not know type-only globals.
      'no-undef': 'off',
      // Chinese text and print layouts use thin and ideographic spaces inside strings on purpose.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipComments: true }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
    languageOptions: { parserOptions: { parser: ts.parser, svelteConfig } },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.svelte'],
    ignores: ['src/lib/data/**'],
    rules: { 'no-restricted-imports': ['error', DATA_ONLY] },
  },
  {
    files: ['src/lib/geo/**/*.ts'],
    ignores: ['src/lib/geo/worker/**'],
    rules: { 'no-restricted-imports': ['error', GEO_PURE] },
  },
  {
    // A Newton iteration whose first guess is overwritten on entry reads more clearly as written.
    files: ['src/lib/geo/local-metric.ts'],
    rules: { 'no-useless-assignment': 'off' },
  },
  {
    // File writers strip control characters from cell and attribute text on purpose.
    files: ['src/lib/export/**'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    // The print sheet's @page rule is built from constants (paper size, margin), never from user input.
    files: ['src/views/Print.svelte'],
    rules: { 'svelte/no-at-html-tags': 'off' },
  },
  {
    // Scripts, tests and benchmarks run in Node and may use a server client directly.
    files: ['scripts/**', 'test/**', 'bench/**', '*.config.*'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
