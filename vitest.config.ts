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
          // Unit tests that build data or load ESLint take seconds on a busy 2-core machine: slow is not broken.
          testTimeout: 60_000,
        },
      },
      {
        // Rune modules (i18n, state) compile through the Svelte plugin here too.
        plugins: [svelte()],
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/helpers/global-setup.ts'],
          // Generous: a busy 2-core machine (another test run beside this one) is slow, not broken.
          testTimeout: 180_000,
          hookTimeout: 600_000,
          // expect.poll gives up after 1 s by default; a busy machine answers later than that (a wrong value still
          // fails, after waiting as a patient user would).
          expect: { poll: { timeout: 30_000, interval: 100 } },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/helpers/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 600_000,
          // expect.poll gives up after 1 s by default; a busy machine answers later than that (a wrong value still
          // fails, after waiting as a patient user would).
          expect: { poll: { timeout: 30_000, interval: 100 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
