// CSV export: UTF-8 with a BOM so Excel opens Chinese text correctly; optional WKT geometry column.
import type { FeatureCollection, Geometry, GeoJsonProperties } from 'geojson';
import { toWKT } from './wkt';

/** A column: a property key, optionally with a header label (e.g. Chinese). */
export type CsvColumn = string | { key: string; label: string };

function cell(v: unknown): string {
  let s: string;
  if (v === null || v === undefined) s = '';
  else if (typeof v === 'object' && v !== null && 'type' in v && ('coordinates' in v || 'geometries' in v)) s = toWKT(v as Geometry);
  else if (typeof v === 'object') s = JSON.stringify(v);
  else s = String(v);
  // A text cell starting with = + @ would run as a formula in Excel; a leading apostrophe keeps it text.
  if (typeof v === 'string' && /^[=+@]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Write rows as CSV text: UTF-8 BOM, CRLF line ends, RFC 4180 quoting. A value that is a GeoJSON
 * geometry is written as WKT (use a column such as { key: 'geometry', label: 'wkt' }).
 * @example toCSV([{ name: '甲', households: 120 }], ['name', { key: 'households', label: '户数' }]) // '\uFEFFname,户数\r\n甲,120\r\n'
 */
export function toCSV(rows: readonly Record<string, unknown>[], columns: readonly CsvColumn[]): string {
  const cols = columns.map((c) => (typeof c === 'string' ? { key: c, label: c } : c));
  const lines = [cols.map((c) => cell(c.label)).join(',')];
  for (const r of rows) lines.push(cols.map((c) => cell(r[c.key])).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/**
 * Rows for {@link toCSV} from a FeatureCollection: the properties plus `geometry` (written as WKT).
 * @example toCSV(featureRows(fc), ['name', { key: 'geometry', label: 'wkt' }])
 */
export function featureRows(fc: FeatureCollection<Geometry | null, GeoJsonProperties>): Record<string, unknown>[] {
  return fc.features.map((f) => ({ ...(f.properties ?? {}), geometry: f.geometry }));
}
