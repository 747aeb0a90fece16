// Guards design zones (#3) on the server: who may write them, versioned saves that refuse stale overwrites, lineage
// kept through a split, geometry sanity — through the SDK exactly as the app calls it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type PocketBase from 'pocketbase';
import { startServer, statusOf, type TestServer } from '../helpers/server';

let srv: TestServer;
let compounds: { id: string; code: string; geometry: unknown }[];
beforeAll(async () => {
  srv = await startServer({ seed: true });
  compounds = await srv.anon().collection('compounds').getFullList({ sort: 'code' });
});
afterAll(async () => srv?.stop());

const square = (lon: number, lat: number, d = 0.002) => ({
  type: 'Polygon',
  coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]],
});
const zoneBody = (name: string, members: string[]) => ({
  name, geometry: square(111.78, 37.26), members, origin: 'drawn', area_m2: 39000,
});

describe('zone rules per role', () => {
  const cases: [string, string | null, boolean][] = [
    ['office', 'office@demo.fenyang', true],
    ['planner', 'planner@demo.fenyang', true],
    ['township', 'wenfeng@demo.fenyang', false],
    ['department', 'finance@demo.fenyang', false],
    ['anonymous', null, false],
  ];
  it.each(cases)('%s may create zones: %s', async (_role, email, allowed) => {
    const pb = email ? await srv.as(email) : srv.anon();
    const status = await statusOf(pb.collection('design_zones').create(zoneBody(`z-${_role}`, [compounds[0].id])));
    if (allowed) expect(status).toBe(0);
    else expect([400, 403]).toContain(status);
  });

  it('hides zones from the public and shows them to staff', async () => {
    expect((await srv.anon().collection('design_zones').getList(1, 50)).totalItems).toBe(0);
    const township = await srv.as('wenfeng@demo.fenyang');
    expect((await township.collection('design_zones').getList(1, 50)).totalItems).toBeGreaterThanOrEqual(2);
  });

  it('refuses a township update and delete of a planner zone', async () => {
    const planner = await srv.as('planner@demo.fenyang');
    const z = await planner.collection('design_zones').create(zoneBody('planner zone', [compounds[1].id]));
    const township = await srv.as('taihe@demo.fenyang');
    expect(await statusOf(township.collection('design_zones').update(z.id, { name: 'x', version: z.version }))).toBe(404);
    expect(await statusOf(township.collection('design_zones').delete(z.id))).toBe(404);
  });

  it('records who created the zone and starts at version 1', async () => {
    const planner = await srv.as('planner@demo.fenyang');
    const z = await planner.collection('design_zones').create({ ...zoneBody('v', []), version: 99, created_by: '' });
    expect(z.version).toBe(1);
    expect(z.created_by).toBe(planner.authStore.record!.id);
    expect(z.status).toBe('active');
  });
});

describe('concurrency', () => {
  let a: PocketBase;
  let b: PocketBase;
  beforeAll(async () => {
    a = await srv.as('planner@demo.fenyang');
    b = await srv.as('office@demo.fenyang');
  });

  it('refuses a save over a zone changed since it was loaded, and keeps the newer save', async () => {
    const z = await a.collection('design_zones').create(zoneBody('shared', [compounds[2].id]));
    const loadedByA = await a.collection('design_zones').getOne(z.id);
    const loadedByB = await b.collection('design_zones').getOne(z.id);
    const saved = await b.collection('design_zones').update(z.id, { name: 'B renamed', version: loadedByB.version });
    expect(saved.version).toBe(2);
    const err = await a.collection('design_zones').update(z.id, { name: 'A renamed', version: loadedByA.version }).then(() => null, (e) => e);
    expect(err?.status).toBe(409);
    expect(err.response.message).toMatch(/已被他人修改/);
    expect((await a.collection('design_zones').getOne(z.id)).name).toBe('B renamed');
  });

  it('refuses a save that carries no version', async () => {
    const z = await a.collection('design_zones').create(zoneBody('no version', []));
    expect(await statusOf(a.collection('design_zones').update(z.id, { name: 'x' }))).toBe(409);
  });
});

describe('lineage', () => {
  it('keeps the parent and its members through a split, and the parts point to it', async () => {
    const planner = await srv.as('planner@demo.fenyang');
    const [m1, m2, m3, m4] = compounds.slice(10, 14).map((c) => c.id);
    const parent = await planner.collection('design_zones').create({ ...zoneBody('parent', [m1, m2, m3, m4]), origin: 'merged', tolerance_m: 15 });
    // The app splits in one batch: the parent is marked split, parts are created with parent set.
    const batch = planner.createBatch();
    batch.collection('design_zones').update(parent.id, { status: 'split', version: parent.version });
    batch.collection('design_zones').create({ ...zoneBody('part A', [m1, m2]), parent: parent.id, origin: 'merged' });
    batch.collection('design_zones').create({ ...zoneBody('part B', [m3, m4]), parent: parent.id, origin: 'merged' });
    await batch.send();
    const after = await planner.collection('design_zones').getOne(parent.id);
    expect(after.status).toBe('split');
    expect(after.members).toEqual([m1, m2, m3, m4]);
    const parts = await planner.collection('design_zones').getFullList({ filter: `parent = "${parent.id}"`, sort: 'name' });
    expect(parts.map((p) => p.members)).toEqual([[m1, m2], [m3, m4]]);
    // The member compounds keep their own records.
    for (const id of [m1, m2, m3, m4]) expect((await srv.anon().collection('compounds').getOne(id)).id).toBe(id);
  });

  it('writes nothing of a split whose parent is stale', async () => {
    const planner = await srv.as('planner@demo.fenyang');
    const parent = await planner.collection('design_zones').create(zoneBody('stale parent', [compounds[20].id, compounds[21].id]));
    await planner.collection('design_zones').update(parent.id, { notes: 'edited elsewhere', version: parent.version });
    const batch = planner.createBatch();
    batch.collection('design_zones').update(parent.id, { status: 'split', version: parent.version });
    batch.collection('design_zones').create({ ...zoneBody('orphan part', [compounds[20].id]), parent: parent.id });
    expect(await statusOf(batch.send())).toBe(400);
    expect((await planner.collection('design_zones').getOne(parent.id)).status).toBe('active');
    expect((await planner.collection('design_zones').getList(1, 1, { filter: `parent = "${parent.id}"` })).totalItems).toBe(0);
  });
});

describe('geometry', () => {
  it('refuses a self-intersecting zone and says where', async () => {
    const planner = await srv.as('planner@demo.fenyang');
    const err = await planner.collection('design_zones').create({
      ...zoneBody('bow', []),
      geometry: { type: 'Polygon', coordinates: [[[111.78, 37.26], [111.782, 37.262], [111.782, 37.26], [111.78, 37.262], [111.78, 37.26]]] },
    }).then(() => null, (e) => e);
    expect(err?.status).toBe(400);
    expect(err.response.data.geometry.message).toMatch(/自相交.*111\.781/);
  });
});
