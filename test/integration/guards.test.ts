// Guards the rules a second read found open: a township re-pointing its records at another township's compound,
// concurrent saves of one zone version, authorship rewrites, the audit log's readers and its removal by a collections
// import, the tier left behind by a step back, and geometry the server misjudged (repeated vertices, holes outside).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, statusOf, type TestServer } from '../helpers/server';

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer({ seed: true });
});
afterAll(async () => srv?.stop());

const square = (lon: number, lat: number, d = 0.002) => [[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]];

describe('a township cannot re-point its records', () => {
  it('keeps items and funding on the compound they were recorded for', async () => {
    const wenfeng = await srv.as('wenfeng@demo.fenyang');
    const other = await srv.admin.collection('compounds').getFirstListItem('township.code = "141182002"');
    const item = await srv.admin.collection('renovation_items').getFirstListItem('compound.township.code = "141182001"');
    expect(await statusOf(wenfeng.collection('renovation_items').update(item.id, { compound: other.id }))).toBe(404);
    const money = await srv.admin.collection('funding').getFirstListItem('compound.township.code = "141182001"');
    expect(await statusOf(wenfeng.collection('funding').update(money.id, { compound: other.id }))).toBe(404);
    expect((await srv.admin.collection('funding').getOne(money.id)).compound).toBe(money.compound);
    // Its own fields it may still change, and the office may move records.
    expect(await statusOf(wenfeng.collection('funding').update(money.id, { note: '核对' }))).toBe(0);
    const office = await srv.as('office@demo.fenyang');
    expect(await statusOf(office.collection('renovation_items').update(item.id, { compound: other.id }))).toBe(0);
  });

  it("cannot move its compound into another township's community or change its code", async () => {
    const wenfeng = await srv.as('wenfeng@demo.fenyang');
    const own = await srv.admin.collection('compounds').getFirstListItem('township.code = "141182001"');
    const foreign = await srv.admin.collection('communities').getFirstListItem('township.code = "141182002"');
    // Another township's community: refused by the compound hook, naming the field.
    expect(await statusOf(wenfeng.collection('compounds').update(own.id, { community: foreign.id, version: own.version }))).toBe(400);
    expect(await statusOf(wenfeng.collection('compounds').update(own.id, { code: 'X-999', version: own.version }))).toBe(404);
    // Its compound's staff-only facts it may change, in compound_private; sent to compounds they are refused, not dropped.
    expect(await statusOf(wenfeng.collection('compound_private').update(own.id, { property_owner: '汾阳市某厂' }))).toBe(0);
    const err = await wenfeng.collection('compounds').update(own.id, { property_owner: '别处', version: own.version }).then(() => null, (e) => e);
    expect(err?.status).toBe(400);
    expect(err.response.data.property_owner.message).toMatch(/^「原产权单位」仅工作人员可见/);
    expect((await wenfeng.collection('compounds').getOne(own.id)).property_owner).toBe('汾阳市某厂');
  });
});

describe('design zones', () => {
  it('accepts exactly one of several concurrent saves of the same version', async () => {
    const planner = await srv.as('planner@demo.fenyang');
    const z = await planner.collection('design_zones').create({
      name: 'race', geometry: { type: 'Polygon', coordinates: [square(111.78, 37.26)] }, members: [], origin: 'drawn', area_m2: 1,
    });
    const clients = await Promise.all(Array.from({ length: 6 }, () => srv.as('planner@demo.fenyang')));
    const statuses = await Promise.all(clients.map((c, i) => statusOf(c.collection('design_zones').update(z.id, { notes: `n${i}`, version: z.version }))));
    expect(statuses.filter((s) => s === 0)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(5);
    expect((await planner.collection('design_zones').getOne(z.id)).version).toBe(2);
  });

  it('does not let an update rewrite who created a zone', async () => {
    const planner = await srv.as('planner@demo.fenyang');
    const office = await srv.as('office@demo.fenyang');
    const z = await planner.collection('design_zones').create({
      name: 'mine', geometry: { type: 'Polygon', coordinates: [square(111.78, 37.26)] }, members: [], origin: 'drawn', area_m2: 1,
    });
    const after = await planner.collection('design_zones').update(z.id, { created_by: office.authStore.record!.id, version: z.version });
    expect(after.created_by).toBe(planner.authStore.record!.id);
  });
});

describe('audit log', () => {
  it("shows residents' feedback and accounts only to the office and the audit bureau", async () => {
    const compound = await srv.admin.collection('compounds').getFirstListItem('township.code = "141182001"');
    await srv.anon().collection('feedback').create({ compound: compound.id, category: 'suggestion', message: '希望增加路灯', contact: '13800000000' });
    const rows = (pb: import('pocketbase').default) => pb.collection('audit_log').getFullList({ filter: 'collection = "feedback"' });
    expect((await rows(await srv.as('office@demo.fenyang'))).length).toBeGreaterThan(0);
    expect((await rows(await srv.as('audit@demo.fenyang'))).length).toBeGreaterThan(0);
    expect(await rows(await srv.as('planner@demo.fenyang'))).toHaveLength(0);
    expect(await rows(await srv.as('taihe@demo.fenyang'))).toHaveLength(0);
    expect((await (await srv.as('planner@demo.fenyang')).collection('audit_log').getList(1, 1)).totalItems).toBeGreaterThan(0);
  });

  it('cannot be dropped or redefined by a collections import, even by a superuser', async () => {
    const all = await srv.admin.collections.getFullList();
    const withoutLog = all.filter((c) => c.name !== 'audit_log');
    expect(await statusOf(srv.admin.collections.import(withoutLog, true))).toBe(403);
    expect(await statusOf(srv.admin.collections.update('audit_log', { deleteRule: '' }))).toBe(403);
    expect((await srv.admin.collections.getOne('audit_log')).deleteRule).toBeNull();
  });
});

describe('stages', () => {
  it('clears the plan tier when the office steps a planned compound back', async () => {
    const office = await srv.as('office@demo.fenyang');
    const c = await srv.admin.collection('compounds').getFirstListItem('stage = "planned"');
    expect(c.tier).not.toBe('');
    await office.collection('stage_events').create({
      compound: c.id, from: 'planned', to: 'scheme', kind: 'back', date: new Date().toISOString().slice(0, 10), note: '资金未落实,退回方案阶段',
    });
    const after = await srv.admin.collection('compounds').getOne(c.id);
    expect(after.stage).toBe('scheme');
    expect(after.tier).toBe('');
    expect(after.plan_year || null).toBeNull();
  });
});

describe('geometry', () => {
  it('accepts a repeated vertex and refuses a hole outside its polygon', async () => {
    const office = await srv.as('office@demo.fenyang');
    const tw = await office.collection('townships').getFirstListItem('code = "141182001"');
    const ring = square(111.78, 37.26);
    const repeated = [ring[0], ring[1], ring[1], ring[2], ring[3], ring[4]];
    expect(await statusOf(office.collection('compounds').create({ code: 'G-1', name: '重复顶点', township: tw.id, stage: 'demand', geometry: { type: 'Polygon', coordinates: [repeated] } }))).toBe(0);
    const outsideHole = square(111.79, 37.27, 0.0005).reverse();
    const err = await office.collection('compounds')
      .create({ code: 'G-2', name: '外部洞', township: tw.id, stage: 'demand', geometry: { type: 'Polygon', coordinates: [ring, outsideHole] } })
      .then(() => null, (e) => e);
    expect(err?.status).toBe(400);
    expect(err.response.data.geometry.message).toMatch(/洞.*不在外环内/);
  });
});

describe('staff-only compound fields', () => {
  const STAFF_ONLY = ['property_owner', 'consent_pct', 'consent_date', 'management', 'maintenance_fund'];
  it('are hidden from anonymous readers of the records API and the layer, and shown to staff', async () => {
    const anonRec = await srv.anon().collection('compounds').getFirstListItem('code = "FY-001"');
    for (const f of STAFF_ONLY) expect(Object.keys(anonRec), f).not.toContain(f);
    expect(anonRec.stage).toBeTruthy();
    const staff = await srv.as('planner@demo.fenyang');
    const staffRec = await staff.collection('compounds').getFirstListItem('code = "FY-001"');
    for (const f of STAFF_ONLY) expect(Object.keys(staffRec), f).toContain(f);

    const anonLayer = await (await fetch(`${srv.url}/api/fy/compounds.geojson`)).json();
    for (const f of STAFF_ONLY) expect(Object.keys(anonLayer.features[0].properties), f).not.toContain(f);
    const staffLayer = await staff.send('/api/fy/compounds.geojson', {});
    for (const f of STAFF_ONLY) expect(Object.keys(staffLayer.features[0].properties), f).toContain(f);
  });

  it('are hidden in realtime messages to anonymous subscribers', async () => {
    const anon = srv.anon();
    const c = await srv.admin.collection('compounds').getFirstListItem('code = "FY-002"');
    let received: (r: Record<string, unknown>) => void = () => {};
    const got = new Promise<Record<string, unknown>>((resolve) => (received = resolve));
    await anon.collection('compounds').subscribe(c.id, (e) => received(e.record)); // resolves once registered
    await srv.admin.collection('compounds').update(c.id, { address: c.address + ' ' });
    const rec = await got;
    for (const f of STAFF_ONLY) expect(Object.keys(rec), f).not.toContain(f);
    await anon.realtime.unsubscribe();
  });
});

describe('money', () => {
  it('refuses a new funding record that leaves out its amount, naming the field', async () => {
    const office = await srv.as('office@demo.fenyang');
    const c = await srv.admin.collection('compounds').getFirstListItem('code = "FY-003"');
    const err = await office.collection('funding').create({ compound: c.id, source: 'municipal', kind: 'planned', date: '2025-01-10' })
      .then(() => null, (e) => e);
    expect(err?.status).toBe(400);
    expect(err.response.data.amount_yuan.message).toMatch(/请填写金额/);
    expect(await statusOf(office.collection('funding').create({ compound: c.id, source: 'municipal', kind: 'planned', date: '2025-01-10', amount_yuan: 0 }))).toBe(0);
  });
});

describe('unknown related records', () => {
  it('are refused with a 400 naming the field, in Chinese first', async () => {
    const office = await srv.as('office@demo.fenyang');
    const err = await office.collection('stage_events')
      .create({ compound: 'nosuchcompound1', from: 'demand', to: 'scheme', kind: 'forward', date: '2025-01-01' })
      .then(() => null, (e) => e);
    expect(err?.status).toBe(400);
    expect(err.response.data.compound.message).toMatch(/^小区不存在/);
  });
});

describe('mail endpoints', () => {
  it('limit password-reset requests per client', async () => {
    const anon = srv.anon();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push(await statusOf(anon.collection('users').requestPasswordReset('office@demo.fenyang')));
    expect(statuses.slice(0, 3)).toEqual([0, 0, 0]);
    expect(statuses.slice(3)).toContain(429);
  });
});
