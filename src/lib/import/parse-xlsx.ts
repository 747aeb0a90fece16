// Excel register sheets (.xlsx, exceljs): one layer per sheet that has a header (the first sheet is the one imported
// by default, the others can be chosen), the header row found among the first 20 rows (title and note lines above it
// are skipped, as in the ledger's own export), values read as Excel shows them: a formula by its saved result, a
// merged header cell by its value (said), rich text as text, dates as dates. A formula without a saved result or an
// error value refuses the sheet, naming the cell. Coordinates are optional (lon/lat or WKT columns); a sheet without
// them updates existing compounds' attributes only.
import type { Feature, Geometry, GeoJsonProperties } from 'geojson';
import { parseWKT } from '../export/wkt';
import { makeLayer } from './common';
import { FIELD_SYNONYMS, normHeader } from './mapping';
import type { ImportIssue, ParsedLayer } from './types';
import { issue } from './types';

/** How far down a header may be (title and note lines above it). */
const HEADER_SEARCH_ROWS = 20;
const LON = ['lon', 'lng', 'longitude', '经度', 'x坐标', '东坐标'];
const LAT = ['lat', 'latitude', '纬度', 'y坐标', '北坐标'];
const WKT = ['wkt', 'geometry', 'geom', '几何', '图形', '空间信息'];

type Cell = string | number | boolean | null;

/** Column letters of a 1-based column number (1 → A, 27 → AA). */
export function columnLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

const ALL_SYNONYMS = new Set(Object.values(FIELD_SYNONYMS).flat().map(normHeader));
const KNOWN_EXTRA = new Set(['改造阶段', '计划年度', '计划批次', '街道（乡镇）', '街道(乡镇)'].map(normHeader));

/**
 * Parse an .xlsx file into layers, one per sheet with a header (sheets without one are left out, said in the first
 * layer's warnings when none is left). Error codes: `xlsx_bad`, `xlsx_no_sheet`, `xlsx_no_header`, `xlsx_formula`,
 * `xlsx_error_cell`; warning `xlsx_merged_header`.
 * @example (await parseXLSX(bytes, '台账.xlsx'))[0].features[0].properties['小区编码'] // 'FY-001'
 */
export async function parseXLSX(data: Uint8Array, name: string): Promise<ParsedLayer[]> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
  } catch (e) {
    return [makeLayer({ format: 'xlsx', name, features: [], errors: [issue('xlsx_bad', { detail: (e as Error).message })] })];
  }
  if (!wb.worksheets.length) return [makeLayer({ format: 'xlsx', name, features: [], errors: [issue('xlsx_no_sheet')] })];
  const layers: ParsedLayer[] = [];
  let firstFailure: ParsedLayer | null = null;
  for (const ws of wb.worksheets) {
    const layer = parseSheet(ws, name, wb.worksheets.length > 1);
    if (layer.errors.some((e) => e.code === 'xlsx_no_header') && (layers.length || firstFailure)) continue;
    if (layer.errors.some((e) => e.code === 'xlsx_no_header')) {
      firstFailure = layer;
      continue;
    }
    layers.push(layer);
  }
  return layers.length ? layers : [firstFailure!];
}

// exceljs' cell values: plain values, or objects for formulas, rich text, hyperlinks and errors.
type RawValue = unknown;

function readValue(raw: RawValue, at: string, sheet: string, problems: ImportIssue[]): Cell {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return raw;
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  const o = raw as Record<string, unknown>;
  if ('formula' in o || 'sharedFormula' in o) {
    const r = o.result;
    if (r === undefined || r === null || (typeof r === 'object' && !(r instanceof Date) && 'error' in (r as object))) {
      problems.push(issue('xlsx_formula', { cell: at, sheet }));
      return null;
    }
    return readValue(r, at, sheet, problems);
  }
  if ('error' in o) {
    problems.push(issue('xlsx_error_cell', { cell: at, sheet, value: String(o.error) }));
    return null;
  }
  if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((x) => x.text).join('');
  if ('text' in o) return String(o.text);
  return String(raw);
}

interface SheetLike {
  name: string;
  rowCount: number;
  columnCount: number;
  getCell(r: number, c: number): { value: RawValue; isMerged: boolean; master: { address: string }; address: string };
}

function parseSheet(ws: SheetLike, file: string, several: boolean): ParsedLayer {
  const name = several ? `${file} · ${ws.name}` : file;
  const problems: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const rows: Cell[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: Cell[] = [];
    for (let c = 1; c <= ws.columnCount; c++) row.push(readValue(ws.getCell(r, c).value, `${columnLetters(c)}${r}`, ws.name, problems));
    rows.push(row);
  }
  // The header: the row among the first 20 whose cells name the most known fields (at least two).
  let headerAt = -1;
  let best = 1;
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, rows.length); r++) {
    const score = rows[r].filter((v) => typeof v === 'string' && (ALL_SYNONYMS.has(normHeader(v)) || KNOWN_EXTRA.has(normHeader(v)))).length;
    if (score > best) {
      best = score;
      headerAt = r;
    }
  }
  if (headerAt < 0) return makeLayer({ format: 'xlsx', name, features: [], errors: [issue('xlsx_no_header', { sheet: ws.name })] });
  // A formula or error cell in the header or the data refuses the sheet (above the header: title lines, ignored).
  const cellProblems = problems.filter((p) => Number(/\d+$/.exec(String(p.params?.cell))?.[0]) > headerAt);
  if (cellProblems.length) return makeLayer({ format: 'xlsx', name, features: [], errors: cellProblems.slice(0, 20) });

  const header: string[] = [];
  const seen = new Map<string, number>();
  rows[headerAt].forEach((v, i) => {
    const cell = ws.getCell(headerAt + 1, i + 1);
    let h = v === null ? '' : String(v).trim();
    if (cell.isMerged && cell.master.address !== cell.address) {
      warnings.push(issue('xlsx_merged_header', { cell: cell.address, value: h }));
    }
    if (!h) h = `${columnLetters(i + 1)}列`;
    const n = (seen.get(h) ?? 0) + 1;
    seen.set(h, n);
    header.push(n > 1 ? `${h}(${n})` : h);
  });
  const find = (names: string[]) => header.findIndex((h) => names.includes(normHeader(h)));
  const lonCol = find(LON);
  const latCol = find(LAT);
  const wktCol = find(WKT);
  const features: Feature<Geometry | null, GeoJsonProperties>[] = [];
  for (let r = headerAt + 1; r < rows.length; r++) {
    const row = rows[r];
    if (row.every((v) => v === null || (typeof v === 'string' && v.trim() === ''))) continue;
    const props: Record<string, Cell> = {};
    header.forEach((h, i) => {
      if (i !== lonCol && i !== latCol && i !== wktCol) props[h] = typeof row[i] === 'string' ? (row[i] as string).trim() : row[i];
    });
    let geometry: Geometry | null = null;
    try {
      if (wktCol >= 0 && row[wktCol]) geometry = parseWKT(String(row[wktCol]));
      else if (lonCol >= 0 && latCol >= 0 && row[lonCol] !== null && row[latCol] !== null) {
        const x = Number(row[lonCol]);
        const y = Number(row[latCol]);
        if (Number.isFinite(x) && Number.isFinite(y)) geometry = { type: 'Point', coordinates: [x, y] };
      }
    } catch (e) {
      warnings.push(issue('csv_bad_row', { row: r + 1, detail: (e as Error).message }));
    }
    features.push({ type: 'Feature', properties: props, geometry });
  }
  const layer = makeLayer({
    format: 'xlsx', name, features, warnings,
    columns: header.filter((_, i) => i !== lonCol && i !== latCol && i !== wktCol),
  });
  layer.sheet = ws.name;
  layer.headerRow = headerAt + 1;
  return layer;
}
