// Guards the static publication (npm run publish, scripts/lib/publish.mjs): the published folder, served by a plain
// static file server with no PocketBase running, shows the public map with every compound, opens a compound's page
// from the map and directly (as from its QR code, which points at the publication), and says when it was published;
// a change to a compound appears after the next publish, and only the files whose content changed are rewritten. The
// compounds are published as static vector tiles too, and the public map draws them (threshold 0 in that browser).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pendingChanges, publish } from '../../scripts/lib/publish.mjs';
import { geometryBounds, tileRange } from '../../scripts/lib/static-tiles.mjs';
import { TILED_ABOVE_KEY } from '../../src/lib/map/tiled';
import { compoundPoint, distDir, openBrowser, renderedCompounds, waitForMapIdle, type Session } from '../helpers/browser';
import { runTempDir } from '../helpers/processes';
import { ADMIN, startServer, type TestServer } from '../helpers/server';
import { serveStatic } from '../helpers/static-server';

let srv: TestServer | null = null;
let site: Awaited<ReturnType<typeof serveStatic>> | null = null;
let b: Session;
const out = path.join(runTempDir('fy-publish-'), 'site');

beforeAll(async () => {
  srv = await startServer({ seed: true });
  b = await openBrowser();
});
afterAll(async () => {
  try {
    await b?.close();
    await site?.stop();
  } finally {
    await srv?.stop();
  }
});

describe('static publication', () => {
  let first: Awaited<ReturnType<typeof publish>>;
  let fy001 = { id: '', name: '', tiles: [] as string[] };

  it('writes the app, the public data and a page per compound', async () => {
    first = await publish({ url: srv!.url, distDir: distDir(), outDir: out });
    expect(first.compounds).toBe(49);
    for (const rel of ['index.html', 'public/index.html', 'public/c/FY-001/index.html', 'data/compounds.json', 'data/c/FY-001.json', 'data/published.json']) {
      expect(fs.existsSync(path.join(out, rel)), rel).toBe(true);
    }
    // only what the public may read
    const page = JSON.parse(fs.readFileSync(path.join(out, 'data/c/FY-001.json'), 'utf8'));
    expect(Object.keys(page.compound)).not.toContain('property_owner');
    expect(page.events.length).toBeGreaterThan(0);
    // the compounds as static vector tiles, zoom 12 to 16, and the index of the zoom-16 tiles
    const index = JSON.parse(fs.readFileSync(path.join(out, 'data/tiles/compounds/index.json'), 'utf8'));
    expect(index).toMatchObject({ layer: 'compounds', minzoom: 12, maxzoom: 16 });
    expect(index.tiles.length).toBeGreaterThan(0);
    for (let i = 0; i < index.tiles.length; i += 2) {
      expect(fs.existsSync(path.join(out, `data/tiles/compounds/16/${index.tiles[i]}/${index.tiles[i + 1]}.pbf`))).toBe(true);
    }
    const bounds = geometryBounds(page.compound.geometry)!;
    const tiles: string[] = [];
    for (let z = 12; z <= 16; z++) {
      const [x0, y0, x1, y1] = tileRange(bounds, z);
      for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) tiles.push(`data/tiles/compounds/${z}/${x}/${y}.pbf`);
    }
    for (const t of tiles) expect(fs.existsSync(path.join(out, t)), t).toBe(true);
    fy001 = { id: page.compound.id, name: page.compound.name, tiles };
    // a second run with nothing changed writes nothing
    const again = await publish({ url: srv!.url, distDir: distDir(), outDir: out });
    expect(again.written).toEqual([]);
    expect(again.publishedAt).toBe(first.publishedAt);
  });

  it('serves the public map and compound pages from a plain static server, PocketBase stopped', async () => {
    await srv!.stop();
    srv = null;
    site = await serveStatic(out);
    await b.page.goto(site.url + '/public');
    await waitForMapIdle(b.page);
    expect(await renderedCompounds(b.page)).toHaveLength(49);
    await b.page.waitForSelector('[data-testid=published-at]');
    // open a compound from the map, as a resident would
    const target = await compoundPoint(b.page);
    expect(target.code).toBeTruthy();
    const box = (await b.page.locator('[data-testid=map] canvas').boundingBox())!;
    await b.page.mouse.click(box.x + target.x, box.y + target.y);
    await b.page.waitForURL((u) => u.pathname === `/public/c/${target.code}`);
    await b.page.waitForSelector('[data-testid=public-compound-name]');
    // a compound page opened directly, as from its QR code: timeline, and the QR code points at the publication
    const url = `${site.url}/public/c/FY-001`;
    await b.page.goto(url);
    await expect.poll(() => b.page.textContent('[data-testid=public-compound-name]')).toBe(fy001.name);
    expect(await b.page.locator('[data-testid=public-timeline] li').count()).toBeGreaterThan(0);
    await b.page.waitForSelector('[data-testid=qr-code]');
    expect(await b.page.getAttribute('[data-testid=qr-code]', 'data-url')).toBe(url);
    expect(site.requests.some((r) => r.startsWith('/api/'))).toBe(false);
    expect(b.errors).toEqual([]);
  });

  it('draws the compounds from the published vector tiles above the tiling threshold', async () => {
    const { page, errors } = await b.newPage();
    await page.addInitScript((key) => localStorage.setItem(key, '0'), TILED_ABOVE_KEY);
    const from = site!.requests.length;
    await page.goto(site!.url + '/public');
    await waitForMapIdle(page);
    expect(await page.evaluate(() => {
      const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
      return (map.getSource('src-compounds') as { type: string }).type;
    })).toBe('vector');
    expect(await renderedCompounds(page)).toHaveLength(49);
    const asked = site!.requests.slice(from).filter((r) => r.startsWith('/data/tiles/compounds/'));
    expect(asked).toContain('/data/tiles/compounds/index.json');
    expect(asked.filter((r) => r.endsWith('.pbf')).length).toBeGreaterThan(0);
    // only tiles that exist are asked for (the index answers the empty ones): a static host logs no 404
    for (const r of asked) expect(fs.existsSync(path.join(out, r)), r).toBe(true);
    // a compound on the tiled map opens its page
    const target = await compoundPoint(page);
    expect(target.code).toBeTruthy();
    const box = (await page.locator('[data-testid=map] canvas').boundingBox())!;
    await page.mouse.click(box.x + target.x, box.y + target.y);
    await page.waitForURL((u) => u.pathname === `/public/c/${target.code}`);
    await page.waitForSelector('[data-testid=public-compound-name]');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a change after the next publish, rewriting only the changed files', async () => {
    // the instance again, on a fresh copy of the demo, with one compound renamed
    srv = await startServer({ seed: true });
    // the demo load queued every compound; as if they had been published already:
    await srv.admin.send('/api/fy/publish/done', { method: 'POST', body: { before: new Date().toISOString() } });
    expect(await pendingChanges(srv.url)).toBe(0);
    await srv.admin.collection('compounds').update(fy001.id, { name: '更名后的小区' });
    // the server queued the renamed compound for the next publish; the publish clears what it published
    expect(await pendingChanges(srv.url)).toBe(1);
    const next = await publish({ url: srv.url, distDir: distDir(), outDir: out, admin: ADMIN });
    expect(await pendingChanges(srv.url)).toBe(0);
    // the compound's data, and the vector tiles that hold it with their index
    const tiles = next.written.filter((f) => f.startsWith('data/tiles/compounds/') && f.endsWith('.pbf'));
    expect(next.written.filter((f) => !tiles.includes(f)).sort())
      .toEqual(['data/c/FY-001.json', 'data/compounds.json', 'data/published.json', 'data/tiles/compounds/index.json']);
    for (const t of tiles) expect(fy001.tiles).toContain(t);
    expect(tiles.sort()).toEqual([...fy001.tiles].sort());
    expect(next.removed).toEqual([]);
    expect(next.unchanged).toBeGreaterThan(100);
    await srv.stop();
    srv = null;
    await b.page.goto(`${site!.url}/public/c/FY-001`);
    await expect.poll(() => b.page.textContent('[data-testid=public-compound-name]')).toBe('更名后的小区');
    expect(b.errors).toEqual([]);
  });
});
