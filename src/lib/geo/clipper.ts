// The project's GeoJSON ⇄ clipper2-ts adapter. Geometry is projected into a LocalFrame (metres) and snapped
// to integer millimetres, so Clipper64's exact integer arithmetic applies: shared walls that come
// from the same lon/lat vertices land on the same integers and union without slivers.
// Keep frames local (a few tens of km): at 1 mm units, coordinates stay below 2^53 / 1e8 so the
// engine's cross products are exact. Use an affine frame (local-metric.ts affineFrame) for anything written back:
// GeoJSON edges are straight in lon/lat, and only an affine map keeps them straight both ways.
// Every outline leaves through outlineFromPolygons: normalised to OGC-valid rings (ring-topology.ts) in integer
// units, then rounded to lon/lat, and checked with the one validity rule whenever the normaliser had to repair.
// Mitre offsets of closed paths (the merge's closing) are built here as ClipperOffset builds them, except that a
// concave corner goes straight to its mitre point instead of a loop for the union to cut off (miterOffsetInto; a
// unit test compares the two), and cleaned up by the same union.
import {
  Clipper,
  Clipper64,
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
import { checkGeometry, type ValidityProblem } from './polygon-validity';
import { normalizePolygons, type TopologyFix } from './ring-topology';

export { EndType, FillRule, JoinType, PolyTree64, type Path64, type Paths64, type PolyPath64 };

/** Integer units per metre (1 mm precision). */
export const UNITS_PER_M = 1000;
/** Integer units² per m². */
export const UNITS2_PER_M2 = UNITS_PER_M * UNITS_PER_M;

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
    if (!Number.isFinite(x) || !Number.isFinite(y)) return []; // a broken ring is left out, never fed to the engine
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
 * `Positive` fill rule gives the polygon's true area even where members overlap. Rings with a NaN or infinite
 * position, or fewer than 3 distinct vertices, are left out.
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

/** Turns integer path coordinates (units, with any offset the caller applied) into [lon, lat], rounded. */
export type VertexToLonLat = (x: number, y: number) => [number, number];

export interface OutlineResult {
  /** Polygon (one part), MultiPolygon (several), or null (nothing left). Exteriors CCW, holes CW (RFC 7946). */
  geom: Polygon | MultiPolygon | null;
  /** Net area in m² (integer units). */
  areaM2: number;
  /** What had to be repaired to make it valid; empty when nothing was. */
  repairs: TopologyFix[];
  /** Set only when no repair made it valid (never seen in tests; callers must not write such an outline). */
  invalid?: ValidityProblem;
}

/**
 * A PolyTree read out as polygons [shell, ...holes]; islands inside holes become polygons of their own. Shells
 * below minAreaU2 (units²) are dropped with everything inside them; holes below minHoleU2 are filled.
 * @example treePolygons(tree, 0.01 * UNITS2_PER_M2, 1 * UNITS2_PER_M2)
 */
export function treePolygons(tree: PolyPath64, minAreaU2: number, minHoleU2: number): Paths64[] {
  const out: Paths64[] = [];
  const visitOuter = (node: PolyPath64) => {
    const poly = node.polygon;
    if (!poly) return;
    if (Math.abs(ringArea(poly)) < minAreaU2) return; // islands inside it go too: they are smaller
    const rings: Paths64 = [ringArea(poly) > 0 ? poly : [...poly].reverse()];
    for (let i = 0; i < node.count; i++) {
      const hole = node.child(i);
      if (!hole.polygon) continue;
      // a dropped hole is filled, and islands inside it are then covered by this part
      if (Math.abs(ringArea(hole.polygon)) < minHoleU2) continue;
      rings.push(ringArea(hole.polygon) < 0 ? hole.polygon : [...hole.polygon].reverse());
      for (let j = 0; j < hole.count; j++) visitOuter(hole.child(j));
    }
    out.push(rings);
  };
  for (let i = 0; i < tree.count; i++) visitOuter(tree.child(i));
  return out;
}

function polygonsToGeom(polys: Paths64[], toLonLat: VertexToLonLat): Polygon | MultiPolygon | null {
  const parts: Position[][][] = polys.map((rings) =>
    rings.map((path) => {
      const ring: Position[] = path.map((pt) => toLonLat(pt.x, pt.y));
      ring.push(ring[0].slice());
      return ring;
    }),
  );
  if (parts.length === 0) return null;
  if (parts.length === 1) return { type: 'Polygon', coordinates: parts[0] };
  return { type: 'MultiPolygon', coordinates: parts };
}

/**
 * Integer polygons (as from {@link treePolygons}) → a valid GeoJSON outline. Rings are normalised first
 * (ring-topology.ts: touching rings split at their touch points, slits and spikes dropped, vertices within
 * `snapUnits` of another ring joined to it), then each vertex goes through `toLonLat`. When the normaliser had to
 * change anything, the result is checked with the one validity rule and normalised again with a wider reach if it
 * still fails; `repairs` lists what was done.
 * @param snapUnits reach of the normaliser in integer units (default 2: 2 mm); must exceed twice the largest
 *   displacement `toLonLat` can make (9 decimals of a degree move a vertex at most 0.07 mm)
 * @param measure when given, the area is measured on the lon/lat result in this frame (exact for vertices that
 *   kept their input coordinates) instead of on the integer rings (±0.5 mm a vertex)
 * @param keep marks vertices to keep when two lie closer than snapUnits (e.g. a member's own vertices)
 * @param phaseMs when given, ms spent normalising and rounding are added to it (the merge's benchmark)
 * @example
 * const { geom, repairs } = outlineFromPolygons(treePolygons(tree, 1e4, 1e6), (x, y) => toLonLat9(frame, x, y));
 */
export function outlineFromPolygons(
  polys: Paths64[],
  toLonLat: VertexToLonLat,
  snapUnits = 2,
  measure?: LocalFrame,
  keep?: (x: number, y: number) => boolean,
  phaseMs?: { normalise?: number; rounding?: number },
): OutlineResult {
  let t0 = phaseMs ? performance.now() : 0;
  let { polys: clean, fixes } = normalizePolygons(polys, snapUnits, keep);
  if (phaseMs) {
    const t = performance.now();
    phaseMs.normalise = (phaseMs.normalise ?? 0) + t - t0;
    t0 = t;
  }
  let geom = polygonsToGeom(clean, toLonLat);
  let invalid: ValidityProblem | undefined;
  if (fixes.length && geom) {
    // repaired: prove it, and widen the reach while it still fails (rounding met a near-touch the repair made)
    const all = new Set(fixes);
    for (let reach = snapUnits * 2, round = 0; round < 3; round++, reach *= 2) {
      const check = checkGeometry(geom);
      if (check.ok) {
        invalid = undefined;
        break;
      }
      invalid = { code: check.code, params: check.params, at: check.at };
      const again = normalizePolygons(clean, reach);
      clean = again.polys;
      for (const f of again.fixes) all.add(f);
      all.add('vertices_snapped');
      geom = polygonsToGeom(clean, toLonLat);
      if (!geom) break;
    }
    if (invalid && geom) {
      const check = checkGeometry(geom);
      if (check.ok) invalid = undefined;
    }
    fixes = [...all];
  }
  let areaM2 = 0;
  if (measure && geom) areaM2 = geomAreaM2(geom, measure);
  else {
    for (const rings of clean) for (const r of rings) areaM2 += ringArea(r);
    areaM2 /= UNITS2_PER_M2;
  }
  const out: OutlineResult = { geom, areaM2, repairs: fixes };
  if (invalid) out.invalid = invalid;
  // rounding and area; a repair's re-checks count as rounding too (rare: a few zones in a thousand)
  if (phaseMs) phaseMs.rounding = (phaseMs.rounding ?? 0) + performance.now() - t0;
  return out;
}

/**
 * Net planar area (m²) of a Polygon/MultiPolygon in `frame`: exteriors minus holes, whatever their winding.
 * @example geomAreaM2(square100m, affineFrame(111.78, 37.26)) // ≈ 10000
 */
export function geomAreaM2(geom: Polygon | MultiPolygon, frame: LocalFrame): number {
  const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
  const xy = new Float64Array(2);
  let total = 0;
  for (const rings of polys) {
    for (let q = 0; q < rings.length; q++) {
      const ring = rings[q];
      if (ring.length < 4) continue;
      frame.projectInto(ring[0][0], ring[0][1], xy, 0);
      const x0 = xy[0];
      const y0 = xy[1];
      let a2 = 0;
      let px = 0;
      let py = 0;
      for (let k = 1; k < ring.length; k++) {
        frame.projectInto(ring[k][0], ring[k][1], xy, 0);
        const x = xy[0] - x0;
        const y = xy[1] - y0;
        a2 += px * y - x * py;
        px = x;
        py = y;
      }
      total += (q === 0 ? 1 : -1) * Math.abs(a2 / 2);
    }
  }
  return total;
}

/**
 * The usual vertex mapping: integer units (+ offsetM metres) → lon/lat through `frame`, rounded to `decimals`.
 * @example outlineFromPolygons(polys, unprojector(frame))
 */
export function unprojector(frame: LocalFrame, decimals = 9, offsetM: [number, number] = [0, 0]): VertexToLonLat {
  const k = 10 ** decimals;
  const buf = new Float64Array(2);
  return (x, y) => {
    frame.unprojectInto(x / UNITS_PER_M + offsetM[0], y / UNITS_PER_M + offsetM[1], buf, 0);
    return [Math.round(buf[0] * k) / k, Math.round(buf[1] * k) / k];
  };
}

/**
 * Clipper paths in `frame` → GeoJSON Polygon (one part), MultiPolygon (several), or null (none
 * left). The paths are unioned (Positive fill) on the way, so raw member paths may be passed. Nesting comes from a
 * PolyTree, so holes go with the right exterior and islands inside holes become their own parts. The outline is
 * normalised to OGC-valid rings (see {@link outlineFromPolygons}).
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
 * A clipper PolyTree (from a boolean op or an offset) → valid GeoJSON plus its net area in m², without
 * another union. Same rules as fromPaths (CCW exteriors, CW holes, small rings dropped, rings normalised).
 *
 * @example
 * const tree = new PolyTree64(); co.execute(-r * UNITS_PER_M, tree);
 * const { geom, areaM2 } = treeToGeom(tree, frame, { minHoleM2: 1 });
 */
export function treeToGeom(tree: PolyPath64, frame: LocalFrame, opts: FromPathsOptions = {}): OutlineResult {
  const minArea = (opts.minAreaM2 ?? 0.01) * UNITS2_PER_M2;
  const minHole = (opts.minHoleM2 ?? opts.minAreaM2 ?? 0.01) * UNITS2_PER_M2;
  return outlineFromPolygons(treePolygons(tree, minArea, minHole), unprojector(frame, opts.decimals ?? 9, opts.offsetM ?? [0, 0]));
}

/**
 * A ClipperOffset whose clean-up union runs without a Z callback: clipper2-ts hands its union one by default, which
 * writes a `z` onto every intersection point (a second object shape in the engine's hot loops and in our rings); we
 * use no Z.
 */
function plainOffset(miterLimit: number, arcTolerance: number): ClipperOffset {
  const co = new ClipperOffset(miterLimit, arcTolerance);
  (co as unknown as { ZCB: undefined }).ZCB = undefined;
  return co;
}

/** Per edge of the path being offset: unit normal (x, y) and length; per corner: trim (see below). Reused. */
let normalX = new Float64Array(256);
let normalY = new Float64Array(256);
let edgeLen = new Float64Array(256);
let cornerTrim = new Float64Array(256);

/**
 * Clipper's offset of closed paths with mitre joins (ClipperOffset with EndType.Polygon, no Z, no delta callback):
 * the same duplicates dropped, the same lowest-path orientation rule, the same normals, convex and squared joins and
 * roundings, in the same order, then the same clean-up union, with one difference: at a concave corner whose shifted
 * walls meet within both walls it writes the point where they meet, where ClipperOffset writes three points (the
 * vertex between the two shifted wall ends) and leaves the loop they make to the union. Same region, a rounding apart
 * (the union's crossing of two rounded walls strays a few units along a shallow corner; this point is the exact mitre
 * point rounded), and on the merge's closing a tenth less work for the engine, whose shrink meets such a corner at
 * every convex corner of the grown outline. Where Clipper's loop would overlap another part of the outline (a
 * crowded narrow notch) its negative winding there cancels that part; without the loop that part stays. It builds the
 * outlines with numbers instead of a normal object per edge. `out` receives the result as ClipperOffset.execute would
 * fill it.
 */
function miterOffsetInto(paths: Paths64, delta: number, miterLimit: number, out: Paths64 | PolyTree64): void {
  // ClipperOffset.Group: duplicates dropped (closed), the lowermost path decides whether the group is reversed
  const inPaths: Paths64 = [];
  for (const path of paths) {
    const cnt = path.length;
    // most paths have no repeated point: used as they are (nothing below changes them)
    let repeats = cnt === 0;
    for (let i = 0, j = cnt - 1; i < cnt && !repeats; j = i++) repeats = path[i].x === path[j].x && path[i].y === path[j].y;
    if (!repeats) {
      inPaths.push(path);
      continue;
    }
    const result: Path64 = [];
    if (cnt > 0) {
      let last = path[0];
      result.push(last);
      for (let i = 1; i < cnt; i++) {
        if (!(last.x === path[i].x && last.y === path[i].y)) {
          last = path[i];
          result.push(last);
        }
      }
      if (last.x === result[0].x && last.y === result[0].y) result.pop();
    }
    inPaths.push(result);
  }
  let lowestIdx = -1;
  let isNegArea = false;
  let botX = Number.MAX_SAFE_INTEGER;
  let botY = Number.MIN_SAFE_INTEGER;
  for (let i = 0; i < inPaths.length; ++i) {
    let a = Number.MAX_VALUE;
    for (const pt of inPaths[i]) {
      if (pt.y < botY || (pt.y === botY && pt.x >= botX)) continue;
      if (a === Number.MAX_VALUE) {
        a = 0;
        const p = inPaths[i];
        if (p.length >= 3) {
          let prev = p[p.length - 1];
          for (const q of p) {
            a += (prev.y + q.y) * (prev.x - q.x);
            prev = q;
          }
          a *= 0.5;
        }
        if (a === 0) break;
        isNegArea = a < 0;
      }
      lowestIdx = i;
      botX = pt.x;
      botY = pt.y;
    }
  }
  const reversed = lowestIdx >= 0 && isNegArea;
  if (lowestIdx < 0) delta = Math.abs(delta);
  const gd = reversed ? -delta : delta;
  const mitLimSqr = miterLimit <= 1 ? 2.0 : 2.0 / (miterLimit * miterLimit);
  const solution: Paths64 = [];
  for (const path of inPaths) {
    const cnt = path.length;
    if (cnt === 1) {
      const pt = path[0];
      const d = Math.ceil(Math.abs(gd));
      solution.push([
        { x: pt.x - d, y: pt.y - d },
        { x: pt.x + d, y: pt.y - d },
        { x: pt.x + d, y: pt.y + d },
        { x: pt.x - d, y: pt.y + d },
      ]);
      continue;
    }
    if (normalX.length < cnt) {
      normalX = new Float64Array(2 * cnt);
      normalY = new Float64Array(2 * cnt);
      edgeLen = new Float64Array(2 * cnt);
      cornerTrim = new Float64Array(2 * cnt);
    }
    const nx = normalX;
    const ny = normalY;
    const len = edgeLen;
    const trim = cornerTrim;
    for (let i = 0; i < cnt; i++) {
      const a = path[i];
      const b = path[i + 1 < cnt ? i + 1 : 0];
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      if (dx === 0 && dy === 0) {
        nx[i] = 0;
        ny[i] = 0;
        len[i] = 0;
      } else {
        const l = Math.sqrt(dx * dx + dy * dy);
        const f = 1.0 / l;
        nx[i] = dy * f;
        ny[i] = -dx * f;
        len[i] = l;
      }
    }
    // how far along each wall a concave corner's shifted walls meet (|gd|·tan of half the turn; > 0 exactly at the
    // corners ClipperOffset treats as concave), 0 elsewhere
    for (let j = 0, k = cnt - 1; j < cnt; k = j, j++) {
      let sinA = ny[j] * nx[k] - ny[k] * nx[j];
      const cosA = nx[j] * nx[k] + ny[j] * ny[k];
      if (sinA > 1.0) sinA = 1.0;
      else if (sinA < -1.0) sinA = -1.0;
      trim[j] = cosA > -0.999 && sinA * gd < 0 ? (Math.abs(gd) * Math.abs(sinA)) / (1 + cosA) : 0;
    }
    const pathOut: Path64 = [];
    for (let j = 0, k = cnt - 1; j < cnt; k = j, j++) {
      const p = path[j];
      const pk = path[k];
      if (p.x === pk.x && p.y === pk.y) continue;
      const cosA = nx[j] * nx[k] + ny[j] * ny[k];
      const concave = trim[j] > 0;
      if (Math.abs(gd) < 1.0e-12) {
        pathOut.push(p);
      } else if (concave && (trim[j] + trim[k] + 2 > len[k] || trim[j] + trim[j + 1 < cnt ? j + 1 : 0] + 2 > len[j])) {
        // concave where a shifted wall is used up by its corners' trims: three points whose loop the union resolves
        // (as Clipper does it)
        pathOut.push({ x: Math.round(p.x + nx[k] * gd), y: Math.round(p.y + ny[k] * gd) });
        pathOut.push(p);
        pathOut.push({ x: Math.round(p.x + nx[j] * gd), y: Math.round(p.y + ny[j] * gd) });
      } else if (concave || cosA > 0.999 || cosA > mitLimSqr - 1) {
        // the mitre point; at a concave corner where the shifted walls meet within both walls, that is the point the
        // union would find by cutting Clipper's loop off, without the loop and its two crossings to resolve
        const q = gd / (cosA + 1);
        pathOut.push({ x: Math.round(p.x + (nx[k] + nx[j]) * q), y: Math.round(p.y + (ny[k] + ny[j]) * q) });
      } else {
        squareJoin(p, nx[j], ny[j], nx[k], ny[k], pk, gd, pathOut);
      }
    }
    solution.push(pathOut);
  }
  const c = new Clipper64();
  c.preserveCollinear = false;
  c.reverseSolution = reversed;
  c.addSubject(solution);
  const fill = reversed ? FillRule.Negative : FillRule.Positive;
  if (Array.isArray(out)) c.execute(ClipType.Union, fill, out);
  else c.execute(ClipType.Union, fill, out);
}

/** ClipperOffset.doSquare for a closed path's corner j (previous vertex pk), the same arithmetic. */
function squareJoin(
  p: { x: number; y: number }, njx: number, njy: number, nkx: number, nky: number, pk: { x: number; y: number },
  gd: number, pathOut: Path64,
): void {
  // the average of the two edge directions, normalised (0 when they cancel)
  let vx = -nky + njy;
  let vy = nkx + -njx;
  const h = Math.sqrt(Math.pow(vx, 2) + Math.pow(vy, 2));
  if (Math.abs(h) < 0.001) {
    vx = 0;
    vy = 0;
  } else {
    const inv = 1 / h;
    vx = vx * inv;
    vy = vy * inv;
  }
  const absDelta = Math.abs(gd);
  const qx = p.x + absDelta * vx;
  const qy = p.y + absDelta * vy;
  const p1x = qx + gd * vy, p1y = qy + gd * -vx;
  const p2x = qx + gd * -vy, p2y = qy + gd * vx;
  const p3x = pk.x + nkx * gd, p3y = pk.y + nky * gd;
  const p4x = p.x + nkx * gd, p4y = p.y + nky * gd;
  // ClipperOffset.intersectPoint of lines p1–p2 and p3–p4
  let ix: number;
  let iy: number;
  const tiny = (v: number) => Math.abs(v) <= 1e-12;
  if (tiny(p1x - p2x)) {
    if (tiny(p3x - p4x)) {
      ix = 0;
      iy = 0;
    } else {
      const m2 = (p4y - p3y) / (p4x - p3x);
      const b2 = p3y - m2 * p3x;
      ix = p1x;
      iy = m2 * p1x + b2;
    }
  } else if (tiny(p3x - p4x)) {
    const m1 = (p2y - p1y) / (p2x - p1x);
    const b1 = p1y - m1 * p1x;
    ix = p3x;
    iy = m1 * p3x + b1;
  } else {
    const m1 = (p2y - p1y) / (p2x - p1x);
    const b1 = p1y - m1 * p1x;
    const m2 = (p4y - p3y) / (p4x - p3x);
    const b2 = p3y - m2 * p3x;
    if (tiny(m1 - m2)) {
      ix = 0;
      iy = 0;
    } else {
      ix = (b2 - b1) / (m1 - m2);
      iy = m1 * ix + b1;
    }
  }
  pathOut.push({ x: Math.round(ix), y: Math.round(iy), z: 0 } as Path64[number]);
  // the second point: the first reflected through q
  pathOut.push({ x: Math.round(qx + (qx - ix)), y: Math.round(qy + (qy - iy)), z: 0 } as Path64[number]);
}

/**
 * Offset closed paths by deltaM metres straight into a PolyTree (no extra union needed after).
 * @param miterLimit how far (× deltaM) a mitred corner may reach before it is squared off (default 2: corners
 *   sharper than 60°)
 * @param unitsPerM integer units per metre the paths are in (default UNITS_PER_M)
 * @example const tree = offsetToTree(grown, -7.5, JoinType.Miter);
 */
export function offsetToTree(
  paths: Paths64, deltaM: number, joinType: JoinType = JoinType.Round, miterLimit = 2, unitsPerM = UNITS_PER_M,
): PolyTree64 {
  const tree = new PolyTree64();
  if (joinType === JoinType.Miter && Math.abs(deltaM * unitsPerM) >= 0.5) {
    if (paths.length) miterOffsetInto(paths, deltaM * unitsPerM, miterLimit, tree);
    return tree;
  }
  const co = plainOffset(miterLimit, 0.05 * unitsPerM);
  co.addPaths(paths, joinType, EndType.Polygon);
  co.execute(deltaM * unitsPerM, tree);
  return tree;
}

/**
 * Union of paths (Positive fill: overlapping exteriors merge, holes stay holes).
 * @example unionPaths([...toPaths(a, f), ...toPaths(b, f)])
 */
export function unionPaths(paths: Paths64, clip?: Paths64): Paths64 {
  return clip ? Clipper.union(paths, clip, FillRule.Positive) : Clipper.union(paths, FillRule.Positive);
}

/** subject − clip (Positive fill unless told). @example differencePaths(zone, buildings) */
export function differencePaths(subject: Paths64, clip: Paths64, fillRule: FillRule = FillRule.Positive): Paths64 {
  return Clipper.difference(subject, clip, fillRule);
}

/** subject ∩ clip straight into a PolyTree (pieces with their holes). @example intersectionTree(opened, free, FillRule.NonZero) */
export function intersectionTree(subject: Paths64, clip: Paths64, fillRule: FillRule = FillRule.Positive): PolyTree64 {
  const tree = new PolyTree64();
  if (subject.length) Clipper.booleanOpWithPolyTree(ClipType.Intersection, subject, clip, tree, fillRule);
  return tree;
}

/**
 * Open paths (lines) clipped to a box grown by `marginM` metres around `around` (integer units): what lies farther
 * away cannot matter, and the offset then sees only local edges.
 * @example clipLinesNear(roads, areaPaths, 10)
 */
export function clipLinesNear(lines: Paths64, around: Paths64, marginM: number, unitsPerM = UNITS_PER_M): Paths64 {
  if (lines.length === 0 || around.length === 0) return [];
  const b = Clipper.getBoundsPaths(around);
  const m = Math.ceil(marginM * unitsPerM);
  return Clipper.rectClipLines({ left: b.left - m, top: b.top - m, right: b.right + m, bottom: b.bottom + m }, lines);
}

/** subject ∩ clip. @example intersectPaths(zone, compound) */
export function intersectPaths(subject: Paths64, clip: Paths64): Paths64 {
  return Clipper.intersect(subject, clip, FillRule.Positive);
}

/**
 * Grow (deltaM > 0) or shrink (deltaM < 0) closed paths by deltaM metres. The result is unioned.
 * Miter joins keep corners (up to the miter limit, default 2 — corners sharper than 60° — beyond which they are
 * squared off); round joins approximate arcs to within 5 cm.
 *
 * @param deltaM offset distance in metres
 * @param miterLimit how far (× deltaM) a mitred corner may reach before it is squared off
 * @param unitsPerM integer units per metre the paths are in (default UNITS_PER_M)
 * @param endType EndType.Polygon for closed paths (default); Round, Butt, Square for open ones (e.g. road centrelines)
 * @param arcToleranceM how far a round join's chords may stray from the arc, metres (default 0.05)
 * @example offsetPaths(paths, 7.5, JoinType.Miter)
 */
export function offsetPaths(
  paths: Paths64, deltaM: number, joinType: JoinType = JoinType.Round, miterLimit = 2, unitsPerM = UNITS_PER_M,
  endType: EndType = EndType.Polygon, arcToleranceM = 0.05,
): Paths64 {
  if (paths.length === 0) return [];
  if (deltaM === 0 && endType === EndType.Polygon) return unionPaths(paths);
  const out: Paths64 = [];
  if (joinType === JoinType.Miter && endType === EndType.Polygon && Math.abs(deltaM * unitsPerM) >= 0.5) {
    miterOffsetInto(paths, deltaM * unitsPerM, miterLimit, out);
    return out;
  }
  const co = plainOffset(miterLimit, arcToleranceM * unitsPerM);
  co.addPaths(paths, joinType, endType);
  co.execute(deltaM * unitsPerM, out);
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
 * Union of GeoJSON polygons in one frame → a valid outline with its area and what was repaired (see
 * {@link outlineFromPolygons}). Use an affine frame so the result's edges are the input's.
 * @example unionOutline(fc.features.map((f) => f.geometry), affineFrameFor(bboxOf(geoms)))
 */
export function unionOutline(geoms: (Polygon | MultiPolygon)[], frame: LocalFrame, opts: FromPathsOptions = {}): OutlineResult {
  const all: Paths64 = [];
  for (const g of geoms) for (const p of toPaths(g, frame)) all.push(p);
  const tree = new PolyTree64();
  Clipper.booleanOpWithPolyTree(ClipType.Union, all, null, tree, FillRule.Positive);
  return treeToGeom(tree, frame, opts);
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
