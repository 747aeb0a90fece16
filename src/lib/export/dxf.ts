// DXF for design institutes: AutoCAD R12 ASCII (AC1009), the version every CAD and GIS program reads, in a projected
// CRS (metres). Each ring is a closed POLYLINE on an outline layer, each feature gets a TEXT label at its pole of
// inaccessibility, and the note (what, when, which CRS and zone) is written both as DXF comments and as TEXT on an
// info layer above the drawing. Chinese text is GBK under code page ANSI_936 — how Chinese AutoCAD writes R12, and
// what GDAL decodes in TEXT (it decodes \U+XXXX escapes only in MTEXT, which R12 lacks); a character GBK lacks is
// written as a \U+XXXX escape. Layer names are ASCII.
import polylabel from 'polylabel';
import type { FeatureCollection, Geometry, GeoJsonProperties, Position } from 'geojson';
import type { Crs } from '../geo/crs';

export interface DxfOptions {
  /** Layer of the outlines, e.g. 'FY_COMPOUNDS' (ASCII). */
  layer: string;
  /** Label of a feature (e.g. code and name); empty for none. */
  label: (props: GeoJsonProperties) => string;
  /** Note lines (what the file holds, data time, CRS); written as comments and on layer FY_INFO. */
  notes: readonly string[];
  /** The projected CRS the coordinates are in (for the header comment). */
  crs: Crs;
  /** Label height in drawing units (metres); default 3 (3 mm at 1:1000). */
  textHeightM?: number;
}

/** Text for a DXF value: one line, no control characters. */
export function dxfText(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').replace(/[\u0000-\u001f]/g, '');
}

let gbk: Map<string, number> | null = null;
/** Character → its two GBK bytes (as one number), built once from the platform's GBK decoder. */
function gbkTable(): Map<string, number> {
  if (gbk) return gbk;
  gbk = new Map();
  const dec = new TextDecoder('gbk');
  const pair = new Uint8Array(2);
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      pair[0] = a;
      pair[1] = b;
      const ch = dec.decode(pair);
      if (ch.length === 1 && ch !== '\ufffd' && !gbk.has(ch)) gbk.set(ch, (a << 8) | b);
    }
  }
  return gbk;
}

/**
 * DXF text as bytes for code page ANSI_936: ASCII as is, Chinese as GBK, anything GBK lacks as \U+XXXX.
 * @example dxfBytes('小区A') // Uint8Array [0xD0, 0xA1, 0xC7, 0xF8, 0x41]
 */
export function dxfBytes(text: string): Uint8Array {
  const table = gbkTable();
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) out.push(c);
    else {
      const g = table.get(text[i]);
      if (g !== undefined) out.push(g >> 8, g & 0xff);
      else for (const e of `\\U+${c.toString(16).toUpperCase().padStart(4, '0')}`) out.push(e.charCodeAt(0));
    }
  }
  return Uint8Array.from(out);
}

const num = (v: number) => (Number.isInteger(v) ? v.toFixed(1) : String(Math.round(v * 1000) / 1000));

function ringsOf(g: Geometry | null): Position[][][] {
  if (!g) return [];
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  return [];
}

/**
 * A FeatureCollection of (Multi)Polygons in projected coordinates (metres) as DXF R12 text (write it with
 * {@link dxfBytes}).
 * @example toDXF(projectFC(fc, grid), { layer: 'FY_COMPOUNDS', label: (p) => `${p?.code} ${p?.name}`, notes, crs: grid })
 */
export function toDXF(fc: FeatureCollection<Geometry | null, GeoJsonProperties>, options: DxfOptions): string {
  const out: string[] = [];
  const g = (code: number, value: string | number) => out.push(String(code), typeof value === 'number' ? num(value) : value);
  const h = options.textHeightM ?? 3;
  const layers = [options.layer, `${options.layer}_LABELS`, 'FY_INFO'];

  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of fc.features) for (const poly of ringsOf(f.geometry)) for (const r of poly) for (const p of r) {
    if (p[0] < minX) minX = p[0];
    if (p[1] < minY) minY = p[1];
    if (p[0] > maxX) maxX = p[0];
    if (p[1] > maxY) maxY = p[1];
  }
  if (!Number.isFinite(minX)) [minX, minY, maxX, maxY] = [0, 0, 0, 0];
  const infoTop = maxY + h * (options.notes.length + 2) * 1.6;

  for (const line of [...options.notes, `CRS: ${options.crs.id}`]) g(999, dxfText(line));
  g(0, 'SECTION'); g(2, 'HEADER');
  g(9, '$ACADVER'); g(1, 'AC1009');
  g(9, '$DWGCODEPAGE'); g(3, 'ANSI_936');
  g(9, '$EXTMIN'); g(10, minX); g(20, minY); g(30, 0);
  g(9, '$EXTMAX'); g(10, maxX); g(20, infoTop); g(30, 0);
  g(0, 'ENDSEC');

  g(0, 'SECTION'); g(2, 'TABLES');
  g(0, 'TABLE'); g(2, 'LTYPE'); g(70, '1');
  g(0, 'LTYPE'); g(2, 'CONTINUOUS'); g(70, '0'); g(3, 'Solid line'); g(72, '65'); g(73, '0'); g(40, 0);
  g(0, 'ENDTAB');
  g(0, 'TABLE'); g(2, 'LAYER'); g(70, String(layers.length));
  layers.forEach((name, i) => {
    g(0, 'LAYER'); g(2, name); g(70, '0'); g(62, String([1, 7, 8][i])); g(6, 'CONTINUOUS');
  });
  g(0, 'ENDTAB');
  // Chinese labels in AutoCAD need a big font: txt.shx with gbcbig.shx is the usual pair.
  g(0, 'TABLE'); g(2, 'STYLE'); g(70, '1');
  g(0, 'STYLE'); g(2, 'STANDARD'); g(70, '0'); g(40, 0); g(41, 1); g(50, 0); g(71, '0'); g(42, h); g(3, 'txt'); g(4, 'gbcbig');
  g(0, 'ENDTAB');
  g(0, 'ENDSEC');

  g(0, 'SECTION'); g(2, 'ENTITIES');
  const text = (layer: string, x: number, y: number, height: number, s: string, centre: boolean) => {
    g(0, 'TEXT'); g(8, layer); g(10, x); g(20, y); g(30, 0); g(40, height); g(1, dxfText(s));
    if (centre) {
      g(72, '1'); g(73, '2'); g(11, x); g(21, y); g(31, 0);
    }
  };
  for (const f of fc.features) {
    const polys = ringsOf(f.geometry);
    for (const poly of polys) for (const ring of poly) {
      g(0, 'POLYLINE'); g(8, options.layer); g(66, '1'); g(10, 0); g(20, 0); g(30, 0); g(70, '1');
      // The closing vertex repeats the first: a closed POLYLINE must not.
      for (const p of ring.slice(0, ring.length > 1 && ring[0][0] === ring.at(-1)![0] && ring[0][1] === ring.at(-1)![1] ? -1 : undefined)) {
        g(0, 'VERTEX'); g(8, options.layer); g(10, p[0]); g(20, p[1]); g(30, 0);
      }
      g(0, 'SEQEND'); g(8, options.layer);
    }
    const label = options.label(f.properties);
    if (label && polys.length) {
      // Label the largest part at its pole of inaccessibility (inside, away from the edges).
      const area = (r: Position[]) => Math.abs(r.reduce((s, p, i) => (i ? s + r[i - 1][0] * p[1] - p[0] * r[i - 1][1] : 0), 0));
      const largest = polys.reduce((a, b) => (area(b[0]) > area(a[0]) ? b : a));
      const [x, y] = polylabel(largest.map((r) => r.map((p) => [p[0], p[1]] as [number, number])), 0.5);
      text(`${options.layer}_LABELS`, x, y, h, label, true);
    }
  }
  options.notes.forEach((line, i) => text('FY_INFO', minX, infoTop - h * 1.6 * (i + 1), h, line, false));
  g(0, 'ENDSEC');
  g(0, 'EOF');
  return out.join('\r\n') + '\r\n';
}
