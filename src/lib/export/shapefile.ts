// Shapefile export written byte by byte: .shp/.shx/.dbf plus a .prj, a 'UTF-8' .cpg and a field map, zipped.
// (@mapbox/shp-write 0.4 writes DBF text one UTF-16 code unit per byte, which garbles Chinese,
// so it is not used.)
import JSZip from 'jszip';
import type { FeatureCollection, Geometry, GeoJsonProperties, Position } from 'geojson';
import { ExportError, group, SHAPEFILE_FILE_MAX_BYTES } from './limits';
import { dbfWidth, type ExportField, type FieldType } from './schema';

const enc = new TextEncoder();

/** Cut a string to at most `maxBytes` UTF-8 bytes without splitting a character. */
function cutBytes(s: string, maxBytes: number): string {
  let out = '';
  let n = 0;
  for (const ch of s) {
    const b = enc.encode(ch).length;
    if (n + b > maxBytes) break;
    out += ch;
    n += b;
  }
  return out;
}

type ShapeType = 1 | 3 | 5 | 8; // point, polyline, polygon, multipoint

function shapeTypeOf(g: Geometry | null): ShapeType | null {
  switch (g?.type) {
    case 'Point':
      return 1;
    case 'MultiPoint':
      return 8;
    case 'LineString':
    case 'MultiLineString':
      return 3;
    case 'Polygon':
    case 'MultiPolygon':
      return 5;
    default:
      return null;
  }
}

function ringArea(r: Position[]): number {
  let s = 0;
  for (let i = 0; i < r.length - 1; i++) s += r[i][0] * r[i + 1][1] - r[i + 1][0] * r[i][1];
  return s / 2;
}

/** Parts for polyline/polygon records; polygon rings get shapefile winding (outer CW, holes CCW). */
function partsOf(g: Geometry): Position[][] {
  switch (g.type) {
    case 'LineString':
      return [g.coordinates];
    case 'MultiLineString':
      return g.coordinates;
    case 'Polygon':
    case 'MultiPolygon': {
      const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
      return polys.flatMap((rings) =>
        rings.map((r, i) => {
          const cw = ringArea(r) < 0;
          return (i === 0) === cw ? r : r.slice().reverse();
        }),
      );
    }
    case 'MultiPoint':
      return [g.coordinates];
    default:
      return [];
  }
}

function recordContent(type: ShapeType, g: Geometry | null): Uint8Array {
  if (!g) {
    const b = new Uint8Array(4); // null shape (type 0)
    return b;
  }
  if (type === 1) {
    const p = (g as { coordinates: Position }).coordinates;
    const dv = new DataView(new ArrayBuffer(20));
    dv.setInt32(0, 1, true);
    dv.setFloat64(4, p[0], true);
    dv.setFloat64(12, p[1], true);
    return new Uint8Array(dv.buffer);
  }
  const parts = partsOf(g);
  const pts = parts.flat();
  const head = type === 8 ? 40 : 44 + 4 * parts.length;
  const dv = new DataView(new ArrayBuffer(head + 16 * pts.length));
  const [w, s, e, n] = bboxOf(pts);
  dv.setInt32(0, type, true);
  dv.setFloat64(4, w, true);
  dv.setFloat64(12, s, true);
  dv.setFloat64(20, e, true);
  dv.setFloat64(28, n, true);
  let o: number;
  if (type === 8) {
    dv.setInt32(36, pts.length, true);
    o = 40;
  } else {
    dv.setInt32(36, parts.length, true);
    dv.setInt32(40, pts.length, true);
    o = 44;
    let start = 0;
    for (const p of parts) {
      dv.setInt32(o, start, true);
      o += 4;
      start += p.length;
    }
  }
  for (const p of pts) {
    dv.setFloat64(o, p[0], true);
    dv.setFloat64(o + 8, p[1], true);
    o += 16;
  }
  return new Uint8Array(dv.buffer);
}

function bboxOf(pts: Position[]): [number, number, number, number] {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of pts) {
    if (p[0] < w) w = p[0];
    if (p[1] < s) s = p[1];
    if (p[0] > e) e = p[0];
    if (p[1] > n) n = p[1];
  }
  return Number.isFinite(w) ? [w, s, e, n] : [0, 0, 0, 0];
}

function writeShpShx(type: ShapeType, geoms: (Geometry | null)[]): { shp: Uint8Array; shx: Uint8Array } {
  const contents = geoms.map((g) => recordContent(type, g));
  const box = bboxOf(geoms.flatMap((g) => (g ? (g.type === 'Point' ? [g.coordinates] : partsOf(g).flat()) : [])));
  const shpLen = 100 + contents.reduce((s, c) => s + 8 + c.length, 0);
  const shxLen = 100 + 8 * contents.length;
  const shp = new Uint8Array(shpLen);
  const shx = new Uint8Array(shxLen);
  const header = (buf: Uint8Array, len: number) => {
    const dv = new DataView(buf.buffer);
    dv.setInt32(0, 9994, false);
    dv.setInt32(24, len / 2, false);
    dv.setInt32(28, 1000, true);
    dv.setInt32(32, type, true);
    box.forEach((v, i) => dv.setFloat64(36 + 8 * i, v, true));
  };
  header(shp, shpLen);
  header(shx, shxLen);
  const sdv = new DataView(shp.buffer);
  const xdv = new DataView(shx.buffer);
  let o = 100;
  contents.forEach((c, i) => {
    xdv.setInt32(100 + 8 * i, o / 2, false);
    xdv.setInt32(104 + 8 * i, c.length / 2, false);
    sdv.setInt32(o, i + 1, false);
    sdv.setInt32(o + 4, c.length / 2, false);
    shp.set(c, o + 8);
    o += 8 + c.length;
  });
  return { shp, shx };
}

interface DbfField {
  key: string;
  name: string;
  type: 'C' | 'N' | 'L' | 'D';
  size: number;
  decimals: number;
}

const DBF_TYPE: Record<FieldType, DbfField['type']> = { text: 'C', int: 'N', real: 'N', bool: 'L', date: 'D' };

function dbfFields(fields: readonly ExportField[]): DbfField[] {
  const seen = new Set<string>();
  return fields.map((f) => {
    const name = f.short;
    if (!/^[A-Za-z][A-Za-z0-9_]{0,9}$/.test(name) || seen.has(name.toUpperCase())) throw new Error(`bad or repeated DBF field name ${name}`);
    seen.add(name.toUpperCase());
    return { key: f.key, name, type: DBF_TYPE[f.type], ...dbfWidth(f) };
  });
}

const textOf = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
const isBlank = (v: unknown) => v === null || v === undefined || v === '';

/** What a value becomes in its DBF field, or why it cannot be written whole. */
function dbfValue(f: DbfField, v: unknown): { text: string; problem?: 'cut' | 'too_wide' | 'bad' } {
  if (isBlank(v)) return { text: f.type === 'L' ? '?' : '' };
  switch (f.type) {
    case 'L':
      return typeof v === 'boolean' ? { text: v ? 'T' : 'F' } : { text: '?', problem: 'bad' };
    case 'N': {
      if (typeof v !== 'number' || !Number.isFinite(v)) return { text: '', problem: 'bad' };
      const s = v.toFixed(f.decimals);
      return s.length > f.size ? { text: '', problem: 'too_wide' } : { text: s.padStart(f.size, ' ') };
    }
    case 'D': {
      const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(textOf(v));
      return m ? { text: m[1] + m[2] + m[3] } : { text: '', problem: 'bad' };
    }
    case 'C': {
      const t = textOf(v);
      const cut = cutBytes(t, f.size);
      return cut.length < t.length ? { text: cut, problem: 'cut' } : { text: t };
    }
  }
}

function writeDbf(rows: GeoJsonProperties[], fields: DbfField[], report: (f: DbfField, row: number, problem: string) => void): Uint8Array {
  const recLen = 1 + fields.reduce((s, f) => s + f.size, 0);
  const headerLen = 32 + 32 * fields.length + 1;
  const buf = new Uint8Array(headerLen + recLen * rows.length + 1);
  const dv = new DataView(buf.buffer);
  const now = new Date();
  dv.setUint8(0, 0x03);
  dv.setUint8(1, now.getFullYear() - 1900);
  dv.setUint8(2, now.getMonth() + 1);
  dv.setUint8(3, now.getDate());
  dv.setUint32(4, rows.length, true);
  dv.setUint16(8, headerLen, true);
  dv.setUint16(10, recLen, true);
  // Language driver id 0: the .cpg says the encoding (UTF-8).
  fields.forEach((f, i) => {
    buf.set(enc.encode(f.name), 32 + 32 * i);
    buf[32 + 32 * i + 11] = f.type.charCodeAt(0);
    buf[32 + 32 * i + 16] = f.size;
    buf[32 + 32 * i + 17] = f.decimals;
  });
  buf[headerLen - 1] = 0x0d;
  let o = headerLen;
  rows.forEach((r, i) => {
    buf.fill(0x20, o, o + recLen);
    o += 1;
    for (const f of fields) {
      const { text, problem } = dbfValue(f, r?.[f.key]);
      if (problem) report(f, i, problem);
      buf.set(enc.encode(text), o);
      o += f.size;
    }
  });
  buf[o] = 0x1a;
  return buf;
}

/** Bytes of the .shp, .shx and .dbf before they are built (to refuse what would pass the 2 GB limit). */
function sizesOf(type: ShapeType, geoms: (Geometry | null)[], fields: DbfField[]): { shp: number; shx: number; dbf: number } {
  let shp = 100;
  for (const g of geoms) {
    if (!g) shp += 8 + 4;
    else if (type === 1) shp += 8 + 20;
    else {
      const parts = partsOf(g);
      const n = parts.reduce((s, p) => s + p.length, 0);
      shp += 8 + (type === 8 ? 40 : 44 + 4 * parts.length) + 16 * n;
    }
  }
  const recLen = 1 + fields.reduce((s, f) => s + f.size, 0);
  return { shp, shx: 100 + 8 * geoms.length, dbf: 32 + 32 * fields.length + 1 + recLen * geoms.length + 1 };
}

export interface ShapefileOptions {
  /** The attribute fields, in order (from the export schema: names, types and widths). */
  fields: readonly ExportField[];
  /** The .prj text (ESRI WKT) of the coordinates the features are in. */
  prj: string;
  /** Lines of the note that ships as 说明.txt (what the file holds, when, which CRS). */
  notes?: readonly string[];
  /** Largest .shp/.shx/.dbf in bytes (the format's 2 GB unless a test sets less). */
  maxFileBytes?: number;
}

export interface ShapefileResult {
  bytes: Uint8Array;
  /** Values that could not be written whole, one Chinese line each (also listed in 说明.txt). */
  warnings: string[];
}

/**
 * Write a FeatureCollection as a zipped shapefile: .shp/.shx/.dbf with the given attribute fields (names, types and
 * widths from the schema, so later appends fit), a .prj, a 'UTF-8' .cpg, and 说明.txt with the note and the field map
 * (short DBF name → full Chinese name, type, width, unit). Polygons and MultiPolygons (with holes) share one polygon
 * file; points, multipoints and lines go to their own files (suffixes _point, _multipoint, _line).
 * Text longer than its DBF field (254 bytes at most) is cut on a character boundary and reported in `warnings`.
 * @throws ExportError when a file would pass 2 GB
 * @example const { bytes } = await toShapefileZip(fc, '汾阳小区', { fields, prj: WGS84_PRJ })
 */
export async function toShapefileZip(fc: FeatureCollection<Geometry | null, GeoJsonProperties>, name: string, options: ShapefileOptions): Promise<ShapefileResult> {
  const base = name.replace(/[\\/:*?"<>|]/g, '_') || 'export';
  const fields = dbfFields(options.fields);
  const limit = options.maxFileBytes ?? SHAPEFILE_FILE_MAX_BYTES;
  const groups = new Map<ShapeType, { geoms: (Geometry | null)[]; rows: GeoJsonProperties[] }>();
  for (const f of fc.features) {
    const t = shapeTypeOf(f.geometry) ?? 5;
    const g = groups.get(t) ?? { geoms: [], rows: [] };
    g.geoms.push(shapeTypeOf(f.geometry) ? f.geometry : null);
    g.rows.push(f.properties ?? {});
    groups.set(t, g);
  }
  if (!groups.size) groups.set(5, { geoms: [], rows: [] });
  for (const [type, g] of groups) {
    const sizes = sizesOf(type, g.geoms, fields);
    const biggest = Math.max(sizes.shp, sizes.shx, sizes.dbf);
    if (biggest > limit) {
      throw new ExportError(
        `Shapefile 的单个文件不能超过 2 GB，本次导出约 ${group(biggest / 2 ** 20)} MB；请缩小范围分批导出，或改用 GeoJSON`,
        `a shapefile part would be ${group(biggest / 2 ** 20)} MB, over the format's 2 GB limit; export a smaller scope or use GeoJSON`,
      );
    }
  }
  const suffix: Record<ShapeType, string> = { 1: '_point', 3: '_line', 5: '', 8: '_multipoint' };
  const warnings: string[] = [];
  const zip = new JSZip();
  for (const [type, g] of groups) {
    const file = groups.size > 1 || type !== 5 ? base + suffix[type] : base;
    const { shp, shx } = writeShpShx(type, g.geoms);
    const counts = new Map<string, number>();
    const dbf = writeDbf(g.rows, fields, (f, _row, problem) => {
      const k = `${f.name}\u0000${problem}`;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    });
    for (const [k, n] of counts) {
      const [fname, problem] = k.split('\u0000');
      const full = options.fields.find((x) => x.short === fname)!;
      const width = fields.find((x) => x.name === fname)!.size;
      warnings.push(problem === 'cut'
        ? `${file}：${n} 条记录的"${full.label}"（${fname}）超过 ${width} 字节，已截断；完整内容见 GeoJSON 或 CSV`
        : `${file}：${n} 条记录的"${full.label}"（${fname}）无法按字段类型写入，已留空`);
    }
    zip.file(`${file}.shp`, shp);
    zip.file(`${file}.shx`, shx);
    zip.file(`${file}.dbf`, dbf);
    zip.file(`${file}.prj`, options.prj);
    zip.file(`${file}.cpg`, 'UTF-8');
  }
  zip.file('说明.txt', '\uFEFF' + fieldMapText(options.fields, options.notes ?? [], warnings).join('\r\n') + '\r\n');
  return { bytes: await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }), warnings };
}

/**
 * The field map of a shapefile (short DBF name → full name, type, width, unit), after the note lines.
 * @example fieldMapText(fields, ['含工作人员字段'])[0] // '含工作人员字段'
 */
export function fieldMapText(fields: readonly ExportField[], notes: readonly string[], warnings: readonly string[] = []): string[] {
  const typeName: Record<FieldType, string> = { text: '文本', int: '整数', real: '小数', bool: '是/否（T/F）', date: '日期' };
  const lines = [...notes, '', '字段说明（Shapefile 字段名 → 完整名称 · 类型 · 宽度）：'];
  for (const f of fields) {
    const { size, decimals } = dbfWidth(f);
    const width = f.type === 'real' ? `${size},${decimals}` : String(size);
    const extra = [f.unit ? `单位 ${f.unit}` : '', f.codes ? `代码：${Object.entries(f.codes).map(([c, l]) => `${c}=${l}`).join('，')}` : '']
      .filter(Boolean).join('；');
    lines.push(`${f.short.padEnd(10)}  ${f.label}（${f.key}）· ${typeName[f.type]} · ${width}${extra ? ` · ${extra}` : ''}`);
  }
  if (warnings.length) lines.push('', '未能完整写入的值：', ...warnings);
  return lines;
}
