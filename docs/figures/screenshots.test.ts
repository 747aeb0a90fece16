// The README's screenshots: the planner (desktop), the public map (desktop and a 390 px phone) and the print sheet's
// PNG, from the built app over the seeded demo (示例数据). Run by `docs/figures/vitest.config.ts`, never by `npm test`.
// Chinese labels need a Chinese font on the machine that takes them (fonts-noto-cjk here); the app itself ships none.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { it } from 'vitest';
import { signIn, waitForMapIdle, type Session } from '../../test/helpers/browser';
import { useApp } from '../../test/helpers/app';
import type { TestServer } from '../../test/helpers/server';

let srv: TestServer;
let b: Session;
useApp((app) => ({ srv, b } = app));
const DOCS = path.resolve(import.meta.dirname, '..');
type Win = { __map: import('maplibre-gl').Map };

/** Moves the map and waits until it has drawn the new view. */
const jumpTo = (page: Page, center: [number, number], zoom: number) =>
  page.evaluate(([c, z]) => new Promise<void>((r) => {
    const m = (window as unknown as Win).__map;
    m.once('idle', () => r());
    m.jumpTo({ center: c as [number, number], zoom: z as number });
  }), [center, zoom] as const);

it('takes the README screenshots', async () => {
  const browser = b.browser.browser();
  if (!browser) throw new Error('no browser');
  const open = async (options: Parameters<typeof browser.newContext>[0]) => {
    const ctx = await browser.newContext({ locale: 'zh-CN', ...options });
    return { ctx, page: await ctx.newPage() };
  };

  // Planner, desktop: the old town where compounds, streets and communities are named.
  {
    const { ctx, page } = await open({ viewport: { width: 1400, height: 860 } });
    await page.goto(srv.url + '/');
    await waitForMapIdle(page);
    await signIn(page, 'planner@demo.fenyang');
    await waitForMapIdle(page);
    await jumpTo(page, [111.7845, 37.2655], 15.3);
    await page.screenshot({ path: path.join(DOCS, 'planner.png') });
    await ctx.close();
  }
  // Public map, desktop, with a search typed.
  {
    const { ctx, page } = await open({ viewport: { width: 1400, height: 860 } });
    await page.goto(srv.url + '/public');
    await waitForMapIdle(page);
    await page.fill('[data-testid=public-search]', '西');
    await waitForMapIdle(page);
    await page.screenshot({ path: path.join(DOCS, 'public.png') });
    await ctx.close();
  }
  // Public map on a phone.
  {
    const { ctx, page } = await open({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    await page.goto(srv.url + '/public');
    await waitForMapIdle(page);
    await page.screenshot({ path: path.join(DOCS, 'public-phone.png') });
    await ctx.close();
  }
  // The print sheet's PNG (A4 landscape, 150 dpi, 1:10,000).
  {
    const { ctx, page } = await open({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    await page.goto(srv.url + '/print');
    await signIn(page, 'office@demo.fenyang');
    await page.waitForSelector('[data-testid=print-page]');
    await page.selectOption('[data-testid=dpi]', '150');
    await page.selectOption('[data-testid=scale]', '10000');
    await page.waitForSelector('[data-testid=save-png]:not([disabled])');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=save-png]')]);
    await download.saveAs(path.join(DOCS, 'print-sheet.png'));
    await ctx.close();
  }
  for (const f of ['planner.png', 'public.png', 'public-phone.png', 'print-sheet.png']) {
    if (!fs.statSync(path.join(DOCS, f)).size) throw new Error(`${f} is empty`);
  }
});
