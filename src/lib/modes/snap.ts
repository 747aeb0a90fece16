// Snapping a drawn vertex to compound vertices (first) or edges (second) within a pixel tolerance.
// Pure: the caller passes project/unproject; a flatbush over segment boxes keeps it fast for many compounds.
import Flatbush from 'flatbush';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

export type Project = (lngLat: [number, number]) => { x: number; y: number };
export type Unproject = (xy: [number, number]) => [number, number];

export interface SnapIndex {
  segs: Float64Array; // x1, y1, x2, y2 per segment (lon/lat)
  index: Flatbush | null;
}

/** Indexes every ring edge of the features once. */
export function buildSnapIndex(features: readonly Feature<Polygon | MultiPolygon>[]): SnapIndex {
  const segs: number[] = [];
  for (const f of features) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const poly of polys) for (const ring of poly) {
      for (let i = 0; i + 1 < ring.length; i++) segs.push(ring[i][0], ring[i][1], ring[i + 1][0], ring[i + 1][1]);
    }
  }
  const n = segs.length / 4;
  if (n === 0) return { segs: new Float64Array(0), index: null };
  const index = new Flatbush(n);
  for (let i = 0; i < n; i++) {
    const [x1, y1, x2, y2] = segs.slice(i * 4, i * 4 + 4);
    index.add(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2));
  }
  index.finish();
  return { segs: Float64Array.from(segs), index };
}

/**
 * The snapped position for a pointer, or undefined when nothing is within `tolerancePx`.
 * Vertices win over edges so corners line up exactly.
 * @example snapPosition(idx, [111.7801, 37.2601], 10, map.project, (xy) => map.unproject(xy).toArray())
 */
export function snapPosition(
  idx: SnapIndex, lngLat: [number, number], tolerancePx: number, project: Project, unproject: Unproject,
): Position | undefined {
  if (!idx.index) return undefined;
  const p = project(lngLat);
  const a = unproject([p.x - tolerancePx, p.y + tolerancePx]);
  const b = unproject([p.x + tolerancePx, p.y - tolerancePx]);
  const hits = idx.index.search(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]));
  let best: Position | undefined;
  let bestD = tolerancePx;
  // Vertices first.
  for (const i of hits) {
    for (const k of [0, 2]) {
      const v: [number, number] = [idx.segs[i * 4 + k], idx.segs[i * 4 + k + 1]];
      const q = project(v);
      const d = Math.hypot(q.x - p.x, q.y - p.y);
      if (d <= bestD) {
        bestD = d;
        best = v;
      }
    }
  }
  if (best) return best;
  // Then the nearest point on an edge, found in screen space and taken back to lon/lat along the edge.
  for (const i of hits) {
    const v1: [number, number] = [idx.segs[i * 4], idx.segs[i * 4 + 1]];
    const v2: [number, number] = [idx.segs[i * 4 + 2], idx.segs[i * 4 + 3]];
    const s1 = project(v1);
    const s2 = project(v2);
    const dx = s2.x - s1.x;
    const dy = s2.y - s1.y;
    const len2 = dx * dx + dy * dy;
    if (len2 === 0) continue;
    const t = Math.max(0, Math.min(1, ((p.x - s1.x) * dx + (p.y - s1.y) * dy) / len2));
    const d = Math.hypot(s1.x + t * dx - p.x, s1.y + t * dy - p.y);
    if (d <= bestD) {
      bestD = d;
      best = [v1[0] + t * (v2[0] - v1[0]), v1[1] + t * (v2[1] - v1[1])];
    }
  }
  return best;
}
