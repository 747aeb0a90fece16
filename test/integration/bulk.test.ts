// Guards the bulk-load route (pb_hooks/bulk.pb.js): office only; one transaction; the same rules as single writes —
// values, geometry validity, staff-only facts in compound_private, machine-owned fields, PocketBase's own validation —
// a refusal names the item and the field and writes nothing; every audited record gets its audit row; the whole-layer
// route sees the load at once.
import fs from 'node:fs';
import path from 'node:path';
import type PocketBase from 'pocketbase';
import type { Feature, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, statusOf, type TestServer } from '../helpers/server';

let srv: TestServer;
let office: PocketBase;
let townshipId = '';
beforeAll(async () => {
  srv = await startServer({ seed: true });
  office = await srv.as('office@demo.fenyang');
  townshipId = (await srv.admin.collection('townships').getFirstListItem('code = "141182001"')).id;
});
afterAll(async () => srv?.stop());

const bulk = (pb: PocketBase, body: unknown) =>
  pb.send<{ created: number; updated: number; ids: string[] }>('/api/fy/bulk', { method: 'POST', body, requestKey: null });

/** A small square compound south-west of the demo city (no overlap with demo data needed: the server does not check). */
function square(i: number): Polygon {
  const x = 111.70 + (i % 50) * 0.001;
  const y = 37.20 + Math.floor(i / 50) * 0.001;
  const d = 0.0006;
  return { type: 'Polygon', coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]] };
}
function compound(i: number, extra: Record<string, unknown> = {}): Feature<Polygon> {
  return {
    type: 'Feature', geometry: square(i),
    properties: { code: `BULK-${String(i).padStart(4, '0')}`, name: `批量小区${i}`, township: townshipId, stage: 'demand', households: 100 + i, built_year: 1990, ...extra },
  };
}
const countOf = async (filter: string, collection = 'compounds') => (await srv.admin.collection(collection).getList(1, 1, { filter })).totalItems;

describe('bulk load', () => {
  it('writes a FeatureCollection of compounds in one request, with their staff-only facts and audit rows', async () => {
    const features = Array.from({ length: 300 }, (_, i) => compound(i, i === 0 ? { consent_pct: 80, property_owner: ' 汾阳市第一机械厂 ' } : {}));
    features[1].properties!.name = '  两端有空格  ';
    const layerBefore = await (await fetch(`${srv.url}/api/fy/compounds.geojson`)).json();
    const res = await bulk(office, { type: 'FeatureCollection', collection: 'compounds', features });
    expect(res).toMatchObject({ created: 300, updated: 0 });
    expect(res.ids).toHaveLength(300);
    expect(await countOf('code ~ "BULK-"')).toBe(300);
    const first = await office.collection('compounds').getOne(res.ids[0]);
    expect(first).toMatchObject({ code: 'BULK-0000', households: 100, property_owner: '汾阳市第一机械厂', consent_pct: 80 });
    expect((await office.collection('compounds').getOne(res.ids[1])).name).toBe('两端有空格');
    // staff-only facts live in compound_private, never on the public record
    const pub = await srv.anon().collection('compounds').getOne(res.ids[0]);
    expect(pub).not.toHaveProperty('property_owner');
    expect(await srv.admin.collection('compound_private').getOne(res.ids[0])).toMatchObject({ consent_pct: 80 });
    // one audit row per audited record, with the office as actor
    const rows = await srv.admin.collection('audit_log').getFullList({ filter: `record = "${res.ids[0]}"` });
    expect(rows.map((r) => r.collection).sort()).toEqual(['compound_private', 'compounds']);
    expect(rows[0]).toMatchObject({ action: 'create', by_kind: 'user', by_role: 'office', cause: 'import bulk 300' });
    const after = rows.find((r) => r.collection === 'compounds')!.after;
    expect(after).toMatchObject({ code: 'BULK-0000', households: 100, geometry: { type: 'Polygon' } });
    expect(await countOf(`cause = "import bulk 300"`, 'audit_log')).toBe(301);
    // the whole-layer route is rebuilt
    const layerAfter = await (await fetch(`${srv.url}/api/fy/compounds.geojson`)).json();
    expect(layerAfter.features.length).toBe(layerBefore.features.length + 300);
  });

  it('writes the audit row of each record it wrote (actor, cause, the same fields and values a single write records) and queues each compound for the static publication', async () => {
    const pending = async () => (await (await fetch(`${srv.url}/api/fy/publish/pending`)).json()).pending as number;
    await srv.admin.send('/api/fy/publish/done', { method: 'POST', body: { before: new Date().toISOString() }, requestKey: null });
    expect(await pending()).toBe(0);
    const fields = { address: '汾阳市 文峰街道 1号', built_year: 1988, households: 120, buildings: 4, floor_area_m2: 8450.5, is_demo: true };
    // the same compound written once through the records API (its row from the single-write hook) and by the bulk route
    const single = await office.collection('compounds').create({ ...compound(950, { code: 'AUDSAME-1', name: '审计对照' }).properties, ...fields, geometry: square(950) });
    const features = [compound(951, { code: 'AUDSAME-2', name: '审计对照', ...fields }), ...Array.from({ length: 40 }, (_, i) => compound(960 + i, { code: `AUDQ-${i}` }))];
    features[0].geometry = square(950);
    const res = await bulk(office, { type: 'FeatureCollection', collection: 'compounds', features });
    const cause = `import bulk ${features.length}`;
    const rows = await srv.admin.collection('audit_log').getFullList({ filter: `cause = "${cause}"` });
    expect(rows).toHaveLength(features.length);
    expect(new Set(rows.map((r) => r.record))).toEqual(new Set(res.ids));
    for (const r of rows) expect(r).toMatchObject({ collection: 'compounds', action: 'create', by_kind: 'user', by_role: 'office', before: null });
    const [bulkRow] = rows.filter((r) => r.record === res.ids[0]);
    const [singleRow] = await srv.admin.collection('audit_log').getFullList({ filter: `record = "${single.id}"` });
    expect(bulkRow.by).toBe(singleRow.by);
    expect(bulkRow.by_name).toBe(singleRow.by_name);
    expect(bulkRow.label).toBe('AUDSAME-2 审计对照');
    expect(bulkRow.changed).toEqual(singleRow.changed);
    const strip = (after: Record<string, unknown>) => { const { id: _id, code: _code, created: _created, ...rest } = after; return rest; };
    expect(strip(bulkRow.after)).toEqual(strip(singleRow.after));
    expect(bulkRow.after).toMatchObject({ id: res.ids[0], code: 'AUDSAME-2' });
    // every compound it wrote is queued for the next publish (and the one written singly, by its hook)
    expect(await pending()).toBe(features.length + 1);
    // a single update is still queued by its hook, and so is a bulk update
    await srv.admin.send('/api/fy/publish/done', { method: 'POST', body: { before: new Date().toISOString() }, requestKey: null });
    await office.collection('compounds').update(single.id, { households: 121, version: single.version });
    expect(await pending()).toBe(1);
    await bulk(office, { operations: [{ collection: 'compounds', action: 'update', id: res.ids[1], body: { households: 7 } }] });
    expect(await pending()).toBe(2);
    // the route's mark cannot be sent from outside: a records-API write carrying it is queued, and the layer refreshed
    const layer = async () => (await (await fetch(`${srv.url}/api/fy/compounds.geojson`)).json()).features.length as number;
    const shown = await layer();
    await office.collection('compounds').create({ ...compound(1001, { code: 'MARK-1' }).properties, geometry: square(1001), fyBulkLoad: true });
    expect(await pending()).toBe(3);
    expect(await layer()).toBe(shown + 1);
  });

  it('updates existing records by id and leaves the stage to the stage machine', async () => {
    const c = await office.collection('compounds').getFirstListItem('code = "BULK-0002"');
    const res = await bulk(office, { operations: [{ collection: 'compounds', action: 'update', id: c.id, body: { households: 555 } }] });
    expect(res).toMatchObject({ created: 0, updated: 1, ids: [c.id] });
    expect((await office.collection('compounds').getOne(c.id)).households).toBe(555);
    const err = await bulk(office, { operations: [{ collection: 'compounds', action: 'update', id: c.id, body: { stage: 'accepted' } }] }).catch((e) => e);
    expect(err.status).toBe(400);
    expect(err.response.message).toMatch(/改造阶段/);
  });

  it('refuses the whole load, naming the item and field, when one item breaks a rule', async () => {
    const before = await countOf('code ~ "BAD-"');
    const bowtie = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/import/broken/bowtie.geojson'), 'utf8')).features[0].geometry;
    const cases: [string, Feature[], RegExp, string][] = [
      ['a value PocketBase would coerce', [compound(900, { code: 'BAD-1' }), compound(901, { code: 'BAD-2', households: '1,000' })], /第 2 项.BAD-2 批量小区901.*户数/, 'households'],
      ['a self-intersecting outline', [compound(902, { code: 'BAD-3' }), { ...compound(903, { code: 'BAD-4' }), geometry: bowtie }], /第 2 项.*自相交/, 'geometry'],
      ['a duplicate code', [compound(904, { code: 'BAD-5' }), compound(905, { code: 'BULK-0007' })], /第 2 项.*code/, 'code'],
      ['a field the collection does not have', [compound(906, { code: 'BAD-6', colour: 'red' })], /第 1 项.*colour/, 'colour'],
      ['a missing required name', [compound(907, { code: 'BAD-7', name: '  ' })], /第 1 项.*小区名称/, 'name'],
    ];
    for (const [what, features, message, field] of cases) {
      const err = await bulk(office, { type: 'FeatureCollection', collection: 'compounds', features }).catch((e) => e);
      expect(err.status, what).toBe(400);
      expect(err.response.message, what).toMatch(message);
      const item = Object.values(err.response.data.requests as Record<string, { response: { data: Record<string, unknown> } }>)[0];
      expect(Object.keys(item.response.data), what + err.response.message).toEqual([field]);
    }
    expect(await countOf('code ~ "BAD-"')).toBe(before);
    expect(await countOf('cause ~ "import bulk 2"', 'audit_log')).toBe(0);
  });

  it('is for the office only', async () => {
    const body = { type: 'FeatureCollection', collection: 'compounds', features: [compound(990, { code: 'ROLE-1' })] };
    for (const email of ['taihe@demo.fenyang', 'planner@demo.fenyang', 'finance@demo.fenyang']) {
      expect(await statusOf(bulk(await srv.as(email), body)), email).toBe(403);
    }
    expect(await statusOf(bulk(srv.anon(), body))).toBe(403);
    expect(await countOf('code = "ROLE-1"')).toBe(0);
    // only compounds, buildings and context features
    const err = await bulk(office, { operations: [{ collection: 'funding', action: 'create', body: { amount_yuan: 1 } }] }).catch((e) => e);
    expect(err.status).toBe(400);
    expect(err.response.message).toMatch(/funding/);
  });
});
