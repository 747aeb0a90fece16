import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Feature } from 'geojson';
import { validateDrawnPolygon } from '../../src/lib/geo/validate-polygon';
import { formatReason } from '../../src/lib/i18n/format-reason';
import * as geometry from '../../src/lib/i18n/messages/geometry';

const dir = (sub: string) => path.join(__dirname, 'validate-polygon', sub);
const load = (sub: string) =>
  fs.readdirSync(dir(sub)).filter((f) => f.endsWith('.geojson')).sort()
    .map((f) => [f.replace(/\.geojson$/, ''), JSON.parse(fs.readFileSync(path.join(dir(sub), f), 'utf8')) as Feature] as const);

describe('validateDrawnPolygon: true', () => {
  const cases = load('true');
  it('has cases', () => expect(cases.length).toBeGreaterThanOrEqual(5));
  for (const [name, f] of cases) it(name, () => expect(validateDrawnPolygon(f.geometry)).toEqual({ ok: true }));
});

describe('validateDrawnPolygon: false', () => {
  const cases = load('false');
  it('has cases', () => expect(cases.length).toBeGreaterThanOrEqual(8));
  for (const [name, f] of cases) {
    it(name, () => {
      const r = validateDrawnPolygon(f.geometry);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.code).toBe(f.properties?.expected_code);
      // the code has words in both languages (the UI translates; the geo function returns none)
      expect(formatReason(geometry.zh, r)).toMatch(/[\u4e00-\u9fff]/);
      expect(formatReason(geometry.en, r)).toMatch(/[a-z]/);
      expect(r).not.toHaveProperty('message_zh');
      const at = f.properties?.expected_at as [number, number] | undefined;
      if (at) {
        expect(r.at).toBeDefined();
        // within ~1 cm of the expected crossing
        expect(Math.abs(r.at![0] - at[0])).toBeLessThan(1.2e-7);
        expect(Math.abs(r.at![1] - at[1])).toBeLessThan(1e-7);
      }
    });
  }
  it('rejects null and non-geometries', () => {
    expect(validateDrawnPolygon(null)).toMatchObject({ ok: false, code: 'missing' });
    expect(validateDrawnPolygon({ type: 'Polygon', coordinates: [] })).toMatchObject({ ok: false, code: 'empty' });
  });
});
