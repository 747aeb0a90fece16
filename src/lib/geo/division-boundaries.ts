// Checks of a division boundary (a township's or community's polygon) before it is written: how much it overlaps
// another, and whether it strays outside the county. The server makes the same checks with its own code
// (pb_hooks/lib/boundaries.js; test/unit/boundary-hook.test.ts keeps the two in step):
//
//   overlap = area(A ∩ B) by exact polygon intersection (Clipper2, 1 mm grid) in a local metric frame
//   outside = the vertex of A farthest outside the outline, by its distance to the outline's edges (metres)
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { areaM2, intersectPaths, toPaths } from './clipper';
import { localFrame } from './local-metric';
import { signedRingDistanceM } from './planar';

type Area = Polygon | MultiPolygon;

function firstPosition(g: Area): Position {
  return g.type === 'Polygon' ? g.coordinates[0][0] : g.coordinates[0][0][0];
}

function ringsOf(g: Area): Position[][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

/**
 * The area two polygons share, and each one's area, in m².
 * @param a polygon in WGS84 lon/lat
 * @param b polygon in WGS84 lon/lat
 * @returns { overlapM2, areaAM2, areaBM2 } in square metres
 * @example boundaryOverlap(square100m, square100mShifted50mEastAndNorth).overlapM2 // ≈ 2500
 */
export function boundaryOverlap(a: Area, b: Area): { overlapM2: number; areaAM2: number; areaBM2: number } {
  const [lon, lat] = firstPosition(a);
  const frame = localFrame(lon, lat);
  const pa = toPaths(a, frame);
  const pb = toPaths(b, frame);
  return { overlapM2: areaM2(intersectPaths(pa, pb)), areaAM2: areaM2(pa), areaBM2: areaM2(pb) };
}

/**
 * The vertex of `g` farthest outside `outline`, when it is more than `toleranceM` metres outside; else null.
 * @param g polygon in WGS84 lon/lat
 * @param outline the county outline in WGS84 lon/lat
 * @param toleranceM metres a vertex may lie outside (the outline itself is approximate)
 * @returns the vertex [lon, lat] and its distance outside in metres, or null
 * @example farthestOutside(boundary, countyOutline, 1000) // null when every vertex is inside or within 1 km
 */
export function farthestOutside(g: Area, outline: Area, toleranceM: number): { at: Position; distanceM: number } | null {
  const [lon, lat] = firstPosition(outline);
  const frame = localFrame(lon, lat);
  const rings = ringsOf(outline).map((r) => r.flatMap((p) => frame.toXY(p)));
  let worst: { at: Position; distanceM: number } | null = null;
  for (const ring of ringsOf(g)) {
    for (const p of ring) {
      const [x, y] = frame.toXY(p);
      const d = -signedRingDistanceM(x, y, rings);
      if (d > toleranceM && (!worst || d > worst.distanceM)) worst = { at: p, distanceM: d };
    }
  }
  return worst;
}
