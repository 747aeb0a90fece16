// Guards that every file the app hands out says what the screen says: pages that loaded anonymously and were then signed
// in on export staff fields equal to the API's (read back by GDAL and exceljs, never written as blank or false), the
// ledger's consent and dates the same, Gauss-Krüger and DXF round trips within 1 cm, the print sheet as a PNG of the
// whole paper with its dpi and as a PDF of the paper's size, and bad input (empty scope, GeoJSON in a grid, a sheet too
// large for the canvas) answered with a Chinese message and no file.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { decode as decodePng } from 'fast-png';
import type PocketBase from 'pocketbase';
import type { Download, Page } from 'playwright-core';
import type { Geometry, Position } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaleDenominator, sheetPixels } from '../../src/lib/export/sheet';
import { distDir, openBrowser, signIn, type Session } from '../helpers/browser';
import { gdal, readVector, requireGdal, tempDir } from '../helpers/gdal';
import { readPdf } from '../helpers/pdf';
import { startServer, type TestServer } from '../helpers/server';
import { readXlsx, records } from '../helpers/xlsx';

let srv: TestServer;
let b: Session;
let tmp: ReturnType<typeof tempDir>;

beforeAll(async () => {
  requireGdal();
  tmp = tempDir('fy-e2e-export-');
  srv = await startServer({ seed: true, publicDir: distDir() });
  b = await openBrowser();
});
afterAll(async () => {
  await b?.close();
  await srv?.stop();
  tmp?.remove();
});

interface StaffValues {
  property_owner: string | null;
  management: string | null;
  maintenance_fund: boolean;
  consent_pct: number;
  consent_date: string | null;
  implementing_unit: string | null;
}

/**
 * The staff-only values of every compound as the API gives them to staff, by code. This is the one place that knows
 * where those fields live: when they move to a staff-only 1:1 collection, only this function changes.
 */
async function apiStaffValues(pb: PocketBase): Promise<Map<string, StaffValues>> {
  const list = await pb.collection('compounds').getFullList({ sort: 'code' });
  return new Map(list.map((c) => [c.code as string, {
    property_owner: c.property_owner || null, management: c.management || null, maintenance_fund: c.maintenance_fund === true,
    consent_pct: c.consent_pct, consent_date: c.consent_date ? String(c.consent_date).slice(0, 10) : null,
    implementing_unit: c.implementing_unit || null,
  }]));
}

async function save(page: Page, selector: string): Promise<{ file: string; name: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const name = download.suggestedFilename();
  const file = path.join(tmp.dir, name);
  await (download as Download).saveAs(file);
  return { file, name };
}

/** Clicks and expects no download, only the page's message. */
async function refused(page: Page, selector: string, message: string, messageSel: string) {
  let downloads = 0;
  const count = () => downloads++;
  page.on('download', count);
  await page.click(selector);
  await expect.poll(() => page.textContent(messageSel)).toContain(message);
  page.off('download', count);
  expect(downloads).toBe(0);
}

const positions = (g: Geometry | null): Position[] =>
  !g ? [] : g.type === 'Polygon' ? g.coordinates.flat() : g.type === 'MultiPolygon' ? g.coordinates.flat(2) : g.type === 'LineString' ? g.coordinates : [];
function maxGapM(a: Position[], b: Position[]): number {
  return Math.max(...a.map((p) => Math.min(...b.map((q) => Math.hypot((p[0] - q[0]) * 88_700, (p[1] - q[1]) * 111_000)))));
}

async function goInApp(page: Page, to: string) {
  await page.evaluate((url) => {
    history.pushState(null, '', url);
    dispatchEvent(new PopStateEvent('popstate'));
  }, to);
}

describe('data export after signing in on the page', () => {
  let staff: Map<string, StaffValues>;

  it('reloads on sign-in and writes every staff field as the API has it, in GeoJSON, Shapefile, CSV and XLSX', async () => {
    const page = b.page;
    staff = await apiStaffValues(srv.admin);
    const withFund = [...staff.values()].filter((v) => v.maintenance_fund).length;
    expect(withFund).toBeGreaterThan(0);
    expect(withFund).toBeLessThan(staff.size);

    await page.goto(`${srv.url}/data`);
    await page.waitForSelector('[data-testid=export-view]');
    await signIn(page, 'office@demo.fenyang');
    await expect.poll(() => page.textContent('[data-testid=export-data-state]')).toContain('含工作人员字段');
    await page.click('[data-testid=scope-all]');
    await expect.poll(() => page.textContent('[data-testid=export-count-compounds]')).toBe(String(staff.size));

    // GeoJSON, read by GDAL.
    const gj = await save(page, '[data-testid=export-compounds-geojson]');
    const fc = readVector(gj.file);
    expect(fc.features).toHaveLength(staff.size);
    for (const f of fc.features) {
      const p = f.properties!;
      const api = staff.get(p.code)!;
      expect({ property_owner: p.property_owner ?? null, management: p.management_code ?? null, maintenance_fund: p.maintenance_fund,
        consent_pct: p.consent_pct, consent_date: p.consent_date ?? null, implementing_unit: p.implementing_unit ?? null }).toEqual(api);
    }
    expect(fc.features.filter((f) => f.properties!.maintenance_fund === true)).toHaveLength(withFund);
    expect(JSON.parse(fs.readFileSync(gj.file, 'utf8')).metadata).toMatchObject({ audience: 'staff', is_demo: true });

    // Shapefile: short names from the field map, Chinese labels with codes, read by GDAL.
    const shp = await save(page, '[data-testid=export-compounds-shapefile]');
    const base = shp.name.replace(/\.zip$/, '');
    const shapes = readVector(`/vsizip/${shp.file}/${base}.shp`);
    for (const f of shapes.features) {
      const p = f.properties!;
      const api = staff.get(p.code)!;
      expect([p.owner ?? null, p.mgmt_code ?? null, p.maint_fund, p.consent, p.consent_dt ?? null])
        .toEqual([api.property_owner, api.management, api.maintenance_fund ? 'T' : 'F', api.consent_pct, api.consent_date]);
      expect(p.stage).toMatch(/^[\u4e00-\u9fa5]+$/);
    }
    const map = await (await JSZip.loadAsync(fs.readFileSync(shp.file))).files['说明.txt'].async('string');
    expect(map).toMatch(/maint_fund\s+已建维修基金（maintenance_fund）/);

    // CSV with Chinese headers, read by GDAL.
    const csv = await save(page, '[data-testid=export-compounds-csv]');
    const rows = readVector(csv.file, { oo: ['GEOM_POSSIBLE_NAMES=wkt', 'KEEP_GEOM_COLUMNS=NO'] }).features.map((f) => f.properties!);
    expect(rows).toHaveLength(staff.size);
    for (const r of rows) {
      const api = staff.get(r['小区编码'])!;
      expect(Number(r['居民同意率（%）'])).toBe(api.consent_pct);
      expect(r['已建维修基金']).toBe(api.maintenance_fund ? '是' : '否');
      expect(r['数据范围']).toBe('含工作人员字段');
    }
    for (const line of fs.readFileSync(csv.file, 'utf8').split('\r\n')) expect(line.length).toBeLessThan(32_767);

    // XLSX, read as Excel reads it.
    const xlsx = await save(page, '[data-testid=export-compounds-xlsx]');
    const { rows: cells } = records((await readXlsx(fs.readFileSync(xlsx.file)))[0], '小区编码');
    for (const r of cells) {
      const api = staff.get(r['小区编码'] as string)!;
      expect(r['居民同意率（%）'] ?? null).toBe(api.consent_pct);
      expect(r['同意率调查日期'] ?? null).toEqual(api.consent_date ? new Date(`${api.consent_date}T00:00:00Z`) : null);
    }
    expect(b.errors).toEqual([]);
  });

  it('writes Gauss-Krüger zone 37 (Shapefile) and DXF that come back within 1 cm', async () => {
    const page = b.page;
    const apiGeom = new Map((await srv.admin.collection('compounds').getFullList()).map((c) => [c.code as string, positions(c.geometry)]));
    await page.selectOption('[data-testid=export-crs]', 'EPSG:4525');
    const shp = await save(page, '[data-testid=export-compounds-shapefile]');
    expect(shp.name).toContain('EPSG4525');
    const base = shp.name.replace(/\.zip$/, '');
    expect(gdal('ogrinfo', ['-so', '-al', `/vsizip/${shp.file}/${base}.shp`])).toMatch(/ID\["EPSG",4525\]/);
    for (const f of readVector(`/vsizip/${shp.file}/${base}.shp`, { tSrs: 'EPSG:4326' }).features) {
      expect(maxGapM(apiGeom.get(f.properties!.code)!, positions(f.geometry))).toBeLessThan(0.01);
    }
    const dxfZip = await save(page, '[data-testid=export-compounds-dxf]');
    const zip = await JSZip.loadAsync(fs.readFileSync(dxfZip.file));
    const dxfName = Object.keys(zip.files).find((n) => n.endsWith('.dxf'))!;
    const dxf = path.join(tmp.dir, dxfName);
    fs.writeFileSync(dxf, await zip.files[dxfName].async('uint8array'));
    const all = readVector(dxf, { sSrs: 'EPSG:4525', tSrs: 'EPSG:4326' });
    const outline = all.features.filter((f) => f.properties!.Layer === 'FY_COMPOUNDS').flatMap((f) => positions(f.geometry));
    for (const pts of apiGeom.values()) expect(maxGapM(pts, outline)).toBeLessThan(0.01);
    const labels = all.features.filter((f) => f.properties!.Layer === 'FY_COMPOUNDS_LABELS').map((f) => f.properties!.Text);
    const names = await srv.admin.collection('compounds').getFullList({ sort: 'code' });
    expect(labels.sort()).toEqual(names.map((c) => `${c.code} ${c.name}`).sort());

    // GeoJSON is WGS84 only: asked for in a grid, the page says so and writes nothing.
    await refused(page, '[data-testid=export-compounds-geojson]', 'GeoJSON（RFC 7946）只用 WGS84', '[data-testid=export-error]');
    await page.selectOption('[data-testid=export-crs]', 'EPSG:4326');
    expect(b.errors).toEqual([]);
  });
});

describe('ledger after signing in on the page', () => {
  it('exports consent and dates as the API has them, and a compound renamed to a formula stays text', async () => {
    const page = b.page;
    const evil = '=HYPERLINK("http://example.invalid","点我")';
    const fy001 = await srv.admin.collection('compounds').getFirstListItem('code = "FY-001"');
    await srv.admin.collection('compounds').update(fy001.id, { name: evil });
    // Signed out, the ledger page loads its compounds anonymously and asks to sign in; then sign in on it.
    await page.getByRole('button', { name: /退出|Sign out/ }).click();
    await page.goto(`${srv.url}/ledger`);
    await page.waitForSelector('[data-testid=sign-in-required]');
    await signIn(page, 'office@demo.fenyang');
    await page.waitForSelector('[data-testid=ledger] tr[data-code="FY-049"]');
    await page.waitForSelector('[data-testid=export-xlsx]:not([disabled])');
    const staff = await apiStaffValues(srv.admin);
    const list = await srv.admin.collection('compounds').getFullList({ sort: 'code' });

    const xlsx = await save(page, '[data-testid=export-xlsx]');
    const [sheet] = await readXlsx(fs.readFileSync(xlsx.file));
    expect(sheet.rows.slice(0, 4).flat()).toEqual(expect.arrayContaining(['数据范围：含工作人员字段']));
    const { headerRow, rows } = records(sheet, '小区编码');
    expect(sheet.ws.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow });
    expect(sheet.ws.getRow(headerRow).getCell(1).font?.bold).toBe(true);
    expect(rows).toHaveLength(list.length);
    for (const r of rows) {
      const c = list.find((x) => x.code === r['小区编码'])!;
      expect(r['居民同意率']).toBe(staff.get(c.code)!.consent_pct);
      const start = c.construction_start ? new Date(`${String(c.construction_start).slice(0, 10)}T00:00:00Z`) : undefined;
      expect(r['开工日期']).toEqual(start);
    }
    expect(rows.some((r) => r['开工日期'] instanceof Date)).toBe(true);
    expect(rows.find((r) => r['小区编码'] === 'FY-001')!['小区名称']).toBe(evil);

    const csv = await save(page, '[data-testid=export-csv]');
    const text = fs.readFileSync(csv.file, 'utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://example.invalid"",""点我"")"`);
    const csvRows = readVector(csv.file).features.map((f) => f.properties!);
    for (const r of csvRows) expect(Number(r['居民同意率'])).toBe(staff.get(r['小区编码'])!.consent_pct);
    await srv.admin.collection('compounds').update(fy001.id, { name: fy001.name });
    expect(b.errors).toEqual([]);
  });

  it('refuses an empty scope with a Chinese message and no file', async () => {
    const page = b.page;
    await page.fill('[data-testid=search]', 'no-such-compound-zzz');
    await goInApp(page, '/data');
    await page.waitForSelector('[data-testid=export-view]');
    await page.click('[data-testid=scope-filter]');
    await expect.poll(() => page.textContent('[data-testid=export-count-compounds]')).toBe('0');
    expect(await page.textContent('[data-testid=export-empty-compounds]')).toContain('没有');
    await page.waitForSelector('[data-testid=export-compounds-csv]:not([disabled])');
    await refused(page, '[data-testid=export-compounds-csv]', '没有小区，不生成空文件', '[data-testid=export-error]');
    await goInApp(page, '/ledger');
    await page.fill('[data-testid=search]', '');
    expect(b.errors).toEqual([]);
  });
});

describe('print sheet', () => {
  it('saves the whole A4 sheet as a PNG of paper × dpi pixels with the dpi embedded, at the stated scale', async () => {
    const page = b.page;
    await page.goto(`${srv.url}/print`);
    await page.waitForSelector('[data-testid=print-page]');
    await page.selectOption('[data-testid=paper]', 'A4');
    await page.selectOption('[data-testid=orientation]', 'landscape');
    await page.selectOption('[data-testid=dpi]', '150');
    await page.selectOption('[data-testid=scale]', '5000');
    await page.waitForSelector('[data-testid=save-png]:not([disabled])');
    // The map on the sheet shows exactly the scale the sheet states.
    await expect.poll(() => page.evaluate(() => {
      const m = (window as unknown as { __printMap: import('maplibre-gl').Map }).__printMap;
      return { zoom: m.getZoom(), lat: m.getCenter().lat };
    }).then((v) => Math.round(scaleDenominator(v.zoom, v.lat)))).toBe(5000);
    expect(await page.textContent('[data-testid=scale-bar]')).toContain('1 : 5,000');

    const png = await save(page, '[data-testid=save-png]');
    const img = decodePng(fs.readFileSync(png.file));
    const want = sheetPixels('A4', 'landscape', 150);
    expect([img.width, img.height]).toEqual([want.w, want.h]);
    expect(img.resolution).toEqual({ x: Math.round(150 / 0.0254), y: Math.round(150 / 0.0254), unit: 1 });
    // The map was drawn into its frame (not blank) and the legend column carries ink (text and swatches).
    const px = (x: number, y: number) => Array.from(img.data.slice((y * img.width + x) * img.channels, (y * img.width + x) * img.channels + 3));
    const inked = (x0: number, x1: number, y0: number, y1: number) => {
      let n = 0;
      for (let y = y0; y < y1; y += 4) for (let x = x0; x < x1; x += 4) if (px(x, y).some((v) => v < 200)) n++;
      return n;
    };
    const mm = (v: number) => Math.round((v / 25.4) * 150);
    expect(inked(mm(20), mm(200), mm(30), mm(180))).toBeGreaterThan(100);
    expect(inked(mm(245), mm(285), mm(25), mm(80))).toBeGreaterThan(20);
    expect(b.errors).toEqual([]);
  });

  it('saves the same sheet as a PDF of the paper size with its text as text', async () => {
    const page = b.page;
    const pdfFile = await save(page, '[data-testid=save-pdf]');
    const pdf = await readPdf(new Uint8Array(fs.readFileSync(pdfFile.file)));
    expect(pdf.pages).toBe(1);
    expect(pdf.widthPt).toBeCloseTo((297 / 25.4) * 72, 1);
    expect(pdf.heightPt).toBeCloseTo((210 / 25.4) * 72, 1);
    const text = pdf.text.replace(/\s+/g, ' ');
    for (const t of ['汾阳市', '1 : 5,000', '示例数据', '数据时间', '征集需求']) expect(text).toContain(t);
    expect(pdf.images).toBe(1);
    expect(b.errors).toEqual([]);
  });

  it('says in Chinese when a paper and dpi are too large for the browser, and writes nothing', async () => {
    const page = b.page;
    await page.selectOption('[data-testid=paper]', 'A0');
    await page.selectOption('[data-testid=dpi]', '600');
    await refused(page, '[data-testid=save-png]', '超出本浏览器能绘制的上限', '[data-testid=print-error]');
    expect(await page.textContent('[data-testid=print-error]')).toMatch(/请改选 \d+ dpi|请选较小的纸张/);
    await refused(page, '[data-testid=save-pdf]', 'A0 横向 600 dpi', '[data-testid=print-error]');
    expect(b.errors).toEqual([]);
  });
});
