// Which compounds does a drawn zone take in? Members are compounds covered by at least
// minCoverShare of their own area; partly covered ones are reported so the planner can decide.
// The shared spatial index (spatial-index.ts, built once per compounds collection) prefilters by box, clipper
// intersects in an affine frame centred on the zone.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { geometryBBox } from './bbox';
import { areaM2, intersectPaths, toPaths, unionPaths } from './clipper';
import { featureId } from './cluster-adjacent';
import { affineFrameFor } from './local-metric';
import { GeoError } from './reasons';
import { positionsNear } from './spatial-index';

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
  /** Compounds near the zone without a usable outline (missing, NaN/infinite coordinates, no area), by id. */
  skipped: string[];
}

type AreaFeature = Feature<Polygon | MultiPolygon | null>;

/** Shares below this are boundary noise (a wall drawn along the zone edge), not cover. */
const MIN_SHARE = 1e-6;

/**
 * Members of a drawn zone: compounds whose area the zone covers by at least `minCoverShare`.
 * Compounds covered less (but more than nothing) come back in `partial` with their share.
 *
 * @param zone drawn zone (Polygon/MultiPolygon, WGS84)
 * @param compounds compounds (Polygon/MultiPolygon, WGS84)
 * @param opts minCoverShare 0–1 (default 0.5; GeoError 'cover_share_out_of_range' outside (0, 1]); idProperty (default 'id')
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
  if (!(minShare > 0 && minShare <= 1)) throw new GeoError('cover_share_out_of_range', { value: String(minShare) });
  const idProperty = opts.idProperty ?? 'id';
  const features = compounds.features as AreaFeature[];
  const result: ZoneMembersResult = { members: [], partial: [], shares: {}, skipped: [] };
  const zb = geometryBBox(zone);
  if (!zb) return result;
  const frame = affineFrameFor(zb);
  const zonePaths = unionPaths(toPaths(zone, frame));
  for (const i of positionsNear(compounds, zb)) {
    const g = features[i].geometry;
    const paths = g ? unionPaths(toPaths(g, frame)) : []; // union: overlapping parts count once
    const area = areaM2(paths);
    if (!(area > 0)) {
      result.skipped.push(featureId(features[i], i, idProperty));
      continue;
    }
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
