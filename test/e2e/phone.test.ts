// Guards phones (390 × 844, touch): the sign-in button is on screen and works, a township account finds a compound
// from the search, reads its panel (a bottom sheet), records a stage event with a photo from the camera input and sees
// it on the timeline, then answers feedback — with nothing spilling off the side of any screen, at 390 px and at 360 px;
// the public map frames the compounds in the space the sheet leaves, and a tap on a compound shows what hovering shows
// on a desktop. Before, the header pushed the sign-in button off the screen and the public map fitted the city into a
// speck.
import { encode as encodePng } from 'fast-png';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForMapIdle, type Session } from '../helpers/browser';
import { useApp } from '../helpers/app';
import { spillsOffScreen } from '../helpers/layout';
import type { TestServer } from '../helpers/server';

let srv: TestServer;
let b: Session;
useApp((app) => ({ srv, b } = app));
let phone: BrowserContext;
let page: Page;
const errors: string[] = [];
const VIEWPORT = { width: 390, height: 844 };

beforeAll(async () => {
  const browser = b.browser.browser();
  if (!browser) throw new Error('no browser to open a phone context in');
  phone = await browser.newContext({ viewport: VIEWPORT, isMobile: true, hasTouch: true, deviceScaleFactor: 1, locale: 'zh-CN' });
  page = await phone.newPage();
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
});
afterAll(async () => phone?.close());

type Win = { __map: import('maplibre-gl').Map };

async function inViewport(selector: string) {
  const box = await page.locator(selector).boundingBox();
  expect(box, selector).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(VIEWPORT.width);
  expect(box!.y + box!.height).toBeLessThanOrEqual(VIEWPORT.height);
}

/** A small real PNG, as a phone camera's photo would be a JPEG. */
const photo = () => Buffer.from(encodePng({ width: 16, height: 12, channels: 3, depth: 8, data: new Uint8Array(16 * 12 * 3).fill(150) }));

describe('staff on a phone', () => {
  it('sees the sign-in button on screen and signs in as a township', async () => {
    await page.goto(srv.url + '/');
    await waitForMapIdle(page);
    await inViewport('[data-testid=sign-in-open]');
    await page.tap('[data-testid=sign-in-open]');
    await inViewport('[data-testid=sign-in-form]');
    await page.fill('[data-testid=sign-in-form] input[type=email]', 'xihe@demo.fenyang');
    await page.fill('[data-testid=sign-in-form] input[type=password]', 'fenyang2025');
    await page.tap('[data-testid=sign-in-form] button[type=submit]');
    await page.waitForSelector('[data-testid=signed-in-as]');
    expect(await spillsOffScreen(page)).toEqual([]);
  });

  it('opens a compound with a tap on the map (a phone has no hover)', async () => {
    const spot = await page.evaluate(() => {
      const m = (window as unknown as Win).__map;
      const r = m.getContainer().getBoundingClientRect();
      const sheetTop = document.querySelector('[data-testid=side]')!.getBoundingClientRect().top;
      for (const f of m.queryRenderedFeatures({ layers: ['compounds-fill'] })) {
        const ring = (f.geometry as GeoJSON.Polygon).coordinates[0];
        if (!ring) continue;
        const c: [number, number] = [ring.slice(0, -1).reduce((s, p) => s + p[0], 0) / (ring.length - 1), ring.slice(0, -1).reduce((s, p) => s + p[1], 0) / (ring.length - 1)];
        const px = m.project(c);
        const hit = m.queryRenderedFeatures(px, { layers: ['compounds-fill'] })[0];
        if (hit && px.y + r.top < sheetTop - 10 && px.y > 60) return { x: px.x + r.left, y: px.y + r.top, name: String(hit.properties.name) };
      }
      return null;
    });
    expect(spot).not.toBeNull();
    await page.touchscreen.tap(spot!.x, spot!.y);
    await expect.poll(() => page.textContent('[data-testid=compound-name]')).toBe(spot!.name);
    await page.tap('[data-testid=compound-panel] button[aria-label="关闭"]');
    await page.waitForSelector('[data-testid=compound-panel]', { state: 'detached' });
  });

  it('finds a compound from the search, reads its panel, records a stage event with a camera photo, sees it on the timeline', async () => {
    const township = await srv.admin.collection('townships').getFirstListItem('code = "141182003"');
    const target = await srv.admin.collection('compounds').getFirstListItem(srv.admin.filter('stage = "demand" && township = {:t}', { t: township.id }));
    await page.tap('[data-testid=search]');
    await page.fill('[data-testid=search]', target.name.slice(0, 2));
    const item = `[data-testid=finder-item][data-code="${target.code}"]`;
    await page.waitForSelector(item);
    await page.tap(item);
    await expect.poll(() => page.textContent('[data-testid=compound-name]')).toBe(target.name);
    // The panel is a bottom sheet across the screen; the list made way for it.
    await inViewport('[data-testid=compound-name]');
    expect(await page.locator('[data-testid=side]').isVisible()).toBe(false);
    expect(await spillsOffScreen(page)).toEqual([]);

    await page.locator('[data-testid=stage-forward]').scrollIntoViewIfNeeded();
    await page.tap('[data-testid=stage-forward]');
    await page.fill('[data-testid=f-scheme-summary]', '屋面防水、管网改造(手机上填写)');
    await page.fill('[data-testid=f-budget]', '1800000');
    const camera = page.locator('[data-testid=f-photos-before-camera]');
    expect(await camera.getAttribute('capture')).toBe('environment');
    expect(await camera.getAttribute('accept')).toBe('image/*');
    await camera.setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: photo() });
    await page.waitForSelector('[data-testid=f-photos-before] img');
    expect(await spillsOffScreen(page)).toEqual([]);
    await page.tap('[data-testid=stage-save]');
    const event = '[data-testid=stage-event][data-to=scheme]';
    await page.waitForSelector(event);
    await page.waitForSelector(`${event} img`);
    const saved = await srv.admin.collection('stage_events').getFirstListItem(srv.admin.filter('compound = {:c} && to = "scheme"', { c: target.id }));
    expect(saved.photos_before).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('answers feedback from the menu', async () => {
    const township = await srv.admin.collection('townships').getFirstListItem('code = "141182003"');
    const compound = await srv.admin.collection('compounds').getFirstListItem(srv.admin.filter('township = {:t}', { t: township.id }));
    const fb = await srv.anon().collection('feedback').create({ compound: compound.id, category: 'quality', message: '楼道灯不亮(手机测试)' });
    await inViewport('[data-testid=menu-open]');
    await page.tap('[data-testid=menu-open]');
    await page.waitForSelector('[data-testid=menu]');
    await page.tap('[data-testid=menu] a[href="/feedback"]');
    await page.waitForSelector('[data-testid=feedback-inbox]');
    const item = page.locator('[data-testid=feedback-item]', { hasText: '楼道灯不亮(手机测试)' });
    await item.locator('[data-testid=feedback-reply]').fill('已安排电工本周维修');
    await item.locator('[data-testid=feedback-save]').tap();
    await expect.poll(async () => (await srv.admin.collection('feedback').getOne(fb.id)).public_reply).toBe('已安排电工本周维修');
    expect(await spillsOffScreen(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('fits every screen into the phone (the office sees them all)', async () => {
    // The check itself: a screen with something too wide is caught.
    await page.goto(srv.url + '/public/c/FY-001');
    await page.waitForSelector('[data-testid=public-compound-name]');
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<div id="too-wide" style="position:absolute;top:0;left:0;width:600px;height:10px"></div>'));
    expect((await spillsOffScreen(page)).join()).toContain('div');
    // The office sees every screen: sign out and in again from the bar.
    await page.goto(srv.url + '/');
    await waitForMapIdle(page);
    await page.getByRole('button', { name: /退出|Sign out/ }).tap();
    await page.tap('[data-testid=sign-in-open]');
    await page.fill('[data-testid=sign-in-form] input[type=email]', 'office@demo.fenyang');
    await page.fill('[data-testid=sign-in-form] input[type=password]', 'fenyang2025');
    await page.tap('[data-testid=sign-in-form] button[type=submit]');
    await page.waitForSelector('[data-testid=signed-in-as]');
    const ready: Record<string, string> = {
      '/': '[data-testid=map]', '/ledger': '[data-testid=ledger] tbody tr', '/plans': '[data-testid=plan-list] li', '/report': '[data-testid=report-table]',
      '/admin': '[data-testid=admin-users] tbody tr', '/audit': '[data-testid=audit-log]', '/feedback': '[data-testid=feedback-status-filter]',
      '/data': '[data-testid=export-view]', '/import': '[data-testid=import-wizard]', '/print': '[data-testid=print-page]',
      '/public': '[data-testid=public-search]', '/public/c/FY-001': '[data-testid=public-compound-name]',
      '/participation': '[data-testid=pt-open-consent], [data-testid=pt-print-consent]', '/todo': '[data-testid=todo-list] li, [data-testid=notifications] li',
      '/public/r': '[data-testid=receipt-input]', '/public/v/FY-001': '[data-testid=answer-code]',
      '/overall': '[data-testid=overall-entries] tbody tr', [`/plans?y=${new Date().getFullYear()}`]: '[data-testid=year-panel] [data-testid=year-table] tbody tr',
      [`/plans/print?y=${new Date().getFullYear()}`]: '[data-testid=plan-sheet][data-ready=true]',
      '/print/acceptance?c=FY-001': '[data-testid=acceptance-sheet][data-ready=true]', '/?c=FY-004': '[data-testid=acceptance-checklist]',
    };
    // At 390 px (a common phone) and at 360 px (the narrowest the app supports).
    for (const width of [VIEWPORT.width, 360]) {
      await page.setViewportSize({ width, height: VIEWPORT.height });
      for (const [route, selector] of Object.entries(ready)) {
        const path = `${route} at ${width} px`;
        await page.goto(srv.url + route);
        await page.waitForSelector(selector);
        expect(await spillsOffScreen(page), path).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), path).toBe(true);
        // A map screen's sheet, opened, fits too; so does the list column of a list screen.
        for (const handle of ['[data-testid=side-handle]', '[data-testid=public-side-handle]', '[data-testid=ledger-side-toggle]']) {
          if (!(await page.locator(handle).isVisible())) continue;
          await page.tap(handle);
          expect(await spillsOffScreen(page), `${path} ${handle}`).toEqual([]);
        }
        // Every tab of the planner's panel.
        for (const tab of route === '/' ? ['selection', 'zones', 'sites', 'layers'] : []) {
          await page.tap(`[data-testid=tab-${tab}]`);
          expect(await spillsOffScreen(page), `${path} tab ${tab}`).toEqual([]);
        }
      }
    }
    await page.setViewportSize(VIEWPORT);
    // The ledger's first column stays in view while its table scrolls sideways.
    await page.goto(srv.url + '/ledger');
    await page.waitForSelector('[data-testid=ledger] tbody tr');
    const stuck = await page.evaluate(() => {
      const scroller = document.querySelector('[data-testid=ledger]')!.closest('.table-scroll')!;
      const cell = document.querySelector('[data-testid=ledger] tbody tr td') as HTMLElement;
      const before = cell.getBoundingClientRect().left;
      scroller.scrollLeft = 300;
      return { scrolled: scroller.scrollLeft, before, after: cell.getBoundingClientRect().left };
    });
    expect(stuck.scrolled).toBeGreaterThan(0);
    expect(stuck.after).toBe(stuck.before);
    expect(errors).toEqual([]);
  });
});

describe('the public map on a phone', () => {
  it('frames the compounds in the space above the sheet, and a tap on a compound shows its card', async () => {
    await page.goto(srv.url + '/public');
    await waitForMapIdle(page);
    const fit = await page.evaluate(() => {
      const m = (window as unknown as Win).__map;
      const feats = m.querySourceFeatures('src-compounds');
      let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const f of feats) {
        const g = f.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon;
        for (const p of (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat()).flat()) {
          w = Math.min(w, p[0]); e = Math.max(e, p[0]); s = Math.min(s, p[1]); n = Math.max(n, p[1]);
        }
      }
      const a = m.project([w, n]);
      const b2 = m.project([e, s]);
      const map = m.getContainer().getBoundingClientRect();
      const sheet = document.querySelector('[data-testid=public-side]')!.getBoundingClientRect();
      return { left: a.x, right: b2.x, top: a.y + map.top, bottom: b2.y + map.top, mapTop: map.top, sheetTop: sheet.top, width: innerWidth };
    });
    // Inside the free space (below the top bar, above the sheet) and filling most of its width or height.
    expect(fit.left).toBeGreaterThanOrEqual(0);
    expect(fit.right).toBeLessThanOrEqual(fit.width);
    expect(fit.top).toBeGreaterThanOrEqual(fit.mapTop);
    expect(fit.bottom).toBeLessThanOrEqual(fit.sheetTop);
    const wShare = (fit.right - fit.left) / fit.width;
    const hShare = (fit.bottom - fit.top) / (fit.sheetTop - fit.mapTop);
    expect(Math.max(wShare, hShare), JSON.stringify(fit)).toBeGreaterThan(0.75);

    // A tap on a compound shows its card (name, stage, township, households) with a way to its page.
    const spot = await page.evaluate(() => {
      const m = (window as unknown as Win).__map;
      const r = m.getContainer().getBoundingClientRect();
      const sheetTop = document.querySelector('[data-testid=public-side]')!.getBoundingClientRect().top;
      for (const f of m.queryRenderedFeatures({ layers: ['compounds-fill'] })) {
        const ring = (f.geometry as GeoJSON.Polygon).coordinates[0];
        if (!ring) continue;
        const c: [number, number] = [ring.slice(0, -1).reduce((s, p) => s + p[0], 0) / (ring.length - 1), ring.slice(0, -1).reduce((s, p) => s + p[1], 0) / (ring.length - 1)];
        const px = m.project(c);
        const hit = m.queryRenderedFeatures(px, { layers: ['compounds-fill'] })[0];
        if (hit && px.y + r.top < sheetTop - 10 && px.y > 60) return { x: px.x + r.left, y: px.y + r.top, name: String(hit.properties.name), code: String(hit.properties.code) };
      }
      return { x: 0, y: 0, name: '', code: '' };
    });
    expect(spot.code).not.toBe('');
    await page.touchscreen.tap(spot.x, spot.y);
    await page.waitForSelector('[data-testid=public-hover]');
    expect(await page.textContent('[data-testid=public-hover]')).toContain(spot.name);
    await page.tap('[data-testid=public-hover-open]');
    await page.waitForURL(new RegExp(`/public/c/${spot.code}$`));
    expect(await spillsOffScreen(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
