// Keeps the server's boundary checks (pb_hooks/lib/boundaries.js: overlap area by splitting outlines, no clipping
// library) in step with the import wizard's (src/lib/geo/division-boundaries.ts: Clipper2): the same overlap area and
// the same verdict on straying outside, on hand-made cases and on random polygons.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { boundaryOverlap, farthestOutside } from '../../src/lib/geo/division-boundaries';

function loadHook() {
  const mod = { exports: {} as unknown };
  const hooks = join(__dirname, '../../pb_hooks');
  new Function('module', 'exports', 'require', '__hooks', readFileSync(join(hooks, 'lib/boundaries.js'), 'utf8'))(mod, mod.exports, createRequire(import.meta.url), hooks);
  return mod.exports as {
    overlapM2(a: Polygon | MultiPolygon, b: Polygon | MultiPolygon): { overlap: number; areaA: number; areaB: number };
    farOutside(g: Polygon | MultiPolygon, outline: Polygon | MultiPolygon, toleranceM: number): { at: number[]; distanceM: number } | null;
  };
}
const hook = loadHook();

const O = [111.78, 37.26];
const kx = 111320 * Math.cos((O[1] * Math.PI) / 180);
const ll = (x: number, y: number) => [O[0] + x / kx, O[1] + y / 110574];
const poly = (...rings: number[][][]): Polygon => ({ type: 'Polygon', coordinates: rings.map((r) => [...r.map(([x, y]) => ll(x, y)), ll(r[0][0], r[0][1])]) });
const rect = (x0: number, y0: number, x1: number, y1: number) => [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];

describe('overlap area: server = client', () => {
  const cases: [string, Polygon | MultiPolygon, Polygon | MultiPolygon, number][] = [
    ['disjoint', poly(rect(0, 0, 100, 100)), poly(rect(200, 0, 300, 100)), 0],
    ['shared edge (neighbours)', poly(rect(0, 0, 100, 100)), poly(rect(100, 0, 200, 100)), 0],
    ['shared edge with a vertex in the middle', poly([[0, 0], [100, 0], [100, 50], [100, 100], [0, 100]]), poly(rect(100, 0, 200, 100)), 0],
    ['quarter', poly(rect(0, 0, 100, 100)), poly(rect(50, 50, 150, 150)), 2500],
    ['one inside the other', poly(rect(0, 0, 100, 100)), poly(rect(20, 20, 40, 40)), 400],
    ['identical', poly(rect(0, 0, 100, 100)), poly(rect(0, 0, 100, 100)), 10000],
    ['a hole the other fills', poly(rect(0, 0, 100, 100), rect(25, 25, 75, 75).reverse()), poly(rect(25, 25, 75, 75)), 0],
    ['a hole, the other across it', poly(rect(0, 0, 100, 100), rect(25, 25, 75, 75).reverse()), poly(rect(0, 40, 100, 60)), 2000 - 1000],
    ['collinear overlap of one side', poly(rect(0, 0, 100, 100)), poly(rect(0, 100 - 10, 60, 200)), 600],
    ['multipolygon', { type: 'MultiPolygon', coordinates: [poly(rect(0, 0, 10, 10)).coordinates, poly(rect(50, 0, 60, 10)).coordinates] },
      poly(rect(5, 0, 55, 10)), 100],
  ];
  for (const [name, a, b, want] of cases) {
    it(name, () => {
      const s = hook.overlapM2(a, b);
      const c = boundaryOverlap(a, b);
      // The cases are drawn in the server's equirectangular frame; the client's ellipsoidal frame differs by < 0.6 %.
      expect(s.overlap).toBeCloseTo(want, -1);
      expect(Math.abs(c.overlapM2 - want)).toBeLessThanOrEqual(Math.max(5, 0.006 * want));
      expect(Math.abs(s.areaA - c.areaAM2) / c.areaAM2).toBeLessThan(0.005);
      // The other way round gives the same.
      expect(Math.abs(hook.overlapM2(b, a).overlap - s.overlap)).toBeLessThan(0.001 * Math.max(1, s.overlap));
    });
  }

  it('agrees with Clipper2 on random quadrilaterals and triangles (within 0.5 % of the larger area, or 1 m²)', () => {
    const pt = fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }));
    const ring = fc.array(pt, { minLength: 3, maxLength: 5 }).filter((r) => {
      // Simple (not self-crossing) and with area: a star-shaped ring sorted by angle around its centroid.
      const cx = r.reduce((s, p) => s + p[0], 0) / r.length;
      const cy = r.reduce((s, p) => s + p[1], 0) / r.length;
      r.sort((p, q) => Math.atan2(p[1] - cy, p[0] - cx) - Math.atan2(q[1] - cy, q[0] - cx));
      let a = 0;
      for (let i = 0; i < r.length; i++) a += r[i][0] * r[(i + 1) % r.length][1] - r[(i + 1) % r.length][0] * r[i][1];
      const distinct = new Set(r.map((p) => p.join())).size === r.length;
      const noCollinearAtCentre = r.every((p) => p[0] !== cx || p[1] !== cy);
      return distinct && noCollinearAtCentre && Math.abs(a) > 200;
    });
    fc.assert(fc.property(ring, ring, (ra, rb) => {
      const a = poly(ra.map((p) => [...p]));
      const b = poly(rb.map((p) => [...p]));
      const s = hook.overlapM2(a, b).overlap;
      const c = boundaryOverlap(a, b);
      expect(Math.abs(s - c.overlapM2)).toBeLessThanOrEqual(Math.max(1, 0.005 * Math.max(c.areaAM2, c.areaBM2)));
    }), { numRuns: 300, seed: 11 });
  });
});

describe('outside the county: server = client', () => {
  const outline = JSON.parse(readFileSync(join(__dirname, '../../data/fenyang-outline.geojson'), 'utf8')).features[0].geometry as Polygon;
  const box = (lon: number, lat: number, d = 0.01): Polygon => ({
    type: 'Polygon', coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]],
  });
  it.each([
    ['in the old town', box(111.78, 37.26), false],
    ['30 km west', box(111.1, 37.3), true],
    ['just across the western edge', box(111.405, 37.3, 0.02), true],
  ] as const)('%s', (_name, g, outside) => {
    const s = hook.farOutside(g, outline, 1000);
    const c = farthestOutside(g, outline, 1000);
    expect(!!s).toBe(outside);
    expect(!!c).toBe(outside);
    if (s && c) expect(Math.abs(s.distanceM - c.distanceM) / c.distanceM).toBeLessThan(0.02);
  });
});
