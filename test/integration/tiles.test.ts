// Guards the vector-tile route (pb_hooks/tiles.pb.js): a tile of the stored compounds or buildings, read by MapLibre's
// own decoder, holds the features in it with their public fields only; the ETag follows the layer's version, so a
// change to a record is in the next tile fetched and an unchanged tile revalidates as 304.
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer({ seed: true });
});
afterAll(async () => srv?.stop());

function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const s = Math.sin((lat * Math.PI) / 180);
  return [Math.floor(((lon + 180) / 360) * n), Math.floor((0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * n)];
}

async function tile(layer: string, z: number, x: number, y: number, etag?: string) {
  const res = await fetch(`${srv.url}/api/fy/tiles/${layer}/${z}/${x}/${y}`, { headers: etag ? { 'If-None-Match': etag } : {} });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, etag: res.headers.get('etag') ?? '', tile: res.status === 200 ? new VectorTile(new PbfReader(bytes)) : null };
}

describe('vector tiles', () => {
  it('serves the compounds and buildings in a tile, with public fields only', async () => {
    const c = await srv.admin.collection('compounds').getFirstListItem('code = "FY-001"');
    const [lon, lat] = (c.geometry as Polygon).coordinates[0][0];
    const [x, y] = tileOf(lon, lat, 16);
    const t = await tile('compounds', 16, x, y);
    expect(t.status).toBe(200);
    const layer = t.tile!.layers.compounds;
    const props = Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties);
    const mine = props.find((p) => p.id === c.id)!;
    expect(mine).toMatchObject({ code: 'FY-001', name: c.name, stage: c.stage, is_demo: true });
    expect(Object.keys(mine)).not.toContain('property_owner');
    expect(Object.keys(mine)).not.toContain('consent_pct');
    const b = await tile('buildings', 16, x, y);
    const bl = b.tile!.layers.buildings;
    expect(bl.length).toBeGreaterThan(0);
    expect(Object.keys(bl.feature(0).properties).sort()).toEqual(['compound', 'floors', 'id', 'is_demo', 'name']);
    // below the buildings' tile zoom: an empty tile
    const [x10, y10] = tileOf(lon, lat, 10);
    expect((await tile('buildings', 10, x10, y10)).tile!.layers.buildings).toBeUndefined();
  });

  it('revalidates unchanged tiles and shows a change in the next tile', async () => {
    const b = await srv.admin.collection('buildings').getFirstListItem('name != ""');
    const [lon, lat] = (b.geometry as Polygon).coordinates[0][0];
    const [x, y] = tileOf(lon, lat, 17);
    const first = await tile('buildings', 17, x, y);
    expect(first.status).toBe(200);
    expect((await tile('buildings', 17, x, y, first.etag)).status).toBe(304);
    await srv.admin.collection('buildings').update(b.id, { name: '改名楼' });
    const next = await tile('buildings', 17, x, y, first.etag);
    expect(next.status).toBe(200);
    expect(next.etag).not.toBe(first.etag);
    const layer = next.tile!.layers.buildings;
    const names = Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties);
    expect(names.find((p) => p.id === b.id)?.name).toBe('改名楼');
  });

  it('refuses unknown layers and addresses out of range', async () => {
    expect((await tile('users', 10, 0, 0)).status).toBe(404);
    expect((await tile('compounds', 3, 8, 0)).status).toBe(400);
    expect((await tile('compounds', 25, 0, 0)).status).toBe(400);
  });
});
