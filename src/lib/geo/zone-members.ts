// Which compounds does a drawn zone take in? Members are compounds covered by at least
// minCoverShare of their own area; partly covered ones are reported so the planner can decide.
// Flatbush prefilters by box (built once per compounds collection and cached), clipper
// intersects in a frame centred on the zone.
import Flatbush from 'flatbush';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { areaM2, intersectPaths, toPaths, unionPaths } from './clipper';
import { featureId } from './cluster-adjacent';
import { frameFor } from './local-metric';

export interface ZoneMembersOptions {
  /** Share (0–1] of a compound's area the zone must cover to take it in. Default 0.5. */
  minCoverShare?: number;
  /** Property holding the compound id (default 'id'; then feature.id; then the index). */
  idProperty?: string;
}

export interface ZoneMembersResult {
  /** Ids with share ≥ minCoverShare, sorted. */
  members: string[];
  /** Ids with 0 < share < minCoverShare, sorted by id. */
  partial: { id: string; share: number }[];
  /** Covered share (0–1) for every compound the zone touches with positive area. */
  shares: Record<string, number>;
}

type AreaFeature = Feature<Polygon | MultiPolygon | null>;
interface BoxIndex {
  index: Flatbush | null;
  count: number;
}
// Built once per compounds collection: a planner draws many zones over the same compounds.
const boxCache = new WeakMap<object, BoxIndex>();

function bboxOf(g: Polygon | MultiPolygon): [number, number, number, number] {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const rings of polys) {
    for (const p of rings[0] ?? []) {
      if (p[0] < x0) x0 = p[0];
      if (p[0] > x1) x1 = p[0];
      if (p[1] < y0) y0 = p[1];
      if (p[1] > y1) y1 = p[1];
    }
  }
  return [x0, y0, x1, y1];
}

function boxIndex(features: AreaFeature[]): BoxIndex {
  const cached = boxCache.get(features);
  if (cached && cached.count === features.length) return cached; // collections are replaced, not mutated
  let index: Flatbush | null = null;
  if (features.length > 0) {
    index = new Flatbush(features.length);
    for (const f of features) {
      if (f.geometry) {
        const b = bboxOf(f.geometry);
        if (b[0] !== Infinity) {
          index.add(b[0], b[1], b[2], b[3]);
          continue;
        }
      }
      index.add(Infinity, Infinity, Infinity, Infinity); // keeps item numbering; never found
    }
    index.finish();
  }
  const built = { index, count: features.length };
  boxCache.set(features, built);
  return built;
}

/** Shares below this are boundary noise (a wall drawn along the zone edge), not cover. */
const MIN_SHARE = 1e-6;

/**
 * Members of a drawn zone: compounds whose area the zone covers by at least `minCoverShare`.
 * Compounds covered less (but more than nothing) come back in `partial` with their share.
 *
 * @param zone drawn zone (Polygon/MultiPolygon, WGS84)
 * @param compounds compounds (Polygon/MultiPolygon, WGS84)
 * @param opts minCoverShare 0–1 (default 0.5; RangeError outside (0, 1]); idProperty (default 'id')
 * @example
 * const { members, partial } = zoneMembers(drawn, compounds, { minCoverShare: 0.5, idProperty: 'code' });
 * // members: ['FY-003', 'FY-004'], partial: [{ id: 'FY-007', share: 0.31 }]
 */
export function zoneMembers(
  zone: Polygon | MultiPolygon,
  compounds: FeatureCollection<Polygon | MultiPolygon | null>,
  opts: ZoneMembersOptions = {},
): ZoneMembersResult {
  const minShare = opts.minCoverShare ?? 0.5;
  if (!(minShare > 0 && minShare <= 1)) {
    throw new RangeError(
      `覆盖比例须在 0–1 之间(当前 ${String(minShare)})/ minCoverShare must be in (0, 1] (got ${String(minShare)})`,
    );
  }
  const idProperty = opts.idProperty ?? 'id';
  const features = compounds.features as AreaFeature[];
  const result: ZoneMembersResult = { members: [], partial: [], shares: {} };
  const zb = bboxOf(zone);
  const { index } = boxIndex(features);
  if (!index || zb[0] === Infinity) return result;
  const frame = frameFor(zb);
  const zonePaths = unionPaths(toPaths(zone, frame));
  for (const i of index.search(zb[0], zb[1], zb[2], zb[3])) {
    const g = features[i].geometry;
    if (!g) continue;
    const paths = unionPaths(toPaths(g, frame)); // union: overlapping parts count once
    const area = areaM2(paths);
    if (area <= 0) continue;
    const share = Math.min(1, areaM2(intersectPaths(zonePaths, paths)) / area);
    if (share < MIN_SHARE) continue;
    const id = featureId(features[i], i, idProperty);
    result.shares[id] = share;
    if (share >= minShare - 1e-9) result.members.push(id); // exactly half stays half despite mm snapping
    else result.partial.push({ id, share });
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  result.members.sort(cmp);
  result.partial.sort((a, b) => cmp(a.id, b.id));
  return result;
}
