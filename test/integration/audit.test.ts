// Guards the audit trail (#6): every API write of an audited record leaves one row with who, when and before/after
// values, in the same transaction; nobody — not even a superuser — can create, change or delete a row through the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, statusOf, type TestServer } from '../helpers/server';

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer({ seed: true });
});
afterAll(async () => srv?.stop());

const square = (lon: number, lat: number, d = 0.0005) => ({
  type: 'Polygon',
  coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]],
});

async function entriesFor(collection: string, record: string) {
  return srv.admin.collection('audit_log').getFullList({
    filter: srv.admin.filter('collection = {:c} && record = {:r}', { c: collection, r: record }),
    sort: 'at,id',
  });
}

describe('audit trail', () => {
  it('records create, update and delete of a compound with who and before/after', async () => {
    const office = await srv.as('office@demo.fenyang');
    const tw = await office.collection('townships').getFirstListItem('code = "141182001"');
    const c = await office.collection('compounds').create({
      code: 'AUD-1', name: '审计测试小区', township: tw.id, stage: 'demand', geometry: square(111.781, 37.261),
    });
    await office.collection('compounds').update(c.id, { name: '审计测试小区(改)', households: 12, version: c.version });
    await office.collection('compounds').delete(c.id);
    const rows = await entriesFor('compounds', c.id);
    expect(rows.map((r) => r.action)).toEqual(['create', 'update', 'delete']);
    const [created, updated, deleted] = rows;
    expect(created.by_kind).toBe('user');
    expect(created.by_role).toBe('office');
    expect(created.by_name).toContain('住建局');
    expect(created.before).toBeNull();
    expect(created.after.name).toBe('审计测试小区');
    expect(created.after.geometry.type).toBe('Polygon');
    expect(updated.changed).toEqual(expect.arrayContaining(['name', 'households']));
    expect(updated.changed).not.toContain('geometry');
    expect(updated.before).toMatchObject({ name: '审计测试小区', households: 0 });
    expect(updated.after).toMatchObject({ name: '审计测试小区(改)', households: 12 });
    expect(deleted.before.name).toBe('审计测试小区(改)');
    expect(deleted.after).toBeNull();
    expect(Date.parse(created.at)).toBeGreaterThan(0);
  });

  it('records a township edit of its own compound and a planner zone, and batch writes', async () => {
    const wenfeng = await srv.as('wenfeng@demo.fenyang');
    const me = wenfeng.authStore.record!;
    const own = await wenfeng.collection('compounds').getFirstListItem(wenfeng.filter('township = {:t}', { t: me.township }));
    await wenfeng.collection('compounds').update(own.id, { address: '审计路 1 号', version: own.version });
    const rows = await entriesFor('compounds', own.id);
    const last = rows.at(-1)!;
    expect(last.by).toBe(me.id);
    expect(last.by_role).toBe('township');
    expect(last.after).toEqual({ address: '审计路 1 号', version: own.version + 1 });

    const planner = await srv.as('planner@demo.fenyang');
    const zone = await planner.collection('design_zones').create({
      name: '审计单元', geometry: square(111.782, 37.262), origin: 'drawn', status: 'active', members: [own.id],
    });
    const zrows = await entriesFor('design_zones', zone.id);
    expect(zrows).toHaveLength(1);
    expect(zrows[0].by_role).toBe('planner');

    const batch = planner.createBatch();
    batch.collection('design_zones').update(zone.id, { notes: '批量修改', version: 1 });
    await batch.send();
    expect((await entriesFor('design_zones', zone.id)).map((r) => r.action)).toEqual(['create', 'update']);
  });

  it('records the programme records of #5 (funding by the finance bureau, stage events by the office)', async () => {
    const finance = await srv.as('finance@demo.fenyang');
    const office = await srv.as('office@demo.fenyang');
    const c = await office.collection('compounds').getFirstListItem('stage = "demand"', { sort: 'code' });
    const f = await finance.collection('funding').create({ compound: c.id, source: 'municipal', kind: 'planned', amount_yuan: 500000, date: '2025-03-01 00:00:00.000Z' });
    await finance.collection('funding').update(f.id, { amount_yuan: 650000 });
    await finance.collection('funding').delete(f.id);
    const rows = await entriesFor('funding', f.id);
    expect(rows.map((r) => r.action)).toEqual(['create', 'update', 'delete']);
    expect(rows.every((r) => r.by_role === 'department:finance')).toBe(true);
    expect(rows[1].before).toEqual({ amount_yuan: 500000 });
    expect(rows[1].after).toEqual({ amount_yuan: 650000 });
    const ev = await office.collection('stage_events').create({
      compound: c.id, to: 'scheme', kind: 'forward', scheme_summary: '初步方案', budget_estimate_yuan: 1200000,
    });
    const evRows = await entriesFor('stage_events', ev.id);
    expect(evRows).toHaveLength(1);
    expect(evRows[0].after).toMatchObject({ compound: c.id, from: 'demand', to: 'scheme' });
  });

  it('writes nothing when the change itself is refused', async () => {
    const planner = await srv.as('planner@demo.fenyang');
    const zone = await planner.collection('design_zones').create({
      name: '冲突单元', geometry: square(111.783, 37.263), origin: 'drawn', status: 'active',
    });
    // A stale version is refused by the zones hook after the audit hook began: the transaction leaves no row.
    expect(await statusOf(planner.collection('design_zones').update(zone.id, { name: 'x', version: 99 }))).toBe(409);
    expect((await entriesFor('design_zones', zone.id)).map((r) => r.action)).toEqual(['create']);
  });

  it('cannot be created, changed or deleted through the API by anyone', async () => {
    const row = (await srv.admin.collection('audit_log').getList(1, 1, { sort: '-at' })).items[0];
    expect(row).toBeTruthy();
    const office = await srv.as('office@demo.fenyang');
    const auditor = await srv.as('audit@demo.fenyang');
    for (const pb of [office, auditor, srv.anon()]) {
      expect(await statusOf(pb.collection('audit_log').create({ collection: 'x', record: 'y', action: 'create', by_kind: 'system' }))).toBeGreaterThanOrEqual(400);
      expect([403, 404]).toContain(await statusOf(pb.collection('audit_log').update(row.id, { label: 'rewritten' })));
      expect([403, 404]).toContain(await statusOf(pb.collection('audit_log').delete(row.id)));
    }
    expect(await statusOf(srv.admin.collection('audit_log').create({ collection: 'x', record: 'y', action: 'create', by_kind: 'system' }))).toBe(403);
    expect(await statusOf(srv.admin.collection('audit_log').update(row.id, { label: 'rewritten' }))).toBe(403);
    expect(await statusOf(srv.admin.collection('audit_log').delete(row.id))).toBe(403);
    expect(await statusOf(srv.admin.collections.delete('audit_log'))).toBe(403);
    const again = await srv.admin.collection('audit_log').getOne(row.id);
    expect(again.label).toBe(row.label);
  });

  it('lets the auditor search the log and keeps it from the public', async () => {
    const auditor = await srv.as('audit@demo.fenyang');
    const found = await auditor.collection('audit_log').getList(1, 50, { filter: 'label ~ "审计测试"' });
    expect(found.totalItems).toBeGreaterThanOrEqual(3);
    expect((await srv.anon().collection('audit_log').getList(1, 5)).totalItems).toBe(0);
  });
});

describe('the audit trail stays whole', () => {
  it('cannot be renamed, redefined, truncated or dropped, not even by a superuser', async () => {
    const log = await srv.admin.collections.getOne('audit_log');
    const rows = (await srv.admin.collection('audit_log').getList(1, 1)).totalItems;
    const refused = async (p: Promise<unknown>) => {
      const err = await p.then(() => null, (e) => e);
      expect(err?.status).toBe(403);
      expect(err.response.message).toMatch(/审计日志/);
    };
    await refused(srv.admin.collections.update(log.id, { name: 'audit_log_old' }));
    await refused(srv.admin.collections.update('audit_log', { listRule: '' }));
    await refused(srv.admin.collections.update('audit_log', { fields: log.fields.filter((f: { name: string }) => f.name !== 'before') }));
    await refused(srv.admin.collections.truncate('audit_log'));
    await refused(srv.admin.collections.delete('audit_log'));
    const after = await srv.admin.collections.getOne('audit_log');
    expect(after.name).toBe('audit_log');
    expect(after.fields.length).toBe(log.fields.length);
    expect(after.listRule).toBe(log.listRule);
    expect((await srv.admin.collection('audit_log').getList(1, 1)).totalItems).toBeGreaterThanOrEqual(rows);
  });

  it('keeps audited collections from being renamed, dropped or truncated (their writes would go unrecorded)', async () => {
    for (const name of ['funding', 'compounds', 'compound_private', 'stage_events']) {
      expect(await statusOf(srv.admin.collections.update(name, { name: `${name}_x` })), name).toBe(403);
      expect(await statusOf(srv.admin.collections.truncate(name)), name).toBe(403);
      expect(await statusOf(srv.admin.collections.delete(name)), name).toBe(403);
    }
    // Other changes to an audited collection (a rule, a field) stay possible for a superuser.
    const funding = await srv.admin.collections.getOne('funding');
    expect(await statusOf(srv.admin.collections.update('funding', { listRule: funding.listRule }))).toBe(0);
  });

  it('refuses a collections import that renames, redefines or drops the log or an audited collection', async () => {
    const all = await srv.admin.collections.getFullList();
    const strip = (c: Record<string, unknown>) => {
      const { created: _created, updated: _updated, ...rest } = c;
      return rest;
    };
    const log = all.find((c) => c.name === 'audit_log')!;
    const funding = all.find((c) => c.name === 'funding')!;
    const attempts: [string, Record<string, unknown>[], boolean][] = [
      ['the log renamed by id', [{ ...strip(log), name: 'history' }], false],
      ['the log redefined', [{ ...strip(log), listRule: '' }], false],
      ['an audited collection renamed', [{ ...strip(funding), name: 'money' }], false],
      ['everything else dropped (deleteMissing)', all.filter((c) => c.name !== 'audit_log').map(strip), true],
    ];
    for (const [what, collections, deleteMissing] of attempts) {
      const err = await srv.admin.collections.import(collections as never, deleteMissing).then(() => null, (e) => e);
      expect(err?.status, what).toBe(403);
      expect(err.response.message, what).toMatch(/导入集合不得/);
    }
    expect((await srv.admin.collections.getOne('audit_log')).listRule).toBe(log.listRule);
    // An import that leaves them alone is fine.
    expect(await statusOf(srv.admin.collections.import([{ name: 'import_probe', type: 'base', fields: [{ name: 'note', type: 'text' }] }] as never, false))).toBe(0);
  });

  it('writes a row for every record a compound deletion removes or changes, with the deleting user and the cause', async () => {
    const office = await srv.as('office@demo.fenyang');
    const tw = await office.collection('townships').getFirstListItem('code = "141182001"');
    const c = await office.collection('compounds').create({ code: 'AUD-CASCADE', name: '级联删除小区', township: tw.id, stage: 'demand', geometry: square(111.784, 37.264) });
    const facts = await office.collection('compound_private').create({ compound: c.id, property_owner: '某厂', management: 'self' });
    const note = await office.collection('compound_notes').create({ compound: c.id, contact_name: '李四' });
    const ev = await office.collection('stage_events').create({ compound: c.id, to: 'scheme', scheme_summary: '方案', budget_estimate_yuan: 10000 });
    const item = await office.collection('renovation_items').create({ compound: c.id, class: 'basic', item: 'water_supply', quantity: 1, unit: 'km', estimate_yuan: 1000 });
    const money = await office.collection('funding').create({ compound: c.id, source: 'central', kind: 'planned', amount_yuan: 5000, date: '2025-02-01' });
    const fb = await srv.anon().collection('feedback').create({ compound: c.id, category: 'other', message: '级联测试留言' });
    // The stage event moved the compound: that write has its own row, caused by the event.
    const crows = await entriesFor('compounds', c.id);
    const moved = crows.find((r) => r.action === 'update' && r.changed.includes('stage'));
    expect(moved?.cause).toBe(`create stage_events ${ev.id}`);
    expect(moved?.by_role).toBe('office');

    await office.collection('compounds').delete(c.id);
    const cause = `delete compounds ${c.id}`;
    for (const [collection, id] of [['compound_private', facts.id], ['compound_notes', note.id], ['stage_events', ev.id],
      ['renovation_items', item.id], ['funding', money.id]] as const) {
      const rows = await entriesFor(collection, id);
      const gone = rows.find((r) => r.action === 'delete');
      expect(gone, collection).toBeTruthy();
      expect(gone!.cause, collection).toBe(cause);
      expect(gone!.by_role, collection).toBe('office');
      expect(gone!.before.id, collection).toBe(id);
    }
    // Feedback about it is kept; its link to the compound is cleared, and that is recorded too.
    const cleared = (await entriesFor('feedback', fb.id)).find((r) => r.action === 'update');
    expect(cleared?.cause).toBe(cause);
    expect(cleared?.before).toEqual({ compound: c.id });
    expect((await entriesFor('compounds', c.id)).at(-1)!.action).toBe('delete');
  });

  it('refuses to delete a compound that department records still name (they are not deleted with it)', async () => {
    const office = await srv.as('office@demo.fenyang');
    const tw = await office.collection('townships').getFirstListItem('code = "141182002"');
    const c = await office.collection('compounds').create({ code: 'AUD-KEEP', name: '有审批记录的小区', township: tw.id, stage: 'demand', geometry: square(111.786, 37.266) });
    await office.collection('approvals').create({ compound: c.id, kind: 'permit', date: '2025-03-01', status: 'approved' });
    expect(await statusOf(office.collection('compounds').delete(c.id))).toBe(400);
    expect((await office.collection('compounds').getOne(c.id)).code).toBe('AUD-KEEP');
    expect((await entriesFor('compounds', c.id)).map((r) => r.action)).toEqual(['create']);
  });
});
