// Merge adjacent compounds into design-zone outlines, one per group from clusterAdjacent
// (docs/merge-tolerance.md says what "within tolerance" means, with a figure).
// Per group (never across groups, so a closing cannot reach a far neighbour):
//   union of the members, closed morphologically — grow by tol/2, shrink by tol/2, both with
//   miter joins so right-angled walls stay square — which bridges every gap up to the tolerance;
//   the members are added back where a miter closing may bevel an acute corner, and holes smaller
//   than a pin-hole threshold are filled. Holes wider than the tolerance (courtyards) survive the
//   closing, and their area is at least ~tol², far above the pin-hole threshold.
// Each group works in its own affine frame (straight lon/lat edges stay straight) in integer millimetres. Every
// outline leaves through outlineFromPolygons, so it is an OGC-valid polygon: rings touching themselves are split at
// the touch point, boundaries within 2 mm of each other are joined (at tolerance 0 that fuses walls shared in part,
// which otherwise leave a sub-millimetre slit), and a vertex that came from a member keeps the member's exact lon/lat.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { Clipper, ClipType, FillRule } from 'clipper2-ts';
import {
  JoinType,
  PolyTree64,
  UNITS2_PER_M2,
  UNITS_PER_M,
  offsetPaths,
  offsetToTree,
  outlineFromPolygons,
  treePolygons,
  type Path64,
  type Paths64,
} from './clipper';
import { clusterAdjacentIndexed, progressTicker, type ClusterOptions, type SkippedFeature } from './cluster-adjacent';
import { affineFrame } from './local-metric';
import type { ValidityProblem } from './polygon-validity';
import type { TopologyFix } from './ring-topology';

export interface MergeOptions extends ClusterOptions {
  /**
   * Holes below this area (m²) are filled as pin-holes. Default max(1, tol² / 2): a hole that
   * survives a closing of width tol is at least about tol² in area, so only artefacts go.
   */
  minHoleM2?: number;
}

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

/** cos² of the sharpest corner a miter limit of 2 keeps (60°): sharper ones get squared off. */
const COS2_60 = 0.25;
/** Reach (integer mm) within which the outline's boundaries are joined; over twice any rounding on the way out. */
const SNAP_UNITS = 2;

/**
 * Where each member vertex landed in integer units, so an outline vertex at the same place gets the member's exact
 * lon/lat back (open addressing over typed arrays, reused from group to group).
 */
class VertexTable {
  private slots = new Int32Array(1 << 12);
  private x = new Float64Array(1 << 11);
  private y = new Float64Array(1 << 11);
  private lon = new Float64Array(1 << 11);
  private lat = new Float64Array(1 << 11);
  private n = 0;
  private mask = (1 << 12) - 1;

  reset(expected: number): void {
    let size = 1 << 12;
    while (size < expected * 2) size <<= 1;
    if (size !== this.slots.length) this.slots = new Int32Array(size);
    else this.slots.fill(0);
    this.mask = size - 1;
    if (this.x.length < expected) {
      this.x = new Float64Array(expected);
      this.y = new Float64Array(expected);
      this.lon = new Float64Array(expected);
      this.lat = new Float64Array(expected);
    }
    this.n = 0;
  }

  private slot(x: number, y: number): number {
    let h = (Math.imul(x | 0, 73856093) ^ Math.imul(y | 0, 19349663)) & this.mask;
    for (;;) {
      const k = this.slots[h];
      if (k === 0 || (this.x[k - 1] === x && this.y[k - 1] === y)) return h;
      h = (h + 1) & this.mask;
    }
  }

  add(x: number, y: number, lon: number, lat: number): void {
    const h = this.slot(x, y);
    if (this.slots[h] !== 0 || this.n >= this.x.length) return; // first member vertex at a place wins
    this.x[this.n] = x;
    this.y[this.n] = y;
    this.lon[this.n] = lon;
    this.lat[this.n] = lat;
    this.slots[h] = ++this.n;
  }

  /** Is (x, y) where a member vertex landed? */
  has(x: number, y: number): boolean {
    return this.slots[this.slot(x, y)] !== 0;
  }

  /** The member's lon/lat at (x, y), or null. */
  get(x: number, y: number): [number, number] | null {
    const k = this.slots[this.slot(x, y)];
    return k === 0 ? null : [this.lon[k - 1], this.lat[k - 1]];
  }
}

const vertexTable = new VertexTable();

/**
 * Member rings of one group as clipper paths in the group's affine frame (integer mm from lon0, lat0), exteriors
 * positive and holes negative; every member vertex goes into `vertexTable`. `acute` is set when some corner is
 * sharper than 60°: a miter closing bevels such corners, so the members are then added back to the outline.
 */
function groupPaths(
  fc: FeatureCollection<Polygon | MultiPolygon | null>,
  members: number[],
  lon0: number,
  lat0: number,
  kx: number,
  ky: number,
  acute: { v: boolean },
): Paths64 {
  const out: Paths64 = [];
  let expected = 0;
  for (const i of members) {
    const g = fc.features[i].geometry!;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const rings of polys) for (const r of rings) expected += r.length;
  }
  vertexTable.reset(expected);
  for (const i of members) {
    const g = fc.features[i].geometry!;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const rings of polys) {
      for (let q = 0; q < rings.length; q++) {
        const ring = rings[q];
        const path: Path64 = [];
        let area2 = 0;
        let px = NaN;
        let py = NaN;
        for (let k = 0; k < ring.length; k++) {
          const lon = ring[k][0];
          const lat = ring[k][1];
          const x = Math.round((lon - lon0) * kx);
          const y = Math.round((lat - lat0) * ky);
          if (x === px && y === py) continue;
          vertexTable.add(x, y, lon, lat);
          path.push({ x, y });
          px = x;
          py = y;
        }
        if (path.length > 1 && path[0].x === px && path[0].y === py) path.pop();
        if (path.length < 3) continue;
        for (let k = 0, j = path.length - 1; k < path.length; j = k++) {
          area2 += path[j].x * path[k].y - path[k].x * path[j].y;
        }
        if (area2 === 0) continue;
        if ((area2 > 0) === (q > 0)) path.reverse();
        if (!acute.v) {
          for (let k = 0, n = path.length; k < n; k++) {
            const a = path[(k + n - 1) % n];
            const b = path[k];
            const c = path[(k + 1) % n];
            const ux = a.x - b.x;
            const uy = a.y - b.y;
            const vx = c.x - b.x;
            const vy = c.y - b.y;
            const dot = ux * vx + uy * vy;
            if (dot > 0 && dot * dot > COS2_60 * (ux * ux + uy * uy) * (vx * vx + vy * vy)) {
              acute.v = true;
              break;
            }
          }
        }
        out.push(path);
      }
    }
  }
  return out;
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
 *   minHoleM2 (default max(1, tol²/2)), onProgress(fraction 0–1, step 'grouping' | 'merging') about every 2 %
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
  const cl = clusterAdjacentIndexed(fc, { ...opts, onProgress: report && ((f, label) => report(0.3 * f, label)) });
  const tol = cl.stats.toleranceM;
  const tick = progressTicker(cl.groupsIdx.length, 'merging', report && ((f, label) => report(0.3 + 0.7 * f, label)));
  const minHoleM2 = opts.minHoleM2 ?? Math.max(1, (tol * tol) / 2);
  // a hair over tol/2 so a gap of exactly tol (which clustering joins) is bridged too
  const r = tol > 0 ? tol / 2 + 0.005 : 0;
  const { flat } = cl;
  const skipped = [...flat.skipped];
  const features: Feature<Polygon | MultiPolygon, ZoneProperties>[] = [];
  const k9 = 1e9;
  for (let k = 0; k < cl.groupsIdx.length; k++) {
    tick(k);
    const members = cl.groupsIdx[k];
    // the group's own affine frame: true scale at its centre, origin 100 m beyond its lower-left corner
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
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
    const kx = af.mPerDegLon * UNITS_PER_M;
    const ky = af.mPerDegLat * UNITS_PER_M;
    const acute = { v: false };
    const paths = groupPaths(fc, members, lonO, latO, kx, ky, acute);
    let tree = new PolyTree64();
    if (members.length > 1 && r > 0) {
      const grown = offsetPaths(paths, r, JoinType.Miter);
      if (acute.v) {
        const closed = offsetPaths(grown, -r, JoinType.Miter);
        // the bevel and the sharp corner meet in mm-sized jogs: drop vertices within 2 mm of a line
        const outline = Clipper.simplifyPaths(Clipper.union(closed, paths, FillRule.Positive), 2, true);
        Clipper.booleanOpWithPolyTree(ClipType.Union, outline, null, tree, FillRule.Positive);
      } else {
        tree = offsetToTree(grown, -r, JoinType.Miter); // right-angled walls come back exactly
      }
    } else {
      Clipper.booleanOpWithPolyTree(ClipType.Union, paths, null, tree, FillRule.Positive);
    }
    const polys = treePolygons(tree, 0.01 * UNITS2_PER_M2, minHoleM2 * UNITS2_PER_M2);
    const outline = outlineFromPolygons(
      polys,
      (x, y) => vertexTable.get(x, y) ?? [Math.round((lonO + x / kx) * k9) / k9, Math.round((latO + y / ky) * k9) / k9],
      SNAP_UNITS,
      af,
      (x, y) => vertexTable.has(x, y),
    );
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
