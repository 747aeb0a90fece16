// Guards the synthetic demo programme (data/demo/*.geojson): deterministic, valid RFC 7946 geometry,
// a believable city (49 compounds, buildings inside and apart, walls shared, lanes between) and
// programme fields consistent with the policy's procedure and with data/divisions.json.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import GJV from 'geojson-validation';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import { generateDemo, toLocal, DEMO_BBOX, STAGE_ORDER } from '../../scripts/lib/demo-generator.mjs';
import { CONSTRUCTION_DUE, demoTimeline, worksYear } from '../../scripts/lib/demo-history.mjs';
import { serialiseCollection } from '../../scripts/build-demo.mjs';

type Props = Record<string, any>;
type FC = FeatureCollection<Geometry, Props>;
const root = join(__dirname, '../..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');
const files = {
  compounds: 'data/demo/compounds.geojson',
  buildings: 'data/demo/buildings.geojson',
  context: 'data/demo/context.geojson',
} as const;
const committed = Object.fromEntries(Object.entries(files).map(([k, p]) => [k, JSON.parse(read(p))])) as Record<keyof typeof files, FC>;
const compounds = committed.compounds.features as Feature<Polygon | MultiPolygon, Props>[];
const buildings = committed.buildings.features as Feature<Polygon, Props>[];
const context = committed.context.features;
const byCode = new Map(compounds.map((f) => [f.properties.code as string, f]));
// The package ships no types; with a trace it returns the list of errors ([] when valid).
const gjv = GJV as unknown as { valid(o: unknown, trace: true): string[] };
const divisions = JSON.parse(read('data/divisions.json'));
const outline = JSON.parse(read('data/fenyang-outline.geojson')).features[0];

const polygonsOf = (g: Geometry): Position[][][] =>
  g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
const allPositions = (g: Geometry): Position[] =>
  g.type === 'Point' ? [g.coordinates] : g.type === 'LineString' ? g.coordinates : polygonsOf(g).flat(2);

/** Planar distance in metres between two polygonal geometries (0 when they touch or overlap). */
function distanceM(a: Geometry, b: Geometry): number {
  if (turf.booleanIntersects(a, b)) return 0;
  const segs = (g: Geometry) =>
    polygonsOf(g).flatMap((p) => p.flatMap((r) => r.slice(1).map((q, i) => [toLocal(r[i]), toLocal(q)])));
  const pts = (g: Geometry) => allPositions(g).map(toLocal);
  const ptSeg = ([px, py]: number[], [[ax, ay], [bx, by]]: number[][]) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy || 1)));
    return Math.hypot(px - ax - t * dx, py - ay - t * dy);
  };
  let best = Infinity;
  for (const [x, y] of [[a, b], [b, a]]) for (const p of pts(x)) for (const s of segs(y)) best = Math.min(best, ptSeg(p, s));
  return best;
}

/** Area in m² of the overlap of two areal geometries. */
function overlapM2(a: Geometry, b: Geometry): number {
  const i = turf.intersect(turf.featureCollection([turf.feature(a as Polygon), turf.feature(b as Polygon)]));
  return i ? turf.area(i) : 0;
}

/** Area in m² of a that lies outside b. */
function outsideM2(a: Geometry, b: Geometry): number {
  const d = turf.difference(turf.featureCollection([turf.feature(a as Polygon), turf.feature(b as Polygon)]));
  return d ? turf.area(d) : 0;
}

/** Longest collinear overlap (m) between an edge of a and an edge of b. */
function sharedWallM(a: Geometry, b: Geometry): number {
  const edges = (g: Geometry) =>
    polygonsOf(g).flatMap((p) => p.flatMap((r) => r.slice(1).map((q, i) => [toLocal(r[i]), toLocal(q)])));
  let best = 0;
  for (const [p0, p1] of edges(a)) {
    const len = Math.hypot(p1[0] - p0[0], p1[1] - p0[1]);
    const ux = (p1[0] - p0[0]) / len;
    const uy = (p1[1] - p0[1]) / len;
    for (const [q0, q1] of edges(b)) {
      const off = (q: number[]) => Math.abs((q[0] - p0[0]) * uy - (q[1] - p0[1]) * ux);
      if (off(q0) > 0.02 || off(q1) > 0.02) continue;
      const t0 = (q0[0] - p0[0]) * ux + (q0[1] - p0[1]) * uy;
      const t1 = (q1[0] - p0[0]) * ux + (q1[1] - p0[1]) * uy;
      best = Math.max(best, Math.min(len, Math.max(t0, t1)) - Math.max(0, Math.min(t0, t1)));
    }
  }
  return best;
}

describe('demo generator', () => {
  it('is deterministic and the committed files are a fresh generation', () => {
    const a = generateDemo();
    const b = generateDemo();
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    for (const key of Object.keys(files) as (keyof typeof files)[]) {
      expect(serialiseCollection(a[key]), `${files[key]} is stale: run npm run data:demo`).toBe(read(files[key]));
    }
  });

  it('depends on the seed', () => {
    expect(JSON.stringify(generateDemo(7).compounds)).not.toBe(JSON.stringify(generateDemo().compounds));
  });
});

describe('demo geometry', () => {
  const all = [...compounds, ...buildings, ...context];

  it('passes geojson-validation', () => {
    for (const fc of Object.values(committed)) expect(gjv.valid(fc, true)).toEqual([]);
  });

  it('has closed, clean, RFC 7946-wound rings without self-intersections', () => {
    for (const f of all) {
      for (const poly of polygonsOf(f.geometry)) {
        poly.forEach((ring, k) => {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[0]).toEqual(ring[ring.length - 1]);
          for (let i = 1; i < ring.length; i++) expect(ring[i]).not.toEqual(ring[i - 1]);
          expect(turf.booleanClockwise(ring), `${f.properties?.code ?? f.properties?.name} ring ${k}`).toBe(k > 0);
        });
      }
      if (f.geometry.type !== 'Point') expect(turf.kinks(f as Feature<Polygon>).features).toHaveLength(0);
    }
  });

  it('stays inside the urban bbox, which lies inside the county outline', () => {
    const [w, s, e, n] = DEMO_BBOX;
    for (const corner of [[w, s], [e, s], [e, n], [w, n]]) expect(turf.booleanPointInPolygon(corner, outline)).toBe(true);
    for (const f of all) {
      for (const [lon, lat] of allPositions(f.geometry)) {
        expect(lon).toBeGreaterThan(w);
        expect(lon).toBeLessThan(e);
        expect(lat).toBeGreaterThan(s);
        expect(lat).toBeLessThan(n);
      }
    }
  });
});

describe('demo compounds', () => {
  const props = compounds.map((f) => f.properties);

  it('are exactly 49, coded FY-001 … FY-049, with unique names and the agreed properties', () => {
    expect(compounds).toHaveLength(49);
    expect(props.map((p) => p.code)).toEqual(Array.from({ length: 49 }, (_, i) => `FY-${String(i + 1).padStart(3, '0')}`));
    expect(new Set(props.map((p) => p.name)).size).toBe(49);
    const keys = ['code', 'name', 'township_code', 'community_code', 'address', 'built_year', 'buildings', 'households', 'floor_area_m2', 'land_area_m2', 'property_owner', 'management', 'maintenance_fund', 'consent_pct', 'stage', 'plan_offset', 'tier', 'is_demo'];
    for (const p of props) {
      expect(Object.keys(p)).toEqual(keys);
      expect(p.is_demo).toBe(true);
      expect(p.built_year).toBeGreaterThanOrEqual(1975);
      expect(p.built_year).toBeLessThanOrEqual(1999);
      expect(['property_company', 'self', 'none']).toContain(p.management);
      expect(typeof p.maintenance_fund).toBe('boolean');
      expect(p.consent_pct).toBeGreaterThanOrEqual(55);
      expect(p.consent_pct).toBeLessThanOrEqual(98);
    }
  });

  it('include L-shapes, a two-part compound and one around an enclave', () => {
    const shapes = compounds.map((f) => (f.geometry.type === 'MultiPolygon' ? 'multi' : f.geometry.coordinates.length > 1 ? 'hole' : f.geometry.coordinates[0].length > 5 ? 'L' : 'rect'));
    expect(shapes.filter((s) => s === 'L').length).toBeGreaterThanOrEqual(2);
    expect(shapes).toContain('multi');
    expect(shapes).toContain('hole');
  });

  it('have land areas of a real compound and matching land_area_m2', () => {
    for (const f of compounds) {
      const a = turf.area(f);
      expect(Math.abs(f.properties.land_area_m2 - a)).toBeLessThan(1);
      expect(a).toBeGreaterThan(5_000);
      expect(a).toBeLessThan(60_000);
    }
  });

  it('do not overlap; at least 3 pairs share a wall and at least 3 are 5–15 m apart', () => {
    let touching = 0;
    let near = 0;
    for (let i = 0; i < compounds.length; i++) {
      for (let j = i + 1; j < compounds.length; j++) {
        const a = compounds[i].geometry;
        const b = compounds[j].geometry;
        const d = distanceM(a, b);
        if (d > 200) continue;
        if (d === 0) {
          expect(overlapM2(a, b), `${compounds[i].properties.code}/${compounds[j].properties.code}`).toBeLessThan(1);
          if (sharedWallM(a, b) > 10) touching++;
        } else if (d >= 5 && d <= 15) near++;
      }
    }
    expect(touching).toBeGreaterThanOrEqual(3);
    expect(near).toBeGreaterThanOrEqual(3);
  });

  it('have a programme slot: a plan offset and a tier the consent rule allows', () => {
    for (const p of props) {
      const idx = STAGE_ORDER.indexOf(p.stage);
      expect(idx).toBeGreaterThanOrEqual(0);
      if (idx >= 2) {
        expect(p.plan_offset).toBeGreaterThanOrEqual(-4);
        expect(p.plan_offset).toBeLessThanOrEqual(0);
        expect(p.tier).toBe('implement');
        // The two-thirds consent gate: nothing enters a plan below it.
        expect(p.consent_pct).toBeGreaterThanOrEqual(66.7);
      } else {
        expect(p.plan_offset).toBeNull();
        expect(['', 'prepare', 'reserve']).toContain(p.tier);
        // A tier means an entry in a plan: not below the consent threshold.
        if (p.tier) expect(p.consent_pct, p.code).toBeGreaterThanOrEqual(66.7);
      }
    }
    expect(props.filter((p) => p.consent_pct < 66.7).length).toBeGreaterThanOrEqual(2);
  });

  it.each(['2026-12-02', '2027-03-10', '2028-08-20', '2031-01-15'])('have a history relative to the day %s: in order, nothing later, a mix of on-time and overdue works', (asOf) => {
    const tl = demoTimeline(compounds as never, asOf);
    expect(tl.worksYear).toBe(worksYear(asOf));
    let overdue = 0;
    let building = 0;
    for (const p of props) {
      const c = tl.compounds.get(p.code)!;
      const idx = STAGE_ORDER.indexOf(p.stage);
      expect(c.history.map((h: Props) => h.stage)).toEqual(STAGE_ORDER.slice(0, idx + 1));
      const dates: string[] = c.history.map((h: Props) => h.date);
      expect(dates).toEqual([...dates].sort());
      expect(dates.at(-1)! <= asOf, p.code).toBe(true);
      expect(c.consentDate >= dates[0] && c.consentDate <= asOf, p.code).toBe(true);
      if (idx >= 2) {
        expect(c.planYear).toBe(tl.worksYear + p.plan_offset);
        const year = tl.years.get(c.planYear!)!;
        // Declared by 31 August, issued by the joint document before the works start.
        for (const d of year.submit.values()) expect(d <= `${c.planYear! - 1}-09-06`).toBe(true);
        expect(dates[2]).toBe(year.joint);
        expect(year.review < year.consent && year.consent < year.joint && year.joint < year.filing).toBe(true);
      }
      if (p.stage === 'construction') {
        building++;
        if (c.plannedEnd < asOf) overdue++;
        expect(c.plannedEnd > c.start).toBe(true);
      }
    }
    expect(building).toBe(CONSTRUCTION_DUE.length);
    expect(overdue).toBeGreaterThan(0);
    expect(overdue).toBeLessThan(building / 2);
  });

  it('lie in a real urban township and one of its communities', () => {
    for (const p of props) {
      const t = divisions.townships.find((x: Props) => x.code === p.township_code);
      const c = divisions.communities.find((x: Props) => x.code === p.community_code);
      expect(t?.kind).toBe('subdistrict');
      expect(c?.township_code).toBe(p.township_code);
      expect(p.address.startsWith(`汾阳市${t.name}${c.name}`)).toBe(true);
    }
  });
});

describe('demo buildings', () => {
  const groups = new Map<string, Feature<Polygon, Props>[]>();
  for (const b of buildings) groups.set(b.properties.compound_code, [...(groups.get(b.properties.compound_code) ?? []), b]);

  it('number 4–40 per compound and add up to the compound figures', () => {
    expect(groups.size).toBe(49);
    for (const [code, list] of groups) {
      const p = byCode.get(code)!.properties;
      expect(list.length).toBeGreaterThanOrEqual(4);
      expect(list.length).toBeLessThanOrEqual(40);
      expect(p.buildings).toBe(list.length);
      expect(p.households).toBe(list.reduce((s, b) => s + b.properties.households, 0));
      const floorArea = list.reduce((s, b) => s + turf.area(b) * b.properties.floors, 0);
      expect(Math.abs(p.floor_area_m2 - floorArea)).toBeLessThan(2);
      expect(p.built_year).toBe(Math.min(...list.map((b) => b.properties.built_year)));
    }
  });

  it('are residential slabs inside their compound, apart, with sunlight spacing between rows', () => {
    for (const [code, list] of groups) {
      const cg = byCode.get(code)!.geometry;
      const local = list.map((b) => {
        const pts = b.geometry.coordinates[0].map(toLocal);
        const xs = pts.map((q) => q[0]);
        const ys = pts.map((q) => q[1]);
        return { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys), floors: b.properties.floors };
      });
      list.forEach((b, i) => {
        expect(outsideM2(b.geometry, cg), `${code} ${b.properties.name}`).toBeLessThan(0.01);
        expect([5, 6]).toContain(b.properties.floors);
        expect(b.properties.households).toBeGreaterThan(0);
        const { x0, x1, y0, y1 } = local[i];
        expect(Math.max(x1 - x0, y1 - y0)).toBeGreaterThanOrEqual(27.9);
        expect(Math.max(x1 - x0, y1 - y0)).toBeLessThanOrEqual(70.1);
        expect(Math.min(x1 - x0, y1 - y0)).toBeGreaterThanOrEqual(9.9);
        expect(Math.min(x1 - x0, y1 - y0)).toBeLessThanOrEqual(14.1);
      });
      for (let i = 0; i < local.length; i++) {
        for (let j = i + 1; j < local.length; j++) {
          const [a, b] = [local[i], local[j]];
          const xOverlap = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
          const yOverlap = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
          expect(xOverlap > 0 && yOverlap > 0, `${code}: ${list[i].properties.name} overlaps ${list[j].properties.name}`).toBe(false);
          if (xOverlap > 0) {
            const [south, north] = a.y0 < b.y0 ? [a, b] : [b, a];
            // ≥ 1.0 × the southern slab's height (≈ 2.9 m a floor).
            expect(north.y0 - south.y1).toBeGreaterThanOrEqual(south.floors * 2.9);
          } else if (yOverlap > 0) expect(-xOverlap).toBeGreaterThanOrEqual(6);
        }
      }
    }
  });
});

describe('demo context', () => {
  const props = context.map((f) => f.properties as Props);
  const count = (kind: string) => props.filter((p) => p.kind === kind).length;

  it('has the agreed kinds, properties and counts', () => {
    const keys = ['kind', 'subtype', 'name', 'area_m2', 'width_m', 'compound_code', 'is_demo'];
    for (const f of context) {
      const p = f.properties as Props;
      expect(Object.keys(p)).toEqual(keys);
      expect(['road', 'facility', 'idle_building', 'idle_land', 'water', 'green']).toContain(p.kind);
      expect(p.is_demo).toBe(true);
      if (p.compound_code) expect(byCode.has(p.compound_code)).toBe(true);
      if (p.kind === 'road') {
        expect(f.geometry.type).toBe('LineString');
        expect(['arterial', 'secondary', 'lane']).toContain(p.subtype);
        expect(p.area_m2).toBe(0);
        expect(p.width_m).toBeGreaterThan(0);
      } else {
        expect(f.geometry.type).toBe('Polygon');
        expect(p.width_m).toBe(0);
        expect(Math.abs(p.area_m2 - turf.area(f))).toBeLessThan(1);
      }
    }
    expect(count('facility')).toBeGreaterThanOrEqual(15);
    expect(count('facility')).toBeLessThanOrEqual(25);
    expect(count('idle_building')).toBeGreaterThanOrEqual(10);
    expect(count('idle_building')).toBeLessThanOrEqual(15);
    expect(count('idle_land')).toBeGreaterThanOrEqual(8);
    expect(count('idle_land')).toBeLessThanOrEqual(12);
    expect(count('water')).toBeGreaterThanOrEqual(1);
    expect(count('green')).toBeGreaterThanOrEqual(1);
    for (const p of props) {
      if (p.kind === 'idle_building') {
        expect(['boiler_room', 'bike_shed', 'public_house']).toContain(p.subtype);
        expect(p.compound_code).not.toBe('');
        expect(p.area_m2).toBeGreaterThanOrEqual(40);
        expect(p.area_m2).toBeLessThanOrEqual(400);
      }
      if (p.kind === 'idle_land') {
        expect(['vacant', 'waste', 'demolished']).toContain(p.subtype);
        expect(p.area_m2).toBeGreaterThanOrEqual(200);
        expect(p.area_m2).toBeLessThanOrEqual(2500);
      }
      if (p.kind === 'facility') {
        expect(['kindergarten', 'clinic', 'elderly_station', 'market', 'community_service', 'parking', 'charging', 'fire_station', 'express_locker']).toContain(p.subtype);
      }
    }
  });

  it('puts compound-tagged features inside their compound and nothing on a building', () => {
    const areal = context.filter((f) => ['facility', 'idle_building', 'idle_land'].includes((f.properties as Props).kind)) as Feature<Polygon, Props>[];
    for (const f of areal) {
      const code = f.properties.compound_code;
      if (code) expect(outsideM2(f.geometry, byCode.get(code)!.geometry), f.properties.name).toBeLessThan(0.01);
      else for (const c of compounds) expect(overlapM2(f.geometry, c.geometry), `${f.properties.name} in ${c.properties.code}`).toBeLessThan(0.01);
      for (const b of buildings) {
        if (turf.booleanIntersects(f, b)) expect(overlapM2(f.geometry, b.geometry), `${f.properties.name} on ${b.properties.compound_code} ${b.properties.name}`).toBeLessThan(0.01);
      }
    }
    for (let i = 0; i < areal.length; i++)
      for (let j = i + 1; j < areal.length; j++)
        expect(overlapM2(areal[i].geometry, areal[j].geometry), `${areal[i].properties.name} / ${areal[j].properties.name}`).toBeLessThan(0.01);
  });

  it('keeps internal lanes inside their compound and off the buildings', () => {
    const lanes = context.filter((f) => (f.properties as Props).kind === 'road' && (f.properties as Props).compound_code) as Feature<LineString, Props>[];
    expect(lanes.length).toBeGreaterThanOrEqual(49);
    for (const l of lanes) {
      expect(l.properties.subtype).toBe('lane');
      expect(l.properties.width_m).toBeGreaterThanOrEqual(4);
      expect(l.properties.width_m).toBeLessThanOrEqual(6);
      const cg = byCode.get(l.properties.compound_code)!;
      for (const p of l.geometry.coordinates) expect(turf.booleanPointInPolygon(p, cg)).toBe(true);
      for (const b of buildings) {
        if (b.properties.compound_code === l.properties.compound_code) expect(turf.booleanIntersects(l, b), `${l.properties.name} × ${b.properties.name}`).toBe(false);
      }
    }
  });
});
