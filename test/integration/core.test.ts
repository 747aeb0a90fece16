// Guards the spine (#2): collections and rules exist as migrated, the public reads but cannot write, private fields stay
// private, invalid geometry is refused with a message, and seeding twice changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../../scripts/lib/seed.mjs';
import { ADMIN, startServer, statusOf, type TestServer } from '../helpers/server';

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer({ seed: true });
});
afterAll(async () => srv?.stop());

const square = (lon: number, lat: number, d = 0.001) => ({
  type: 'Polygon',
  coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]],
});

describe('schema', () => {
  it('has the core collections with their fields and public read rules', async () => {
    const cols = await srv.admin.collections.getFullList();
    const byName = new Map(cols.map((c) => [c.name, c]));
    const fields = (name: string) => byName.get(name)!.fields.map((f: { name: string }) => f.name);
    expect(fields('compounds')).toEqual(expect.arrayContaining([
      'code', 'name', 'township', 'community', 'address', 'built_year', 'buildings', 'households', 'floor_area_m2',
      'land_area_m2', 'geometry', 'stage', 'plan_year', 'tier', 'is_demo',
    ]));
    // Staff-only facts live in their own collection, which only staff may list (DESIGN.md §8 "hidden means unreachable").
    expect(fields('compounds')).not.toContain('consent_pct');
    expect(fields('compound_private')).toEqual(expect.arrayContaining([
      'compound', 'property_owner', 'management', 'maintenance_fund', 'consent_pct', 'consent_date', 'implementing_unit',
    ]));
    expect(byName.get('compound_private')!.listRule).toContain("@request.auth.role != ''");
    expect(fields('buildings')).toEqual(expect.arrayContaining(['compound', 'geometry', 'floors', 'built_year', 'households', 'has_elevator']));
    expect(fields('context_features')).toEqual(expect.arrayContaining(['kind', 'subtype', 'name', 'geometry', 'area_m2']));
    expect(fields('townships')).toEqual(expect.arrayContaining(['code', 'name', 'kind']));
    expect(fields('communities')).toEqual(expect.arrayContaining(['code', 'name', 'township']));
    expect(fields('users')).toEqual(expect.arrayContaining(['name', 'role', 'township', 'department']));
    for (const name of ['compounds', 'buildings', 'context_features', 'townships', 'communities']) {
      expect(byName.get(name)!.listRule, name).toBe('');
    }
    expect(byName.get('compound_notes')!.listRule).not.toBe('');
  });
});

describe('seeded data', () => {
  it('holds Fenyang divisions and the 49 demo compounds, all marked demo', async () => {
    const anon = srv.anon();
    expect((await anon.collection('townships').getList(1, 1)).totalItems).toBe(14);
    expect((await anon.collection('communities').getList(1, 1)).totalItems).toBe(38);
    const compounds = await anon.collection('compounds').getFullList();
    expect(compounds).toHaveLength(49);
    expect(compounds.every((c) => c.is_demo === true)).toBe(true);
  });

  it('seeding again changes nothing and never overwrites an edit', async () => {
    const first = await srv.admin.collection('compounds').getFirstListItem('code = "FY-001"');
    await srv.admin.collection('compounds').update(first.id, { name: '已编辑的名称' });
    const COLLECTIONS = ['townships', 'communities', 'compounds', 'compound_private', 'buildings', 'context_features', 'users'];
    const countsBefore = await Promise.all(COLLECTIONS.map(async (c) => (await srv.admin.collection(c).getList(1, 1)).totalItems));
    const result = await seed({ url: srv.url, ...ADMIN, demo: true });
    expect(result).toEqual({ divisionsCreated: 0, demoLoaded: false, usersCreated: 0, resumed: false });
    const countsAfter = await Promise.all(COLLECTIONS.map(async (c) => (await srv.admin.collection(c).getList(1, 1)).totalItems));
    expect(countsAfter).toEqual(countsBefore);
    expect((await srv.admin.collection('compounds').getOne(first.id)).name).toBe('已编辑的名称');
  });
});

describe('rules', () => {
  it('lets anonymous read compounds, buildings and context but not private notes', async () => {
    const anon = srv.anon();
    expect((await anon.collection('compounds').getList(1, 5)).items.length).toBe(5);
    expect((await anon.collection('buildings').getList(1, 5)).items.length).toBe(5);
    expect((await anon.collection('context_features').getList(1, 5)).items.length).toBe(5);
    // A compound without demo contacts (the demo gives the first twelve a contact; one record per compound).
    const c = await anon.collection('compounds').getFirstListItem('', { sort: '-code' });
    await srv.admin.collection('compound_notes').create({ compound: c.id, contact_name: '张三', contact_phone: '13800000000' });
    expect((await anon.collection('compound_notes').getList(1, 5)).totalItems).toBe(0);
  });

  it('refuses anonymous writes', async () => {
    const anon = srv.anon();
    const c = await anon.collection('compounds').getFirstListItem('');
    const tw = await anon.collection('townships').getFirstListItem('');
    expect(await statusOf(anon.collection('compounds').create({ code: 'X-1', name: 'x', township: tw.id, stage: 'demand', geometry: square(111.78, 37.26) }))).toBe(400);
    expect(await statusOf(anon.collection('compounds').update(c.id, { name: 'hacked' }))).toBe(404);
    expect(await statusOf(anon.collection('compounds').delete(c.id))).toBe(404);
    expect(await statusOf(anon.collection('townships').create({ code: '141182999', name: 'x', kind: 'town' }))).toBe(403);
    expect((await anon.collection('compounds').getOne(c.id)).name).toBe(c.name);
  });

  it('lets a township edit only its own compounds', async () => {
    const wenfeng = await srv.as('wenfeng@demo.fenyang');
    const own = await srv.admin.collection('compounds').getFirstListItem('township.code = "141182001"');
    const other = await srv.admin.collection('compounds').getFirstListItem('township.code != "141182001"');
    expect(await statusOf(wenfeng.collection('compounds').update(own.id, { address: own.address + ' ', version: own.version }))).toBe(0);
    expect(await statusOf(wenfeng.collection('compounds').update(other.id, { address: 'x' }))).toBe(404);
  });
});

describe('geometry sanity', () => {
  const bad: [string, unknown, RegExp][] = [
    ['self-intersecting bow-tie', { type: 'Polygon', coordinates: [[[111.78, 37.26], [111.781, 37.261], [111.781, 37.26], [111.78, 37.261], [111.78, 37.26]]] }, /自相交.*111\.7805/],
    ['unclosed ring', { type: 'Polygon', coordinates: [[[111.78, 37.26], [111.781, 37.26], [111.781, 37.261], [111.78, 37.261]]] }, /未闭合/],
    ['too few positions', { type: 'Polygon', coordinates: [[[111.78, 37.26], [111.781, 37.26], [111.78, 37.26]]] }, /至少需要4个/],
    ['outside Fenyang', square(116.4, 39.9), /超出汾阳市范围/],
    ['a point', { type: 'Point', coordinates: [111.78, 37.26] }, /几何类型/],
  ];
  it.each(bad)('refuses a %s with a message and writes nothing', async (_name, geometry, message) => {
    const office = await srv.as('office@demo.fenyang');
    const tw = await office.collection('townships').getFirstListItem('');
    const before = (await office.collection('compounds').getList(1, 1)).totalItems;
    const err = await office.collection('compounds')
      .create({ code: 'BAD-1', name: '坏数据', township: tw.id, stage: 'demand', geometry })
      .then(() => null, (e) => e);
    expect(err?.status).toBe(400);
    expect(err.response.data.geometry.message).toMatch(message);
    expect((await office.collection('compounds').getList(1, 1)).totalItems).toBe(before);
  });

  it('refuses an invalid geometry on update and keeps the old one', async () => {
    const c = await srv.admin.collection('compounds').getFirstListItem('');
    const err = await srv.admin.collection('compounds').update(c.id, { geometry: square(120, 30) }).then(() => null, (e) => e);
    expect(err?.status).toBe(400);
    expect((await srv.admin.collection('compounds').getOne(c.id)).geometry).toEqual(c.geometry);
  });
});
