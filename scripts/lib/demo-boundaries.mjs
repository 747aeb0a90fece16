// Demo division boundaries (示例数据, data/demo/boundaries.geojson, built by scripts/build-boundaries.mjs from the demo
// compounds): loaded when the demo's own compounds are there and there is no boundary at all, so a new user sees
// townships and communities drawn and named. Never over an imported boundary (once the office has imported any,
// nothing is added), nor beside other data (the province benchmark's synthetic compounds lie elsewhere).
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './pocketbase.mjs';

/**
 * @param {import('pocketbase').default} pb a superuser client
 * @param {(pb: any, items: {collection: string, body: object}[]) => Promise<void>} batchCreate the seed's batch writer
 * @param {(kind: string, key: string) => string} stableId
 * @returns {Promise<number>} boundaries created
 */
export async function seedDemoBoundaries(pb, batchCreate, stableId) {
  const any = await pb.collection('division_boundaries').getList(1, 1, { fields: 'id', requestKey: null });
  if (any.totalItems > 0) return 0;
  const demoCode = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/demo/compounds.geojson'), 'utf8')).features[0].properties.code;
  const demo = await pb.collection('compounds').getList(1, 1, { filter: pb.filter('code = {:code} && is_demo = true', { code: demoCode }), fields: 'id', requestKey: null });
  if (demo.totalItems === 0) return 0;
  const fc = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/demo/boundaries.geojson'), 'utf8'));
  const items = fc.features.map((f) => ({
    collection: 'division_boundaries',
    body: { id: stableId('boundary', f.properties.code), code: f.properties.code, geometry: f.geometry, source: f.properties.source, is_demo: true },
  }));
  await batchCreate(pb, items);
  return items.length;
}
