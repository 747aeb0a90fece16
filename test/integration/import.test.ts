// Guards the import commit (#7): a planned import writes exactly the planned records in one batch; a feature the
// server refuses leaves the database unchanged and the error names it; export → import through the server keeps
// geometry within 1 cm.
import fs from 'node:fs';
import path from 'node:path';
import type PocketBase from 'pocketbase';
import type { Feature, Geometry, GeoJsonProperties, Position } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attachableCompounds, planBuildingImport, planCompoundImport, readFiles, suggestMapping, toWgs84, type CompoundMapping, type ImportOp,
} from '../../src/lib/import';
import { commitImport, ImportCommitError, loadImportContext } from '../../src/lib/data/import';
import { compoundsFC, encodeExport } from '../../src/lib/data/export';
import { WGS84 } from '../../src/lib/geo/crs';
import type { CompoundRecord } from '../../src/lib/data/records';
import { startServer, type TestServer } from '../helpers/server';

const FIX = path.resolve(import.meta.dirname, '../fixtures/import');
const read = (rel: string) => ({ name: path.basename(rel), data: new Uint8Array(fs.readFileSync(path.join(FIX, rel))) });

let srv: TestServer;
let office: PocketBase;
beforeAll(async () => {
  srv = await startServer({ seed: true });
  office = await srv.as('office@demo.fenyang');
});
afterAll(async () => srv?.stop());

async function layerOf(rel: string) {
  const { layers } = await readFiles([read(rel)]);
  expect(layers).toHaveLength(1);
  const l = layers[0];
  return { name: l.name, features: toWgs84(l).features, mapping: suggestMapping(l.columns) as CompoundMapping };
}

const counts = async () =>
  Object.fromEntries(await Promise.all(['compounds', 'buildings'].map(async (c) => [c, (await srv.admin.collection(c).getList(1, 1)).totalItems] as const)));

/** Largest distance in metres from a vertex of one ring to the nearest vertex of the other (both directions). */
function maxDistanceM(a: Position[], b: Position[]): number {
  const d = (p: Position, q: Position) =>
    Math.hypot((p[0] - q[0]) * 111_320 * Math.cos((p[1] * Math.PI) / 180), (p[1] - q[1]) * 110_540);
  const one = (x: Position[], y: Position[]) => Math.max(...x.map((p) => Math.min(...y.map((q) => d(p, q)))));
  return Math.max(one(a, b), one(b, a));
}
const ringOf = (g: Geometry): Position[] => (g.type === 'Polygon' ? g.coordinates[0] : g.type === 'MultiPolygon' ? g.coordinates[0][0] : []);

describe('import commit', () => {
  it('creates and updates exactly the planned records', async () => {
    const layer = await layerOf('valid/compounds-gk37-gbk.zip');
    // One row also updates a demo compound: give the second feature FY-001's code and new household count.
    const fy001 = await office.collection('compounds').getFirstListItem<CompoundRecord>('code = "FY-001"');
    layer.features[1] = { ...layer.features[1], properties: { ...layer.features[1].properties, 编码: 'FY-001', 小区名称: fy001.name, 户数: fy001.households + 7 } };
    const before = await counts();
    const ctx = await loadImportContext(office);
    const summary = planCompoundImport([layer], [layer.mapping], ctx);
    expect(summary.counts).toMatchObject({ create: 2, update: 1, refused: 0 });
    const update = summary.ops.find((o) => o.action === 'update')!;
    expect(update.id).toBe(fy001.id);
    expect(update.body.households).toBe(fy001.households + 7);

    const ids = await commitImport(office, summary.ops);
    expect(ids).toHaveLength(3);
    const after = await counts();
    expect(after.compounds).toBe(before.compounds + 2);
    const created = await office.collection('compounds').getFullList<CompoundRecord>({ filter: 'code ~ "FY-T0"', sort: 'code' });
    expect(created.map((c) => c.code)).toEqual(['FY-T01', 'FY-T03']);
    for (const c of created) {
      expect(c.stage).toBe('demand');
      expect(c.is_demo).toBe(false);
      expect(c.township).toBeTruthy(); // from the address text (文峰街道 …)
    }
    expect(created[0].name).toBe('测试小区甲');
    expect(created[0].built_year).toBe(1988);
    const wenfeng = await office.collection('townships').getFirstListItem('code = "141182001"');
    expect(created[0].township).toBe(wenfeng.id);
    // The GK zone 37 outline lands at 111.78°E 37.265°N (the fixture's WGS84 truth) within 1 cm.
    const truth = JSON.parse(fs.readFileSync(path.join(FIX, 'valid/compounds-wgs84.geojson'), 'utf8')).features[0].geometry as Geometry;
    expect(maxDistanceM(ringOf(created[0].geometry), ringOf(truth))).toBeLessThan(0.01);
    const updated = await office.collection('compounds').getOne<CompoundRecord>(fy001.id);
    expect(updated.households).toBe(fy001.households + 7);
    expect(updated.stage).toBe(fy001.stage);
  });

  it('attaches imported buildings to the compound that contains them, in the same batch', async () => {
    const ctx = await loadImportContext(office);
    const target = ctx.compounds.find((c) => c.code === 'FY-T01')!;
    const ring = ringOf(target.geometry);
    const [w, s] = [Math.min(...ring.map((p) => p[0])), Math.min(...ring.map((p) => p[1]))];
    const b = (dx: number, props: GeoJsonProperties): Feature<Geometry, GeoJsonProperties> => ({
      type: 'Feature', properties: props,
      geometry: { type: 'Polygon', coordinates: [[[w + dx, s + 0.0002], [w + dx + 0.0002, s + 0.0002], [w + dx + 0.0002, s + 0.0004], [w + dx, s + 0.0004], [w + dx, s + 0.0002]]] },
    });
    const outside = b(-0.01, { 楼号: 'X', 层数: 3 });
    const layer = { name: 'buildings.geojson', features: [b(0.0002, { 楼号: '1号楼', 层数: 6 }), b(0.0006, { 楼号: '2号楼', 层数: '5层' }), outside] };
    const plan = planBuildingImport([layer], [{ name: '楼号', floors: '层数' }], attachableCompounds(ctx, []));
    expect(plan.ops).toHaveLength(2);
    expect(plan.refused.map((r) => r.index)).toEqual([2]);
    await commitImport(office, plan.ops);
    const rows = await office.collection('buildings').getFullList({ filter: `compound = "${target.id}"`, sort: 'name' });
    expect(rows.map((r) => [r.name, r.floors])).toEqual([['1号楼', 6], ['2号楼', 5]]);
  });

  it('writes nothing when the server refuses one feature, and names it', async () => {
    const layer = await layerOf('valid/compounds-wgs84.geojson');
    const fy002 = await office.collection('compounds').getFirstListItem<CompoundRecord>('code = "FY-002"');
    // Rename the codes so they are new, and make row 2 update FY-002.
    layer.features = layer.features.map((f, i) => ({ ...f, properties: { ...f.properties, 编码: i === 1 ? 'FY-002' : `NEW-${i}`, 小区名称: i === 1 ? fy002.name : `新小区${i}`, 户数: 999 } }));
    const ctx = await loadImportContext(office);
    const summary = planCompoundImport([layer], [layer.mapping], ctx);
    expect(summary.counts).toMatchObject({ create: 2, update: 1, refused: 0 });
    // Client validation passed; the third write now carries a self-intersecting outline (as if validation were bypassed).
    const bowtie = JSON.parse(fs.readFileSync(path.join(FIX, 'broken/bowtie.geojson'), 'utf8')).features[0].geometry;
    const ops: ImportOp[] = summary.ops.map((o) => (o.body.code === 'NEW-2' ? { ...o, body: { ...o.body, geometry: bowtie } } : o));
    const bad = ops.findIndex((o) => o.body.code === 'NEW-2');
    expect(bad).toBeGreaterThan(0);
    const before = await counts();
    const err = await commitImport(office, ops).then(() => null, (e) => e);
    expect(err).toBeInstanceOf(ImportCommitError);
    expect(err.opIndex).toBe(bad);
    expect(err.message).toContain('新小区2');
    expect(err.message).toMatch(/自相交/);
    expect(await counts()).toEqual(before);
    const again = await office.collection('compounds').getOne<CompoundRecord>(fy002.id);
    expect(again.households).toBe(fy002.households);
    expect(again.updated).toBe(fy002.updated);
    expect((await office.collection('compounds').getList(1, 1, { filter: 'code ~ "NEW-"' })).totalItems).toBe(0);
  });

  it('keeps geometry within 1 cm through export → shapefile → import', async () => {
    const originals = await office.collection('compounds').getFullList<CompoundRecord>({ filter: 'code ~ "FY-T0"', sort: 'code' });
    expect(originals).toHaveLength(2);
    const ctx = await loadImportContext(office);
    const tName = new Map(ctx.townships.map((t) => [t.id, t.name]));
    const cName = new Map(ctx.communities.map((c) => [c.id, c.name]));
    const out = await encodeExport(compoundsFC(originals, { townshipName: tName, communityName: cName }, 'staff'), 'shapefile',
      { kind: 'compounds', audience: 'staff', dataTime: new Date(), crs: WGS84 });
    for (const c of originals) await office.collection('compounds').delete(c.id);

    const { layers } = await readFiles([{ name: out.fileName, data: out.data as Uint8Array }]);
    const layer = { name: layers[0].name, features: toWgs84(layers[0]).features };
    const mapping = suggestMapping(layers[0].columns) as CompoundMapping;
    expect(mapping).toMatchObject({ code: 'code', name: 'name', township_name: 'township', households: 'households' });
    const summary = planCompoundImport([layer], [mapping], await loadImportContext(office));
    expect(summary.counts).toMatchObject({ create: 2, update: 0, refused: 0 });
    await commitImport(office, summary.ops);
    const back = await office.collection('compounds').getFullList<CompoundRecord>({ filter: 'code ~ "FY-T0"', sort: 'code' });
    expect(back.map((c) => [c.code, c.name, c.township, c.households, c.built_year])).toEqual(
      originals.map((c) => [c.code, c.name, c.township, c.households, c.built_year]));
    for (let i = 0; i < back.length; i++) {
      // Shapefile rings are written clockwise and rewound on import, so compare vertex to nearest vertex.
      expect(ringOf(back[i].geometry)).toHaveLength(ringOf(originals[i].geometry).length);
      expect(maxDistanceM(ringOf(back[i].geometry), ringOf(originals[i].geometry))).toBeLessThan(0.01);
    }
  });
});
