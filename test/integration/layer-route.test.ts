// Guards the whole-layer routes (#8): all compounds (and all buildings) reach the client in one response, each feature
// carries the same fields the records API returns, and the cache reflects updates, creates and deletes made through
// the API (single requests and batches) at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer({ seed: true });
});
afterAll(async () => srv?.stop());

interface Layer {
  type: string;
  features: { type: string; id: string; geometry: { type: string }; properties: Record<string, unknown> }[];
}

async function layer(name: 'compounds' | 'buildings', headers: Record<string, string> = {}): Promise<{ status: number; type: string; body: Layer }> {
  const res = await fetch(`${srv.url}/api/fy/${name}.geojson`, { headers });
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: (await res.json()) as Layer };
}

describe('GET /api/fy/compounds.geojson', () => {
  it('returns every compound in one anonymous response, with the records API fields', async () => {
    const { status, type, body } = await layer('compounds');
    expect(status).toBe(200);
    expect(type).toContain('application/geo+json');
    const records = await srv.anon().collection('compounds').getFullList({ sort: 'code' });
    expect(records.length).toBe(49);
    expect(body.type).toBe('FeatureCollection');
    expect(body.features.map((f) => f.properties.code)).toEqual(records.map((r) => r.code));
    for (const [i, f] of body.features.entries()) {
      const r = records[i];
      expect(f.id).toBe(r.id);
      expect({ ...f.properties, geometry: f.geometry }).toEqual({ ...r });
    }
  });

  it('reflects an update made through the API in the next response', async () => {
    const before = (await layer('compounds')).body.features[0];
    await srv.admin.collection('compounds').update(before.id, { name: '更新后的小区', stage: 'construction' });
    const after = (await layer('compounds')).body.features.find((f) => f.id === before.id)!;
    expect(after.properties.name).toBe('更新后的小区');
    expect(after.properties.stage).toBe('construction');
    expect(after.properties.updated).not.toBe(before.properties.updated);
  });

  it('reflects creates and deletes, batched or single', async () => {
    const first = (await layer('compounds')).body.features[0];
    const township = String(first.properties.township);
    const square = (lon: number, lat: number, d = 0.0008) => ({
      type: 'Polygon',
      coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]],
    });
    const batch = srv.admin.createBatch();
    for (const k of [1, 2]) {
      batch.collection('compounds').create({
        code: `LAYER-${k}`, name: `图层测试${k}`, township, stage: 'demand', geometry: square(111.79 + k * 0.002, 37.27),
      });
    }
    await batch.send();
    let body = (await layer('compounds')).body;
    expect(body.features.length).toBe(51);
    const created = body.features.find((f) => f.properties.code === 'LAYER-2')!;
    expect(created.properties.is_demo).toBe(false);
    await srv.admin.collection('compounds').delete(created.id);
    body = (await layer('compounds')).body;
    expect(body.features.length).toBe(50);
    expect(body.features.some((f) => f.properties.code === 'LAYER-2')).toBe(false);
  });
});

describe('GET /api/fy/buildings.geojson', () => {
  it('returns every building in one response, and drops those of a deleted compound', async () => {
    const all = await srv.admin.collection('buildings').getFullList({ fields: 'id,compound' });
    const { status, body } = await layer('buildings');
    expect(status).toBe(200);
    expect(body.features.length).toBe(all.length);
    expect(new Set(body.features.map((f) => f.id))).toEqual(new Set(all.map((b) => b.id)));
    // A compound of its own with two buildings (demo compounds carry evidence — surveys, rounds, records — that keeps
    // them from being deleted).
    const township = String((await layer('compounds')).body.features[0].properties.township);
    const square = (lon: number, lat: number, d: number) => ({
      type: 'Polygon', coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]],
    });
    const victim = (await srv.admin.collection('compounds').create({
      code: 'LAYER-B', name: '图层测试楼栋', township, stage: 'demand', geometry: square(111.8, 37.262, 0.001),
    })).id;
    for (const k of [0, 1]) {
      await srv.admin.collection('buildings').create({ compound: victim, geometry: square(111.8001 + k * 0.0004, 37.2621, 0.0002) });
    }
    const own = 2;
    expect((await layer('buildings')).body.features.length).toBe(all.length + own);
    await srv.admin.collection('compounds').delete(victim);
    const after = (await layer('buildings')).body;
    expect(after.features.length).toBe(all.length);
    expect(after.features.some((f) => f.properties.compound === victim)).toBe(false);
  });
});
