import { describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { clusterAdjacent, segSegDist2 } from '../../src/lib/geo/cluster-adjacent';
import { localFrame } from '../../src/lib/geo/local-metric';
import { golden, readFixtures, roundFC } from './helpers/fixtures';

type AreaFC = FeatureCollection<Polygon | MultiPolygon>;

// What each case must give (member sets exact); the goldens hold the same plus the stats.
const expected: Record<string, string[][]> = {
  'acute-corner': [['A', 'B']],
  chain: [['A', 'B', 'C']],
  'collinear-shared-edges': [['P', 'Q', 'S', 'T']],
  courtyard: [['Y', 'Y2', 'Y3'], ['Y1']],
  'courtyard-inner': [['Y', 'Y1', 'Y4']],
  'gap-30m': [['A'], ['B']],
  'gap-5m': [['A', 'B']],
  'l-shapes': [['L1', 'L2'], ['L3']],
  'multipolygon-member': [['A', 'B', 'M'], ['C']],
  'pin-hole': [['N1', 'N2', 'N3', 'N4']],
  'street-separates': [['E1', 'E2', 'E3'], ['W1', 'W2', 'W3']],
  'tolerance-0': [['A', 'B'], ['C'], ['D', 'E']],
  'tolerance-50': [['A', 'B'], ['C']],
  'touching-walls': [['A', 'B'], ['C']],
  'u-arm-touches-bar': [['B', 'U']],
  'ls-meet-at-two-corners': [['L1', 'L2']],
  'courtyard-touching-wall': [['Y']],
  'slanted-partial-wall': [['A', 'B']],
  // B null, C a few cm², D zero area, E a null coordinate, F a point: in no group, listed as skipped
  'skipped-members': [['A']],
  'closing-keeps-members': [['N', 'Y']],
};

describe('clusterAdjacent fixtures', () => {
  const fixtures = readFixtures('cluster-adjacent');
  it('covers every expected case', () => {
    expect(fixtures.map((f) => f.name).sort()).toEqual(Object.keys(expected).sort());
  });
  for (const { name, input, outPath } of fixtures) {
    it(name, () => {
      const opts = (input.properties ?? {}) as { toleranceM?: number; idProperty?: string };
      const res = clusterAdjacent(input as AreaFC, opts);
      expect(res.groups).toEqual(expected[name]);
      expect(res.skipped.map((k) => k.id)).toEqual(name === 'skipped-members' ? ['B', 'C', 'D', 'E', 'F'] : []);
      const groupOf = new Map<string, number>();
      res.groups.forEach((g, k) => g.forEach((id) => groupOf.set(id, k)));
      const out = roundFC({
        type: 'FeatureCollection' as const,
        properties: { toleranceM: opts.toleranceM, groups: res.groups, skipped: res.skipped, stats: res.stats },
        features: input.features.map((f) => ({
          ...f,
          properties: { ...f.properties, group: groupOf.get(String(f.properties?.id)) },
        })),
      });
      expect(out).toEqual(golden(outPath, out));
    });
  }
});

describe('clusterAdjacent', () => {
  const [touching] = readFixtures('cluster-adjacent').filter((f) => f.name === 'touching-walls');
  const fc = touching.input as AreaFC;

  it('rejects tolerances outside 0–50 m with a reason the UI translates', () => {
    for (const t of [-1, 50.01, Number.NaN, Infinity]) {
      expect(() => clusterAdjacent(fc, { toleranceM: t })).toThrow(RangeError);
    }
    expect(() => clusterAdjacent(fc, { toleranceM: 80 })).toThrow(expect.objectContaining({ code: 'tolerance_out_of_range', params: { min: 0, max: 50, value: '80' } }));
    expect(() => clusterAdjacent(fc, { toleranceM: 50 })).not.toThrow();
    expect(() => clusterAdjacent(fc, { toleranceM: 0 })).not.toThrow();
  });

  it('defaults to 15 m and widens with the tolerance', () => {
    expect(clusterAdjacent(fc).groups).toEqual([['A', 'B'], ['C']]);
    expect(clusterAdjacent(fc).stats.toleranceM).toBe(15);
    expect(clusterAdjacent(fc, { toleranceM: 30.5 }).groups).toEqual([['A', 'B', 'C']]);
  });

  it('uses idProperty, then feature.id, then the index', () => {
    const f2 = {
      type: 'FeatureCollection' as const,
      features: fc.features.map((f, i) => ({ ...f, id: i === 0 ? 'fid' : undefined, properties: { code: i === 1 ? 'X-2' : undefined } })),
    };
    expect(clusterAdjacent(f2 as AreaFC, { idProperty: 'code' }).groups).toEqual([['2'], ['X-2', 'fid']]);
  });

  it('handles empty input and a single feature', () => {
    expect(clusterAdjacent({ type: 'FeatureCollection', features: [] }).groups).toEqual([]);
    expect(clusterAdjacent({ type: 'FeatureCollection', features: [fc.features[0]] }).groups).toEqual([['A']]);
  });

  it('only tests pairs the index returns, and skips pairs already grouped', () => {
    const res = clusterAdjacent(fc);
    expect(res.pairs).toBe(1); // A–B only; C is beyond the grown boxes
    expect(res.stats.exactChecks).toBe(1);
  });

  it('finds every pair of boxes within the tolerance, on a grid of like-sized compounds and among very unlike ones', () => {
    // candidate pairs against all pairs of boxes: evenly sized compounds (the grid of cells) and a few blocks
    // spanning many of them (the box tree the grouping falls back to), with touching and barely separated boxes
    const frame = localFrame(111.78, 37.26);
    const square = (id: string, x: number, y: number, w: number, h: number) => ({
      type: 'Feature' as const,
      properties: { id },
      geometry: {
        type: 'Polygon' as const,
        coordinates: [[[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]].map((p) => frame.toLonLat(p as [number, number]))],
      },
    });
    let seed = 3;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (const bigOnes of [0, 40]) {
      const features = [];
      for (let i = 0; i < 400; i++) features.push(square(`c${i}`, (i % 20) * 50 + rnd() * 20, Math.floor(i / 20) * 50 + rnd() * 20, 20 + rnd() * 20, 20 + rnd() * 20));
      for (let i = 0; i < bigOnes; i++) features.push(square(`b${i}`, rnd() * 800, rnd() * 800, 200 + rnd() * 400, 200 + rnd() * 400));
      for (const toleranceM of [0, 7.5, 15]) {
        const res = clusterAdjacent({ type: 'FeatureCollection', features }, { toleranceM });
        // all pairs whose boxes (in the grouping's own frame, grown by half the tolerance and the 1 mm touch) meet
        const boxes = features.map((f) => {
          const xy = f.geometry.coordinates[0].map((p) => frame.toXY(p));
          return [Math.min(...xy.map((q) => q[0])), Math.min(...xy.map((q) => q[1])), Math.max(...xy.map((q) => q[0])), Math.max(...xy.map((q) => q[1]))];
        });
        const h = (toleranceM + 0.001) / 2;
        let pairs = 0;
        let near = 0; // pairs a clear 1 cm away from the boxes' edge of meeting, either way
        for (let a = 0; a < boxes.length; a++) {
          for (let b = a + 1; b < boxes.length; b++) {
            const gap = Math.max(boxes[b][0] - boxes[a][2], boxes[a][0] - boxes[b][2], boxes[b][1] - boxes[a][3], boxes[a][1] - boxes[b][3]);
            if (gap <= 2 * h) pairs++;
            if (Math.abs(gap - 2 * h) < 0.01) near++;
          }
        }
        // the grouping projects with its own frame, so pairs within a centimetre of the limit may go either way
        expect(Math.abs(res.pairs - pairs)).toBeLessThanOrEqual(near);
        expect(res.pairs).toBeGreaterThan(0);
      }
    }
  });

  it('measures segment distances exactly', () => {
    expect(segSegDist2(0, 0, 10, 0, 5, 3, 5, 10)).toBeCloseTo(9, 12); // T: 3 m
    expect(segSegDist2(0, 0, 10, 10, 0, 10, 10, 0)).toBe(0); // crossing
    expect(segSegDist2(0, 0, 10, 0, 13, 4, 20, 4)).toBeCloseTo(25, 12); // end to end: 3-4-5
    expect(segSegDist2(0, 0, 10, 0, 2, 0, 8, 0)).toBe(0); // collinear overlap
  });
});
