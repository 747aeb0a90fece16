// Sanity checks for a zone polygon drawn by a planner (the UI and the server hook share them).
// Checks run in order and the first failure is reported, in Chinese and English, with the place
// where it happens when there is one (the crossing point of a self-intersection).
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { frameFor, type LocalFrame } from './local-metric';

export type DrawnPolygonCode =
  | 'not_polygon'
  | 'invalid_coordinates'
  | 'unclosed_ring'
  | 'too_few_vertices'
  | 'self_intersection'
  | 'too_small';

export type DrawnPolygonCheck =
  | { ok: true }
  | { ok: false; code: DrawnPolygonCode; message_zh: string; message_en: string; at?: [number, number] };

/** Smallest accepted area in m². */
export const MIN_DRAWN_AREA_M2 = 1;

const MESSAGES: Record<DrawnPolygonCode, [string, string]> = {
  not_polygon: ['图形必须是面(Polygon 或 MultiPolygon)', 'The shape must be a Polygon or MultiPolygon'],
  invalid_coordinates: ['坐标无效(须为经纬度数值)', 'Invalid coordinates (longitude/latitude numbers expected)'],
  unclosed_ring: ['边界未闭合:首尾点必须相同', 'The ring is not closed: its first and last positions must be equal'],
  too_few_vertices: ['边界至少需要 3 个不同的顶点', 'A ring needs at least 3 distinct vertices'],
  self_intersection: ['边界自相交', 'The boundary intersects itself'],
  too_small: [`面积过小(小于 ${MIN_DRAWN_AREA_M2} 平方米)`, `The area is too small (under ${MIN_DRAWN_AREA_M2} m²)`],
};

function fail(code: DrawnPolygonCode, at?: Position, extraZh = '', extraEn = ''): DrawnPolygonCheck {
  const [zh, en] = MESSAGES[code];
  const r: DrawnPolygonCheck = { ok: false, code, message_zh: zh + extraZh, message_en: en + extraEn };
  if (at) r.at = [Math.round(at[0] * 1e7) / 1e7, Math.round(at[1] * 1e7) / 1e7];
  return r;
}

const validPos = (p: unknown): p is Position =>
  Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]) &&
  Math.abs(p[0] as number) <= 180 && Math.abs(p[1] as number) <= 90;

/**
 * Lon/lat → metres by an affine map (equirectangular at the centre). GeoJSON edges are straight in
 * lon/lat, and an affine map keeps them straight, so crossings and collinearity (spikes) are
 * judged exactly; the ~1e-5 scale error does not matter for the 1 m² floor.
 */
interface Affine {
  toXY(p: Position): [number, number];
  toLonLat(p: [number, number]): [number, number];
}
function affineFor(frame: LocalFrame): Affine {
  const { lon0, lat0, mPerDegLon: kx, mPerDegLat: ky } = frame;
  return {
    toXY: (p) => [(p[0] - lon0) * kx, (p[1] - lat0) * ky],
    toLonLat: (p) => [lon0 + p[0] / kx, lat0 + p[1] / ky],
  };
}

/** Ring in metres without the closing vertex and without consecutive duplicates. */
function ringXY(ring: Position[], frame: Affine): { xy: number[]; src: Position[] } {
  const xy: number[] = [];
  const src: Position[] = [];
  for (let i = 0; i < ring.length - 1; i++) {
    const [x, y] = frame.toXY(ring[i]);
    const n = xy.length;
    if (n > 0 && xy[n - 2] === x && xy[n - 1] === y) continue;
    xy.push(x, y);
    src.push(ring[i]);
  }
  const n = xy.length;
  if (n > 2 && xy[0] === xy[n - 2] && xy[1] === xy[n - 1]) {
    xy.length = n - 2;
    src.pop();
  }
  return { xy, src };
}

const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) =>
  (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);

/** Is c on segment ab (given collinear)? */
const onSeg = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) =>
  Math.min(ax, bx) <= cx && cx <= Math.max(ax, bx) && Math.min(ay, by) <= cy && cy <= Math.max(ay, by);

interface Seg {
  ax: number; ay: number; bx: number; by: number;
  ring: number; k: number; n: number; // ring id, index in ring, ring size (to spot neighbours)
}

/**
 * Where segments s and t meet in a way a simple polygon forbids, in metres, or null.
 * Neighbouring edges of one ring may share their common vertex but must not fold back on it.
 */
function badContact(s: Seg, t: Seg): [number, number] | null {
  const adjacent = s.ring === t.ring && ((s.k + 1) % s.n === t.k || (t.k + 1) % t.n === s.k);
  const d1 = orient(s.ax, s.ay, s.bx, s.by, t.ax, t.ay);
  const d2 = orient(s.ax, s.ay, s.bx, s.by, t.bx, t.by);
  const d3 = orient(t.ax, t.ay, t.bx, t.by, s.ax, s.ay);
  const d4 = orient(t.ax, t.ay, t.bx, t.by, s.bx, s.by);
  if (adjacent) {
    // they share a vertex; a problem only if collinear and folding back (a spike)
    if (d1 === 0 && d2 === 0) {
      const shared = (s.k + 1) % s.n === t.k ? [s.bx, s.by] : [s.ax, s.ay];
      const sx = s.ax + s.bx - 2 * shared[0];
      const sy = s.ay + s.by - 2 * shared[1];
      const tx = t.ax + t.bx - 2 * shared[0];
      const ty = t.ay + t.by - 2 * shared[1];
      if (sx * tx + sy * ty > 0) return [shared[0], shared[1]];
    }
    return null;
  }
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
    const u = d1 / (d1 - d2);
    return [t.ax + u * (t.bx - t.ax), t.ay + u * (t.by - t.ay)];
  }
  if (d1 === 0 && onSeg(s.ax, s.ay, s.bx, s.by, t.ax, t.ay)) return [t.ax, t.ay];
  if (d2 === 0 && onSeg(s.ax, s.ay, s.bx, s.by, t.bx, t.by)) return [t.bx, t.by];
  if (d3 === 0 && onSeg(t.ax, t.ay, t.bx, t.by, s.ax, s.ay)) return [s.ax, s.ay];
  if (d4 === 0 && onSeg(t.ax, t.ay, t.bx, t.by, s.bx, s.by)) return [s.bx, s.by];
  return null;
}

/**
 * Validate a polygon drawn as a design zone: a Polygon/MultiPolygon with closed rings of at least
 * 3 distinct vertices, no self-intersection or self-touching (within and between rings; the
 * crossing point is returned in `at` as [lon, lat]) and an area of at least 1 m².
 *
 * @example
 * validateDrawnPolygon(bowtie); // { ok: false, code: 'self_intersection', message_zh: '边界自相交', …, at: [111.78, 37.26] }
 * validateDrawnPolygon(square); // { ok: true }
 */
export function validateDrawnPolygon(geom: unknown): DrawnPolygonCheck {
  const g = geom as Polygon | MultiPolygon | null;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon') || !Array.isArray(g.coordinates)) {
    return fail('not_polygon');
  }
  const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as Position[][][];
  if (polys.length === 0) return fail('not_polygon');
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const rings of polys) {
    if (!Array.isArray(rings) || rings.length === 0) return fail('not_polygon');
    for (const ring of rings) {
      if (!Array.isArray(ring) || ring.length === 0) return fail('too_few_vertices');
      for (const p of ring) {
        if (!validPos(p)) return fail('invalid_coordinates', undefined, `:${JSON.stringify(p)}`, `: ${JSON.stringify(p)}`);
        x0 = Math.min(x0, p[0]);
        y0 = Math.min(y0, p[1]);
        x1 = Math.max(x1, p[0]);
        y1 = Math.max(y1, p[1]);
      }
      const a = ring[0];
      const b = ring[ring.length - 1];
      if (ring.length < 2 || a[0] !== b[0] || a[1] !== b[1]) return fail('unclosed_ring', b);
    }
  }
  const frame = affineFor(frameFor([x0, y0, x1, y1]));
  const segs: Seg[] = [];
  let area = 0;
  let ringId = 0;
  for (const rings of polys) {
    for (let r = 0; r < rings.length; r++) {
      const { xy, src } = ringXY(rings[r], frame);
      const n = xy.length / 2;
      const distinct = new Set(src.map((p) => `${p[0]},${p[1]}`)).size;
      if (n < 3 || distinct < 3) return fail('too_few_vertices', rings[r][0]);
      let a2 = 0;
      for (let k = 0; k < n; k++) {
        const j = (k + 1) % n;
        segs.push({ ax: xy[2 * k], ay: xy[2 * k + 1], bx: xy[2 * j], by: xy[2 * j + 1], ring: ringId, k, n });
        a2 += xy[2 * k] * xy[2 * j + 1] - xy[2 * j] * xy[2 * k + 1];
      }
      area += (r === 0 ? 1 : -1) * Math.abs(a2 / 2);
      ringId++;
    }
  }
  // Sort-and-sweep on x: drawn zones have tens to hundreds of vertices.
  const order = segs.map((_, i) => i).sort((i, j) => Math.min(segs[i].ax, segs[i].bx) - Math.min(segs[j].ax, segs[j].bx));
  for (let oi = 0; oi < order.length; oi++) {
    const s = segs[order[oi]];
    const sMaxX = Math.max(s.ax, s.bx);
    for (let oj = oi + 1; oj < order.length; oj++) {
      const t = segs[order[oj]];
      if (Math.min(t.ax, t.bx) > sMaxX) break;
      if (Math.max(t.ay, t.by) < Math.min(s.ay, s.by) || Math.min(t.ay, t.by) > Math.max(s.ay, s.by)) continue;
      const hit = badContact(s, t);
      if (hit) return fail('self_intersection', frame.toLonLat(hit));
    }
  }
  if (area < MIN_DRAWN_AREA_M2) {
    return fail('too_small', undefined, `:${area.toFixed(2)} 平方米`, `: ${area.toFixed(2)} m²`);
  }
  return { ok: true };
}
