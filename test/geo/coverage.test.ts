// coverage / summarizeCoverage. Fixtures: test/geo/coverage/in/*.geojson (features with role
// 'compound' or 'facility', options in the collection's properties) → out/*.geojson (compounds with
// per-type coverage in their properties, byType in the collection's properties). REGEN=1 rewrites.
//
// Hand computation for four-compounds.geojson (metres east/north of 111.785, 37.265):
//   A = 0..100 × 0..100 (100 hh, T1)   B = 400..500 × 0..100 (200 hh, T1)
//   C = L-shape 0..100 × 600..700 + 0..50 × 700..800 (50 hh, T2)
//   D = 1000..1200 × 0..200 with courtyard hole 1050..1150 × 50..150 (80 hh, T2)
//   f0 elderly_station point (250, 50): A 250−100 = 150, B 400−250 = 150,
//      C corner (100, 600): √(150² + 550²) = 570.1, D 1000−250 = 750
//   f1 elderly_station polygon 0..100 × 1000..1050: C top edge y = 800 → 200; A 900
//   f2 clinic point (1100, 100) inside D's hole: nearest hole edge 50; B 1100−500 = 600
//   f3 market polygon 480..520 × 40..60 crosses B's east edge → 0; A 480−100 = 380;
//      D 1000−520 = 480; C corner (100, 600) to (480, 60): √(380² + 540²) = 660.3
//   default radii (catalogue): elderly_station 300, clinic 300, market 500 →
//      elderly_station covered A 150 (f0), B 150 (f0), C 200 (f1); gap D → 350 / 80 hh
//      clinic covered D 50 (f2); gaps A, B, C → 80 / 350 hh
//      market covered A 380, B 0, D 480; gap C → 380 / 50 hh
//   override radii elderly 199, clinic 49 → C (200) and D (50) become gaps; kindergarten has no
//   facility → every compound is a gap (430 hh).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import {
  coverage,
  summarizeCoverage,
  shapeDistanceM,
  planarShape,
  type CompoundFC,
  type CoverageOptions,
  type FacilityFC,
} from '../../src/lib/geo/coverage';
import { localFrame } from '../../src/lib/geo/local-metric';

const dir = join(__dirname, 'coverage');
const r1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

function load(name: string) {
  const fc = deepFreeze(JSON.parse(readFileSync(join(dir, 'in', name), 'utf8'))) as FeatureCollection & { properties?: CoverageOptions };
  const compounds = { type: 'FeatureCollection', features: fc.features.filter((f) => f.properties?.role === 'compound') } as CompoundFC;
  const facilities = { type: 'FeatureCollection', features: fc.features.filter((f) => f.properties?.role === 'facility') } as FacilityFC;
  return { compounds, facilities, opts: (fc.properties ?? {}) as CoverageOptions };
}

describe('coverage fixtures', () => {
  for (const file of readdirSync(join(dir, 'in')).filter((f) => f.endsWith('.geojson'))) {
    it(file, () => {
      const { compounds, facilities, opts } = load(file);
      const res = coverage(compounds, facilities, opts);
      const out = {
        type: 'FeatureCollection',
        properties: { radiusM: res.radiusM, byType: res.byType },
        features: compounds.features.map((f) => {
          const props: Record<string, unknown> = { id: f.properties?.id, households: f.properties?.households };
          for (const [t, c] of Object.entries(res.perCompound[String(f.properties?.id)])) {
            props[`${t}_covered`] = c.covered;
            props[`${t}_distance_m`] = r1(c.distanceM);
            props[`${t}_nearest`] = c.nearest;
          }
          return { type: 'Feature', properties: props, geometry: f.geometry };
        }),
      };
      const outPath = join(dir, 'out', file);
      if (process.env.REGEN) writeFileSync(outPath, JSON.stringify(out, null, 1) + '\n');
      expect(out).toEqual(JSON.parse(readFileSync(outPath, 'utf8')));
    });
  }
});

describe('coverage hand-computed', () => {
  it('four compounds, catalogue radii', () => {
    const { compounds, facilities } = load('four-compounds.geojson');
    const r = coverage(compounds, facilities);
    expect(r.radiusM).toEqual({ elderly_station: 300, clinic: 300, market: 500 });
    expect(r.byType.elderly_station).toEqual({ covered: ['A', 'B', 'C'], gaps: ['D'], coveredHouseholds: 350, gapHouseholds: 80 });
    expect(r.byType.clinic).toEqual({ covered: ['D'], gaps: ['A', 'B', 'C'], coveredHouseholds: 80, gapHouseholds: 350 });
    expect(r.byType.market).toEqual({ covered: ['A', 'B', 'D'], gaps: ['C'], coveredHouseholds: 380, gapHouseholds: 50 });
    const d = (id: string, t: string) => r.perCompound[id][t].distanceM!;
    expect(d('A', 'elderly_station')).toBeCloseTo(150, 1);
    expect(d('B', 'elderly_station')).toBeCloseTo(150, 1);
    expect(d('C', 'elderly_station')).toBeCloseTo(200, 1);
    expect(r.perCompound.C.elderly_station.nearest).toBe(1);
    expect(d('D', 'clinic')).toBeCloseTo(50, 1);
    expect(d('B', 'market')).toBe(0);
    expect(d('A', 'market')).toBeCloseTo(380, 1);
    expect(d('D', 'market')).toBeCloseTo(480, 1);
    expect(r.perCompound.D.elderly_station).toEqual({ covered: false, distanceM: null, nearest: null });
  });

  it('radius overrides and a type with no facility', () => {
    const { compounds, facilities, opts } = load('four-compounds-radius-override.geojson');
    const r = coverage(compounds, facilities, opts);
    expect(r.byType.elderly_station.gaps).toEqual(['C', 'D']);
    expect(r.byType.clinic.covered).toEqual([]);
    expect(r.byType.kindergarten).toEqual({ covered: [], gaps: ['A', 'B', 'C', 'D'], coveredHouseholds: 0, gapHouseholds: 430 });
  });

  it('summarizes by township (T1: A+B = 300 hh, T2: C+D = 130 hh)', () => {
    const { compounds, facilities } = load('four-compounds.geojson');
    const rows = summarizeCoverage(coverage(compounds, facilities), compounds, 'township');
    const row = (g: string, t: string) => rows.find((x) => x.group === g && x.type === t)!;
    expect(rows).toHaveLength(6);
    expect(row('T1', 'elderly_station')).toMatchObject({ compounds: 2, covered: 2, households: 300, coveredHouseholds: 300, coveredPct: 100 });
    // T2 elderly: C (50 hh) covered, D (80 hh) not → 50/130 = 38.5 %
    expect(row('T2', 'elderly_station')).toMatchObject({ covered: 1, gaps: 1, coveredHouseholds: 50, gapHouseholds: 80, coveredPct: 38.5 });
    const byZone = summarizeCoverage(coverage(compounds, facilities), compounds, 'zone');
    expect(byZone.map((x) => x.group)).toContain(''); // D has no zone
  });

  it('reads the type from properties.subtype when there is no properties.type (context_features)', () => {
    const { compounds, facilities } = load('four-compounds.geojson');
    const asContext = {
      type: 'FeatureCollection',
      features: facilities.features.map((f) => ({ ...f, properties: { kind: 'facility', subtype: f.properties?.type } })),
    } as FacilityFC;
    expect(coverage(compounds, asContext).byType).toEqual(coverage(compounds, facilities).byType);
  });

  it('rejects an unknown type without a radius', () => {
    const { compounds, facilities } = load('four-compounds.geojson');
    expect(() => coverage(compounds, facilities, { types: ['teleporter'] })).toThrow(expect.objectContaining({ code: 'unknown_facility_type' }));
  });

  it('lists compounds without a usable geometry as skipped (gaps), never throws on them', () => {
    const { compounds, facilities } = load('four-compounds.geojson');
    const broken = {
      ...compounds,
      features: [
        ...compounds.features,
        { type: 'Feature', properties: { id: 'NULL', households: 10 }, geometry: null },
        { type: 'Feature', properties: { id: 'NAN', households: 10 }, geometry: { type: 'Polygon', coordinates: [[[111.78, 37.26], [Number.NaN, 37.26], [111.781, 37.261], [111.78, 37.26]]] } },
      ],
    } as unknown as CompoundFC;
    const r = coverage(broken, facilities);
    expect(r.skipped).toEqual(['NULL', 'NAN']);
    expect(r.byType).not.toEqual({});
    for (const t of Object.keys(r.byType)) expect(r.byType[t].gaps).toEqual(expect.arrayContaining(['NULL', 'NAN']));
  });
});

describe('coverage agrees with brute force', () => {
  it('random squares and points', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const f = localFrame(111.785, 37.265);
    const sq = (x: number, y: number, w: number) => {
      const ring = [[x, y], [x + w, y], [x + w, y + w], [x, y + w], [x, y]].map((p) => f.toLonLat(p as [number, number]));
      return { type: 'Polygon' as const, coordinates: [ring] };
    };
    const compounds = { type: 'FeatureCollection', features: Array.from({ length: 300 }, (_, i) => ({
      type: 'Feature', properties: { id: `c${i}`, households: 1 }, geometry: sq(rnd() * 3000, rnd() * 3000, 20 + rnd() * 80) })) } as CompoundFC;
    const facilities = { type: 'FeatureCollection', features: Array.from({ length: 60 }, (_, i) => ({
      type: 'Feature', properties: { type: 'clinic' },
      geometry: i % 2 ? { type: 'Point', coordinates: f.toLonLat([rnd() * 3000, rnd() * 3000]) } : sq(rnd() * 3000, rnd() * 3000, 10 + rnd() * 30) })) } as FacilityFC;
    const r = coverage(compounds, facilities, { radiusM: { clinic: 250 } });
    const frame = localFrame(111.785, 37.265);
    let covered = 0;
    compounds.features.forEach((c) => {
      const cs = planarShape(c.geometry, frame)!;
      const dists = facilities.features.map((x) => shapeDistanceM(cs, planarShape(x.geometry, frame)!));
      const min = Math.min(...dists);
      const got = r.perCompound[String(c.properties!.id)].clinic;
      expect(got.covered).toBe(min <= 250);
      if (got.covered) {
        covered++;
        expect(got.distanceM!).toBeCloseTo(min, 3);
      }
    });
    expect(covered).toBeGreaterThan(20); // the random case does exercise both branches
    expect(covered).toBeLessThan(300);
  });
});
