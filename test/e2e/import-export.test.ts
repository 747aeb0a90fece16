// Guards import, export and print (#7) in the real app: a CGCS2000 GK zone-37 shapefile with GBK attributes and a
// GCJ-02 GeoJSON both land at their true place in Fenyang in the preview, the confirmed import creates the compounds,
// the export offers the current filter, and the print view lays out an A3 landscape map with title, legend, scale bar
// and north arrow and one sheet per compound of a township — with no console errors.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FENYANG_BBOX } from '../../src/lib/geo/crs';
import { waitForMapIdle, type Session, signIn } from '../helpers/browser';
import { useApp } from '../helpers/app';
import type { TestServer } from '../helpers/server';

const FIX = path.resolve(import.meta.dirname, '../fixtures/import/valid');
let srv: TestServer;
let b: Session;
useApp((app) => ({ srv, b } = app));


type PreviewFeature = { layer: number; index: number; status: string; ring: [number, number][] };
async function previewFeatures(page: Page): Promise<PreviewFeature[]> {
  return page.evaluate(async () => {
    const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
    const src = map.getSource('src-import-preview') as import('maplibre-gl').GeoJSONSource | undefined;
    if (!src) return [];
    const data = (await src.getData()) as GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon>;
    return data.features.map((f) => ({
      layer: f.properties!.layer, index: f.properties!.index, status: f.properties!.status,
      ring: (f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : f.geometry.coordinates[0][0]) as [number, number][],
    }));
  });
}

describe('import, export and print', () => {
  it('imports a GK zone-37 GBK shapefile and a GCJ-02 GeoJSON into the right place', async () => {
    const page = b.page;
    await page.goto(`${srv.url}/import`);
    await signIn(page, 'office@demo.fenyang');
    await page.waitForSelector('[data-testid=import-files]', { state: 'attached' });
    await page.setInputFiles('[data-testid=import-files]', [path.join(FIX, 'compounds-gk37-gbk.zip'), path.join(FIX, 'compounds-gcj02.geojson')]);
    await expect.poll(() => page.locator('[data-testid=import-layer]').count(), { timeout: 20_000 }).toBe(2);
    const [shp, gcj] = [page.locator('[data-testid=import-layer]').nth(0), page.locator('[data-testid=import-layer]').nth(1)];

    // The shapefile's .prj names its grid; its GBK names are read correctly.
    expect(await shp.locator('[data-testid=crs-prj]').textContent()).toMatch(/37/);
    expect(await shp.locator('[data-testid=crs-select]').inputValue()).toBe('EPSG:4525');
    expect(await shp.locator('[data-testid=validation-report]').textContent()).toContain('测试小区甲');
    // The GeoJSON states no CRS and its compounds are not on record: nothing decides between WGS84, GCJ-02 and BD-09,
    // so the dry run waits for an explicit choice; the user confirms GCJ-02.
    expect(await gcj.locator('[data-testid=datum-evidence]').textContent()).toContain('无法判定坐标系');
    expect(await page.locator('[data-testid=dry-run]').isDisabled()).toBe(true);
    expect(await page.textContent('[data-testid=datum-required]')).toContain('请先明确选择坐标系');
    await gcj.locator('[data-testid=datum-GCJ-02]').check();

    await waitForMapIdle(page);
    const features = await previewFeatures(page);
    expect(features).toHaveLength(6);
    const [w, s, e, n] = FENYANG_BBOX;
    for (const f of features) {
      expect(f.status).not.toBe('error');
      for (const [lon, lat] of f.ring) {
        expect(lon).toBeGreaterThan(w);
        expect(lon).toBeLessThan(e);
        expect(lat).toBeGreaterThan(s);
        expect(lat).toBeLessThan(n);
      }
    }
    // Both files describe the same three compounds: after conversion they coincide within a metre
    // (a wrong CRS would put them hundreds of metres apart).
    for (let i = 0; i < 3; i++) {
      const a = features.find((f) => f.layer === 0 && f.index === i)!.ring;
      const g = features.find((f) => f.layer === 1 && f.index === i)!.ring;
      const dist = (p: [number, number]) => Math.min(...g.map((q) => Math.hypot((p[0] - q[0]) * 88_600, (p[1] - q[1]) * 111_000)));
      expect(Math.max(...a.map(dist))).toBeLessThan(1);
    }
    const rendered = await page.evaluate(() => {
      const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
      return map.queryRenderedFeatures({ layers: ['import-preview-fill'] }).length;
    });
    expect(rendered).toBeGreaterThan(0);

    // Dry run: three new, the second file's three refused as repeats of the first.
    await page.click('[data-testid=dry-run]');
    await page.waitForSelector('[data-testid=dry-run-summary]');
    expect(await page.textContent('[data-testid=sum-create]')).toContain('3');
    expect(await page.textContent('[data-testid=sum-refused]')).toContain('3');
    expect(await page.textContent('[data-testid=refused-table]')).toContain('重复');
    expect((await srv.anon().collection('compounds').getList(1, 1, { filter: 'code ~ "FY-T"' })).totalItems).toBe(0);

    await page.click('[data-testid=commit]');
    await page.waitForSelector('[data-testid=import-result]');
    const created = await srv.anon().collection('compounds').getFullList({ filter: 'code ~ "FY-T"', sort: 'code' });
    expect(created.map((c) => c.code)).toEqual(['FY-T01', 'FY-T02', 'FY-T03']);
    expect(created.map((c) => c.name)).toEqual(['测试小区甲', '测试小区乙', '测试小区丙']);
    for (const c of created) {
      expect(c.stage).toBe('demand');
      expect(c.is_demo).toBe(false);
      expect(c.source_crs).toBe('EPSG:4525(.prj 文件)');
      const [lon, lat] = c.geometry.coordinates[0][0];
      expect(lon).toBeGreaterThan(111.77);
      expect(lon).toBeLessThan(111.8);
      expect(lat).toBeGreaterThan(37.25);
      expect(lat).toBeLessThan(37.28);
    }
    expect(b.errors).toEqual([]);
  });

  it('offers the current filter for export', async () => {
    const page = b.page;
    await page.evaluate(() => {
      history.pushState(null, '', '/data');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    await page.waitForSelector('[data-testid=export-view]');
    await expect.poll(() => page.textContent('[data-testid=export-count-compounds]')).toBe('52');
    expect(await page.isEnabled('[data-testid=export-compounds-shapefile]')).toBe(true);
    const download = page.waitForEvent('download');
    await page.click('[data-testid=export-compounds-geojson]');
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^fenyang-compounds-.*\.geojson$/);
    expect(b.errors).toEqual([]);
  });

  it('lays out an A3 landscape map and one sheet per compound of a township', async () => {
    const page = b.page;
    await page.goto(`${srv.url}/print`);
    await page.waitForSelector('[data-testid=print-page]');
    await page.selectOption('[data-testid=paper]', 'A3');
    await page.selectOption('[data-testid=orientation]', 'landscape');
    const pageEl = page.locator('[data-testid=print-page]');
    expect(await pageEl.getAttribute('data-paper')).toBe('A3');
    expect(await pageEl.getAttribute('data-orientation')).toBe('landscape');
    const box = (await pageEl.boundingBox())!;
    // 420 × 297 mm less 10 mm margins, at 96 CSS px per inch.
    expect(box.width).toBeCloseTo((400 / 25.4) * 96, 0);
    expect(box.height).toBeCloseTo((277 / 25.4) * 96, 0);
    expect(await page.evaluate(() => [...document.querySelectorAll('style')].some((s) => s.textContent?.includes('size: A3 landscape')))).toBe(true);
    expect(await page.textContent('[data-testid=print-title]')).toContain('汾阳市');
    await expect.poll(() => page.locator('[data-testid=print-legend] [data-testid^=print-legend-]').count()).toBe(6);
    await expect.poll(() => page.textContent('[data-testid=print-legend]')).toContain('52');
    expect(await page.isVisible('[data-testid=north-arrow]')).toBe(true);
    expect(await page.isVisible('[data-testid=scale-bar]')).toBe(true);
    expect(await page.textContent('[data-testid=scale-bar]')).toMatch(/\d+ (m|km)[\s\S]*1 : [\d,]+/);
    expect(await page.textContent('[data-testid=print-source]')).toContain('示例数据');

    // The PNG is the whole sheet at print resolution: the paper's millimetres × dpi / 25.4 (A3 landscape at 150 dpi).
    await page.selectOption('[data-testid=dpi]', '150');
    // Drawing the A3 sheet offscreen (software GL, labels placed) takes tens of seconds on a busy 2-core machine.
    const download = page.waitForEvent('download', { timeout: 150_000 });
    await page.click('[data-testid=save-png]');
    const png = fs.readFileSync((await (await download).path())!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(Math.round((420 / 25.4) * 150));
    expect(png.readUInt32BE(20)).toBe(Math.round((297 / 25.4) * 150));

    await page.click('[data-testid=tab-sheets]');
    const wenfeng = await srv.anon().collection('townships').getFirstListItem('code = "141182001"');
    const expected = (await srv.anon().collection('compounds').getFullList({ filter: `township = "${wenfeng.id}"` })).length;
    expect(expected).toBeGreaterThan(3);
    await page.selectOption('[data-testid=sheet-scope]', `township:${wenfeng.id}`);
    await page.click('[data-testid=generate-sheets]');
    await expect.poll(() => page.locator('[data-testid=compound-sheet]').count(), { timeout: 90_000, interval: 500 }).toBe(expected);
    const loaded = await page.evaluate(() => [...document.querySelectorAll<HTMLImageElement>('[data-testid=compound-sheet] img')].every((i) => i.complete && i.naturalWidth > 0));
    expect(loaded).toBe(true);
    expect(b.errors).toEqual([]);
  });
});
