// Thin GeoJSON ⇄ clipper2-ts adapter. Geometry is projected into a LocalFrame (metres) and snapped
// to integer millimetres, so Clipper64's exact integer arithmetic applies: shared walls that come
// from the same lon/lat vertices land on the same integers and union without slivers.
// Keep frames local (a few tens of km): at 1 mm units, coordinates stay below 2^53 / 1e8 so the
// engine's cross products are exact.
import {
  Clipper,
  ClipType,
  ClipperOffset,
  EndType,
  FillRule,
  JoinType,
  PolyTree64,
  type Path64,
  type Paths64,
  type PolyPath64,
} from 'clipper2-ts';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { LocalFrame } from './local-metric';

export { JoinType, PolyTree64, type Path64, type Paths64, type PolyPath64 };

/** Integer units per metre (1 mm precision). */
export const UNITS_PER_M = 1000;
const UNITS2_PER_M2 = UNITS_PER_M * UNITS_PER_M;

/** Signed area of one ring in clipper units² (positive = counter-clockwise, y up). */
function ringArea(path: Path64): number {
  return Clipper.area(path);
}

/** One GeoJSON ring → integer path in the frame (closing vertex and repeated points dropped). */
function ringToPath(ring: Position[], frame: LocalFrame): Path64 {
  const out: Path64 = [];
  let n = ring.length;
  if (n > 1 && ring[0][0] === ring[n - 1][0] && ring[0][1] === ring[n - 1][1]) n--;
  let px = NaN;
  let py = NaN;
  for (let i = 0; i < n; i++) {
    const xy = frame.toXY(ring[i]);
    const x = Math.round(xy[0] * UNITS_PER_M);
    const y = Math.round(xy[1] * UNITS_PER_M);
    if (x === px && y === py) continue;
    out.push({ x, y });
    px = x;
    py = y;
  }
  if (out.length > 1 && out[0].x === px && out[0].y === py) out.pop();
  return out;
}

/**
 * GeoJSON Polygon/MultiPolygon (lon/lat) → clipper integer paths in `frame` (1 mm units).
 * Orientation is normalised: exterior rings positive (CCW), holes negative (CW), so the
 * `Positive` fill rule gives the polygon's true area even where members overlap.
 *
 * @example
 * const paths = toPaths(compound.geometry, frameFor(bbox(compound)));
 */
export function toPaths(geom: Polygon | MultiPolygon, frame: LocalFrame): Paths64 {
  const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
  const out: Paths64 = [];
  for (const rings of polys) {
    for (let r = 0; r < rings.length; r++) {
      const p = ringToPath(rings[r], frame);
      if (p.length < 3) continue;
      const a = ringArea(p);
      if (a === 0) continue;
      if ((r === 0) !== a > 0) p.reverse();
      out.push(p);
    }
  }
  return out;
}

export interface FromPathsOptions {
  /** Drop outer rings below this area (m²). Default 0.01. */
  minAreaM2?: number;
  /** Drop holes below this area (m²). Default = minAreaM2. */
  minHoleM2?: number;
  /** Decimal places kept in lon/lat output. Default 9 (≈ 0.1 mm). */
  decimals?: number;
  /** Metres [dx, dy] added to path coordinates before unprojecting (paths built near a local origin). */
  offsetM?: [number, number];
}

const llBuf = new Float64Array(2);

function pathToRing(path: Path64, frame: LocalFrame, wantCCW: boolean, k: number, ox: number, oy: number): Position[] {
  const ccw = ringArea(path) > 0;
  const n = path.length;
  const ring: Position[] = new Array(n + 1);
  for (let i = 0; i < n; i++) {
    const pt = path[wantCCW === ccw ? i : n - 1 - i];
    frame.unprojectInto(pt.x / UNITS_PER_M + ox, pt.y / UNITS_PER_M + oy, llBuf, 0);
    ring[i] = [Math.round(llBuf[0] * k) / k, Math.round(llBuf[1] * k) / k];
  }
  ring[n] = ring[0].slice();
  return ring;
}

/**
 * Clipper paths in `frame` → GeoJSON Polygon (one part), MultiPolygon (several), or null (none
 * left). The paths are unioned (Positive fill) on the way, so raw member paths may be passed. Nesting comes from a PolyTree, so holes go with the right exterior and islands inside
 * holes become their own parts. Exterior rings are CCW and holes CW (RFC 7946).
 *
 * @example
 * fromPaths(unionPaths(paths), frame, { minHoleM2: 1 }); // Polygon with holes ≥ 1 m²
 */
export function fromPaths(
  paths: Paths64,
  frame: LocalFrame,
  opts: FromPathsOptions = {},
): Polygon | MultiPolygon | null {
  const tree = new PolyTree64();
  Clipper.booleanOpWithPolyTree(ClipType.Union, paths, null, tree, FillRule.Positive);
  return treeToGeom(tree, frame, opts).geom;
}

/**
 * A clipper PolyTree (from a boolean op or an offset) → GeoJSON plus its net area in m², without
 * another union. Same rules as fromPaths (CCW exteriors, CW holes, small rings dropped).
 *
 * @example
 * const tree = new PolyTree64(); co.execute(-r * UNITS_PER_M, tree);
 * const { geom, areaM2 } = treeToGeom(tree, frame, { minHoleM2: 1 });
 */
export function treeToGeom(
  tree: PolyPath64,
  frame: LocalFrame,
  opts: FromPathsOptions = {},
): { geom: Polygon | MultiPolygon | null; areaM2: number } {
  const minArea = (opts.minAreaM2 ?? 0.01) * UNITS2_PER_M2;
  const minHole = (opts.minHoleM2 ?? opts.minAreaM2 ?? 0.01) * UNITS2_PER_M2;
  const k = 10 ** (opts.decimals ?? 9);
  const [ox, oy] = opts.offsetM ?? [0, 0];
  const parts: Position[][][] = [];
  let area = 0;
  const visitOuter = (node: PolyPath64) => {
    const poly = node.polygon;
    if (!poly) return;
    const a = Math.abs(ringArea(poly));
    if (a < minArea) return; // islands inside it go too: they are smaller
    area += a;
    const rings: Position[][] = [pathToRing(poly, frame, true, k, ox, oy)];
    for (let i = 0; i < node.count; i++) {
      const hole = node.child(i);
      if (!hole.polygon) continue;
      const h = Math.abs(ringArea(hole.polygon));
      // a dropped hole is filled, and islands inside it are then covered by this part
      if (h < minHole) continue;
      area -= h;
      rings.push(pathToRing(hole.polygon, frame, false, k, ox, oy));
      for (let j = 0; j < hole.count; j++) visitOuter(hole.child(j));
    }
    parts.push(rings);
  };
  for (let i = 0; i < tree.count; i++) visitOuter(tree.child(i));
  const areaM2 = area / UNITS2_PER_M2;
  if (parts.length === 0) return { geom: null, areaM2: 0 };
  if (parts.length === 1) return { geom: { type: 'Polygon', coordinates: parts[0] }, areaM2 };
  return { geom: { type: 'MultiPolygon', coordinates: parts }, areaM2 };
}

/**
 * Offset closed paths by deltaM metres straight into a PolyTree (no extra union needed after).
 * @example const tree = offsetToTree(grown, -7.5, JoinType.Miter);
 */
export function offsetToTree(paths: Paths64, deltaM: number, joinType: JoinType = JoinType.Round): PolyTree64 {
  const tree = new PolyTree64();
  const co = new ClipperOffset(2, 0.05 * UNITS_PER_M);
  co.addPaths(paths, joinType, EndType.Polygon);
  co.execute(deltaM * UNITS_PER_M, tree);
  return tree;
}

/**
 * Union of paths (Positive fill: overlapping exteriors merge, holes stay holes).
 * @example unionPaths([...toPaths(a, f), ...toPaths(b, f)])
 */
export function unionPaths(paths: Paths64, clip?: Paths64): Paths64 {
  return clip ? Clipper.union(paths, clip, FillRule.Positive) : Clipper.union(paths, FillRule.Positive);
}

/** subject − clip. @example differencePaths(zone, buildings) */
export function differencePaths(subject: Paths64, clip: Paths64): Paths64 {
  return Clipper.difference(subject, clip, FillRule.Positive);
}

/** subject ∩ clip. @example intersectPaths(zone, compound) */
export function intersectPaths(subject: Paths64, clip: Paths64): Paths64 {
  return Clipper.intersect(subject, clip, FillRule.Positive);
}

/**
 * Grow (deltaM > 0) or shrink (deltaM < 0) closed paths by deltaM metres. The result is unioned.
 * Miter joins keep square corners (miter limit 2, beyond which corners are squared off);
 * round joins approximate arcs to within 5 cm.
 *
 * @param deltaM offset distance in metres
 * @example offsetPaths(paths, 7.5, JoinType.Miter)
 */
export function offsetPaths(paths: Paths64, deltaM: number, joinType: JoinType = JoinType.Round): Paths64 {
  if (deltaM === 0) return unionPaths(paths);
  const co = new ClipperOffset(2, 0.05 * UNITS_PER_M);
  co.addPaths(paths, joinType, EndType.Polygon);
  const out: Paths64 = [];
  co.execute(deltaM * UNITS_PER_M, out);
  return out;
}

/**
 * Net area in m² of paths (positive rings minus negative rings; assumes non-overlapping paths,
 * e.g. a clipper result).
 * @example areaM2(unionPaths(paths))
 */
export function areaM2(paths: Paths64): number {
  let a = 0;
  for (const p of paths) a += ringArea(p);
  return a / UNITS2_PER_M2;
}

/**
 * Union of GeoJSON polygons in one frame → Polygon/MultiPolygon (null if empty).
 * @example unionGeoms(fc.features.map((f) => f.geometry), frameFor(bbox(fc)))
 */
export function unionGeoms(
  geoms: (Polygon | MultiPolygon)[],
  frame: LocalFrame,
  opts?: FromPathsOptions,
): Polygon | MultiPolygon | null {
  const all: Paths64 = [];
  for (const g of geoms) for (const p of toPaths(g, frame)) all.push(p);
  return fromPaths(all, frame, opts); // fromPaths unions while building its PolyTree
}

/**
 * Buffer a polygon by deltaM metres (negative shrinks; null when it vanishes).
 * @param deltaM metres
 * @example bufferGeom(compound.geometry, 10, frame) // 10 m round buffer
 */
export function bufferGeom(
  geom: Polygon | MultiPolygon,
  deltaM: number,
  frame: LocalFrame,
  joinType: JoinType = JoinType.Round,
): Polygon | MultiPolygon | null {
  return fromPaths(offsetPaths(toPaths(geom, frame), deltaM, joinType), frame);
}
