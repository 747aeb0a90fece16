// Guards feedback and complaints (#6): anyone sends, the server sets status and township, a sender cannot pre-fill a
// reply, staff change only status and reply, the answered message shows publicly without the contact, and anonymous
// sending is rate-limited per client (PocketBase settings.rateLimits, rule "feedback:create").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, statusOf, type TestServer } from '../helpers/server';

let srv: TestServer;

/** A point strictly inside a simple ring: the midpoint of the first horizontal chord through the ring's mid-latitude. */
function insidePoint(ring: number[][]): [number, number] {
  const lats = ring.map((p) => p[1]);
  const y = (Math.min(...lats) + Math.max(...lats)) / 2 + 1e-9;
  const xs: number[] = [];
  for (let i = 0; i < ring.length - 1; i++) {
    const [a, b] = [ring[i], ring[i + 1]];
    if ((a[1] > y) !== (b[1] > y)) xs.push(a[0] + ((y - a[1]) / (b[1] - a[1])) * (b[0] - a[0]));
  }
  xs.sort((p, q) => p - q);
  return [(xs[0] + xs[1]) / 2, y];
}
let compound: { id: string; township: string; code: string };
beforeAll(async () => {
  srv = await startServer({ seed: true });
  const tw = await srv.admin.collection('townships').getFirstListItem('code = "141182002"');
  compound = await srv.admin.collection('compounds').getFirstListItem(srv.admin.filter('township = {:t}', { t: tw.id }));
});
afterAll(async () => srv?.stop());

describe('feedback', () => {
  it('is accepted from anyone, with server-set status and township, and triaged by the own township', async () => {
    const anon = srv.anon();
    const sent = await anon.collection('feedback').create({
      compound: compound.id, category: 'disturbance', message: '夜间施工噪音太大', contact: '13600000000',
      status: 'resolved', public_reply: '伪造的答复', township: 'x',
    });
    expect(sent.status).toBe('new');
    expect(sent.public_reply).toBe('');
    const stored = await srv.admin.collection('feedback').getOne(sent.id);
    expect(stored.township).toBe(compound.township);
    expect(stored.contact).toBe('13600000000');

    const own = await srv.as('taihe@demo.fenyang');
    const other = await srv.as('wenfeng@demo.fenyang');
    expect((await own.collection('feedback').getList(1, 50)).items.map((r) => r.id)).toContain(sent.id);
    expect((await other.collection('feedback').getList(1, 50)).items.map((r) => r.id)).not.toContain(sent.id);
    expect(await statusOf(other.collection('feedback').update(sent.id, { status: 'resolved' }))).toBe(404);
    // Staff cannot rewrite what the resident said.
    expect(await statusOf(own.collection('feedback').update(sent.id, { message: '改写' }))).toBe(400);
    expect(await statusOf(own.collection('feedback').update(sent.id, { contact: '' }))).toBe(400);

    expect((await srv.anon().collection('public_feedback').getList(1, 50, { filter: `id = "${sent.id}"` })).totalItems).toBe(0);
    const answered = await own.collection('feedback').update(sent.id, { public_reply: '已要求施工单位 22 点后停工' });
    expect(answered.status).toBe('acknowledged');
    expect(answered.replied_by).toBe(own.authStore.record!.id);
    expect(answered.replied_at).not.toBe('');
    const pub = await srv.anon().collection('public_feedback').getOne(sent.id);
    expect(pub.public_reply).toBe('已要求施工单位 22 点后停工');
    expect(pub).not.toHaveProperty('contact');
    expect(JSON.stringify(pub)).not.toContain('13600000000');
    await own.collection('feedback').update(sent.id, { status: 'resolved' });
    expect((await srv.anon().collection('public_feedback').getOne(sent.id)).status).toBe('resolved');
  });

  it('takes a map point instead of a compound, inside Fenyang only, and needs one of the two', async () => {
    const office = await srv.as('office@demo.fenyang');
    const ok = await office.collection('feedback').create({ point: { type: 'Point', coordinates: [111.5, 37.2] }, category: 'suggestion', message: '村口缺路灯' });
    expect(ok.township).toBe('');
    // A point inside a compound is filed under that compound, so its township sees it.
    const geom = (await srv.admin.collection('compounds').getOne(compound.id)).geometry;
    const ring = geom.type === 'Polygon' ? geom.coordinates[0] : geom.coordinates[0][0];
    const inner = await office.collection('feedback').create({
      point: { type: 'Point', coordinates: insidePoint(ring) }, category: 'quality', message: '这里的井盖坏了',
    });
    expect(inner.compound).toBe(compound.id);
    expect(inner.township).toBe(compound.township);
    expect(await statusOf(office.collection('feedback').create({ point: { type: 'Point', coordinates: [116.4, 39.9] }, category: 'other', message: '北京' }))).toBe(400);
    expect(await statusOf(office.collection('feedback').create({ category: 'other', message: '没有位置' }))).toBe(400);
    expect(await statusOf(office.collection('feedback').create({ compound: compound.id, category: 'other', message: ' ' }))).toBe(400);
  });

  it('limits anonymous sending per client', async () => {
    const settings = await srv.admin.settings.getAll();
    const rule = settings.rateLimits.rules.find((r: { label: string }) => r.label === 'feedback:create');
    expect(settings.rateLimits.enabled).toBe(true);
    expect(rule).toMatchObject({ audience: '@guest' });
    const anon = srv.anon();
    const statuses: number[] = [];
    // One request was already spent by the first test; send until refused, never more than the limit + 2.
    for (let i = 0; i < rule.maxRequests + 2; i++) {
      statuses.push(await statusOf(anon.collection('feedback').create({ compound: compound.id, category: 'other', message: `第${i}条` })));
      if (statuses.at(-1) === 429) break;
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((s) => s === 0).length).toBeLessThanOrEqual(rule.maxRequests);
    // Staff are not throttled by this rule.
    const office = await srv.as('office@demo.fenyang');
    expect(await statusOf(office.collection('feedback').create({ compound: compound.id, category: 'other', message: '工作人员代录' }))).toBe(0);
  });
});
