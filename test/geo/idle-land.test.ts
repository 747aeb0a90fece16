// findIdleLand. Fixtures: test/geo/idle-land/in/*.geojson (features with role area / building / road /
// facility / idle_building, options in the collection's properties; drawn in metres by
// make-fixtures.mjs) → out/*.geojson (candidates, coordinates to 7 decimals, figures to 0.1; stats in
// the collection's properties). REGEN=1 rewrites the goldens.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { findIdleLand, type IdleLandInput, type IdleLandOptions } from '../../src/lib/geo/idle-land';
import { checkGeometry } from '../../src/lib/geo/polygon-validity';

const dir = join(__dirname, 'idle-land');

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

function load(name: string): { input: IdleLandInput; opts: IdleLandOptions } {
  const fc = deepFreeze(JSON.parse(readFileSync(join(dir, 'in', name), 'utf8'))) as FeatureCollection & { properties: IdleLandOptions };
  const by = (role: string) => ({ type: 'FeatureCollection', features: fc.features.filter((f) => f.properties?.role === role) }) as FeatureCollection<never>;
  const area = fc.features.find((f) => f.properties?.role === 'area')!.geometry as Polygon;
  return {
    input: { area, buildings: by('building'), roads: by('road'), facilities: by('facility'), idleBuildings: by('idle_building') },
    opts: fc.properties,
  };
}

const round7 = (c: unknown): unknown => (typeof c === 'number' ? Math.round(c * 1e7) / 1e7 : (c as unknown[]).map(round7));

describe('findIdleLand fixtures', () => {
  for (const file of readdirSync(join(dir, 'in')).filter((f) => f.endsWith('.geojson'))) {
    it(file, () => {
      const { input, opts } = load(file);
      const { candidates, stats } = findIdleLand(input, opts);
      // every piece written back is a valid polygon, also as kept in the golden (7 decimals)
      for (const f of candidates.features) expect(checkGeometry(f.geometry), JSON.stringify(f.properties)).toMatchObject({ ok: true });
      const out = {
        type: 'FeatureCollection',
        properties: stats,
        features: candidates.features.map((f) => ({
          type: 'Feature',
          properties: f.properties,
          geometry: { type: f.geometry.type, coordinates: round7(f.geometry.coordinates) },
        })),
      };
      const outPath = join(dir, 'out', file);
      if (process.env.REGEN) writeFileSync(outPath, JSON.stringify(out, null, 1) + '\n');
      const golden = JSON.parse(readFileSync(outPath, 'utf8'));
      expect(out).toEqual(golden);
      for (const f of golden.features) expect(checkGeometry(f.geometry)).toMatchObject({ ok: true });
    });
  }
});

describe('findIdleLand hand-computed', () => {
  const run = (name: string) => {
    const { input, opts } = load(name);
    return findIdleLand(input, opts);
  };
  const props = (r: ReturnType<typeof run>) => r.candidates.features.map((f) => f.properties);

  // Arcs are drawn as inscribed polygons at a 10 cm tolerance, so round areas come out ≈ ⅔ × arc
  // length × 0.1 m smaller than the exact figure: the bounds below allow for that.
  it('a road cuts a 100 × 100 compound into two 100 × 46 halves (8 m road → 4 m half width)', () => {
    const r = run('road-cutting.geojson');
    const p = props(r);
    expect(p).toHaveLength(2);
    for (const x of p) {
      expect(x.kind).toBe('idle_land');
      // opening by 5 m rounds the four corners: 100 × 46 − (4 − π)·5² = 4600 − 21.5 = 4578.5
      // (arcs 31.4 m long → up to ≈ 2.1 m² less)
      expect(x.area_m2).toBeGreaterThan(4575);
      expect(x.area_m2).toBeLessThan(4579);
      expect(x.usable_width_m).toBeGreaterThanOrEqual(45.5);
      expect(x.usable_width_m).toBeLessThanOrEqual(46.5);
      expect(x.road_distance_m).toBe(0);
    }
    expect(r.stats.nearRoads).toBe(1); // the road at y = 200 is outside the search box
  });

  it('strips 6 m wide pass a 5 m width rule, not a 9 m one; 4 m end strips never pass', () => {
    const kept = props(run('thin-strips-kept.geojson'));
    // top and bottom strips 100 × 6 (plus the room the rounded setback leaves at the corners)
    expect(kept).toHaveLength(2);
    for (const x of kept) {
      expect(x.area_m2).toBeGreaterThan(600);
      expect(x.area_m2).toBeLessThan(700);
      // the corner pocket holds a circle of radius r with (10−r)² + (12−r)² = (6+r)² → r = 4 → 8 m
      expect(x.usable_width_m).toBeGreaterThanOrEqual(7.5);
      expect(x.usable_width_m).toBeLessThanOrEqual(8.5);
    }
    const rejected = run('thin-strips-rejected.geojson');
    expect(rejected.candidates.features).toHaveLength(0);
    expect(rejected.stats.freeM2).toBeGreaterThan(1000); // the land was there, the width rule removed it
  });

  it('keeps holes: ring of land around a hole, minus a 10 m disc, corners rounded by the opening', () => {
    const p = run('holes.geojson').candidates.features;
    expect(p).toHaveLength(1);
    const g = p[0].geometry as Polygon;
    expect(g.coordinates).toHaveLength(3); // outer ring, the area's hole, the facility disc
    // 120² − 40² − π·10² − (4 − π)·5² (four outer corners) = 14400 − 1600 − 314.2 − 21.5 = 12464.3;
    // the disc is an inscribed polygon, so the land comes out up to ≈ 4 m² larger
    expect(p[0].properties.area_m2).toBeGreaterThan(12463);
    expect(p[0].properties.area_m2).toBeLessThan(12469);
    // the widest spot is a corner square of the ring: r = 40√2 / (1 + √2) = 23.4 → 46.9 m
    expect(p[0].properties.usable_width_m).toBeGreaterThanOrEqual(46.4);
    expect(p[0].properties.usable_width_m).toBeLessThanOrEqual(47.4);
  });

  it('margin grows the area: 50 × 50 + 10 m → 70² − (4 − π)·10² = 4814.2 m²', () => {
    const p = props(run('margin.geojson'));
    expect(p).toHaveLength(1);
    // arcs 62.8 m long at a 10 cm tolerance → up to ≈ 4.2 m² less
    expect(p[0].area_m2).toBeGreaterThan(4809);
    expect(p[0].area_m2).toBeLessThan(4815);
    expect(p[0].road_distance_m).toBeNull();
  });

  it('lists the idle boiler room as a repurposing candidate and keeps its setback off the land', () => {
    const r = run('buildings-touching-boundary.geojson');
    const idle = props(r).filter((x) => x.kind === 'idle_building');
    expect(idle).toEqual([
      { kind: 'idle_building', area_m2: 100, usable_width_m: expect.closeTo(10, 0) as unknown as number, road_distance_m: null, source_id: 'IB-1', subtype: 'boiler_room', name: '闲置锅炉房' },
    ]);
    const land = r.candidates.features.filter((f) => f.properties.kind === 'idle_land');
    expect(land.length).toBeGreaterThan(0);
    for (const f of land) expect(f.properties.usable_width_m).toBeGreaterThanOrEqual(8 - 0.5);
  });

  it('one L-shaped piece 17 m wide along both arms of the courtyard', () => {
    const p = props(run('l-shaped-courtyard.geojson'));
    expect(p).toHaveLength(1);
    expect(p[0].usable_width_m).toBeGreaterThanOrEqual(16.5);
    expect(p[0].area_m2).toBeGreaterThan(17 * 100 + 17 * 60);
  });
});

describe('findIdleLand index reuse', () => {
  it('reuses one buildings collection across areas and skips features without geometry', () => {
    const a = load('thin-strips-kept.geojson');
    const buildings = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: null }, ...a.input.buildings!.features],
    } as unknown as NonNullable<IdleLandInput['buildings']>;
    const first = findIdleLand({ ...a.input, buildings }, a.opts);
    expect(first.stats.nearBuildings).toBe(1);
    expect(first.candidates.features).toHaveLength(2);
    // same collection object, an area 1 km away: the cached index must not leak the slab into it
    const far = load('margin.geojson').input.area as Polygon;
    const shifted = { ...far, coordinates: far.coordinates.map((r) => r.map((p) => [p[0] + 0.012, p[1]])) } as Polygon;
    const second = findIdleLand({ area: shifted, buildings }, { minWidthM: 5, minAreaM2: 100 });
    expect(second.stats.nearBuildings).toBe(0);
    expect(second.stats.freeM2).toBeCloseTo(2500, -1);
  });
});

describe('findIdleLand validation', () => {
  const { input } = load('margin.geojson');
  it('throws a Chinese message on an empty area', () => {
    expect(() => findIdleLand({ ...input, area: { type: 'Polygon', coordinates: [] } })).toThrow(expect.objectContaining({ code: 'empty_area' }));
    expect(() => findIdleLand({ ...input, area: undefined as unknown as Polygon })).toThrow(expect.objectContaining({ code: 'empty_area' }));
  });
  it('rejects options out of range with a reason naming the option', () => {
    expect(() => findIdleLand(input, { setbackM: 31 })).toThrow(RangeError);
    expect(() => findIdleLand(input, { setbackM: -1 })).toThrow(expect.objectContaining({ code: 'option_out_of_range', params: { option: 'setbackM', min: 0, max: 30, value: '-1' } }));
    expect(() => findIdleLand(input, { minWidthM: 0.5 })).toThrow(expect.objectContaining({ code: 'option_out_of_range', params: expect.objectContaining({ option: 'minWidthM' }) }));
    expect(() => findIdleLand(input, { minWidthM: 101 })).toThrow(RangeError);
    expect(() => findIdleLand(input, { facilityType: 'nope' })).toThrow(expect.objectContaining({ code: 'unknown_facility_type' }));
  });
  it('takes width and area defaults from the catalogue type', () => {
    const r = findIdleLand(input, { facilityType: 'kindergarten', marginM: 10 });
    expect(r.stats.minWidthM).toBe(30);
    expect(r.stats.minAreaM2).toBe(2700);
    expect(r.candidates.features).toHaveLength(1); // 4814 m² ≥ 2700 m², 70 m ≥ 30 m
  });
});

export type { Feature };
