// Merge adjacent compounds into design-zone outlines, one per group from clusterAdjacent.
// Per group (never across groups, so a closing cannot reach a far neighbour):
//   union of the members, closed morphologically — grow by tol/2, shrink by tol/2, both with
//   miter joins so right-angled walls stay square — which bridges every gap up to the tolerance;
//   the members are added back (a miter closing may bevel an acute corner) and holes smaller
//   than a pin-hole threshold are filled. Holes wider than the tolerance (courtyards) survive the
//   closing, and their area is at least ~tol², far above the pin-hole threshold.
// Clipper2 runs on integer millimetres relative to each group's own corner, so coordinates stay small.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { JoinType, fromPaths, offsetPaths, type Path64, type Paths64, UNITS_PER_M } from './clipper';
import { clusterAdjacentIndexed, type ClusterOptions, type FlatPolygons } from './cluster-adjacent';
import type { LocalFrame } from './local-metric';

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

/** A frame whose metres are shifted by (dx, dy): clipper works near the origin, output goes home. */
function shiftedFrame(frame: LocalFrame, dx: number, dy: number): LocalFrame {
  return {
    ...frame,
    toXY: (p) => {
      const q = frame.toXY(p);
      return [q[0] - dx, q[1] - dy];
    },
    toLonLat: (p) => frame.toLonLat([p[0] + dx, p[1] + dy]),
  };
}

/** Member rings of one group as clipper paths, exteriors positive and holes negative. */
function groupPaths(flat: FlatPolygons, members: number[], ox: number, oy: number): Paths64 {
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
      out.push(path);
    }
  }
  return out;
}

function netAreaM2(g: Polygon | MultiPolygon, frame: LocalFrame): number {
  // planar area in the shifted frame from the output rings (what the user sees)
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let a = 0;
  for (const rings of polys) {
    for (const ring of rings) {
      let s = 0;
      let prev = frame.toXY(ring[0]);
      for (let k = 1; k < ring.length; k++) {
        const cur = frame.toXY(ring[k]);
        s += prev[0] * cur[1] - cur[0] * prev[1];
        prev = cur;
      }
      a += s / 2; // exterior CCW > 0, holes CW < 0
    }
  }
  return a;
}

/**
 * Merge compounds whose boundaries lie within `toleranceM` into design-zone outlines: one feature
 * per group (singletons included, flagged), gaps up to the tolerance closed, pin-holes filled,
 * courtyards kept. The compounds themselves are not changed; each zone lists its member ids.
 *
 * @param fc compounds (Polygon/MultiPolygon, WGS84)
 * @param opts toleranceM in metres 0–50 (default 15; RangeError outside), idProperty (default 'id'),
 *   minHoleM2 (default max(1, tol²/2))
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
  const cl = clusterAdjacentIndexed(fc, opts);
  const tol = cl.stats.toleranceM;
  const minHoleM2 = opts.minHoleM2 ?? Math.max(1, (tol * tol) / 2);
  // a hair over tol/2 so a gap of exactly tol (which clustering joins) is bridged too
  const r = tol > 0 ? tol / 2 + 0.005 : 0;
  const { flat } = cl;
  const features: Feature<Polygon | MultiPolygon, ZoneProperties>[] = [];
  for (let k = 0; k < cl.groupsIdx.length; k++) {
    const members = cl.groupsIdx[k];
    let ox = Infinity;
    let oy = Infinity;
    for (const i of members) {
      if (flat.bbox[4 * i] < ox) ox = flat.bbox[4 * i];
      if (flat.bbox[4 * i + 1] < oy) oy = flat.bbox[4 * i + 1];
    }
    ox = Math.floor(ox) - 100;
    oy = Math.floor(oy) - 100;
    const frame = shiftedFrame(flat.frame, ox, oy);
    const paths = groupPaths(flat, members, ox, oy);
    let all = paths;
    if (members.length > 1 && r > 0) {
      const closed = offsetPaths(offsetPaths(paths, r, JoinType.Miter), -r, JoinType.Miter);
      all = closed.concat(paths);
    }
    const geom = fromPaths(all, frame, { minHoleM2, minAreaM2: 0.01 });
    if (!geom) continue; // members without area
    features.push({
      type: 'Feature',
      properties: {
        members: cl.groups[k],
        member_count: members.length,
        area_m2: Math.round(netAreaM2(geom, frame) * 10) / 10,
        tolerance_m: tol,
        singleton: members.length === 1,
      },
      geometry: geom,
    });
  }
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
