// Regenerates the README's screenshots (docs/*.png) from the built app and the seeded demo — by hand, not part of
// `npm test`: `npx vite build && npx vitest run --config docs/figures/vitest.config.ts`.
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: path.resolve(import.meta.dirname, '../..'),
  test: {
    include: ['docs/figures/screenshots.test.ts'],
    environment: 'node',
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
