// Planar shapes: a point, lines or polygon rings projected into a LocalFrame as flat arrays [x0, y0, x1, y1, …]
// (closing vertex dropped), with their box, and the exact distances between them in metres (0 when they touch,
// cross or one contains the other). Coverage, ranking and idle land measure with these.
import type { Geometry, Position } from 'geojson';
import type { LocalFrame } from './local-metric';
import { pointSegDist2, segSegDist2, signedRingDistanceM } from './planar';

/** A projected point, polygon or multipolygon (rings of all parts together) with its box, metres. */
export interface PlanarShape {
  /** Rings of all polygon parts (even-odd point-in-shape works for valid geometry); empty for a point. */
  rings: number[][];
  /** Polylines (open), for LineStrings. */
  lines: number[][];
  /** The point, for Point geometry. */
  point: [number, number] | null;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

// plain number arrays, not Float64Array: allocating thousands of small typed arrays costs more
// (and loads the GC more) than the packed-double arrays V8 makes of these
function flatRing(ring: Position[], frame: LocalFrame, closed: boolean): number[] {
  let n = ring.length;
  if (closed && n > 1 && ring[0][0] === ring[n - 1][0] && ring[0][1] === ring[n - 1][1]) n--;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const xy = frame.toXY(ring[i]);
    out.push(xy[0], xy[1]);
  }
  return out;
}

/**
 * Projects a Point, LineString, MultiLineString, Polygon or MultiPolygon into `frame` (metres).
 * Returns null for empty or unsupported geometry, or one with a NaN or infinite coordinate.
 * @example planarShape({ type: 'Point', coordinates: [111.78, 37.26] }, frame).point
 */
export function planarShape(geom: Geometry | null | undefined, frame: LocalFrame): PlanarShape | null {
  if (!geom) return null;
  const s: PlanarShape = { rings: [], lines: [], point: null, minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  switch (geom.type) {
    case 'Point':
      s.point = frame.toXY(geom.coordinates);
      break;
    case 'Polygon':
      for (const r of geom.coordinates) if (r.length >= 3) s.rings.push(flatRing(r, frame, true));
      break;
    case 'MultiPolygon':
      for (const p of geom.coordinates) for (const r of p) if (r.length >= 3) s.rings.push(flatRing(r, frame, true));
      break;
    case 'LineString':
      if (geom.coordinates.length >= 2) s.lines.push(flatRing(geom.coordinates, frame, false));
      break;
    case 'MultiLineString':
      for (const l of geom.coordinates) if (l.length >= 2) s.lines.push(flatRing(l, frame, false));
      break;
    default:
      return null;
  }
  if (s.point) {
    s.minX = s.maxX = s.point[0];
    s.minY = s.maxY = s.point[1];
  }
  for (let k = 0; k < s.rings.length + s.lines.length; k++) {
    const r = k < s.rings.length ? s.rings[k] : s.lines[k - s.rings.length];
    for (let i = 0; i < r.length; i += 2) {
      const x = r[i];
      const y = r[i + 1];
      if (x < s.minX) s.minX = x;
      if (x > s.maxX) s.maxX = x;
      if (y < s.minY) s.minY = y;
      if (y > s.maxY) s.maxY = y;
    }
  }
  if (!(s.minX <= s.maxX)) return null;
  // a NaN or infinite coordinate makes every distance meaningless: no shape (callers list it as skipped)
  for (const r of s.rings) for (const v of r) if (!Number.isFinite(v)) return null;
  for (const l of s.lines) for (const v of l) if (!Number.isFinite(v)) return null;
  if (s.point && !(Number.isFinite(s.point[0]) && Number.isFinite(s.point[1]))) return null;
  return s;
}

/**
 * Even-odd point-in-shape over all rings (holes and parts); x, y in metres of the shape's frame.
 * @example pointInShape(0, 0, planarShape(compound.geometry, frame)!) // true when the frame centre is inside
 */
export function pointInShape(x: number, y: number, s: PlanarShape): boolean {
  if (x < s.minX || x > s.maxX || y < s.minY || y > s.maxY) return false;
  let inside = false;
  for (const r of s.rings) {
    const n = r.length;
    for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
      const yi = r[i + 1];
      const yj = r[j + 1];
      if (yi > y !== yj > y && x < ((r[j] - r[i]) * (y - yi)) / (yj - yi) + r[i]) inside = !inside;
    }
  }
  return inside;
}

/** Calls fn(ax, ay, bx, by) for every edge of the shape (ring edges closed, line edges open). */
function forEachEdge(s: PlanarShape, fn: (ax: number, ay: number, bx: number, by: number) => void): void {
  for (const r of s.rings) {
    const n = r.length;
    for (let i = 0, j = n - 2; i < n; j = i, i += 2) fn(r[j], r[j + 1], r[i], r[i + 1]);
  }
  for (const l of s.lines) for (let i = 2; i < l.length; i += 2) fn(l[i - 2], l[i - 1], l[i], l[i + 1]);
}

function firstVertex(s: PlanarShape): [number, number] | null {
  if (s.point) return s.point;
  const r = s.rings[0] ?? s.lines[0];
  return r ? [r[0], r[1]] : null;
}

/**
 * Minimum planar distance in metres between two projected shapes; 0 when they touch, cross or
 * one contains the other (areas count as filled).
 * @example shapeDistanceM(planarShape(compound, f)!, planarShape(facility, f)!) // 123.4
 */
export function shapeDistanceM(a: PlanarShape, b: PlanarShape): number {
  // hot path of coverage: an area against a point facility, without closures
  if (b.point && !a.point && a.lines.length === 0) return pointToAreaM(b.point[0], b.point[1], a);
  // containment: a vertex of one inside the other's area
  const va = firstVertex(a);
  const vb = firstVertex(b);
  if (vb && a.rings.length && pointInShape(vb[0], vb[1], a)) return 0;
  if (va && b.rings.length && pointInShape(va[0], va[1], b)) return 0;
  let best = Infinity;
  if (a.point && b.point) {
    return Math.hypot(a.point[0] - b.point[0], a.point[1] - b.point[1]);
  }
  if (b.point || a.point) {
    const p = (b.point ?? a.point)!;
    const other = b.point ? a : b;
    forEachEdge(other, (ax, ay, bx, by) => {
      const d = pointSegDist2(p[0], p[1], ax, ay, bx, by);
      if (d < best) best = d;
    });
    return Math.sqrt(best);
  }
  forEachEdge(a, (ax, ay, bx, by) => {
    if (best === 0) return;
    forEachEdge(b, (cx, cy, dx, dy) => {
      if (best === 0) return;
      const d = segSegDist2(ax, ay, bx, by, cx, cy, dx, dy);
      if (d < best) best = d;
    });
  });
  return Math.sqrt(best);
}

/** Distance (m) from a point to an area shape: 0 inside, else to the nearest edge. */
function pointToAreaM(px: number, py: number, s: PlanarShape): number {
  const d = signedRingDistanceM(px, py, s.rings);
  return d > 0 ? 0 : -d;
}

/**
 * Box-to-box gap in metres (0 when boxes overlap): a lower bound of the shape distance.
 * @example boxGapM(a, b) <= shapeDistanceM(a, b) // always
 */
export function boxGapM(a: PlanarShape, b: PlanarShape): number {
  const dx = Math.max(0, a.minX - b.maxX, b.minX - a.maxX);
  const dy = Math.max(0, a.minY - b.maxY, b.minY - a.maxY);
  return Math.hypot(dx, dy);
}

