// DXF reader: closed LWPOLYLINE / POLYLINE entities become polygons, one property `layer`.
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
  const dxfLayers = [...counts.entries()].map(([n, v]) => ({ name: n, ...v }));
  const totalClosed = dxfLayers.reduce((s, l) => s + l.closed, 0);
  const errors = totalClosed
    ? []
    : [
        issue('dxf_no_closed_polylines'),
      ];
  return makeLayer({ format: 'dxf', name, features, columns: ['layer', 'handle'], errors, dxfLayers });
}
