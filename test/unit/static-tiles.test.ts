// The publication's static vector tiles (scripts/lib/static-tiles.mjs) and how the public map knows which exist
// (src/lib/data/tiles.ts tilePresence): a feature lands in the tiles the server's route would put it in, read back by
// MapLibre's decoder with its public fields; the map never asks for a tile that was not written; the index's version
// follows the content; and the tiling threshold's override (map/tiled.ts).
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader as Pbf } from 'pbf';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { cutStaticTiles, geometryBounds, tileProperties, tileRange } from '../../scripts/lib/static-tiles.mjs';
import { tilePresence } from '../../src/lib/data/tiles';
import { TILED_ABOVE_COMPOUNDS, TILED_ABOVE_KEY, isTiled, tiledAbove } from '../../src/lib/map/tiled';

const mod = { exports: {} as unknown };
new Function('module', 'exports', readFileSync(new URL('../../pb_hooks/lib/mvt.js', import.meta.url), 'utf8'))(mod, mod.exports);
const { tileBounds } = mod.exports as { tileBounds: (z: number, x: number, y: number, buffer?: number) => [number, number, number, number] };

/** A seeded pseudo-random generator (mulberry32): the same layout every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A counter-clockwise square compound of side d degrees at (x, y). */
const square = (id: string, x: number, y: number, d: number, stage = 'demand') => ({
  geometry: { type: 'Polygon', coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]] },
  properties: { id, code: id.toUpperCase(), name: `小区${id}`, stage, is_demo: true },
});

/** Fenyang-ish compounds of 50–300 m, scattered over a few kilometres. */
function layout(n: number, seed = 7) {
  const r = random(seed);
  return Array.from({ length: n }, (_, i) => square(`c${i}`, 111.76 + r() * 0.05, 37.25 + r() * 0.04, 0.0005 + r() * 0.0025));
}

const intersects = (a: number[], b: number[]) => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];

describe('static vector tiles', () => {
  it('finds a geometry’s bounds and the tiles a box touches', () => {
    expect(geometryBounds({ type: 'MultiPolygon', coordinates: [[[[111, 37], [112, 37], [112, 38], [111, 37]]], [[[110, 36.5], [110.5, 36.5], [110.5, 37], [110, 36.5]]]] }))
      .toEqual([110, 36.5, 112, 38]);
    expect(geometryBounds({ type: 'Polygon', coordinates: [] })).toBeNull();
    expect(tileRange([111.7, 37.2, 111.8, 37.3], 10, 0)).toEqual([829, 397, 830, 397]);
    expect(tileRange([-180, -85, 180, 85], 1, 0)).toEqual([0, 0, 1, 1]);
  });

  it('puts a feature in exactly the tiles whose buffered bounds its box meets (as the server’s route does)', () => {
    for (const f of layout(60, 3)) {
      const b = geometryBounds(f.geometry)!;
      for (let z = 0; z <= 16; z++) {
        const [x0, y0, x1, y1] = tileRange(b, z);
        for (let x = x0 - 1; x <= x1 + 1; x++) {
          for (let y = y0 - 1; y <= y1 + 1; y++) {
            if (x < 0 || y < 0 || x >= 2 ** z || y >= 2 ** z) continue;
            const inside = x >= x0 && x <= x1 && y >= y0 && y <= y1;
            expect(intersects(b, tileBounds(z, x, y, 1 / 64)), `${z}/${x}/${y}`).toBe(inside);
          }
        }
      }
    }
  });

  it('writes every feature, readable by MapLibre’s decoder, into the maxzoom tile under it', () => {
    const features = layout(40);
    const { tiles, index, skipped } = cutStaticTiles('compounds', features);
    expect(skipped).toBe(0);
    expect(index).toMatchObject({ layer: 'compounds', minzoom: 12, maxzoom: 16 });
    expect(index.bounds[0]).toBeGreaterThanOrEqual(111.76);
    expect(index.bounds[2]).toBeLessThanOrEqual(111.81 + 0.003);
    for (const f of features) {
      const [w, s, e, n] = geometryBounds(f.geometry)!;
      const [x, y] = tileRange([(w + e) / 2, (s + n) / 2, (w + e) / 2, (s + n) / 2], 16, 0);
      const bytes = tiles.get(`16/${x}/${y}`)!;
      expect(bytes, f.properties.id).toBeDefined();
      const layer = new VectorTile(new Pbf(bytes)).layers.compounds;
      const found = Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties).find((p) => p.id === f.properties.id);
      expect(found).toEqual(f.properties);
    }
    // the index lists the maxzoom tiles written; from the lowest zoom the tiles hold every feature
    expect(index.tiles.length / 2).toBe([...tiles.keys()].filter((k) => k.startsWith('16/')).length);
    const atCityZoom = new Set<unknown>();
    for (const [k, bytes] of tiles) {
      if (!k.startsWith('12/')) continue;
      const layer = new VectorTile(new Pbf(bytes)).layers.compounds;
      for (let i = 0; i < (layer?.length ?? 0); i++) atCityZoom.add(layer.feature(i).properties.id);
    }
    expect(atCityZoom.size).toBe(40);
    expect(Math.min(...[...tiles.keys()].map((k) => Number(k.split('/')[0])))).toBe(12);
    // at the lowest zooms a compound is below a pixel and left out
    const world = cutStaticTiles('compounds', features, { minzoom: 0, maxzoom: 2 }).tiles.get('0/0/0')!;
    expect(new VectorTile(new Pbf(world)).layers.compounds).toBeUndefined();
    expect(cutStaticTiles('compounds', [{ geometry: { type: 'Polygon', coordinates: [] }, properties: { id: 'x' } }]).skipped).toBe(1);
  });

  it('lets the map ask only for tiles that were written, at every zoom', () => {
    const { tiles, index } = cutStaticTiles('compounds', layout(30, 11));
    const presence = tilePresence(index);
    let asked = 0;
    for (const key of tiles.keys()) {
      const [z, x, y] = key.split('/').map(Number);
      // the tile and its neighbours, as a view over and beside the compounds asks for them
      for (let dx = -2; dx <= 2; dx++) {
        for (let dy = -2; dy <= 2; dy++) {
          if (!presence.has(z, x + dx, y + dy)) continue;
          asked++;
          expect(tiles.has(`${z}/${x + dx}/${y + dy}`), `${z}/${x + dx}/${y + dy}`).toBe(true);
        }
      }
    }
    expect(asked).toBeGreaterThan(0);
    // every written maxzoom tile and each of its ancestors is known to exist
    for (let i = 0; i < index.tiles.length; i += 2) {
      for (let z = 12; z <= 16; z++) expect(presence.has(z, index.tiles[i] >> (16 - z), index.tiles[i + 1] >> (16 - z))).toBe(true);
      expect(presence.has(11, index.tiles[i] >> 5, index.tiles[i + 1] >> 5)).toBe(false);
    }
    expect(presence.has(17, 0, 0)).toBe(false);
    expect(tilePresence({ minzoom: 0, maxzoom: 2, tiles: [3, 1] }).has(1, 1, 0)).toBe(true);
    expect(tilePresence({ minzoom: 0, maxzoom: 2, tiles: [3, 1] }).has(1, 0, 0)).toBe(false);
  });

  it('changes the version, and only the tiles under it, when one compound changes', () => {
    const features = layout(30, 5);
    const a = cutStaticTiles('compounds', features);
    const renamed = features.map((f, i) => (i === 4 ? { ...f, properties: { ...f.properties, name: '更名' } } : f));
    const b = cutStaticTiles('compounds', renamed);
    expect(b.index.version).not.toBe(a.index.version);
    expect(cutStaticTiles('compounds', features).index.version).toBe(a.index.version);
    const changed = [...b.tiles.keys()].filter((k) => !a.tiles.get(k)!.equals(b.tiles.get(k)!));
    const bounds = geometryBounds(features[4].geometry)!;
    expect(changed.length).toBeGreaterThan(0);
    for (const k of changed) {
      const [z, x, y] = k.split('/').map(Number);
      const [x0, y0, x1, y1] = tileRange(bounds, z);
      expect(x >= x0 && x <= x1 && y >= y0 && y <= y1, k).toBe(true);
    }
  });

  it('carries the id and the public fields the server’s tiles carry, nothing staff-only', () => {
    const p = tileProperties('compounds', {
      id: 'r1', code: 'FY-001', name: 'A', stage: 'planned', township: 't1', community: '', built_year: 1990, households: 120,
      plan_year: 2026, is_demo: 1, property_owner: 'secret', geometry: {}, address: '某路',
    });
    expect(p).toEqual({ id: 'r1', code: 'FY-001', name: 'A', stage: 'planned', township: 't1', community: '', built_year: 1990, households: 120, plan_year: 2026, is_demo: true });
  });
});

describe('tiling threshold', () => {
  const store = new Map<string, string>();
  const g = globalThis as { localStorage?: unknown };
  afterEach(() => {
    store.clear();
    delete g.localStorage;
  });
  it('is 2,000 compounds unless this browser sets another whole number', () => {
    expect(tiledAbove()).toBe(TILED_ABOVE_COMPOUNDS);
    g.localStorage = { getItem: (k: string) => store.get(k) ?? null };
    expect(isTiled(2000)).toBe(false);
    expect(isTiled(2001)).toBe(true);
    store.set(TILED_ABOVE_KEY, '0');
    expect(isTiled(1)).toBe(true);
    expect(isTiled(0)).toBe(false);
    for (const bad of ['', '-1', '1.5', 'abc']) {
      store.set(TILED_ABOVE_KEY, bad);
      expect(tiledAbove(), bad).toBe(TILED_ABOVE_COMPOUNDS);
    }
  });
});
