// Shapefile export written byte by byte: .shp/.shx/.dbf plus a WGS84 .prj and a 'UTF-8' .cpg, zipped.
// (@mapbox/shp-write 0.4 writes DBF text one UTF-16 code unit per byte, which garbles Chinese,
// so it is not used.)
import JSZip from 'jszip';
import type { FeatureCollection, Geometry, GeoJsonProperties, Position } from 'geojson';
import { WGS84_PRJ } from '../geo/crs';

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

/**
 * DBF field names for property keys: at most 10 UTF-8 bytes, unique (a numeric suffix is added
 * when two keys cut to the same name).
 * @example shapefileFieldNames(['建成年代', 'households_total']) // { 建成年代: '建成年', households_total: 'households' }
 */
export function shapefileFieldNames(keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const used = new Set<string>();
  for (const k of keys) {
    let name = cutBytes(k.replace(/[\s\0]/g, '_'), 10) || 'FIELD';
    for (let i = 1; used.has(name.toUpperCase()); i++) {
      const suffix = `_${i}`;
      name = cutBytes(k, 10 - suffix.length) + suffix;
    }
    used.add(name.toUpperCase());
    out[k] = name;
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
  type: 'C' | 'N' | 'L';
  size: number;
  decimals: number;
}

function fieldsFor(rows: GeoJsonProperties[]): DbfField[] {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r ?? {})) if (!seen.has(k)) {
    seen.add(k);
    keys.push(k);
  }
  const names = shapefileFieldNames(keys);
  return keys.map((key) => {
    const vals = rows.map((r) => r?.[key]).filter((v) => v !== null && v !== undefined && v !== '');
    if (vals.length && vals.every((v) => typeof v === 'boolean')) return { key, name: names[key], type: 'L', size: 1, decimals: 0 };
    if (vals.length && vals.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      const decimals = Math.min(8, Math.max(0, ...vals.map((v) => (String(v).split('.')[1] ?? '').length)));
      const intDigits = Math.max(1, ...vals.map((v) => String(Math.trunc(Math.abs(v as number))).length + ((v as number) < 0 ? 1 : 0)));
      const size = intDigits + (decimals ? decimals + 1 : 0);
      if (size <= 18 && !vals.some((v) => String(v).includes('e'))) return { key, name: names[key], type: 'N', size, decimals };
    }
    const size = Math.min(254, Math.max(1, ...vals.map((v) => enc.encode(textOf(v)).length)));
    return { key, name: names[key], type: 'C', size, decimals: 0 };
  });
}

const textOf = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

function writeDbf(rows: GeoJsonProperties[], fields: DbfField[]): Uint8Array {
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
  fields.forEach((f, i) => {
    buf.set(enc.encode(f.name), 32 + 32 * i);
    buf[32 + 32 * i + 11] = f.type.charCodeAt(0);
    buf[32 + 32 * i + 16] = f.size;
    buf[32 + 32 * i + 17] = f.decimals;
  });
  buf[headerLen - 1] = 0x0d;
  let o = headerLen;
  for (const r of rows) {
    buf.fill(0x20, o, o + recLen);
    o += 1;
    for (const f of fields) {
      const v = r?.[f.key];
      let s = '';
      if (v !== null && v !== undefined && v !== '') {
        if (f.type === 'N') s = (v as number).toFixed(f.decimals).padStart(f.size, ' ');
        else if (f.type === 'L') s = v ? 'T' : 'F';
        else s = cutBytes(textOf(v), f.size);
      } else if (f.type === 'L') s = '?';
      buf.set(enc.encode(s), o);
      o += f.size;
    }
  }
  buf[o] = 0x1a;
  return buf;
}

/**
 * Write a WGS84 FeatureCollection as a zipped shapefile (.shp, .shx, .dbf, .prj for WGS84,
 * .cpg 'UTF-8'). Polygons and MultiPolygons (with holes) share one polygon file; points,
 * multipoints and lines go to their own files (suffixes _point, _multipoint, _line) when present.
 * Attribute names are cut to 10 UTF-8 bytes (see {@link shapefileFieldNames}); text values to 254 bytes.
 * @example const bytes = await toShapefileZip(fc, '汾阳小区') // Uint8Array of a .zip
 */
export async function toShapefileZip(fc: FeatureCollection<Geometry | null, GeoJsonProperties>, name: string): Promise<Uint8Array> {
  const base = name.replace(/[\\/:*?"<>|]/g, '_') || 'export';
  const groups = new Map<ShapeType, { geoms: (Geometry | null)[]; rows: GeoJsonProperties[] }>();
  for (const f of fc.features) {
    const t = shapeTypeOf(f.geometry) ?? 5;
    const g = groups.get(t) ?? { geoms: [], rows: [] };
    g.geoms.push(shapeTypeOf(f.geometry) ? f.geometry : null);
    g.rows.push(f.properties ?? {});
    groups.set(t, g);
  }
  if (!groups.size) groups.set(5, { geoms: [], rows: [] });
  const suffix: Record<ShapeType, string> = { 1: '_point', 3: '_line', 5: '', 8: '_multipoint' };
  const zip = new JSZip();
  for (const [type, g] of groups) {
    const file = groups.size > 1 || type !== 5 ? base + suffix[type] : base;
    const { shp, shx } = writeShpShx(type, g.geoms);
    zip.file(`${file}.shp`, shp);
    zip.file(`${file}.shx`, shx);
    zip.file(`${file}.dbf`, writeDbf(g.rows, fieldsFor(g.rows)));
    zip.file(`${file}.prj`, WGS84_PRJ);
    zip.file(`${file}.cpg`, 'UTF-8');
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
