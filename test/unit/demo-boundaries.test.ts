// Guards the demo boundaries (示例数据, data/demo/boundaries.geojson): the committed file is what the build script makes
// from the demo compounds; every boundary is a valid polygon with RFC 7946 winding; boundaries of one level do not
// overlap; every demo compound lies (to the 5 m grid) inside its community and township; all marked as demo.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { booleanValid, intersect, area, featureCollection } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { buildDemoBoundaries } from '../../scripts/lib/demo-boundaries-build.mjs';
import { checkGeometry } from '../../src/lib/geo/polygon-validity';

const ROOT = join(__dirname, '../..');
const text = readFileSync(join(ROOT, 'data/demo/boundaries.geojson'), 'utf8');
const fc = JSON.parse(text) as FeatureCollection<Polygon | MultiPolygon>;
const compounds = JSON.parse(readFileSync(join(ROOT, 'data/demo/compounds.geojson'), 'utf8')).features as Feature<Polygon>[];

function hook() {
  const mod = { exports: {} as unknown };
  const hooks = join(ROOT, 'pb_hooks');
  new Function('module', 'exports', 'require', '__hooks', readFileSync(join(hooks, 'lib/boundaries.js'), 'utf8'))(mod, mod.exports, createRequire(import.meta.url), hooks);
  return mod.exports as { overlapM2(a: Polygon | MultiPolygon, b: Polygon | MultiPolygon): { overlap: number } };
}

const signed = (r: number[][]) => r.slice(0, -1).reduce((s, p, i) => s + p[0] * r[i + 1][1] - r[i + 1][0] * p[1], 0) / 2;

describe('demo boundaries', () => {
  it('are what the build script makes from the demo compounds', () => {
    expect((buildDemoBoundaries() as { text: string }).text).toBe(text);
  });

  it('are valid polygons, counter-clockwise shells and clockwise holes, all marked as demo', () => {
    expect(fc.features.length).toBe(41);
    for (const f of fc.features) {
      expect(booleanValid(f), f.properties!.code).toBe(true);
      // the one validity rule the server applies to every outline (polygon-validity), as well as turf's
      expect(checkGeometry(f.geometry, { allowed: ['Polygon', 'MultiPolygon'], maxVertices: 50_000 }), f.properties!.code).toMatchObject({ ok: true });
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const p of polys) p.forEach((ring, k) => expect(signed(ring) > 0, `${f.properties!.code} ring ${k}`).toBe(k === 0));
      expect(f.properties).toMatchObject({ is_demo: true });
      expect(String(f.properties!.source)).toContain('示例数据');
    }
  });

  it('do not overlap within a level', () => {
    const { overlapM2 } = hook();
    for (const level of ['township', 'community']) {
      const fs = fc.features.filter((f) => f.properties!.level === level);
      for (let i = 0; i < fs.length; i++) for (let j = i + 1; j < fs.length; j++) expect(overlapM2(fs[i].geometry, fs[j].geometry).overlap).toBeLessThan(1);
    }
  });

  it('hold their compounds (at least 95 % of each compound inside its community and township)', () => {
    const byCode = new Map(fc.features.map((f) => [f.properties!.code as string, f]));
    for (const c of compounds) {
      for (const code of [c.properties!.community_code, c.properties!.township_code]) {
        const inside = intersect(featureCollection([c, byCode.get(code)!]));
        expect(inside ? area(inside) / area(c) : 0, `${c.properties!.code} in ${code}`).toBeGreaterThan(0.95);
      }
    }
  });
});
