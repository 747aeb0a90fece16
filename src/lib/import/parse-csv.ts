// CSV reader: lon/lat (or X/Y) columns, or a WKT column. GBK files from Excel are decoded too.
import type { Feature, Geometry, GeoJsonProperties } from 'geojson';
import { parseWKT } from '../export/wkt';
import { makeLayer } from './common';
import { decodeText } from './detect';
import type { ParsedLayer } from './types';
import { issue } from './types';

/**
 * Split CSV text into rows (RFC 4180 quotes; delimiter ',', ';' or tab, detected from the header).
 * @example parseCsvRows('a,b\n1,"x,y"') // [['a','b'],['1','x,y']]
 */
export function parseCsvRows(text: string): string[][] {
  const t = text.replace(/^\uFEFF/, '');
  const firstLine = t.split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const);
  const delim = counts.sort((a, b) => b[1] - a[1])[0][0];
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < t.length; i++) {
    const ch = t[i];
    if (quoted) {
      if (ch === '"') {
        if (t[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delim) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && t[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

const LON_NAMES = ['lon', 'lng', 'long', 'longitude', 'x', '经度', 'x坐标', 'point_x', '东坐标', 'easting'];
const LAT_NAMES = ['lat', 'latitude', 'y', '纬度', 'y坐标', 'point_y', '北坐标', 'northing'];
const WKT_NAMES = ['wkt', 'geometry', 'geom', 'the_geom', 'shape', '几何', '图形', '空间信息'];

function findColumn(header: string[], names: string[]): number {
  const norm = header.map((h) => h.trim().toLowerCase());
  for (const n of names) {
    const i = norm.indexOf(n);
    if (i >= 0) return i;
  }
  return -1;
}

/**
 * Parse a CSV file into point features (lon/lat or X/Y columns) or any geometry (a WKT column).
 * Column names recognised: lon/lng/longitude/x/经度 and lat/latitude/y/纬度; a WKT column named
 * wkt/geometry/geom/几何, or any column whose values start with POINT/POLYGON/MULTIPOLYGON/LINESTRING.
 * Attribute values stay strings (coercion happens in planning).
 * Error codes: `csv_no_coordinates`, `csv_empty`; per-row problems become warnings `csv_bad_row`.
 * @example parseCSV('name,lon,lat\nA,111.78,37.27', 'a.csv').features[0].geometry // Point
 */
export function parseCSV(input: Uint8Array | string, name: string): ParsedLayer {
  const dec = typeof input === 'string' ? { text: input, encoding: 'utf-8' } : decodeText(input);
  const rows = parseCsvRows(dec.text);
  if (rows.length < 2) {
    return makeLayer({ format: 'csv', name, features: [], errors: [issue('csv_empty')] });
  }
  const header = rows[0].map((h) => h.trim());
  const body = rows.slice(1);
  let wktCol = findColumn(header, WKT_NAMES);
  if (wktCol < 0) {
    wktCol = header.findIndex((_, i) =>
      body.slice(0, 5).some((r) => /^\s*(SRID=\d+;)?\s*(MULTI)?(POINT|POLYGON|LINESTRING)\b/i.test(r[i] ?? '')),
    );
  }
  const lonCol = findColumn(header, LON_NAMES);
  const latCol = findColumn(header, LAT_NAMES);
  if (wktCol < 0 && (lonCol < 0 || latCol < 0)) {
    return makeLayer({
      format: 'csv',
      name,
      features: [],
      columns: header,
      encoding: dec.encoding,
      errors: [
        issue('csv_no_coordinates', { columns: header.join('、') }),
      ],
    });
  }
  const geomCols = new Set(wktCol >= 0 ? [wktCol] : [lonCol, latCol]);
  const columns = header.filter((_, i) => !geomCols.has(i));
  const features: Feature<Geometry | null, GeoJsonProperties>[] = [];
  const warnings = [];
  for (let r = 0; r < body.length; r++) {
    const row = body[r];
    const props: Record<string, string> = {};
    header.forEach((h, i) => {
      if (!geomCols.has(i)) props[h] = (row[i] ?? '').trim();
    });
    let geometry: Geometry | null = null;
    try {
      if (wktCol >= 0) geometry = parseWKT(row[wktCol] ?? '');
      else {
        const x = Number((row[lonCol] ?? '').trim());
        const y = Number((row[latCol] ?? '').trim());
        if (!Number.isFinite(x) || !Number.isFinite(y) || row[lonCol]?.trim() === '' || row[latCol]?.trim() === '') throw new Error('bad number');
        geometry = { type: 'Point', coordinates: [x, y] };
      }
    } catch (e) {
      warnings.push(
        issue('csv_bad_row', { row: r + 2, detail: (e as Error).message }),
      );
    }
    features.push({ type: 'Feature', properties: props, geometry });
  }
  return makeLayer({ format: 'csv', name, features, columns, encoding: dec.encoding, warnings });
}
