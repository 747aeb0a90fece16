// What idle land must keep clear of: buildings (and idle buildings) grown by the setback, roads grown by half their
// width, point facilities grown to a 10 m disc, drawn facilities as they are. Gathered once per search in integer
// millimetres of the search frame; grown on demand by an extra width (the opening's erosion grows them by minWidth/2
// more), each kind in one offset call through the project's Clipper adapter.
import type { Feature, LineString, MultiLineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { EndType, JoinType, UNITS_PER_M, clipLinesNear, offsetPaths, toPaths, type Path64, type Paths64 } from './clipper';
import type { LocalFrame } from './local-metric';

/** Arc tolerance (m) for round joins: setbacks, road ends, opening. */
export const ARC_TOL_M = 0.1;
/** Radius (m) a point facility is grown by to become an obstacle. */
export const POINT_FACILITY_RADIUS_M = 10;
/** Road half width (m) when a road has no width_m. */
export const DEFAULT_ROAD_HALF_WIDTH_M = 3;

const U = UNITS_PER_M;

export interface Obstacles {
  /** Building and idle-building footprints, integer mm. */
  buildings: Paths64;
  /** Road centrelines grouped by half width (m). */
  roads: Map<number, Paths64>;
  /** Point facilities, one-vertex paths. */
  points: Paths64;
  /** Drawn facility polygons. */
  facilities: Paths64;
  setbackM: number;
}

/**
 * A road's half width in metres: the option when given, else width_m / 2, else 3 m.
 * @example roadHalfWidthM({ width_m: 12 }) // 6
 */
export function roadHalfWidthM(props: unknown, fixed?: number): number {
  if (fixed !== undefined) return fixed;
  const w = Number((props as { width_m?: unknown } | null)?.width_m);
  return w > 0 ? w / 2 : DEFAULT_ROAD_HALF_WIDTH_M;
}

function lineToPath(line: Position[], frame: LocalFrame): Path64 {
  const out: Path64 = [];
  for (const p of line) {
    const xy = frame.toXY(p);
    const pt = { x: Math.round(xy[0] * U), y: Math.round(xy[1] * U) };
    const last = out[out.length - 1];
    if (!last || last.x !== pt.x || last.y !== pt.y) out.push(pt);
  }
  return out;
}

/**
 * The obstacles near a search area, projected into its frame.
 * @example collectObstacles(frame, nearBuildings, nearRoads, nearFacilities, nearIdle, 6)
 */
export function collectObstacles(
  frame: LocalFrame,
  buildings: Feature<Polygon | MultiPolygon>[],
  roads: Feature<LineString | MultiLineString>[],
  facilities: Feature<Polygon | MultiPolygon | Point>[],
  idleBuildings: Feature<Polygon | MultiPolygon>[],
  setbackM: number,
  fixedRoadHalfWidthM?: number,
): Obstacles {
  const out: Obstacles = { buildings: [], roads: new Map(), points: [], facilities: [], setbackM };
  for (const f of [...buildings, ...idleBuildings]) if (f.geometry) for (const p of toPaths(f.geometry, frame)) out.buildings.push(p);
  for (const f of roads) {
    const g = f.geometry;
    if (!g) continue;
    const half = roadHalfWidthM(f.properties, fixedRoadHalfWidthM);
    if (!(half > 0)) continue;
    const lines = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
    let grp = out.roads.get(half);
    if (!grp) out.roads.set(half, (grp = []));
    for (const l of lines) {
      const p = lineToPath(l, frame);
      if (p.length >= 2) grp.push(p);
    }
  }
  for (const f of facilities) {
    const g = f.geometry;
    if (!g) continue;
    if (g.type === 'Point') {
      const xy = frame.toXY(g.coordinates);
      out.points.push([{ x: Math.round(xy[0] * U), y: Math.round(xy[1] * U) }]);
    } else if (g.type === 'Polygon' || g.type === 'MultiPolygon') for (const p of toPaths(g, frame)) out.facilities.push(p);
  }
  return out;
}

/**
 * Every obstacle grown by its own clearance plus `extraM` metres, as one set of paths (to subtract with NonZero).
 * Streets run far past the area: they are clipped to the area's box grown beyond their reach first (caps then fall
 * outside the area), so the offset and the difference see only local edges.
 * @example growObstacles(obstacles, 0, areaPaths) // the obstacles themselves
 */
export function growObstacles(o: Obstacles, extraM: number, area: Paths64): Paths64 {
  const out: Paths64 = [];
  const add = (ps: Paths64) => {
    for (const p of ps) out.push(p);
  };
  const grow = (ps: Paths64, d: number, end: EndType) => offsetPaths(ps, d, JoinType.Round, 2, U, end, ARC_TOL_M);
  add(o.setbackM + extraM > 0 ? grow(o.buildings, o.setbackM + extraM, EndType.Polygon) : o.buildings);
  for (const [half, paths] of o.roads) add(grow(clipLinesNear(paths, area, half + extraM + 1), half + extraM, EndType.Round));
  add(grow(o.points, POINT_FACILITY_RADIUS_M + extraM, EndType.Round));
  add(extraM > 0 ? grow(o.facilities, extraM, EndType.Polygon) : o.facilities);
  return out;
}
