// Guards the public side of #6: without signing in, a resident opens the progress map and a compound's page (as from
// its QR code), reads its progress and sends a complaint; the compound's township answers it in the feedback view and
// the answer appears on the public page; a township account cannot edit another township's compound — no console errors.
import { beforeAll, describe, expect, it } from 'vitest';
import { STAGE_COLORS } from '../../src/lib/map/palette';
import { compoundPoint, renderedCompounds, waitForMapIdle, type Session } from '../helpers/browser';
import { useApp } from '../helpers/app';
import type { TestServer } from '../helpers/server';

let srv: TestServer;
let b: Session;
useApp((app) => ({ srv, b } = app));
let own: { id: string; code: string; name: string };
let other: { id: string; code: string };

beforeAll(async () => {
  const taihe = await srv.admin.collection('townships').getFirstListItem('code = "141182002"');
  own = await srv.admin.collection('compounds').getFirstListItem(srv.admin.filter('township = {:t}', { t: taihe.id }), { sort: 'code' });
  other = await srv.admin.collection('compounds').getFirstListItem(srv.admin.filter('township != {:t}', { t: taihe.id }), { sort: 'code' });
});

describe('public progress', () => {
  it('shows the map with stage colours, progress and the township breakdown without signing in', async () => {
    await b.page.goto(srv.url + '/public');
    await waitForMapIdle(b.page);
    const rendered = await renderedCompounds(b.page);
    expect(rendered).toHaveLength(49);
    for (const f of rendered) expect(f.color, f.code).toBe(STAGE_COLORS[f.stage as keyof typeof STAGE_COLORS]);
    const done = rendered.filter((f) => f.stage === 'accepted' || f.stage === 'maintained').length;
    const building = rendered.filter((f) => f.stage === 'construction').length;
    await expect.poll(() => b.page.textContent('[data-testid=public-progress]')).toBe(`已竣工 ${done} / 49,施工中 ${building}`);
    const totals = await b.page.$$eval('[data-testid=township-breakdown] tbody tr td:nth-child(2)', (tds) => tds.map((td) => Number(td.textContent)));
    expect(totals.length).toBeGreaterThanOrEqual(3);
    expect(totals.reduce((s, n) => s + n, 0)).toBe(49);
    expect(await b.page.locator('[data-testid=signed-in-as]').count()).toBe(0);
  });

  it('opens a compound page from the map', async () => {
    const target = await compoundPoint(b.page, own.code);
    expect(target.code).toBeTruthy();
    const box = (await b.page.locator('[data-testid=map] canvas').boundingBox())!;
    await b.page.mouse.click(box.x + target.x, box.y + target.y);
    await b.page.waitForURL((u) => u.pathname === `/public/c/${target.code}`);
    await b.page.waitForSelector('[data-testid=public-compound-name]');
    expect(b.errors).toEqual([]);
  });

  it('reads a compound page from its QR link and accepts a complaint', async () => {
    const { page, errors } = await b.newPage();
    const url = `${srv.url}/public/c/${own.code}`;
    await page.goto(url);
    await expect.poll(() => page.textContent('[data-testid=public-compound-name]')).toBe(own.name);
    const stage = (await srv.anon().collection('public_compounds').getOne(own.id)).stage;
    const stageZh = { demand: '征集需求', scheme: '初步方案', planned: '纳入年度计划', construction: '施工中', accepted: '已竣工验收', maintained: '长效管理' }[stage as string];
    expect(await page.textContent('[data-testid=public-compound-stage]')).toBe(stageZh);
    expect(await page.locator('[data-testid=public-timeline] li').count()).toBe(6);
    await page.waitForSelector('[data-testid=qr-code]');
    expect(await page.getAttribute('[data-testid=qr-code]', 'data-url')).toBe(url);

    await page.selectOption('[data-testid=feedback-category]', 'disturbance');
    await page.fill('[data-testid=feedback-message]', '晚上十点后还在施工,噪音很大');
    await page.fill('input[autocomplete=tel]', '13512345678');
    await page.click('[data-testid=feedback-send]');
    await page.waitForSelector('[data-testid=feedback-sent]');
    const stored = await srv.admin.collection('feedback').getFirstListItem('message ~ "噪音很大"');
    expect(stored).toMatchObject({ compound: own.id, category: 'disturbance', status: 'new', contact: '13512345678' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lets the compound\'s township answer in the feedback view, and shows the answer publicly', async () => {
    const { page, errors } = await b.newPage();
    await page.goto(srv.url + '/feedback');
    await page.click('[data-testid=sign-in-open]');
    await page.fill('[data-testid=sign-in-form] input[type=email]', 'taihe@demo.fenyang');
    await page.fill('[data-testid=sign-in-form] input[type=password]', 'fenyang2025');
    await page.click('[data-testid=sign-in-form] button[type=submit]');
    const item = page.locator('[data-testid=feedback-item]', { hasText: '噪音很大' });
    await item.waitFor();
    await item.locator('[data-testid=feedback-reply]').fill('已责令施工单位晚上十点后停止施工');
    await item.locator('[data-testid=feedback-save]').click();
    await expect.poll(async () => (await srv.admin.collection('feedback').getFirstListItem('message ~ "噪音很大"')).public_reply)
      .toBe('已责令施工单位晚上十点后停止施工');

    await page.goto(`${srv.url}/public/c/${own.code}`);
    await expect.poll(() => page.textContent('[data-testid=public-replies]')).toContain('已责令施工单位晚上十点后停止施工');
    expect(await page.textContent('[data-testid=public-replies]')).not.toContain('13512345678');
    // The change is in the audit trail with who answered.
    const audit = await srv.admin.collection('audit_log').getFirstListItem('collection = "feedback" && action = "update"');
    expect(audit.by_role).toBe('township');
    expect(audit.changed).toContain('public_reply');
    expect(errors).toEqual([]);
  });

  it('does not let a township edit another township\'s compound', async () => {
    const { page, errors } = await b.newPage();
    await page.goto(srv.url + '/feedback'); // the township is signed in from the previous test (same browser profile)
    await page.waitForSelector('[data-testid=signed-in-as]');
    // A save carries the version it was loaded at (a stale one is refused with 409).
    const patch = async (id: string) => page.evaluate(async ([recordId, version]) => {
      const auth = JSON.parse(localStorage.getItem('pocketbase_auth') ?? '{}') as { token?: string };
      const res = await fetch(`/api/collections/compounds/records/${recordId}`, {
        method: 'PATCH', headers: { 'Content-Type': 'application/json', Authorization: auth.token ?? '' }, body: JSON.stringify({ address: '越权修改', version }),
      });
      return res.status;
    }, [id, (await srv.admin.collection('compounds').getOne(id)).version] as const);
    expect(await patch(other.id)).toBe(404);
    expect(await patch(own.id)).toBe(200);
    expect((await srv.admin.collection('compounds').getOne(other.id)).address).not.toBe('越权修改');
    // The one console error is the refused request itself (Chromium logs every 4xx response).
    expect(errors.filter((e) => !e.includes('status of 404'))).toEqual([]);
    expect(errors).toHaveLength(1);
  });

  it('lets the office manage accounts at /admin and anyone on staff read a record\'s history at /audit', async () => {
    const { page, errors } = await b.newPage();
    await page.goto(srv.url + '/admin');
    await page.evaluate(() => localStorage.removeItem('pocketbase_auth'));
    await page.reload();
    await page.click('[data-testid=sign-in-open]');
    await page.fill('[data-testid=sign-in-form] input[type=email]', 'office@demo.fenyang');
    await page.fill('[data-testid=sign-in-form] input[type=password]', 'fenyang2025');
    await page.click('[data-testid=sign-in-form] button[type=submit]');
    const form = page.locator('[data-testid=admin-new]');
    await form.waitFor();
    await form.locator('input[type=email]').fill('newstaff@test.local');
    await form.locator('input:not([type])').first().fill('新同事');
    await form.locator('[data-testid=admin-role]').selectOption('township');
    await form.locator('[data-testid=admin-township]').selectOption({ label: '太和桥街道' });
    await form.locator('input[type=password]').fill('a-long-password-1');
    await form.locator('button[type=submit]').click();
    const row = page.locator('[data-testid=admin-users] tr', { hasText: 'newstaff@test.local' });
    await row.waitFor();
    await page.click('[data-testid="toggle-newstaff@test.local"]');
    await expect.poll(async () => (await srv.admin.collection('users').getFirstListItem('email = "newstaff@test.local"')).active).toBe(false);
    const created = await srv.admin.collection('users').getFirstListItem('email = "newstaff@test.local"', { expand: 'township' });
    expect(created).toMatchObject({ role: 'township', name: '新同事' });
    expect(created.expand?.township.code).toBe('141182002');

    await page.goto(`${srv.url}/audit?collection=compounds&record=${own.id}`);
    await page.waitForSelector('[data-testid=audit-history-of]');
    // The township's edit from the test above is in the compound's history, with who made it.
    const history = page.locator('[data-testid=audit-row]', { hasText: '太和桥街道' });
    await history.first().waitFor();
    await history.first().click();
    await expect.poll(() => page.textContent('[data-testid=audit-log]')).toContain('越权修改');
    expect(errors).toEqual([]);
  });

  it('takes feedback on a point of the public map, filed under the compound it falls in', async () => {
    const { page, errors } = await b.newPage();
    await page.goto(srv.url + '/public');
    await page.evaluate(() => localStorage.removeItem('pocketbase_auth'));
    await page.reload();
    await waitForMapIdle(page);
    const target = await page.evaluate((code) => {
      const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
      const f = map.queryRenderedFeatures({ layers: ['compounds-fill'] }).find((x) => x.properties.code === code)!;
      const ring = f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : (f.geometry as GeoJSON.MultiPolygon).coordinates[0][0];
      const lon = ring.slice(0, -1).reduce((s, p) => s + p[0], 0) / (ring.length - 1);
      const lat = ring.slice(0, -1).reduce((s, p) => s + p[1], 0) / (ring.length - 1);
      const p = map.project([lon, lat]);
      return { x: p.x, y: p.y, hit: String(map.queryRenderedFeatures(p, { layers: ['compounds-fill'] })[0]?.properties.code ?? '') };
    }, other.code);
    expect(target.hit).toBe(other.code);
    await page.click('[data-testid=feedback-point]');
    const box = (await page.locator('[data-testid=map] canvas').boundingBox())!;
    await page.mouse.click(box.x + target.x, box.y + target.y);
    await page.waitForSelector('[data-testid=feedback-form]');
    expect(new URL(page.url()).pathname).toBe('/public');
    await page.selectOption('[data-testid=feedback-category]', 'quality');
    await page.fill('[data-testid=feedback-message]', '这个位置的路面塌陷了');
    await page.click('[data-testid=feedback-send]');
    await page.waitForSelector('[data-testid=feedback-sent]');
    const stored = await srv.admin.collection('feedback').getFirstListItem('message ~ "路面塌陷"');
    expect(stored.point?.type).toBe('Point');
    expect(stored.compound).toBe(other.id);
    expect(errors).toEqual([]);
  });
});
