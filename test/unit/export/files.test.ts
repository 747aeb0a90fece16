// Every data export read back as QGIS/ArcGIS read it (GDAL's ogr2ogr/ogrinfo) or as Excel reads it (exceljs): staff
// fields present for staff and absent (not blank) for the public, Chinese labels with codes beside them, Shapefile
// widths from the schema (a consent of 100.00 appends whole) with a field map and a recognised .prj, one geometry type
// per layer, no CSV cell over Excel's limit, dates as dates, and Gauss-Krüger and DXF round trips within 1 cm.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Geometry, Position } from 'geojson';
import { compoundsFC, encodeExport, type EncodedExport, type ExportFormat } from '../../../src/lib/data/export';
import { EXCEL_CELL_MAX, EXCEL_ROWS_MAX, ExportError, exportFields, SHAPEFILE_FILE_MAX_BYTES, staffOnlyFields, toShapefileZip, type Audience } from '../../../src/lib/export';
import { xlsxBytes } from '../../../src/lib/export/xlsx';
import { gaussKrugerCrs, WGS84, type Crs } from '../../../src/lib/geo/crs';
import { gdal, readVector, requireGdal, tempDir } from '../../helpers/gdal';
import { readXlsx, records } from '../../helpers/xlsx';
import { NAMES, RECORDS } from './fixtures';

const DATA_TIME = new Date('2026-12-02T02:30:00Z');
let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  requireGdal();
  tmp = tempDir();
});
afterAll(() => tmp?.remove());

async function exportTo(format: ExportFormat, audience: Audience = 'staff', crs: Crs = WGS84): Promise<EncodedExport & { file: string }> {
  const out = await encodeExport(compoundsFC(RECORDS, NAMES, audience), format, { kind: 'compounds', audience, dataTime: DATA_TIME, crs });
  const file = path.join(tmp.dir, `${audience}-${out.fileName}`);
  fs.writeFileSync(file, out.data);
  return { ...out, file };
}

const positions = (g: Geometry | null): Position[] =>
  !g ? [] : g.type === 'Polygon' ? g.coordinates.flat() : g.type === 'MultiPolygon' ? g.coordinates.flat(2) : g.type === 'LineString' ? g.coordinates : [];
/** Largest distance (m) from any vertex of `a` to the nearest vertex of `b` (local scale at 37.26°N). */
function maxGapM(a: Position[], b: Position[]): number {
  return Math.max(...a.map((p) => Math.min(...b.map((q) => Math.hypot((p[0] - q[0]) * 88_700, (p[1] - q[1]) * 111_000)))));
}
const original = (code: string) => positions(RECORDS.find((r) => r.code === code)!.geometry);

describe('Shapefile', () => {
  it('opens in GDAL with UTF-8 text, a recognised .prj, schema widths, Chinese labels beside codes and a field map', async () => {
    const out = await exportTo('shapefile');
    const zip = await JSZip.loadAsync(fs.readFileSync(out.file));
    const base = out.fileName.replace(/\.zip$/, '');
    expect(Object.keys(zip.files).sort()).toEqual([`${base}.cpg`, `${base}.dbf`, `${base}.prj`, `${base}.shp`, `${base}.shx`, '说明.txt'].sort());
    const info = gdal('ogrinfo', ['-so', '-al', `/vsizip/${out.file}/${base}.shp`]);
    expect(info).toMatch(/Geometry: Polygon/);
    expect(info).toMatch(/ID\["EPSG",4326\]/);
    // Widths come from the schema's ranges, not today's values.
    expect(info).toMatch(/consent: Real \(6\.2\)/);
    expect(info).toMatch(/built_year: Integer \(4\.0\)/);
    expect(info).toMatch(/households: (Integer|Integer64|Real) \(10\.0\)/);
    expect(info).toMatch(/name: String \(240\.0\)/);
    expect(info).toMatch(/consent_dt: Date/);
    const fc = readVector(`/vsizip/${out.file}/${base}.shp`);
    const byCode = new Map(fc.features.map((f) => [f.properties!.code, f.properties!]));
    expect(byCode.get('FY-T01')).toMatchObject({
      name: '测试小区甲（有内环）', township: '文峰街道', owner: '汾阳市第一机械厂', management: '专业物业公司', mgmt_code: 'property_company',
      maint_fund: 'T', consent: 100, consent_dt: '2024-05-01', stage: '纳入年度计划', stage_code: 'planned', tier: '实施一批', tier_code: 'implement',
    });
    expect(byCode.get('FY-T02')).toMatchObject({ name: '=HYPERLINK("http://x","点我")', maint_fund: 'F', consent: 66.67, owner: null });
    expect(byCode.get('FY-T02')!.consent_dt ?? null).toBeNull();
    // The field map names every short field with its full name.
    const map = await zip.files['说明.txt'].async('string');
    for (const f of exportFields('compounds', 'staff')) expect(map).toContain(`${f.short.padEnd(10)}  ${f.label}（${f.key}）`);
    expect(map).toContain('数据范围：含工作人员字段');
    expect(map).toContain('数据时间：2026-12-02 10:30（北京时间）');
    expect(map).toContain('示例数据');
    // Geometry: holes and parts as GDAL reads them, within 1 cm.
    const t03 = fc.features.find((f) => f.properties!.code === 'FY-T01')!;
    expect(t03.geometry.type).toBe('Polygon');
    expect((t03.geometry as { coordinates: unknown[] }).coordinates).toHaveLength(2);
    expect(maxGapM(original('FY-T01'), positions(t03.geometry))).toBeLessThan(0.01);
    expect(fc.features.find((f) => f.properties!.code === 'FY-T02')!.geometry.type).toBe('MultiPolygon');
  });

  it('takes a later append of the widest values the schema allows without cutting them', async () => {
    const out = await exportTo('shapefile');
    const dir = path.join(tmp.dir, 'append');
    fs.mkdirSync(dir, { recursive: true });
    const zip = await JSZip.loadAsync(fs.readFileSync(out.file));
    for (const [name, f] of Object.entries(zip.files)) fs.writeFileSync(path.join(dir, name), await f.async('uint8array'));
    const base = out.fileName.replace(/\.zip$/, '');
    const extra = path.join(tmp.dir, 'extra.geojson');
    fs.writeFileSync(extra, JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { code: 'FY-T99', consent: 100.0, households: 9_999_999_999, built_year: 2000, plan_year: 2030 },
        geometry: { type: 'Polygon', coordinates: [[[111.7, 37.2], [111.71, 37.2], [111.71, 37.21], [111.7, 37.2]]] } }],
    }));
    gdal('ogr2ogr', ['-append', '-nln', base, dir, extra]);
    const back = readVector(path.join(dir, `${base}.shp`)).features.find((f) => f.properties!.code === 'FY-T99')!;
    expect(back.properties).toMatchObject({ consent: 100, households: 9_999_999_999, built_year: 2000, plan_year: 2030 });
  });

  it('leaves staff-only fields out of a public export, and says so', async () => {
    const out = await exportTo('shapefile', 'public');
    const base = out.fileName.replace(/\.zip$/, '');
    const fc = readVector(`/vsizip/${out.file}/${base}.shp`);
    const keys = Object.keys(fc.features[0].properties!);
    for (const short of ['owner', 'management', 'mgmt_code', 'maint_fund', 'consent', 'consent_dt', 'impl_unit']) expect(keys).not.toContain(short);
    expect(keys).toContain('stage_code');
    const note = await (await JSZip.loadAsync(fs.readFileSync(out.file))).files['说明.txt'].async('string');
    expect(note).toContain('仅公开字段');
    expect(staffOnlyFields('compounds').sort()).toEqual(['consent_date', 'consent_pct', 'implementing_unit', 'maintenance_fund', 'management', 'management_code', 'property_owner']);
  });

  it('in CGCS2000 Gauss-Krüger 3° zone 37 comes back to WGS84 within 1 cm through GDAL/PROJ', async () => {
    const grid = gaussKrugerCrs(3, 37, true);
    const out = await exportTo('shapefile', 'staff', grid);
    const base = out.fileName.replace(/\.zip$/, '');
    expect(base).toContain('EPSG4525');
    expect(gdal('ogrinfo', ['-so', '-al', `/vsizip/${out.file}/${base}.shp`])).toMatch(/ID\["EPSG",4525\]/);
    const projected = readVector(`/vsizip/${out.file}/${base}.shp`);
    expect(positions(projected.features[0].geometry)[0][0]).toBeGreaterThan(37_500_000);
    const back = readVector(`/vsizip/${out.file}/${base}.shp`, { tSrs: 'EPSG:4326' });
    for (const f of back.features) expect(maxGapM(original(f.properties!.code), positions(f.geometry))).toBeLessThan(0.01);
  });
});

describe('CSV', () => {
  it('opens in GDAL with Chinese headers, labels and codes, WKT geometry, formula-safe text, and no cell over Excel\'s limit', async () => {
    const out = await exportTo('csv');
    const text = fs.readFileSync(out.file, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    // Every cell is within Excel's limit; the huge outline is left out with a reason and a warning.
    for (const line of text.split('\r\n')) expect(line.length).toBeLessThan(EXCEL_CELL_MAX);
    expect(out.warnings.join()).toMatch(/1 个小区的几何超过 Excel 单元格上限/);
    const fc = readVector(out.file, { oo: ['GEOM_POSSIBLE_NAMES=wkt', 'KEEP_GEOM_COLUMNS=NO'] });
    const byCode = new Map(fc.features.map((f) => [f.properties!['小区编码'], f]));
    expect(byCode.get('FY-T01')!.properties).toMatchObject({ 改造阶段: '纳入年度计划', 改造阶段代码: 'planned', 管理方式: '专业物业公司', 已建维修基金: '是', '居民同意率（%）': '100' });
    // A text cell that a spreadsheet would run as a formula starts with an apostrophe.
    expect(byCode.get('FY-T02')!.properties!['小区名称']).toBe('\'=HYPERLINK("http://x","点我")');
    expect(byCode.get('FY-T02')!.geometry.type).toBe('MultiPolygon');
    expect(maxGapM(original('FY-T01'), positions(byCode.get('FY-T01')!.geometry))).toBeLessThan(0.01);
    expect(byCode.get('FY-T03')!.geometry).toBeNull();
    expect(byCode.get('FY-T03')!.properties!['几何说明']).toMatch(/超出 Excel 单元格上限.*GeoJSON 或 Shapefile/);
    expect(byCode.get('FY-T01')!.properties).toMatchObject({ 数据范围: '含工作人员字段', 数据时间: '2026-12-02 10:30（北京时间）', 坐标系: 'EPSG:4326' });
  });
});

describe('GeoJSON', () => {
  it('is RFC 7946 (one geometry type, counter-clockwise shells) and states what it holds', async () => {
    const out = await exportTo('geojson', 'public');
    const j = JSON.parse(fs.readFileSync(out.file, 'utf8'));
    expect(j.metadata).toMatchObject({ audience: 'public', data_time: DATA_TIME.toISOString(), is_demo: true, crs: 'EPSG:4326' });
    for (const f of j.features) expect(Object.keys(f.properties)).not.toContain('consent_pct');
    const info = gdal('ogrinfo', ['-so', '-al', out.file]);
    expect(info).toMatch(/Geometry: Multi Polygon/);
    expect(info).toMatch(/Feature Count: 3/);
    const fc = readVector(out.file);
    expect(maxGapM(original('FY-T03'), positions(fc.features[2].geometry))).toBeLessThan(0.01);
    await expect(encodeExport(compoundsFC(RECORDS, NAMES, 'staff'), 'geojson', { kind: 'compounds', audience: 'staff', dataTime: DATA_TIME, crs: gaussKrugerCrs(3, 37, true) }))
      .rejects.toThrow(/GeoJSON（RFC 7946）只用 WGS84/);
  });
});

describe('XLSX', () => {
  it('stores numbers as numbers, dates as dates, blanks as blanks, under a bold frozen header and the note', async () => {
    const out = await exportTo('xlsx');
    const [sheet] = await readXlsx(fs.readFileSync(out.file));
    expect(sheet.rows[0][0]).toBe('汾阳市老旧小区改造 · 小区');
    expect(sheet.rows.slice(0, 5).flat()).toEqual(expect.arrayContaining(['数据范围：含工作人员字段', '示例数据：由程序生成，非实测，仅供演示']));
    const { headerRow, rows } = records(sheet, '小区编码');
    expect(sheet.ws.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow, xSplit: 2 });
    expect(sheet.ws.getRow(headerRow).getCell(1).font?.bold).toBe(true);
    const t01 = rows.find((r) => r['小区编码'] === 'FY-T01')!;
    expect(t01['户数']).toBe(120);
    expect(t01['建筑面积（m²）']).toBe(9800.5);
    expect(t01['同意率调查日期']).toEqual(new Date(Date.UTC(2024, 4, 1)));
    expect(t01['已建维修基金']).toBe('是');
    const t02 = rows.find((r) => r['小区编码'] === 'FY-T02')!;
    expect(t02).not.toHaveProperty('原产权单位');
    expect(t02).not.toHaveProperty('计划年度');
    const col = (header: string) => (sheet.rows[headerRow - 1] as string[]).indexOf(header) + 1;
    expect(sheet.ws.getRow(headerRow + 1).getCell(col('户数')).numFmt).toBe('#,##0" 户"');
    expect(sheet.ws.getRow(headerRow + 1).getCell(col('居民同意率（%）')).numFmt).toBe('0.00"%"');
    expect(sheet.ws.getRow(headerRow + 1).getCell(col('建成年代')).numFmt).toBe('0');
    expect(sheet.ws.getColumn(col('小区名称')).width).toBeGreaterThan(10);
  });
});

describe('DXF', () => {
  it('opens in GDAL in Gauss-Krüger metres with Chinese labels, and comes back within 1 cm', async () => {
    const grid = gaussKrugerCrs(3, 37, true);
    const out = await exportTo('dxf', 'staff', WGS84); // WGS84 asks for the default grid: 3° zone 37
    const zip = await JSZip.loadAsync(fs.readFileSync(out.file));
    const name = Object.keys(zip.files).find((n) => n.endsWith('.dxf'))!;
    expect(name).toContain('EPSG4525');
    const dxfPath = path.join(tmp.dir, name);
    fs.writeFileSync(dxfPath, await zip.files[name].async('uint8array'));
    expect(await zip.files[name.replace(/\.dxf$/, '.prj')].async('string')).toContain('CGCS2000_3_Degree_GK_Zone_37');
    expect(new TextDecoder('gbk').decode(fs.readFileSync(dxfPath))).toContain('测试小区丙');
    const all = readVector(dxfPath, { sSrs: grid.id, tSrs: 'EPSG:4326' });
    const texts = all.features.filter((f) => f.properties!.Layer === 'FY_COMPOUNDS_LABELS').map((f) => f.properties!.Text);
    expect(texts.sort()).toEqual(['FY-T01 测试小区甲（有内环）', 'FY-T02 =HYPERLINK("http://x","点我")', 'FY-T03 测试小区丙']);
    const info = all.features.filter((f) => f.properties!.Layer === 'FY_INFO').map((f) => f.properties!.Text);
    expect(info.join('\n')).toMatch(/3度带第37带.*EPSG:4525/);
    const outlines = all.features.filter((f) => f.properties!.Layer === 'FY_COMPOUNDS');
    expect(outlines).toHaveLength(5); // shell + hole, two parts, one ring
    const got = outlines.flatMap((f) => positions(f.geometry));
    for (const r of RECORDS) expect(maxGapM(positions(r.geometry), got)).toBeLessThan(0.01);
  });
});

describe('bad input', () => {
  it('refuses a shapefile part over the 2 GB limit before building it, naming the size and the alternative', async () => {
    const fc = compoundsFC(RECORDS, NAMES, 'staff');
    // The limit is the format's 2 GB; a lower one stands in for it so the test need not allocate gigabytes.
    const err = await toShapefileZip(fc, 'big', { fields: exportFields('compounds', 'staff'), prj: '', maxFileBytes: 10_000 }).catch((e) => e);
    expect(err).toBeInstanceOf(ExportError);
    expect(err.message).toMatch(/Shapefile 的单个文件不能超过 2 GB.*请缩小范围分批导出，或改用 GeoJSON/);
    expect(SHAPEFILE_FILE_MAX_BYTES).toBe(2 ** 31 - 1);
  });
  it('refuses a sheet with more rows than Excel holds', async () => {
    const err = await xlsxBytes([{ name: '小区', columns: [{ header: '编码', kind: 'text' }], rows: new Array(EXCEL_ROWS_MAX) }]).catch((e) => e);
    expect(err).toBeInstanceOf(ExportError);
    expect(err.message).toMatch(/超出 Excel 一张表 1,048,576 行的上限；请缩小范围分批导出，或改用 CSV/);
  });
  it('refuses an XLSX cell longer than Excel keeps', async () => {
    const err = await xlsxBytes([{ name: '片区', columns: [{ header: '备注', kind: 'text' }], rows: [['x'.repeat(EXCEL_CELL_MAX + 1)]] }]).catch((e) => e);
    expect(err).toBeInstanceOf(ExportError);
    expect(err.message).toMatch(/"片区"第 2 行"备注" 长 32,768 字符，超出 Excel 单元格上限/);
  });
  it('refuses an empty selection with a Chinese message and the alternative', async () => {
    const err = await encodeExport(compoundsFC([], NAMES, 'staff'), 'csv', { kind: 'compounds', audience: 'staff', dataTime: DATA_TIME, crs: WGS84 }).catch((e) => e);
    expect(err).toBeInstanceOf(ExportError);
    expect(err.message).toMatch(/没有小区，不生成空文件；请改选"全部"/);
  });
});

describe('README', () => {
  it('documents the Shapefile field map exactly as the schema writes it', () => {
    const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../../../README.md'), 'utf8');
    for (const kind of ['compounds', 'zones', 'sites'] as const) {
      for (const f of exportFields(kind, 'staff')) expect(readme).toContain(`| \`${f.short}\` | ${f.label} | \`${f.key}\` |`);
    }
  });
});
