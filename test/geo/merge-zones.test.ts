import { describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { mergeAdjacent } from '../../src/lib/geo/merge-zones';
import { localFrame } from '../../src/lib/geo/local-metric';
import { checkGeometry } from '../../src/lib/geo/polygon-validity';
import { golden, readFixtures, roundFC } from './helpers/fixtures';
import { geosAvailable, geosValidity } from './helpers/geos';

type AreaFC = FeatureCollection<Polygon | MultiPolygon>;
const frame = localFrame(111.7805, 37.2605);

/**
 * Hand-computed zones per case: member ids → [area m², number of parts, hole count], or with 'at least' the area
 * the zone must not fall below (a closing adds what it bridges).
 */
const expected: Record<string, Record<string, [number, number, number] | [number, number, number, 'at least']>> = {
  'touching-walls': { 'A,B': [4000, 1, 0], C: [1600, 1, 0] },
  'gap-5m': { 'A,B': [105 * 40, 1, 0] }, // the 5 m gap is closed
  'gap-30m': { A: [2000, 1, 0], B: [2000, 1, 0] },
  chain: { 'A,B,C': [80 * 20, 1, 0] },
  // L1 2000 + L2 1104 + the 8 m channel (32×8 + 12×8 + 8×8 corner); L3 3000
  'l-shapes': { 'L1,L2': [2000 + 1104 + 256 + 96 + 64, 1, 0], L3: [3000, 1, 0] },
  // Y 6400 (60×60 courtyard kept) + Y3 840 + Y2 1600 + bridges 12×30 and 10×30
  courtyard: { 'Y,Y2,Y3': [6400 + 840 + 1600 + 360 + 300, 1, 1], Y1: [400, 1, 0] },
  // the courtyard shrinks by Y1 (400), Y4 with the 5 m strips to the walls (25×18) and the 2 m slot
  // Y4–Y1 (5×2); the rest, at least 15 m across, stays open
  'courtyard-inner': { 'Y,Y1,Y4': [10000 - (3600 - 450 - 10 - 400), 1, 1] },
  'multipolygon-member': { 'A,B,M': [1600 + 1110 + 90 + 1600 + 900, 2, 0], C: [900, 1, 0] },
  'collinear-shared-edges': { 'P,Q,S,T': [90 * 70, 1, 0] },
  'tolerance-0': { 'A,B': [2800, 1, 0], C: [1580, 1, 0], 'D,E': [6000, 1, 0] },
  'tolerance-50': { 'A,B': [140 * 40, 1, 0], C: [1560, 1, 0] },
  'acute-corner': { 'A,B': [1600 + 1600 + 200, 1, 0] },
  'pin-hole': { 'N1,N2,N3,N4': [86 * 86, 1, 0] },
  'street-separates': { 'E1,E2,E3': [40 * 132, 1, 0], 'W1,W2,W3': [40 * 132, 1, 0] },
  // U 700 + bar 200; the 10 × 20 courtyard touches the outline at the arm's tip (one point: a hole, not a ring
  // passing there twice)
  'u-arm-touches-bar': { 'B,U': [900, 1, 1] },
  // two L's of 500 meeting at two corners: two parts touching at two points (one ring would disconnect its interior)
  'ls-meet-at-two-corners': { 'L1,L2': [1000, 2, 0] },
  // 60 × 60 less the diamond courtyard (2 · 10²) whose corner touches the outer wall
  'courtyard-touching-wall': { Y: [3600 - 200, 1, 1] },
  // 50 × 40 + 40 × 20 sharing part of a slanted wall, at tolerance 0: one outline
  'slanted-partial-wall': { 'A,B': [2000 + 800, 1, 0] },
  // only A has an outline; B, C, D, E, F are listed as skipped
  'skipped-members': { A: [1200, 1, 0] },
  // 35² less the diamond (2 · 8²) plus the 1 m² of it under N; the closing may fill more of it, never less
  'closing-keeps-members': { 'N,Y': [35 * 35 - 128 + 1, 1, 1, 'at least'] },
};

/** Why each skipped member of 'skipped-members' takes no part. */
const skippedCodes = { B: 'no_geometry', C: 'too_small', D: 'zero_area', E: 'bad_coordinates', F: 'not_polygon' };

function ringArea(ring: Position[]): number {
  let a = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const p = frame.toXY(ring[i]);
    const q = frame.toXY(ring[i + 1]);
    a += p[0] * q[1] - q[0] * p[1];
  }
  return a / 2;
}
/** Smallest interior turn at any vertex, degrees (a spike is close to 0). */
function minVertexAngle(ring: Position[]): number {
  let min = 180;
  const n = ring.length - 1;
  for (let i = 0; i < n; i++) {
    const a = frame.toXY(ring[(i + n - 1) % n]);
    const b = frame.toXY(ring[i]);
    const c = frame.toXY(ring[(i + 1) % n]);
    const u = [a[0] - b[0], a[1] - b[1]];
    const v = [c[0] - b[0], c[1] - b[1]];
    const cos = (u[0] * v[0] + u[1] * v[1]) / Math.hypot(u[0], u[1]) / Math.hypot(v[0], v[1]);
    min = Math.min(min, (Math.acos(Math.max(-1, Math.min(1, cos))) * 180) / Math.PI);
  }
  return min;
}

describe('mergeAdjacent fixtures', () => {
  const fixtures = readFixtures('merge-zones');
  it('covers every expected case', () => {
    expect(fixtures.map((f) => f.name).sort()).toEqual(Object.keys(expected).sort());
  });
  for (const { name, input, outPath } of fixtures) {
    it(name, () => {
      const opts = (input.properties ?? {}) as { toleranceM?: number };
      const zones = mergeAdjacent(input as AreaFC, opts);
      const want = expected[name];
      expect(zones.features.map((f) => f.properties.members.join(','))).toEqual(Object.keys(want));
      for (const z of zones.features) {
        const [area, parts, holes, atLeast] = want[z.properties.members.join(',')];
        const g = z.geometry;
        const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
        expect(polys.length).toBe(parts);
        expect(polys.reduce((s, p) => s + p.length - 1, 0)).toBe(holes);
        // hand-computed area to 0.1 m² (+1e-5 relative: fixtures were laid out with a simpler projection)
        if (atLeast) expect(z.properties.area_m2).toBeGreaterThanOrEqual(area - 0.1);
        else expect(Math.abs(z.properties.area_m2 - area)).toBeLessThanOrEqual(0.1 + 1e-5 * area);
        // a valid OGC polygon, with nothing to repair beyond the cases that call for it
        expect(checkGeometry(z.geometry)).toMatchObject({ ok: true });
        expect(z.properties.invalid).toBeUndefined();
        expect(z.properties.member_count).toBe(z.properties.members.length);
        expect(z.properties.singleton).toBe(z.properties.members.length === 1);
        expect(z.properties.tolerance_m).toBe(opts.toleranceM);
        for (const rings of polys) {
          expect(ringArea(rings[0])).toBeGreaterThan(0); // exterior CCW
          for (const h of rings.slice(1)) expect(ringArea(h)).toBeLessThan(-1); // holes CW, no pin-holes
          for (const r of rings) {
            expect(r[0]).toEqual(r[r.length - 1]);
            expect(minVertexAngle(r)).toBeGreaterThan(name === 'acute-corner' ? 26 : 30); // no spikes or slivers
          }
        }
      }
      const skipped = Object.fromEntries(zones.properties.skipped.map((k) => [k.id, k.code]));
      expect(skipped).toEqual(name === 'skipped-members' ? skippedCodes : {});
      const out = roundFC(zones);
      const kept = golden(outPath, out);
      expect(out).toEqual(kept);
      // the golden, at 7 decimals, is valid too (it is what a reader opens)
      for (const f of kept.features) expect(checkGeometry(f.geometry)).toMatchObject({ ok: true });
    });
  }
});

describe.skipIf(!geosAvailable)('mergeAdjacent goldens', () => {
  it('are valid for GEOS too', () => {
    const geoms = readFixtures('merge-zones').flatMap((f) => golden(f.outPath, roundFC(mergeAdjacent(f.input as AreaFC, (f.input.properties ?? {}) as { toleranceM?: number }))).features.map((z) => z.geometry));
    expect(geosValidity(geoms).filter((v) => !v.valid)).toEqual([]);
  });
});

describe('mergeAdjacent', () => {
  const byName = Object.fromEntries(readFixtures('merge-zones').map((f) => [f.name, f.input as AreaFC]));

  it('rejects tolerances outside 0–50 m', () => {
    expect(() => mergeAdjacent(byName['gap-5m'], { toleranceM: 51 })).toThrow(RangeError);
    expect(() => mergeAdjacent(byName['gap-5m'], { toleranceM: -0.1 })).toThrow(expect.objectContaining({ code: 'tolerance_out_of_range' }));
  });

  it('leaves the 5 m gap open at tolerance 4 and closes it at 5', () => {
    expect(mergeAdjacent(byName['gap-5m'], { toleranceM: 4 }).features).toHaveLength(2);
    const one = mergeAdjacent(byName['gap-5m'], { toleranceM: 5 });
    expect(one.features).toHaveLength(1);
    expect(one.features[0].properties.area_m2).toBeCloseTo(4200, 0);
  });

  it('keeps a courtyard wider than the tolerance and fills one narrower', () => {
    // the 60 m courtyard survives 50 m; its inner compounds leave room that a 50 m closing fills
    const z = mergeAdjacent(byName['courtyard-inner'], { toleranceM: 15 }).features[0];
    expect((z.geometry as Polygon).coordinates).toHaveLength(2);
    const holeArea = -ringArea((z.geometry as Polygon).coordinates[1]);
    expect(holeArea).toBeGreaterThan(1500);
    expect(holeArea).toBeLessThan(3600 - 400 - 260);
    const filled = mergeAdjacent(byName['courtyard-inner'], { toleranceM: 50 }).features[0];
    expect((filled.geometry as Polygon).coordinates).toHaveLength(1);
    expect(filled.properties.area_m2).toBeCloseTo(10000, 0);
  });

  it('does not mutate its input (fixtures are frozen)', () => {
    expect(Object.isFrozen(byName.chain.features[0].geometry)).toBe(true);
    expect(() => mergeAdjacent(byName.chain)).not.toThrow();
  });
});
