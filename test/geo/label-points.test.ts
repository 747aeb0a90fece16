import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Point, Polygon, MultiPolygon } from 'geojson';
import { booleanPointInPolygon } from '@turf/turf';
import { labelPoints } from '../../src/lib/geo/label-points';
import { golden, readFixtures, roundFC } from './helpers/fixtures';

// Hand-computed (see make-fixtures.mjs): the point in metres east/north of the case's origin, how far it must be from
// the outline at least, and the area in m².
const lon0 = 111.78;
const lat0 = 37.26;
const mLon = 111320 * Math.cos((lat0 * Math.PI) / 180);
const toXY = ([lon, lat]: number[]) => [(lon - lon0) * mLon, (lat - lat0) * 110574];
const expected: Record<string, { id: string; at?: [number, number]; tolM: number; area: number }[]> = {
  rectangle: [{ id: 'r', at: [50, 30], tolM: 1.5, area: 6000 }],
  'l-shape': [{ id: 'l', tolM: 0, area: 5100 }],
  courtyard: [{ id: 'c', tolM: 0, area: 10800 }],
  'multipolygon-largest-part': [{ id: 'm', at: [240, 25], tolM: 1.5, area: 4000 }],
  'points-lines-empty': [{ id: 'p', at: [10, 10], tolM: 0.01, area: 0 }],
};

describe('labelPoints fixtures', () => {
  const fixtures = readFixtures('label-points');
  it('covers every expected case', () => {
    expect(fixtures.map((f) => f.name).sort()).toEqual(Object.keys(expected).sort());
  });
  for (const { name, input, outPath } of fixtures) {
    it(name, () => {
      const out = labelPoints(input);
      const want = expected[name];
      expect(out.features.map((f) => f.id)).toEqual(want.map((w) => w.id));
      out.features.forEach((f, i) => {
        const w = want[i];
        const src = input.features.find((x) => x.id === f.id)!;
        // Every property of the feature comes along, plus the area for label priority.
        expect(f.properties).toEqual({ ...src.properties, label_area_m2: expect.any(Number) });
        expect(f.properties!.label_area_m2).toBeCloseTo(w.area, -1);
        if (w.at) {
          const [x, y] = toXY(f.geometry.coordinates);
          expect(Math.hypot(x - w.at[0], y - w.at[1]), `${name} ${f.id} at (${x}, ${y})`).toBeLessThanOrEqual(w.tolM);
        }
        if (src.geometry?.type === 'Polygon' || src.geometry?.type === 'MultiPolygon') {
          expect(booleanPointInPolygon(f.geometry, src.geometry as Polygon | MultiPolygon)).toBe(true);
        }
      });
      const rounded = roundFC(out as FeatureCollection<Point>);
      expect(rounded).toEqual(golden(outPath, rounded));
    });
  }

  it('puts the L-shape label in a leg, at least 14 m from every edge (the centroid lies outside it, in the notch)', () => {
    const [input] = readFixtures('label-points').filter((f) => f.name === 'l-shape').map((f) => f.input);
    const [x, y] = toXY(labelPoints(input).features[0].geometry.coordinates);
    const edgeDistance = Math.min(x, y, 100 - x, 100 - y, Math.max(x - 30, y - 30) < 0 ? Infinity : Math.min(Math.abs(x - 30), Math.abs(y - 30)));
    expect(edgeDistance).toBeGreaterThanOrEqual(14);
  });

  it('puts the courtyard label in the ring of buildings, not in the courtyard', () => {
    const [input] = readFixtures('label-points').filter((f) => f.name === 'courtyard').map((f) => f.input);
    const [x, y] = toXY(labelPoints(input).features[0].geometry.coordinates);
    const inCourtyard = x > 30 && x < 90 && y > 30 && y < 90;
    expect(inCourtyard).toBe(false);
    expect(Math.min(x, y, 120 - x, 120 - y)).toBeGreaterThanOrEqual(14);
  });
});
