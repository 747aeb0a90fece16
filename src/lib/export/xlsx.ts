// XLSX with exceljs (loaded on demand so the map does not carry it): numbers stored as numbers with thousands
// separators and their unit in the number format, dates as dates, blanks as empty cells, a bold frozen header with a
// filter, column widths, and the export's note (title, data range and time, 示例数据) in lines above the header.
import { ExportError, EXCEL_CELL_MAX, EXCEL_ROWS_MAX, group } from './limits';

/** How a column's values are stored and shown. */
export type XlsxKind = 'text' | 'int' | 'number' | 'pct' | 'date' | 'year' | 'bool';

export interface XlsxColumn {
  header: string;
  kind: XlsxKind;
  /** number / pct: decimals shown (default 2 / 1). */
  decimals?: number;
  /** Unit shown after numbers ('元', '户', 'm²'); the value stays a number. */
  unit?: string;
  /** Width in characters (default: fitted to the content, CJK counting double). */
  width?: number;
}

export type XlsxValue = string | number | boolean | Date | null | undefined;

export interface XlsxSheet {
  name: string;
  /** Bold first line, e.g. '汾阳市老旧小区改造调度台账'. */
  title?: string;
  /** Lines between the title and the header: data range, data time, 示例数据 … */
  notes?: readonly string[];
  columns: readonly XlsxColumn[];
  rows: readonly (readonly XlsxValue[])[];
  /** Columns kept in view when scrolling sideways (e.g. code and name). */
  freezeColumns?: number;
}

/** The Excel number format of a column. */
export function numberFormat(c: XlsxColumn): string | undefined {
  const unit = c.unit ? `" ${c.unit.replace(/"/g, '')}"` : '';
  switch (c.kind) {
    case 'int':
      return `#,##0${unit}`;
    case 'number':
      return `#,##0${c.decimals === 0 ? '' : '.' + '0'.repeat(c.decimals ?? 2)}${unit}`;
    case 'pct':
      return `0${(c.decimals ?? 1) > 0 ? '.' + '0'.repeat(c.decimals ?? 1) : ''}"%"`;
    case 'date':
      return 'yyyy-mm-dd';
    case 'year':
      return '0';
    default:
      return undefined;
  }
}

/** A value as its cell should hold it (undefined = leave the cell empty). */
function cellValue(c: XlsxColumn, v: XlsxValue, where: () => string): string | number | Date | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  switch (c.kind) {
    case 'date': {
      if (v instanceof Date) return v;
      const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(v));
      if (!m) throw new ExportError(`${where()}：日期"${v}"无法写入`, `${where()}: date "${v}" cannot be written`);
      // Midnight UTC is a whole Excel day serial: the date shows the same in every time zone.
      return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    }
    case 'bool':
      return v ? '是' : '否';
    case 'text': {
      const s = String(v);
      if (s.length > EXCEL_CELL_MAX) {
        throw new ExportError(`${where()} 长 ${group(s.length)} 字符，超出 Excel 单元格上限 ${group(EXCEL_CELL_MAX)} 字符；请改用 GeoJSON 或 CSV`,
          `${where()} is ${s.length} characters, over Excel's cell limit`);
      }
      return s;
    }
    default: {
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new ExportError(`${where()}：数值"${v}"无效`, `${where()}: "${v}" is not a number`);
      return v;
    }
  }
}

/** Display width of text in Excel's character units (CJK and full-width characters count two). */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/**
 * Write sheets as XLSX bytes.
 * @throws ExportError when a sheet has more rows than Excel holds or a cell is too long or not what its column says
 * @example await xlsxBytes([{ name: '台账', columns: [{ header: '户数', kind: 'int', unit: '户' }], rows: [[120]] }])
 */
export async function xlsxBytes(sheets: readonly XlsxSheet[]): Promise<Uint8Array> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  wb.creator = '汾阳市老旧小区改造一张图';
  wb.created = new Date();
  for (const s of sheets) {
    const top = (s.title ? 1 : 0) + (s.notes?.length ?? 0);
    const headerRow = top + 1;
    if (headerRow + s.rows.length > EXCEL_ROWS_MAX) {
      throw new ExportError(
        `"${s.name}"有 ${group(s.rows.length)} 行，超出 Excel 一张表 ${group(EXCEL_ROWS_MAX)} 行的上限；请缩小范围分批导出，或改用 CSV / GeoJSON`,
        `sheet "${s.name}" has ${s.rows.length} rows, over Excel's ${EXCEL_ROWS_MAX}-row limit`,
      );
    }
    const ws = wb.addWorksheet(s.name.replace(/[\\/?*[\]:]/g, '_').slice(0, 31), {
      views: [{ state: 'frozen', ySplit: headerRow, xSplit: s.freezeColumns ?? 0 }],
    });
    let r = 1;
    if (s.title) {
      const c = ws.getCell(r++, 1);
      c.value = s.title;
      c.font = { bold: true, size: 14 };
    }
    for (const line of s.notes ?? []) {
      const c = ws.getCell(r++, 1);
      c.value = line;
      c.font = line.startsWith('示例数据') ? { bold: true, color: { argb: 'FFB91C1C' } } : { color: { argb: 'FF4B5563' } };
    }
    const header = ws.getRow(headerRow);
    s.columns.forEach((col, i) => {
      const c = header.getCell(i + 1);
      c.value = col.header;
      c.font = { bold: true };
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3F4F6' } };
      c.border = { bottom: { style: 'thin', color: { argb: 'FF9CA3AF' } } };
      c.alignment = { vertical: 'middle', wrapText: true };
    });
    const widths = s.columns.map((col) => displayWidth(col.header));
    s.rows.forEach((values, ri) => {
      const row = ws.getRow(headerRow + 1 + ri);
      s.columns.forEach((col, ci) => {
        const v = cellValue(col, values[ci], () => `"${s.name}"第 ${headerRow + 1 + ri} 行"${col.header}"`);
        if (v === undefined) return;
        const c = row.getCell(ci + 1);
        c.value = v;
        const fmt = numberFormat(col);
        if (fmt) c.numFmt = fmt;
        const shown = v instanceof Date ? 10 : typeof v === 'number' ? group(v).length + (col.unit ? col.unit.length + 1 : 0) + (col.decimals ?? 2) + 1 : displayWidth(v);
        widths[ci] = Math.max(widths[ci], shown);
      });
    });
    s.columns.forEach((col, i) => (ws.getColumn(i + 1).width = col.width ?? Math.min(50, Math.max(6, widths[i] + 2))));
    if (s.columns.length) ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + s.rows.length, column: s.columns.length } };
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
