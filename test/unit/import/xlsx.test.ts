// Excel in: the ledger's own XLSX export, edited in Excel (three cells changed) and imported back, updates exactly
// those three cells and creates nothing; the header is found under the title lines; a formula without a saved result
// refuses the sheet naming the cell, one with a result is read by value; merged header cells are read by value.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { MultiPolygon, Polygon } from 'geojson';
import { xlsxBytes } from '../../../src/lib/export/xlsx';
import { ledgerRows, ledgerSheet } from '../../../src/lib/programme/ledger';
import { parseXLSX, planCompoundImport, suggestMapping, type ImportContext } from '../../../src/lib/import';
import { detectFormat } from '../../../src/lib/import/detect';
import type { CompoundRecord } from '../../../src/lib/data/records';

const demo = JSON.parse(readFileSync('data/demo/compounds.geojson', 'utf8')).features;
const divisions = JSON.parse(readFileSync('data/divisions.json', 'utf8'));
const townships = divisions.townships.map((t: { code: string; name: string }) => ({ id: `t${t.code}`, code: t.code, name: t.name }));
const communities = divisions.communities.map((c: { code: string; name: string; township_code: string }) => ({ id: `c${c.code}`, code: c.code, name: c.name, township: `t${c.township_code}` }));
const compounds = demo.map((f: { properties: Record<string, unknown>; geometry: Polygon | MultiPolygon }, i: number) => ({
  ...f.properties, id: `id${i}`, version: 1, township: `t${f.properties.township_code}`, community: `c${f.properties.community_code}`, geometry: f.geometry,
})) as unknown as CompoundRecord[];
const ctx: ImportContext = { compounds: compounds as unknown as ImportContext['compounds'], townships, communities };

async function ledgerXlsx(): Promise<Uint8Array> {
  const rows = ledgerRows(compounds, null, new Map(), new Set(), new Map(townships.map((t: { id: string; name: string }) => [t.id, t.name])),
    new Map(communities.map((c: { id: string; name: string }) => [c.id, c.name])));
  return xlsxBytes([ledgerSheet(rows, { audience: 'staff', dataTime: new Date('2026-11-01T02:00:00Z'), demo: true })]);
}

/** Opens XLSX bytes, lets `edit` change the first sheet, and returns the new bytes. */
async function edited(bytes: Uint8Array, edit: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  edit(wb.worksheets[0]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Row number and column number of a ledger cell by compound code and header. */
function cellOf(ws: ExcelJS.Worksheet, code: string, header: string): ExcelJS.Cell {
  let headerRow = 0;
  ws.eachRow((row, n) => {
    if (!headerRow && row.values && (row.values as unknown[]).includes('小区编码')) headerRow = n;
  });
  const headers = ws.getRow(headerRow).values as unknown[];
  const col = headers.indexOf(header);
  let r = 0;
  ws.eachRow((row, n) => {
    if (n > headerRow && row.getCell(headers.indexOf('小区编码')).value === code) r = n;
  });
  return ws.getCell(r, col);
}

describe('XLSX import', () => {
  it('a ledger export edited in three cells updates exactly those three, and creates nothing', async () => {
    const bytes = await edited(await ledgerXlsx(), (ws) => {
      cellOf(ws, 'FY-003', '户数').value = 999;
      cellOf(ws, 'FY-010', '楼栋数').value = 42;
      cellOf(ws, 'FY-020', '小区名称').value = '改名后的小区';
    });
    const { sources } = await detectFormat([{ name: '调度台账.xlsx', data: bytes }]);
    expect(sources.map((s) => s.format)).toEqual(['xlsx']);
    const [layer] = await parseXLSX(bytes, '调度台账.xlsx');
    expect(layer.errors).toEqual([]);
    expect(layer.headerRow).toBe(5); // title, data range, data time, 示例数据, then the header
    expect(layer.warnings[0].code).toBe('no_geometry');
    expect(layer.features).toHaveLength(demo.length);
    const mapping = suggestMapping(layer.columns);
    expect(mapping).toMatchObject({ code: '小区编码', name: '小区名称', households: '户数', buildings: '楼栋数', community_name: '社区', township_name: '街道（乡镇）' });
    const summary = planCompoundImport([{ name: layer.name, features: layer.features }], [mapping], ctx, { matchBy: 'code' });
    expect(summary.refused).toEqual([]);
    expect(summary.counts.create).toBe(0);
    const changed = summary.ops.map((o) => [o.body.code ?? compounds.find((c) => c.id === o.id)!.code, Object.keys(o.body).filter((k) => k !== 'version').sort()]);
    expect(changed.sort()).toEqual([['FY-003', ['households']], ['FY-010', ['buildings']], ['FY-020', ['name']]]);
    expect(summary.ops.find((o) => o.body.households)!.body).toEqual({ households: 999, version: 1 });
  });

  it('reads a formula by its saved result and refuses one without, naming the cell; merged header cells by value', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('登记表');
    ws.getCell('A1').value = '汾阳市老旧小区调查摸底表';
    ws.mergeCells('A1:D1');
    ws.addRow(['小区名称', '小区编码', '户数', '楼栋数']);
    ws.addRow(['东关新村', 'FY-001', { formula: '100+20', result: 120 }, 6]);
    const good = new Uint8Array(await wb.xlsx.writeBuffer());
    const [layer] = await parseXLSX(good, '摸底表.xlsx');
    expect(layer.errors).toEqual([]);
    expect(layer.headerRow).toBe(2);
    expect(layer.features[0].properties).toMatchObject({ 小区名称: '东关新村', 户数: 120 });

    ws.addRow(['西关小区', 'FY-002', { formula: 'C3*2' }, 4]);
    const bad = new Uint8Array(await wb.xlsx.writeBuffer());
    const [refused] = await parseXLSX(bad, '摸底表.xlsx');
    expect(refused.features).toEqual([]);
    expect(refused.errors[0]).toMatchObject({ code: 'xlsx_formula', params: { cell: 'C4', sheet: '登记表' } });

    const wb2 = new ExcelJS.Workbook();
    const ws2 = wb2.addWorksheet('表1');
    ws2.addRow(['小区名称', '户数', '', '小区编码']);
    ws2.mergeCells('B1:C1');
    ws2.addRow(['东关新村', 120, 3, 'FY-001']);
    const [merged] = await parseXLSX(new Uint8Array(await wb2.xlsx.writeBuffer()), '合并.xlsx');
    expect(merged.columns).toEqual(['小区名称', '户数', '户数(2)', '小区编码']);
    expect(merged.warnings.some((w) => w.code === 'xlsx_merged_header' && w.params?.cell === 'C1')).toBe(true);
  });

  it('refuses a sheet without a header, and an old .xls', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow([1, 2, 3]);
    const [layer] = await parseXLSX(new Uint8Array(await wb.xlsx.writeBuffer()), 'x.xlsx');
    expect(layer.errors[0].code).toBe('xlsx_no_header');
    const { rejected } = await detectFormat([{ name: '台账.xls', data: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]) }]);
    expect(rejected[0].issue.code).toBe('xls_old_format');
  });
});
