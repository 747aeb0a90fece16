// The server's vector-tile encoder (pb_hooks/lib/mvt.js, plain JS for PocketBase's VM) read back by an independent
// decoder (@mapbox/vector-tile, the reader MapLibre uses): polygons land where they are, with their properties, the
// winding MVT wants, and features that collapse at a zoom are left out.
import { readFileSync } from 'node:fs';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader as Pbf } from 'pbf';
import { describe, expect, it } from 'vitest';

// Loaded as the VM loads it (the package is an ES module, the hook a CommonJS file).
const mod = { exports: {} as unknown };
new Function('module', 'exports', readFileSync(new URL('../../pb_hooks/lib/mvt.js', import.meta.url), 'utf8'))(mod, mod.exports);
const mvt = mod.exports as {
  tileBytes: (name: string, features: { geometry: unknown; properties: Record<string, unknown> }[], z: number, x: number, y: number) => number[];
  tileBounds: (z: number, x: number, y: number, buffer?: number) => [number, number, number, number];
};

/** Tile x/y of a position at zoom z. */
function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const s = Math.sin((lat * Math.PI) / 180);
  return [Math.floor(((lon + 180) / 360) * n), Math.floor((0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * n)];
}

/** A square of side d degrees at (x, y), counter-clockwise (RFC 7946), with a clockwise hole when `hole`. */
function square(x: number, y: number, d: number, hole = false): { type: string; coordinates: number[][][] } {
  const outer = [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]];
  const h = d / 4;
  const inner = [[x + h, y + h], [x + h, y + 3 * h], [x + 3 * h, y + 3 * h], [x + 3 * h, y + h], [x + h, y + h]];
  return { type: 'Polygon', coordinates: hole ? [outer, inner] : [outer] };
}

describe('pb_hooks/lib/mvt.js', () => {
  it('writes polygons that an independent reader puts back where they were, with properties', () => {
    const z = 16;
    const [x, y] = tileOf(111.785, 37.265, z);
    const [w, s, e, n] = mvt.tileBounds(z, x, y);
    const dx = (e - w) / 8;
    const features = [
      { geometry: square(w + dx, s + (n - s) / 8, dx * 2, true), properties: { id: 'b1', name: '1号楼', floors: 6, is_demo: true, area: 12.5 } },
      { geometry: { type: 'MultiPolygon', coordinates: [square(w + dx * 5, s + (n - s) / 2, dx).coordinates, square(w + dx * 6.5, s + (n - s) / 2, dx).coordinates] }, properties: { id: 'b2', name: '2号楼', floors: 3, note: null } },
    ];
    const bytes = new Uint8Array(mvt.tileBytes('buildings', features, z, x, y));
    const tile = new VectorTile(new Pbf(bytes));
    const layer = tile.layers.buildings;
    expect(layer.extent).toBe(4096);
    expect(layer.length).toBe(2);
    const first = layer.feature(0);
    expect(first.type).toBe(3);
    expect(first.properties).toEqual({ id: 'b1', name: '1号楼', floors: 6, is_demo: true, area: 12.5 });
    expect(layer.feature(1).properties).toEqual({ id: 'b2', name: '2号楼', floors: 3 });
    // back to WGS84 within a fraction of a tile pixel
    const gj = first.toGeoJSON(x, y, z);
    expect(gj.geometry.type).toBe('Polygon');
    const ring = (gj.geometry as { coordinates: number[][][] }).coordinates[0];
    const pixel = (e - w) / 4096;
    const want = (features[0].geometry as { coordinates: number[][][] }).coordinates[0];
    for (const p of want) expect(ring.some((q) => Math.abs(q[0] - p[0]) < pixel && Math.abs(q[1] - p[1]) < pixel)).toBe(true);
    expect((gj.geometry as { coordinates: number[][][] }).coordinates).toHaveLength(2); // the hole survived
    const multi = layer.feature(1).toGeoJSON(x, y, z);
    expect(multi.geometry.type).toBe('MultiPolygon');
    // MVT winding: exteriors have positive signed area in tile coordinates (y down), holes negative
    const rings = first.loadGeometry();
    const area = (r: { x: number; y: number }[]) => r.reduce((a, p, i) => a + (p.x * r[(i + 1) % r.length].y - r[(i + 1) % r.length].x * p.y), 0);
    expect(area(rings[0])).toBeGreaterThan(0);
    expect(area(rings[1])).toBeLessThan(0);
  });

  it('leaves out features that collapse at a low zoom, and writes an empty layer when nothing is left', () => {
    const z = 6;
    const [x, y] = tileOf(111.785, 37.265, z);
    const tiny = { geometry: square(111.785, 37.265, 0.00001), properties: { id: 't' } };
    const tile = new VectorTile(new Pbf(new Uint8Array(mvt.tileBytes('compounds', [tiny], z, x, y))));
    expect(tile.layers.compounds?.length ?? 0).toBe(0);
  });
});
