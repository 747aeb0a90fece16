// Guards the readable map (labels, boundaries, search): the planner and the public map name the compounds at street
// zoom and the townships at city zoom with text MapLibre drew in the browser — while the map loads, no request leaves
// the app's own origin (no glyph server, no fonts, no tiles); the print sheet's PNG carries the labels; the public
// search finds a compound by part of its name, its code or pinyin initials and opens its page; the office imports
// township boundaries (GeoJSON with division codes) onto the boundary layer, and a file with an unknown code is refused
// naming its row, with nothing written. Before, the live style had no symbol layer at all and no boundary layer.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decode as decodePng } from 'fast-png';
import { afterAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { sheetLayout } from '../../src/lib/export/sheet';
import { signIn, waitForMapIdle, type Session } from '../helpers/browser';
import { useApp } from '../helpers/app';
import type { TestServer } from '../helpers/server';

let srv: TestServer;
let b: Session;
useApp((app) => ({ srv, b } = app));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fy-e2e-readable-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

type Win = { __map: import('maplibre-gl').Map };

/** Jumps the map to `zoom` over `center` and waits until it is drawn. */
async function viewAt(page: Page, center: [number, number], zoom: number) {
  await page.evaluate(([c, z]) => {
    const map = (window as unknown as Win).__map;
    return new Promise<void>((resolve) => {
      map.once('idle', () => resolve());
      map.jumpTo({ center: c as [number, number], zoom: z as number });
    });
  }, [center, zoom] as const);
}

/** Text of the labels MapLibre placed on screen in `layer` (queryRenderedFeatures returns only placed symbols). */
async function labelsOn(page: Page, layer: string): Promise<string[]> {
  return page.evaluate((id) => {
    const map = (window as unknown as Win).__map;
    if (!map.getLayer(id)) return [];
    return [...new Set(map.queryRenderedFeatures({ layers: [id] }).map((f) => String(f.properties.name ?? f.properties.code)))];
  }, layer);
}

/** Every request URL the page makes from now on. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

describe('labels, offline', () => {
  it('the planner names compounds at street zoom and townships at city zoom, with nothing fetched from elsewhere', async () => {
    const { page, errors } = await b.newPage();
    const urls = recordRequests(page);
    await page.goto(srv.url + '/');
    await waitForMapIdle(page);
    const style = await page.evaluate(() => (window as unknown as Win).__map.getStyle());
    // All text is drawn locally: the style names no glyph server (MapLibre then draws every glyph with TinySDF).
    expect(style.glyphs).toBeUndefined();
    const symbolLayers = style.layers.filter((l) => l.type === 'symbol').map((l) => l.id);
    expect(symbolLayers).toEqual(expect.arrayContaining(['compounds-label', 'boundaries-township-label', 'boundaries-community-label', 'roads-label']));

    const fy001 = await srv.anon().collection('compounds').getFirstListItem('code = "FY-001"');
    const ring = (fy001.geometry as GeoJSON.Polygon).coordinates[0];
    const centre: [number, number] = [ring.reduce((s, p) => s + p[0], 0) / ring.length, ring.reduce((s, p) => s + p[1], 0) / ring.length];
    await viewAt(page, centre, 16.5);
    const names = await labelsOn(page, 'compounds-label');
    expect(names).toContain(fy001.name);
    expect(names.length).toBeGreaterThanOrEqual(3);
    expect(await labelsOn(page, 'roads-label')).not.toEqual([]);

    await viewAt(page, [111.785, 37.265], 13);
    const townships = await labelsOn(page, 'boundaries-township-label');
    expect(townships.sort()).toEqual(['太和桥街道', '文峰街道', '西河街道']);
    // Compound names wait for street zoom: none at city zoom.
    expect(await labelsOn(page, 'compounds-label')).toEqual([]);

    const foreign = urls.filter((u) => !u.startsWith(srv.url) && !u.startsWith('blob:') && !u.startsWith('data:'));
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the public map names compounds too, and a compound without a name shows its code', async () => {
    const fy002 = await srv.admin.collection('compounds').getFirstListItem('code = "FY-002"');
    await srv.admin.collection('compounds').update(fy002.id, { name: '' }).catch(() => null);
    const after = await srv.admin.collection('compounds').getOne(fy002.id);
    const { page, errors } = await b.newPage();
    const urls = recordRequests(page);
    await page.goto(srv.url + '/public');
    await waitForMapIdle(page);
    const ring = (fy002.geometry as GeoJSON.Polygon).coordinates[0];
    const centre: [number, number] = [ring.reduce((s, p) => s + p[0], 0) / ring.length, ring.reduce((s, p) => s + p[1], 0) / ring.length];
    await viewAt(page, centre, 17.5);
    const placed = await page.evaluate(() => {
      const map = (window as unknown as Win).__map;
      return map.queryRenderedFeatures({ layers: ['compounds-label'] }).map((f) => ({ code: f.properties.code, name: f.properties.name }));
    });
    expect(placed.length).toBeGreaterThan(0);
    if (after.name === '') expect(placed.map((p) => p.code)).toContain('FY-002');
    const foreign = urls.filter((u) => !u.startsWith(srv.url) && !u.startsWith('blob:') && !u.startsWith('data:'));
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await srv.admin.collection('compounds').update(fy002.id, { name: fy002.name });
    await page.close();
  });
});

describe('find my compound', () => {
  it('the public search finds a compound by part of its name, by its code and by pinyin initials, and opens its page', async () => {
    const { page, errors } = await b.newPage();
    await page.goto(srv.url + '/public');
    await page.waitForSelector('[data-testid=public-finder-item]');
    // Without a search: every compound, listed by township with its stage.
    expect(await page.locator('[data-testid=public-finder-township]').count()).toBe(3);
    const fy001 = await srv.anon().collection('public_compounds').getFirstListItem('code = "FY-001"');
    const part = fy001.name.slice(1, 3);
    await page.fill('[data-testid=public-search]', part);
    await expect.poll(() => page.locator(`[data-testid=public-finder-item][data-code="FY-001"]`).count()).toBe(1);
    const shown = await page.locator('[data-testid=public-finder-item]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    for (const code of shown) {
      const c = await srv.anon().collection('public_compounds').getFirstListItem(`code = "${code}"`);
      expect(`${c.name} ${c.address} ${c.community_name} ${c.township_name}`).toContain(part);
    }
    // Each row says the compound's stage.
    const STAGE_ZH: Record<string, string> = { demand: '征集需求', scheme: '初步方案', planned: '纳入年度计划', construction: '施工中', accepted: '已竣工验收', maintained: '长效管理' };
    expect(await page.textContent('[data-testid=public-finder-item][data-code="FY-001"]')).toContain(STAGE_ZH[fy001.stage]);
    await page.click('[data-testid=public-finder-item][data-code="FY-001"]');
    await page.waitForURL(/\/public\/c\/FY-001$/);
    await expect.poll(() => page.textContent('[data-testid=public-compound-name]')).toBe(fy001.name);

    await page.goto(srv.url + '/public');
    await page.fill('[data-testid=public-search]', 'fy-023');
    await expect.poll(() => page.locator('[data-testid=public-finder-item]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual(['FY-023']);
    await page.click('[data-testid=public-finder-item]');
    await page.waitForURL(/\/public\/c\/FY-023$/);

    await page.goto(srv.url + '/public');
    await page.fill('[data-testid=public-search]', 'dgxc');
    await expect.poll(() => page.locator('[data-testid=public-finder-item][data-code="FY-001"]').count()).toBe(fy001.name === '东关新村' ? 1 : 0);
    await page.fill('[data-testid=public-search]', 'no such compound');
    await page.waitForSelector('[data-testid=public-finder-none]');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('labels in print', () => {
  it("the print sheet's PNG carries the compound names the print map shows", async () => {
    const page = b.page;
    await page.goto(`${srv.url}/print`);
    await signIn(page, 'office@demo.fenyang');
    await page.waitForSelector('[data-testid=print-page]');
    await page.selectOption('[data-testid=paper]', 'A4');
    await page.selectOption('[data-testid=orientation]', 'landscape');
    await page.selectOption('[data-testid=dpi]', '150');
    await page.selectOption('[data-testid=scale]', '5000');
    await page.waitForSelector('[data-testid=save-png]:not([disabled])');
    // A compound name the layout map placed near the middle, on a light stage colour (so dark pixels there are text).
    const label = await page.waitForFunction(() => {
      const m = (window as unknown as { __printMap: import('maplibre-gl').Map }).__printMap;
      if (!m.loaded() || !m.getLayer('compounds-label')) return null;
      const { width, height } = m.getContainer().getBoundingClientRect();
      const placed = m.queryRenderedFeatures({ layers: ['compounds-label'] })
        .filter((f) => ['demand', 'construction', 'accepted'].includes(String(f.properties.stage)))
        .map((f) => ({ name: String(f.properties.name), at: m.project((f.geometry as GeoJSON.Point).coordinates as [number, number]) }))
        .filter((f) => f.at.x > width * 0.2 && f.at.x < width * 0.8 && f.at.y > height * 0.2 && f.at.y < height * 0.8);
      return placed.length ? { name: placed[0].name, x: placed[0].at.x, y: placed[0].at.y } : null;
    }, null, { timeout: 60_000, polling: 250 }).then((h) => h.jsonValue());
    expect(label).not.toBeNull();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=save-png]')]);
    const file = path.join(tmp, 'sheet.png');
    await (download as Download).saveAs(file);
    const img = decodePng(fs.readFileSync(file));
    const frame = sheetLayout('A4', 'landscape').map;
    const dpi = 150;
    const cx = Math.round((frame.x / 25.4) * dpi + (label!.x * dpi) / 96);
    const cy = Math.round((frame.y / 25.4) * dpi + (label!.y * dpi) / 96);
    // Text is #111827 (luminance ≈ 24); no fill, hatching or outline of a light-coloured compound comes near 50.
    const dark = (x0: number, x1: number, y0: number, y1: number) => {
      let n = 0;
      for (let y = y0; y <= y1; y++) {
        for (let x = x0; x <= x1; x++) {
          const k = (y * img.width + x) * img.channels;
          if (0.2126 * img.data[k] + 0.7152 * img.data[k + 1] + 0.0722 * img.data[k + 2] < 50) n++;
        }
      }
      return n;
    };
    const half = Math.round((label!.name.length * 7 * dpi) / 96);
    expect(dark(cx - half, cx + half, cy - 12, cy + 12), `${label!.name} at ${cx},${cy}`).toBeGreaterThan(20);
  });
});

describe('boundaries import', () => {
  const demo = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../data/demo/boundaries.geojson'), 'utf8'));
  const townships = demo.features.filter((f: GeoJSON.Feature) => f.properties!.level === 'township')
    .map((f: GeoJSON.Feature) => ({ type: 'Feature', properties: { XZQDM: f.properties!.code, XZQMC: f.properties!.name }, geometry: f.geometry }));

  async function upload(page: Page, name: string, features: unknown[]) {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features }));
    await page.goto(`${srv.url}/import`);
    await page.setInputFiles('[data-testid=import-files]', file);
    await page.waitForSelector('[data-testid=boundary-import]');
    await expect.poll(() => page.locator('[data-testid=layer-target]').inputValue()).toBe('boundary');
    await page.waitForSelector('[data-testid=boundary-check]:not([disabled])');
    await page.click('[data-testid=boundary-check]');
    await page.waitForSelector('[data-testid=boundary-summary]');
  }

  it('refuses a file with a code that matches no division, naming its row, and writes nothing', async () => {
    const page = b.page;
    await page.goto(`${srv.url}/import`);
    await signIn(page, 'office@demo.fenyang');
    const before = await srv.anon().collection('division_boundaries').getFullList({ fields: 'id,code,updated' });
    const bad = [townships[0], { ...townships[1], properties: { XZQDM: '141182999', XZQMC: '无此镇' } }];
    await upload(page, '乡镇边界-有误.geojson', bad);
    const rows = await page.locator('[data-testid=boundary-refused-row]').allTextContents();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('1 · 2');
    expect(rows[0]).toContain('区划代码“141182999”不是汾阳市的镇/街道或社区代码');
    expect(await page.isDisabled('[data-testid=boundary-commit]')).toBe(true);
    expect(await page.textContent('[data-testid=boundary-import]')).toContain('未写入任何数据');
    expect(await srv.anon().collection('division_boundaries').getFullList({ fields: 'id,code,updated' })).toEqual(before);
  });

  it('imports township polygons matched by code onto the boundary layer, replacing the demo ones', async () => {
    const page = b.page;
    await upload(page, '乡镇边界.geojson', townships);
    expect(await page.textContent('[data-testid=boundary-summary]')).toContain('镇/街道 3 个');
    await page.click('[data-testid=boundary-commit]');
    await page.waitForSelector('[data-testid=boundary-result]');
    const saved = await srv.anon().collection('division_boundaries').getFullList({ filter: 'level = "township"', sort: 'code' });
    expect(saved.map((r) => [r.code, r.is_demo, r.source])).toEqual(townships.map((f: GeoJSON.Feature) => [f.properties!.XZQDM, false, '导入 / imported: 乡镇边界.geojson']));
    // On the map: the boundary layer holds them, not demo, named.
    await page.goto(`${srv.url}/`);
    await waitForMapIdle(page);
    await viewAt(page, [111.785, 37.265], 13);
    const onMap = await page.evaluate(() => {
      const m = (window as unknown as Win).__map;
      const seen = new Map<string, boolean>();
      for (const f of m.querySourceFeatures('src-boundaries')) if (f.properties.level === 'township') seen.set(String(f.properties.code), !!f.properties.is_demo);
      return [...seen.entries()].sort();
    });
    expect(onMap).toEqual([['141182001', false], ['141182002', false], ['141182003', false]]);
    expect((await labelsOn(page, 'boundaries-township-label')).sort()).toEqual(['太和桥街道', '文峰街道', '西河街道']);
    expect(b.errors).toEqual([]);
  });
});
