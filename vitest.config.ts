import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Three layers (DESIGN.md §7): unit (pure code, rune classes), integration (a real PocketBase
// per file), e2e (the built app served by PocketBase, driven in headless Chromium).
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [svelte()],
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/geo/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        // Rune modules (i18n, state) compile through the Svelte plugin here too.
        plugins: [svelte()],
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
