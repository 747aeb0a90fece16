// Merge adjacent compounds into design-zone outlines, one per group from clusterAdjacent
// (docs/merge-tolerance.md says what "within tolerance" means, with a figure).
// Per group (never across groups, so a closing cannot reach a far neighbour):
//   union of the members, closed morphologically — grow by tol/2, shrink by tol/2, both with miter joins so walls
//   and corners come back as they were — which bridges every gap up to the tolerance; then the members it cut into
//   are added back (containment.ts finds them), because a miter closing is not quite a morphological one: where it
//   only partly fills a courtyard or a notch, the walls it restores run straight on past the corner where a compound
//   turned and cut into it, and it squares off corners sharper than 60°. Holes smaller
//   than a pin-hole threshold are filled; holes wider than the tolerance (courtyards) survive the closing, and their
//   area is at least ~tol², far above the pin-hole threshold.
// Each group works in its own affine frame (straight lon/lat edges stay straight) in integers of 0.1 mm (1 mm for a
// group wider than 9 km, so the engine's products stay exact). Corners the closing brings back a rounding away from
// a member's vertex are put back on it, and every outline leaves through outlineFromPolygons, so it is an OGC-valid
// polygon: rings touching themselves are split at the touch point, boundaries within 2 mm of each other are joined
// (at tolerance 0 that fuses walls shared in part, which otherwise leave a sub-millimetre slit), and a vertex that
// came from a member keeps the member's exact lon/lat.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { Clipper, ClipType, FillRule } from 'clipper2-ts';
import {
  JoinType,
  PolyTree64,
  offsetPaths,
  offsetToTree,
  outlineFromPolygons,
  treePolygons,
  type Path64,
  type Paths64,
} from './clipper';
import {
  clusterAdjacentIndexed,
  progressTicker,
  type ClusterOptions,
  type FlatPolygons,
  type SkippedFeature,
} from './cluster-adjacent';
import { membersCut, membersNearReflexCorners } from './containment';
import { affineFrame } from './local-metric';
import type { ValidityProblem } from './polygon-validity';
import type { TopologyFix } from './ring-topology';

export interface MergeOptions extends ClusterOptions {
  /**
   * Holes below this area (m²) are filled as pin-holes. Default max(1, tol² / 2): a hole that
   * survives a closing of width tol is at least about tol² in area, so only artefacts go. At tolerance 0 nothing is
   * closed, so only holes below 0.01 m² (the outline's own floor) go and the union's area is kept.
   */
  minHoleM2?: number;
  /**
   * For the benchmark (bench/merge-phases.ts): when given, milliseconds spent in each phase of the merge are added
   * to it (clustering, paths, closing, containment, add_back, union, normalise, rounding). Timing costs a clock read
   * per phase and group, so leave it out otherwise.
   */
  phaseMs?: Partial<Record<MergePhase, number>>;
}

/** The phases of a merge, as timed into {@link MergeOptions.phaseMs}. */
export type MergePhase =
  'clustering' | 'paths' | 'closing' | 'containment' | 'add_back' | 'union' | 'normalise' | 'rounding';

export interface ZoneProperties {
  /** Member compound ids, sorted. */
  members: string[];
  member_count: number;
  /** Planar area of the merged outline in m² (0.1 m²). */
  area_m2: number;
  tolerance_m: number;
  /** True when the group has one member (its outline is its own, cleaned). */
  singleton: boolean;
  /** What had to be repaired to make the outline a valid polygon (absent when nothing was). */
  repairs?: TopologyFix[];
  /** Present only if no repair could make the outline valid: the zone must not be saved. */
  invalid?: ValidityProblem;
}

export interface MergeStats {
  tolerance_m: number;
  groups: number;
  singletons: number;
  candidate_pairs: number;
  exact_checks: number;
  /** Compounds that contribute no outline, each with the reason (missing, malformed or too small geometry). */
  skipped: SkippedFeature[];
}

export type ZoneCollection = FeatureCollection<Polygon | MultiPolygon, ZoneProperties> & { properties: MergeStats };

/** How far (× the offset) a mitred corner may reach before Clipper squares it off (corners sharper than 60°). */
const MITER_LIMIT = 2;
/** cos² of the sharpest corner that limit keeps (60°). */
const COS2_60 = 0.25;
/** Reach (m) within which the outline's boundaries are joined; over twice any rounding on the way out. */
const SNAP_M = 0.002;
/**
 * Depth (m) below which an outline running inside a member is not a cut: compounds surveyed separately overlap or
 * miss each other by a centimetre or so, and where they overlap the closing's walls run a few millimetres inside one
 * of them. Members lie inside their zone to within this.
 */
const CUT_M = 0.02;
/** Finest integer units per metre (0.1 mm), and the widest group (m) they keep Clipper's products exact for. */
const FINE_UNITS_PER_M = 10000;
const FINE_MAX_EXTENT_M = 9000;

/**
 * Where each member vertex landed in integer units, so an outline vertex at the same place gets the member's exact
 * lon/lat back, and one a rounding away finds it. One hash over cells twice the reach wide (open addressing over typed
 * arrays, reused from group to group), each cell a chain of its vertices, for nearest() (four cells); and one over
 * exact places for has() and get(), which every outline vertex asks several times.
 */
/** A hash of an integer place whose low bits depend on all of its bits (grid-aligned places must not collide). */
function placeHash(x: number, y: number): number {
  let h = Math.imul(x | 0, 73856093) ^ Math.imul(y | 0, 19349663);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}

class VertexTable {
  private x = new Float64Array(1 << 11);
  private y = new Float64Array(1 << 11);
  private lon = new Float64Array(1 << 11);
  private lat = new Float64Array(1 << 11);
  /** Next vertex (+ 1) in the same cell; 0 ends the chain. */
  private inCell = new Int32Array(1 << 11);
  private n = 0;
  /** Per hash slot: the chain's first vertex + 1 (0: empty slot), and the cell it holds. */
  private cellSlots = new Int32Array(1 << 12);
  private cellX = new Float64Array(1 << 12);
  private cellY = new Float64Array(1 << 12);
  private mask = (1 << 12) - 1;
  /** Exact places: per hash slot the vertex (+ 1) there (0: empty), for has/get without the cells. */
  private exact = new Int32Array(1 << 12);
  private inv = 1;
  /** The snapping reach in units (cells are twice as wide). */
  private reach = 1;

  reset(expected: number, reach: number): void {
    this.reach = reach;
    this.inv = 1 / (2 * reach);
    let size = 16;
    while (size < expected * 2) size <<= 1;
    // one buffer for all groups; only the part this group uses is cleared
    if (size > this.cellSlots.length) {
      this.cellSlots = new Int32Array(size);
      this.cellX = new Float64Array(size);
      this.cellY = new Float64Array(size);
      this.exact = new Int32Array(size);
    } else {
      this.cellSlots.fill(0, 0, size);
      this.exact.fill(0, 0, size);
    }
    this.mask = size - 1;
    if (this.x.length < expected) {
      this.x = new Float64Array(expected);
      this.y = new Float64Array(expected);
      this.lon = new Float64Array(expected);
      this.lat = new Float64Array(expected);
      this.inCell = new Int32Array(expected);
    }
    this.n = 0;
  }

  private cellSlot(cx: number, cy: number): number {
    const mask = this.mask;
    let h = (Math.imul(cx | 0, 73856093) ^ Math.imul(cy | 0, 19349663)) & mask;
    for (;;) {
      const k = this.cellSlots[h];
      if (k === 0 || (this.cellX[h] === cx && this.cellY[h] === cy)) return h;
      h = (h + 1) & mask;
    }
  }

  /** The vertex (+ 1) at exactly (x, y), or 0. */
  private find(x: number, y: number): number {
    const mask = this.mask;
    for (let h = placeHash(x, y) & mask; ; h = (h + 1) & mask) {
      const k = this.exact[h];
      if (k === 0 || (this.x[k - 1] === x && this.y[k - 1] === y)) return k;
    }
  }

  add(x: number, y: number, lon: number, lat: number): void {
    if (this.n >= this.x.length) return;
    const cx = Math.floor(x * this.inv);
    const cy = Math.floor(y * this.inv);
    const h = this.cellSlot(cx, cy);
    for (let k = this.cellSlots[h]; k !== 0; k = this.inCell[k - 1]) {
      if (this.x[k - 1] === x && this.y[k - 1] === y) return; // first member vertex at a place wins
    }
    const k = this.n++;
    this.x[k] = x;
    this.y[k] = y;
    let e = placeHash(x, y) & this.mask;
    while (this.exact[e] !== 0) e = (e + 1) & this.mask;
    this.exact[e] = k + 1;
    this.lon[k] = lon;
    this.lat[k] = lat;
    this.inCell[k] = this.cellSlots[h];
    this.cellSlots[h] = k + 1;
    this.cellX[h] = cx;
    this.cellY[h] = cy;
  }

  /** Is (x, y) where a member vertex landed? */
  has(x: number, y: number): boolean {
    return this.find(x, y) !== 0;
  }

  /**
   * The member vertex nearest to (x, y) within the table's reach, written into `out` as [x, y]; false when none.
   */
  nearest(x: number, y: number, out: [number, number]): boolean {
    // cells are twice the reach wide, so the disk of that radius meets at most the 2 × 2 cells on the point's side
    const fx = x * this.inv;
    const fy = y * this.inv;
    const cx = Math.floor(fx);
    const cy = Math.floor(fy);
    const i0 = fx - cx < 0.5 ? cx - 1 : cx;
    const j0 = fy - cy < 0.5 ? cy - 1 : cy;
    let best = -1;
    let bestD = this.reach * this.reach;
    for (let i = i0; i <= i0 + 1; i++) {
      for (let j = j0; j <= j0 + 1; j++) {
        const h = this.cellSlot(i, j);
        for (let k = this.cellSlots[h]; k !== 0; k = this.inCell[k - 1]) {
          const dx = this.x[k - 1] - x;
          const dy = this.y[k - 1] - y;
          const d = dx * dx + dy * dy;
          if (d <= bestD) {
            bestD = d;
            best = k - 1;
          }
        }
      }
    }
    if (best < 0) return false;
    out[0] = this.x[best];
    out[1] = this.y[best];
    return true;
  }

  /** The member's lon/lat at (x, y), or null. */
  get(x: number, y: number): [number, number] | null {
    const k = this.find(x, y);
    return k === 0 ? null : [this.lon[k - 1], this.lat[k - 1]];
  }
}

const vertexTable = new VertexTable();
/** Per member of the group being merged: its box in integer units (x0, y0, x1, y1), reused from group to group. */
let memberBoxes = new Float64Array(4 * 64);

/**
 * Member rings of one group as clipper paths in the group's affine frame (integer mm from lon0, lat0), exteriors
 * positive and holes negative (byMember: the same paths per member); every member vertex goes into `vertexTable`
 * (`reach`: the snapping reach, units).
 * `acute` is set when some corner is sharper than 60°: the closing squares such corners off, so all members then go
 * back in.
 */
function groupPaths(
  flat: FlatPolygons,
  members: number[],
  lon0: number,
  lat0: number,
  kx: number,
  ky: number,
  byMember: Paths64[],
  acute: { v: boolean },
  reach: number,
): Paths64 {
  const out: Paths64 = [];
  byMember.length = 0;
  const { ll, ringStart, ringHole, featRing } = flat;
  let expected = 0;
  for (const i of members) expected += ringStart[featRing[i + 1]] - ringStart[featRing[i]];
  vertexTable.reset(expected, reach);
  if (memberBoxes.length < 4 * members.length) memberBoxes = new Float64Array(8 * members.length);
  for (let m = 0; m < members.length; m++) {
    const own: Paths64 = [];
    byMember.push(own);
    const i = members[m];
    let bx0 = Infinity, by0 = Infinity, bx1 = -Infinity, by1 = -Infinity;
    for (let q = featRing[i]; q < featRing[i + 1]; q++) {
      const path: Path64 = [];
      let area2 = 0;
      let px = NaN;
      let py = NaN;
      for (let k = ringStart[q]; k < ringStart[q + 1]; k++) {
        const lon = ll[2 * k];
        const lat = ll[2 * k + 1];
        const x = Math.round((lon - lon0) * kx);
        const y = Math.round((lat - lat0) * ky);
        if (x === px && y === py) continue;
        vertexTable.add(x, y, lon, lat);
        path.push({ x, y });
        if (x < bx0) bx0 = x;
        if (x > bx1) bx1 = x;
        if (y < by0) by0 = y;
        if (y > by1) by1 = y;
        px = x;
        py = y;
      }
      if (path.length > 1 && path[0].x === px && path[0].y === py) path.pop();
      if (path.length < 3) continue;
      for (let k = 0, j = path.length - 1; k < path.length; j = k++) {
        area2 += path[j].x * path[k].y - path[k].x * path[j].y;
      }
      if (area2 === 0) continue;
      if (area2 > 0 === (ringHole[q] === 1)) path.reverse();
      if (!acute.v) {
        for (let k = 0, n = path.length, a = path[n - 1]; k < n; k++) {
          const b = path[k];
          const c = path[k + 1 < n ? k + 1 : 0];
          const ux = a.x - b.x;
          const uy = a.y - b.y;
          const vx = c.x - b.x;
          const vy = c.y - b.y;
          const dot = ux * vx + uy * vy;
          if (dot > 0 && dot * dot > COS2_60 * (ux * ux + uy * uy) * (vx * vx + vy * vy)) {
            acute.v = true;
            break;
          }
          a = b;
        }
      }
      out.push(path);
      own.push(path);
    }
    memberBoxes[4 * m] = bx0;
    memberBoxes[4 * m + 1] = by0;
    memberBoxes[4 * m + 2] = bx1;
    memberBoxes[4 * m + 3] = by1;
  }
  return out;
}

const nearBuf: [number, number] = [0, 0];

/**
 * Corners the closing brought back a rounding away from where they were (walls at an angle to the frame come back
 * to within a unit or two) go back onto the member's own vertex (within the table's reach), so restored walls coincide
 * with the members' and outlines keep the members' exact coordinates.
 */
function snapPathsToMembers(paths: Paths64): void {
  for (const ring of paths) {
    for (let i = 0; i < ring.length; i++) {
      const pt = ring[i];
      // no exact-place check first: only 1 outline vertex in 14 is a member's own (the nearest is then itself)
      if (vertexTable.nearest(pt.x, pt.y, nearBuf)) {
        // in place: the engine made a new point for every output vertex, and its shape stays one shape
        pt.x = nearBuf[0];
        pt.y = nearBuf[1];
      }
    }
  }
}

/**
 * Merge compounds whose boundaries lie within `toleranceM` into design-zone outlines: one feature
 * per group (singletons included, flagged), gaps up to the tolerance closed, pin-holes filled,
 * courtyards kept. Every outline is a valid OGC polygon with RFC 7946 winding (repairs, if any, are listed in the
 * zone's `repairs`), and a vertex taken from a member keeps its exact coordinates. Compounds that cannot contribute
 * an outline (missing, malformed or NaN geometry, below 0.01 m²) are listed in `properties.skipped` with the
 * reason. The compounds themselves are not changed; each zone lists its member ids.
 *
 * @param fc compounds (Polygon/MultiPolygon, WGS84)
 * @param opts toleranceM in metres 0–50 (default 15; GeoError outside), idProperty (default 'id'),
 *   minHoleM2 (default max(1, tol²/2); 0.01 at tolerance 0), onProgress(fraction 0–1, step 'grouping' | 'merging') about every 2 %
 *   (grouping is the first 30 %, the unions the rest)
 * @returns FeatureCollection of zones with {members, member_count, area_m2, tolerance_m, singleton, repairs?};
 *   its `properties` carry the run's stats and the skipped compounds
 * @example
 * const zones = mergeAdjacent(compounds, { toleranceM: 15, idProperty: 'code' });
 * zones.features[0].properties.members; // ['FY-001', 'FY-002']
 * zones.properties.skipped; // [{ id: 'FY-049', index: 48, code: 'no_geometry', params: {} }]
 */
export function mergeAdjacent(
  fc: FeatureCollection<Polygon | MultiPolygon | null>,
  opts: MergeOptions = {},
): ZoneCollection {
  const report = opts.onProgress;
  const ph = opts.phaseMs;
  let t0 = ph ? performance.now() : 0;
  const lap = (phase: MergePhase) => {
    const t = performance.now();
    ph![phase] = (ph![phase] ?? 0) + t - t0;
    t0 = t;
  };
  const cl = clusterAdjacentIndexed(fc, { ...opts, onProgress: report && ((f, label) => report(0.3 * f, label)) });
  const tol = cl.stats.toleranceM;
  const tick = progressTicker(cl.groupsIdx.length, 'merging', report && ((f, label) => report(0.3 + 0.7 * f, label)));
  const minHoleM2 = opts.minHoleM2 ?? (tol > 0 ? Math.max(1, (tol * tol) / 2) : 0.01);
  // a hair over tol/2 so a gap of exactly tol (which clustering joins) is bridged too
  const r = tol > 0 ? tol / 2 + 0.005 : 0;
  const { flat } = cl;
  const skipped = [...flat.skipped];
  const features: Feature<Polygon | MultiPolygon, ZoneProperties>[] = [];
  const k9 = 1e9;
  if (ph) lap('clustering');
  for (let k = 0; k < cl.groupsIdx.length; k++) {
    tick(k);
    const members = cl.groupsIdx[k];
    // the group's own affine frame: true scale at its centre, origin 100 m beyond its lower-left corner
    let x0 = Infinity,
      y0 = Infinity,
      x1 = -Infinity,
      y1 = -Infinity;
    for (const i of members) {
      if (flat.bbox[4 * i] < x0) x0 = flat.bbox[4 * i];
      if (flat.bbox[4 * i + 1] < y0) y0 = flat.bbox[4 * i + 1];
      if (flat.bbox[4 * i + 2] > x1) x1 = flat.bbox[4 * i + 2];
      if (flat.bbox[4 * i + 3] > y1) y1 = flat.bbox[4 * i + 3];
    }
    const centre = flat.frame.toLonLat([(x0 + x1) / 2, (y0 + y1) / 2]);
    const af = affineFrame(centre[0], centre[1]);
    const corner = flat.frame.toLonLat([x0 - 100, y0 - 100]);
    const lonO = corner[0] - 100 / af.mPerDegLon; // margin for the frame's slight skew against the cluster frame
    const latO = corner[1] - 100 / af.mPerDegLat;
    const units = Math.max(x1 - x0, y1 - y0) + 400 < FINE_MAX_EXTENT_M ? FINE_UNITS_PER_M : 1000;
    const kx = af.mPerDegLon * units;
    const ky = af.mPerDegLat * units;
    const byMember: Paths64[] = [];
    const acute = { v: false };
    const paths = groupPaths(flat, members, lonO, latO, kx, ky, byMember, acute, SNAP_M * units);
    if (ph) lap('paths');
    const minAreaU2 = 0.01 * units * units;
    const minHoleU2 = minHoleM2 * units * units;
    let polys: Paths64[];
    if (members.length > 1 && r > 0) {
      const grown = offsetPaths(paths, r, JoinType.Miter, MITER_LIMIT, units);
      polys = treePolygons(offsetToTree(grown, -r, JoinType.Miter, MITER_LIMIT, units), minAreaU2, minHoleU2);
      for (const p of polys) snapPathsToMembers(p);
      if (ph) lap('closing');
      // the members the closing cut into go back in (containment.ts says why it can happen and how it is found)
      const rings: Paths64 = [];
      for (const p of polys) for (const ring of p) rings.push(ring);
      let cut: Set<number> | null = null;
      if (!acute.v) {
        // only members reaching into a reflex corner's kite can be cut (containment.ts); usually there are none
        const near = membersNearReflexCorners(grown, byMember, r * units, MITER_LIMIT, (CUT_M / 2) * units, memberBoxes);
        cut = new Set();
        if (near.length === byMember.length)
          cut = membersCut(rings, byMember, CUT_M * units, (x, y) => vertexTable.has(x, y));
        else if (near.length) {
          const some = membersCut(
            rings,
            near.map((m) => byMember[m]),
            CUT_M * units,
            (x, y) => vertexTable.has(x, y),
          );
          for (const s of some) cut.add(near[s]);
        }
      }
      if (ph) lap('containment');
      if (!cut || cut.size) {
        const back: Paths64 = [];
        if (cut) for (const m of cut) for (const ring of byMember[m]) back.push(ring);
        else for (const ring of paths) back.push(ring);
        const again = new PolyTree64();
        Clipper.booleanOpWithPolyTree(ClipType.Union, rings, back, again, FillRule.Positive);
        polys = treePolygons(again, minAreaU2, minHoleU2);
        if (ph) lap('add_back');
      }
    } else {
      const tree = new PolyTree64();
      Clipper.booleanOpWithPolyTree(ClipType.Union, paths, null, tree, FillRule.Positive);
      polys = treePolygons(tree, minAreaU2, minHoleU2);
      if (ph) lap('union');
    }
    const outline = outlineFromPolygons(
      polys,
      (x, y) => vertexTable.get(x, y) ?? [Math.round((lonO + x / kx) * k9) / k9, Math.round((latO + y / ky) * k9) / k9],
      SNAP_M * units,
      af,
      (x, y) => vertexTable.has(x, y),
      ph,
    );
    if (ph) t0 = performance.now();
    if (!outline.geom) {
      // cannot happen for members ≥ 0.01 m², but never in silence
      for (const i of members) skipped.push({ id: flat.ids[i], index: i, code: 'too_small', params: { area_m2: 0 } });
      continue;
    }
    const props: ZoneProperties = {
      members: cl.groups[k],
      member_count: members.length,
      area_m2: Math.round(outline.areaM2 * 10) / 10,
      tolerance_m: tol,
      singleton: members.length === 1,
    };
    if (outline.repairs.length) props.repairs = outline.repairs;
    if (outline.invalid) props.invalid = outline.invalid;
    features.push({ type: 'Feature', properties: props, geometry: outline.geom });
  }
  tick(cl.groupsIdx.length);
  skipped.sort((a, b) => a.index - b.index);
  return {
    type: 'FeatureCollection',
    properties: {
      tolerance_m: tol,
      groups: cl.stats.groups,
      singletons: cl.stats.singletons,
      candidate_pairs: cl.stats.candidatePairs,
      exact_checks: cl.stats.exactChecks,
      skipped,
    },
    features,
  };
}
