// Merge adjacent compounds into design-zone outlines, one per group from clusterAdjacent.
// Per group (never across groups, so a closing cannot reach a far neighbour):
//   union of the members, closed morphologically — grow by tol/2, shrink by tol/2, both with
//   miter joins so right-angled walls stay square — which bridges every gap up to the tolerance;
//   the members are added back (a miter closing may bevel an acute corner) and holes smaller
//   than a pin-hole threshold are filled. Holes wider than the tolerance (courtyards) survive the
//   closing, and their area is at least ~tol², far above the pin-hole threshold.
// Clipper2 runs on integer millimetres relative to each group's own corner, so coordinates stay small.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { Clipper, ClipType, FillRule } from 'clipper2-ts';
import { JoinType, PolyTree64, offsetPaths, offsetToTree, treeToGeom, type Path64, type Paths64, UNITS_PER_M } from './clipper';
import { clusterAdjacentIndexed, progressTicker, type ClusterOptions, type FlatPolygons } from './cluster-adjacent';

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
}

export interface MergeStats {
  tolerance_m: number;
  groups: number;
  singletons: number;
  candidate_pairs: number;
  exact_checks: number;
}

export type ZoneCollection = FeatureCollection<Polygon | MultiPolygon, ZoneProperties> & { properties: MergeStats };

/** cos² of the sharpest corner a miter limit of 2 keeps (60°): sharper ones get squared off. */
const COS2_60 = 0.25;

/**
 * Member rings of one group as clipper paths, exteriors positive and holes negative. `acute` is set
 * when some corner is sharper than 60°: a miter closing bevels such corners, so the members are
 * then added back to the outline.
 */
function groupPaths(flat: FlatPolygons, members: number[], ox: number, oy: number, acute: { v: boolean }): Paths64 {
  const { xy, ringStart, ringHole, featRing } = flat;
  const out: Paths64 = [];
  for (const i of members) {
    for (let r = featRing[i]; r < featRing[i + 1]; r++) {
      const s = ringStart[r];
      const e = ringStart[r + 1];
      const path: Path64 = [];
      let area2 = 0;
      let px = 0;
      let py = 0;
      for (let k = s; k < e; k++) {
        const x = Math.round((xy[2 * k] - ox) * UNITS_PER_M);
        const y = Math.round((xy[2 * k + 1] - oy) * UNITS_PER_M);
        if (path.length > 0 && x === px && y === py) continue;
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
      if ((area2 > 0) === (ringHole[r] === 1)) path.reverse();
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
  return out;
}

/**
 * Merge compounds whose boundaries lie within `toleranceM` into design-zone outlines: one feature
 * per group (singletons included, flagged), gaps up to the tolerance closed, pin-holes filled,
 * courtyards kept. The compounds themselves are not changed; each zone lists its member ids.
 *
 * @param fc compounds (Polygon/MultiPolygon, WGS84)
 * @param opts toleranceM in metres 0–50 (default 15; RangeError outside), idProperty (default 'id'),
 *   minHoleM2 (default max(1, tol²/2)), onProgress(fraction 0–1, label) about every 2 % (grouping is the
 *   first 30 %, the unions the rest)
 * @returns FeatureCollection of zones with {members, member_count, area_m2, tolerance_m, singleton};
 *   its `properties` carry the run's stats
 * @example
 * const zones = mergeAdjacent(compounds, { toleranceM: 15, idProperty: 'code' });
 * zones.features[0].properties.members; // ['FY-001', 'FY-002']
 */
export function mergeAdjacent(
  fc: FeatureCollection<Polygon | MultiPolygon | null>,
  opts: MergeOptions = {},
): ZoneCollection {
  const report = opts.onProgress;
  const cl = clusterAdjacentIndexed(fc, { ...opts, onProgress: report && ((f, label) => report(0.3 * f, label)) });
  const tol = cl.stats.toleranceM;
  const tick = progressTicker(cl.groupsIdx.length, '合并 / merging', report && ((f, label) => report(0.3 + 0.7 * f, label)));
  const minHoleM2 = opts.minHoleM2 ?? Math.max(1, (tol * tol) / 2);
  // a hair over tol/2 so a gap of exactly tol (which clustering joins) is bridged too
  const r = tol > 0 ? tol / 2 + 0.005 : 0;
  const { flat } = cl;
  const features: Feature<Polygon | MultiPolygon, ZoneProperties>[] = [];
  for (let k = 0; k < cl.groupsIdx.length; k++) {
    tick(k);
    const members = cl.groupsIdx[k];
    let ox = Infinity;
    let oy = Infinity;
    for (const i of members) {
      if (flat.bbox[4 * i] < ox) ox = flat.bbox[4 * i];
      if (flat.bbox[4 * i + 1] < oy) oy = flat.bbox[4 * i + 1];
    }
    ox = Math.floor(ox) - 100;
    oy = Math.floor(oy) - 100;
    const acute = { v: false };
    const paths = groupPaths(flat, members, ox, oy, acute);
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
    const { geom, areaM2 } = treeToGeom(tree, flat.frame, { minHoleM2, minAreaM2: 0.01, offsetM: [ox, oy] });
    if (!geom) continue; // members without area
    features.push({
      type: 'Feature',
      properties: {
        members: cl.groups[k],
        member_count: members.length,
        area_m2: Math.round(areaM2 * 10) / 10,
        tolerance_m: tol,
        singleton: members.length === 1,
      },
      geometry: geom,
    });
  }
  tick(cl.groupsIdx.length);
  return {
    type: 'FeatureCollection',
    properties: {
      tolerance_m: tol,
      groups: cl.stats.groups,
      singletons: cl.stats.singletons,
      candidate_pairs: cl.stats.candidatePairs,
      exact_checks: cl.stats.exactChecks,
    },
    features,
  };
}
