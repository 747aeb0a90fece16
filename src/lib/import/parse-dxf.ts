// DXF reader: closed LWPOLYLINE / POLYLINE entities become polygons, one property `layer`; text (TEXT / MTEXT) placed
// inside a closed outline becomes its name (CAD drawings carry names as text, not attributes).
// CAD drawings carry no CRS; the numbers are guessed (usually Gauss-Krüger metres).
import DxfParser from 'dxf-parser';
import type { Feature, Geometry, GeoJsonProperties, Position } from 'geojson';
import { makeLayer } from './common';
import { decodeText } from './detect';
import type { ParsedLayer } from './types';
import { issue } from './types';

/** Options for {@link parseDXF}. */
export interface DxfOptions {
  /** Keep only closed polylines on these layers (all layers when omitted). */
  layers?: string[];
}

interface PolyEntity {
  type: string;
  layer?: string;
  handle?: string | number;
  shape?: boolean;
  vertices?: { x: number; y: number }[];
  /** TEXT: insertion point; MTEXT: position. */
  startPoint?: { x: number; y: number };
  position?: { x: number; y: number };
  text?: string;
}

/** MTEXT formatting removed: paragraph breaks, font/height/colour codes, braces, %%-codes. */
export function cleanCadText(s: string): string {
  return s
    .replace(/\\P/gi, ' ')
    .replace(/\\[ACFHQTWfhqtw][^;]*;/g, '')
    .replace(/\\[LlOoKk~]/g, '')
    .replace(/[{}]/g, '')
    .replace(/%%[cdp]/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function inRing(x: number, y: number, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Parse a DXF (ASCII). Every closed LWPOLYLINE/POLYLINE becomes a Polygon feature with
 * properties `{ layer, handle }`; `dxfLayers` lists each layer's closed/open polyline counts so the
 * user can choose layers (then call again with `options.layers`). Arcs (bulges) are flattened to
 * their chords. Error codes: `dxf_bad`, `dxf_no_closed_polylines`.
 * @example parseDXF(bytes, 'site.dxf', { layers: ['COMPOUND'] }).features.length
 */
export function parseDXF(input: Uint8Array | string, name: string, options: DxfOptions = {}): ParsedLayer {
  const text = typeof input === 'string' ? input : decodeText(input).text;
  let dxf: { entities?: PolyEntity[]; tables?: { layer?: { layers?: Record<string, unknown> } } } | null;
  try {
    dxf = new DxfParser().parseSync(text) as typeof dxf;
  } catch (e) {
    return makeLayer({ format: 'dxf', name, features: [], errors: [issue('dxf_bad', { detail: (e as Error).message })] });
  }
  const counts = new Map<string, { closed: number; open: number }>();
  for (const l of Object.keys(dxf?.tables?.layer?.layers ?? {})) counts.set(l, { closed: 0, open: 0 });
  const features: Feature<Geometry | null, GeoJsonProperties>[] = [];
  const want = options.layers ? new Set(options.layers) : null;
  for (const e of dxf?.entities ?? []) {
    if (e.type !== 'LWPOLYLINE' && e.type !== 'POLYLINE') continue;
    const layer = e.layer ?? '0';
    const c = counts.get(layer) ?? { closed: 0, open: 0 };
    counts.set(layer, c);
    const pts: Position[] = (e.vertices ?? []).map((v) => [v.x, v.y]);
    // A polyline whose last vertex repeats the first is closed even without the flag.
    const closedByPoints = pts.length > 3 && pts[0][0] === pts[pts.length - 1][0] && pts[0][1] === pts[pts.length - 1][1];
    if (!e.shape && !closedByPoints) {
      c.open++;
      continue;
    }
    c.closed++;
    if (want && !want.has(layer)) continue;
    const ring = closedByPoints ? pts : [...pts, pts[0]];
    features.push({ type: 'Feature', properties: { layer, handle: String(e.handle ?? '') }, geometry: { type: 'Polygon', coordinates: [ring] } });
  }
  // Text inside an outline names it: each text layer becomes a column (文字:<layer>), and `name` is the text of the
  // layer that names the most outlines (another layer's text can be chosen in the mapping).
  const texts: { x: number; y: number; text: string; layer: string }[] = [];
  for (const e of dxf?.entities ?? []) {
    if (e.type !== 'TEXT' && e.type !== 'MTEXT') continue;
    const at = e.type === 'TEXT' ? e.startPoint : e.position;
    const text = cleanCadText(String(e.text ?? ''));
    if (at && text) texts.push({ x: at.x, y: at.y, text, layer: e.layer ?? '0' });
  }
  const textColumns = new Map<string, number>();
  for (const f of features) {
    const ring = (f.geometry as { coordinates: Position[][] }).coordinates[0];
    for (const tx of texts) {
      if (!inRing(tx.x, tx.y, ring)) continue;
      const col = `文字:${tx.layer}`;
      const props = f.properties as Record<string, string>;
      if (props[col]) continue; // the first text of a layer inside the outline
      props[col] = tx.text;
      textColumns.set(col, (textColumns.get(col) ?? 0) + 1);
    }
  }
  const nameColumn = [...textColumns.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const warnings = [];
  if (nameColumn) {
    for (const f of features) {
      const props = f.properties as Record<string, string>;
      if (props[nameColumn]) props.name = props[nameColumn];
    }
    warnings.push(issue('dxf_text_names', { n: textColumns.get(nameColumn)!, layer: nameColumn.slice(3), total: features.length }));
  }
  const dxfLayers = [...counts.entries()].map(([n, v]) => ({ name: n, ...v }));
  const totalClosed = dxfLayers.reduce((s, l) => s + l.closed, 0);
  const errors = totalClosed
    ? []
    : [
        issue('dxf_no_closed_polylines'),
      ];
  const columns = ['layer', 'handle', ...(nameColumn ? ['name'] : []), ...textColumns.keys()];
  return makeLayer({ format: 'dxf', name, features, columns, errors, warnings, dxfLayers });
}
