// Guards facility sites (#4) on the server: the hook recomputes the permit verdict of policy §六(二) whatever the client
// sends (299/300/301 m², high-risk work, a change of land rights, an idle-building conversion), refuses impossible
// input with a Chinese message naming the field, and only the office and planners may write sites.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type PocketBase from 'pocketbase';
import { ClientResponseError } from 'pocketbase';
import { startServer, statusOf, type TestServer } from '../helpers/server';

let srv: TestServer;
let planner: PocketBase;
let compoundId: string;
let idleBuildingId: string;
beforeAll(async () => {
  srv = await startServer({ seed: true });
  planner = await srv.as('planner@demo.fenyang');
  compoundId = (await srv.anon().collection('compounds').getFirstListItem(''))!.id;
  idleBuildingId = (await planner.collection('context_features').getFirstListItem("kind = 'idle_building'")).id;
});
afterAll(async () => srv?.stop());

const square = (lon = 111.78, lat = 37.26, d = 0.0002) => ({
  type: 'Polygon',
  coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]],
});
const site = (over: Record<string, unknown> = {}) => ({
  facility_type: 'elderly_station', name: '测试养老站', compound: '', geometry: square(), area_m2: 420,
  building_area_m2: 280, source: 'idle_land', changes_land_rights: false, high_risk_work: false,
  households_covered: 120, stage: 'proposed',
  // a client's own verdict, which the server must not trust
  permit_exempt: false, land_use_deferred: true, reasons: { zh: ['客户端伪造'], en: ['forged'] },
  ...over,
});

async function failure(p: Promise<unknown>): Promise<{ status: number; message: string; data: Record<string, unknown> }> {
  try {
    await p;
  } catch (err) {
    const e = err as ClientResponseError;
    return { status: e.status, message: String(e.response?.message ?? ''), data: (e.response?.data ?? {}) as Record<string, unknown> };
  }
  throw new Error('expected the request to fail');
}

describe('permit verdict recomputed by the server', () => {
  it.each([
    [299, true],
    [300, true],
    [301, false],
  ])('a new %s m² building on idle land: exempt = %s', async (area, exempt) => {
    const r = await planner.collection('facility_sites').create(site({ building_area_m2: area, compound: compoundId }));
    expect(r.permit_exempt).toBe(exempt);
    expect(r.land_use_deferred).toBe(false);
    expect(r.reasons.zh[0]).toMatch(exempt ? /^可不办理施工许可证/ : /^需办理施工许可证.*超过300平方米/);
    expect(r.reasons.en[0]).toMatch(exempt ? /^No construction permit needed/ : /^Construction permit required/);
    expect(r.reasons.zh.join('')).not.toContain('伪造');
    expect(r.created_by).toBe(planner.authStore.record!.id);
    const again = await srv.admin.collection('facility_sites').getOne(r.id);
    expect(again.permit_exempt).toBe(exempt);
  });

  it('high-risk work needs a permit even when small', async () => {
    const r = await planner.collection('facility_sites').create(site({ building_area_m2: 120, high_risk_work: true, permit_exempt: true }));
    expect(r.permit_exempt).toBe(false);
    expect(r.reasons.zh[0]).toContain('高空作业、重物吊装、基坑深挖');
  });

  it('a change of land rights needs a permit even when small', async () => {
    const r = await planner.collection('facility_sites').create(site({ building_area_m2: 120, changes_land_rights: true, permit_exempt: true }));
    expect(r.permit_exempt).toBe(false);
    expect(r.reasons.zh[0]).toContain('涉及权属登记、变更');
  });

  it('an idle building converted to a public service defers the land-use change', async () => {
    const r = await planner.collection('facility_sites').create(site({
      source: 'idle_building', source_feature: idleBuildingId, building_area_m2: 650, land_use_deferred: false,
    }));
    expect(r.land_use_deferred).toBe(true);
    expect(r.permit_exempt).toBe(true); // nothing newly built
    expect(r.reasons.zh[1]).toMatch(/^闲置用房改建为公共服务设施/);
  });

  it('a convenience shop in an idle building is commercial: no deferral', async () => {
    const r = await planner.collection('facility_sites').create(site({
      facility_type: 'convenience_shop', source: 'idle_building', source_feature: idleBuildingId, land_use_deferred: true,
    }));
    expect(r.land_use_deferred).toBe(false);
  });

  it('an update that changes the facts gets a new verdict', async () => {
    const r = await planner.collection('facility_sites').create(site({ building_area_m2: 200 }));
    expect(r.permit_exempt).toBe(true);
    const u = await planner.collection('facility_sites').update(r.id, { building_area_m2: 450 });
    expect(u.permit_exempt).toBe(false);
    const u2 = await planner.collection('facility_sites').update(u.id, { permit_exempt: true });
    expect(u2.permit_exempt).toBe(false);
  });
});

describe('bad input is refused in Chinese, nothing saved', () => {
  it.each([
    ['building_area_m2', { building_area_m2: -5 }, /「建筑面积」须在 0–100000 平方米 之间/],
    ['area_m2', { area_m2: -1 }, /「用地面积」须在 0–1,000,000 平方米 之间/],
    ['facility_type', { facility_type: 'casino' }, /不在设施目录中/],
    ['source_feature', { source: 'idle_building', source_feature: '' }, /须注明所用房屋/],
    ['households_covered', { households_covered: 1.5 }, /「覆盖户数」须为整数/],
  ])('%s', async (field, over, message) => {
    const before = (await srv.admin.collection('facility_sites').getList(1, 1)).totalItems;
    const f = await failure(planner.collection('facility_sites').create(site(over)));
    expect(f.status).toBe(400);
    expect(f.message).toMatch(message);
    expect(Object.keys(f.data)).toContain(field);
    expect((await srv.admin.collection('facility_sites').getList(1, 1)).totalItems).toBe(before);
  });

  it('a negative area on update is refused and the record unchanged', async () => {
    const r = await planner.collection('facility_sites').create(site());
    expect(await statusOf(planner.collection('facility_sites').update(r.id, { building_area_m2: -300 }))).toBe(400);
    expect((await srv.admin.collection('facility_sites').getOne(r.id)).building_area_m2).toBe(280);
  });
});

describe('who may write sites', () => {
  it.each([
    ['office', 'office@demo.fenyang', true],
    ['planner', 'planner@demo.fenyang', true],
    ['township', 'wenfeng@demo.fenyang', false],
    ['department', 'finance@demo.fenyang', false],
    ['anonymous', null, false],
  ] as const)('%s may create: %s', async (_role, email, allowed) => {
    const pb = email ? await srv.as(email) : srv.anon();
    const status = await statusOf(pb.collection('facility_sites').create(site()));
    if (allowed) expect(status).toBe(0);
    else expect([400, 403]).toContain(status);
  });

  it('staff read sites, the public does not; a township cannot delete one', async () => {
    const r = await planner.collection('facility_sites').create(site());
    const township = await srv.as('xihe@demo.fenyang');
    expect((await township.collection('facility_sites').getOne(r.id)).id).toBe(r.id);
    expect(await statusOf(srv.anon().collection('facility_sites').getOne(r.id))).toBe(404);
    expect(await statusOf(township.collection('facility_sites').delete(r.id))).toBe(404);
  });
});
