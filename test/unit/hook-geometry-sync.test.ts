// The server hook runs the very same polygon-validity code as the client: pb_hooks/lib/polygon-validity.js is
// generated from src/lib/geo/polygon-validity.ts (`npm run build:hooks`) and must not drift from it; every reason
// code has a zh/en message on the server (pb_hooks/lib/messages.js) and in the UI bundle.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { hookGeometrySource, VALIDITY_HOOK } from '../../scripts/lib/hook-geometry.mjs';
import { VALIDITY_CODES } from '../../src/lib/geo/polygon-validity';
import * as geometryMessages from '../../src/lib/i18n/messages/geometry';

/** A pb_hooks CommonJS file, loaded as PocketBase's VM would (the package itself is ESM for Node). */
function loadHook<T>(file: string): T {
  const mod = { exports: {} as T };
  new Function('module', 'exports', fs.readFileSync(file, 'utf8'))(mod, mod.exports);
  return mod.exports;
}

describe('pb_hooks/lib/polygon-validity.js', () => {
  it('is the current transpiled source (run `npm run build:hooks` after editing src/lib/geo/polygon-validity.ts)', () => {
    expect(fs.readFileSync(VALIDITY_HOOK, 'utf8')).toBe(hookGeometrySource());
  });
  it('loads as CommonJS and answers like the source', () => {
    const hook = loadHook<typeof import('../../src/lib/geo/polygon-validity')>(VALIDITY_HOOK);
    const bowtie = { type: 'Polygon', coordinates: [[[111.78, 37.26], [111.781, 37.261], [111.781, 37.26], [111.78, 37.261], [111.78, 37.26]]] };
    expect(hook.checkGeometry(bowtie)).toEqual({ ok: false, code: 'self_intersection', params: { part: 1, ring: 0 }, at: [111.7805, 37.2605] });
  });
});

describe('reason messages', () => {
  it('exist in the server table (lib/messages.js) and in the UI bundle, in Chinese and English, for every code', () => {
    // lib/messages.js touches no VM globals at load time, so it loads under Node too
    const server = loadHook<{ MESSAGES: Record<string, { zh: string; en: string }> }>(
      new URL('../../pb_hooks/lib/messages.js', import.meta.url).pathname,
    );
    for (const code of [...VALIDITY_CODES, 'too_large', 'invalid_json']) {
      expect(server.MESSAGES[`geometry_${code}`], code).toBeDefined();
      expect(server.MESSAGES[`geometry_${code}`].zh, code).toMatch(/[\u4e00-\u9fff]/);
      expect(server.MESSAGES[`geometry_${code}`].en, code).toMatch(/[a-z]/);
    }
    for (const code of VALIDITY_CODES) {
      expect(geometryMessages.zh[`geometry.${code}`], code).toMatch(/[\u4e00-\u9fff]/);
      expect(geometryMessages.en[`geometry.${code}`], code).toMatch(/[a-z]/);
    }
  });
});
