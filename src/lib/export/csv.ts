// CSV: UTF-8 with a BOM (Excel then opens Chinese text correctly), CRLF line ends, RFC 4180 quoting, and cells that a
// spreadsheet cannot run as formulas. Every CSV the app writes (data export, ledger) goes through csvCell().
import { ExportError, EXCEL_CELL_MAX } from './limits';

/** A column: a property key, optionally with a header label (e.g. Chinese). */
export type CsvColumn = string | { key: string; label: string };

/** Characters that make a spreadsheet read a text cell as a formula (or as a DDE command) when they come first. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell. Text that starts with = + - @ tab or CR gets a leading apostrophe, so Excel, WPS and LibreOffice show it
 * as text instead of running it (a compound renamed `=HYPERLINK(…)` stays a name). Numbers are written as numbers —
 * including negative ones such as a funding gap of -5000, which are values, not formulas — so only a JavaScript number
 * is left unprefixed; the same characters in a string (e.g. the text "-5") are prefixed. null/undefined → empty cell.
 * Booleans → 是 / 否 (files are for people). Objects are written as JSON (and prefixed like text when needed).
 * @throws ExportError when the text is longer than Excel's 32,767-character cell limit
 * @example csvCell('=1+1') // "'=1+1"
 * @example csvCell(-5000) // '-5000'
 */
export function csvCell(v: unknown): string {
  let s: string;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new ExportError(`数值无效（${v}），无法写入 CSV`, `invalid number ${v} cannot be written to CSV`);
    s = String(v);
  } else if (typeof v === 'boolean') s = v ? '是' : '否';
  else {
    s = typeof v === 'object' ? JSON.stringify(v) : String(v);
    if (FORMULA_START.test(s)) s = `'${s}`;
  }
  if (s.length > EXCEL_CELL_MAX) {
    throw new ExportError(
      `有一个单元格长 ${s.length} 字符，超出 Excel 单元格上限 ${EXCEL_CELL_MAX} 字符（以"${s.slice(0, 12)}…"开头）；请改用 GeoJSON 或 Shapefile`,
      `a cell of ${s.length} characters exceeds Excel's ${EXCEL_CELL_MAX}-character limit; use GeoJSON or Shapefile`,
    );
  }
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A table (header row + body rows) as CSV text with a UTF-8 BOM and CRLF line ends, every cell through {@link csvCell}.
 * @example csvTable(['名称', '户数'], [['甲', 120]]) // '\uFEFF名称,户数\r\n甲,120\r\n'
 */
export function csvTable(header: readonly unknown[], rows: readonly (readonly unknown[])[]): string {
  const lines = [header.map(csvCell).join(',')];
  for (const r of rows) lines.push(r.map(csvCell).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/**
 * Rows of objects as CSV, one column per key (with an optional header label).
 * @example toCSV([{ name: '甲', households: 120 }], ['name', { key: 'households', label: '户数' }]) // '\uFEFFname,户数\r\n甲,120\r\n'
 */
export function toCSV(rows: readonly Record<string, unknown>[], columns: readonly CsvColumn[]): string {
  const cols = columns.map((c) => (typeof c === 'string' ? { key: c, label: c } : c));
  return csvTable(cols.map((c) => c.label), rows.map((r) => cols.map((c) => r[c.key])));
}
