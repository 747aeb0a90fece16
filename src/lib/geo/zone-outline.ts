// One outline for a set of member compounds: their merged groups at a tolerance, as one (Multi)Polygon.
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { bboxOf } from './bbox';
import { unionOutline } from './clipper';
import type { SkippedFeature } from './cluster-adjacent';
import { affineFrameFor } from './local-metric';
import { mergeAdjacent } from './merge-zones';
import { checkGeometry } from './polygon-validity';
import { GeoError } from './reasons';
import type { TopologyFix } from './ring-topology';

export interface ZoneOutline {
  geometry: Polygon | MultiPolygon;
  /** m², 0.1 m² */
  areaM2: number;
  /** What had to be repaired to make the outline a valid polygon (empty when nothing was). */
  repairs: TopologyFix[];
  /** Members that contribute no outline, with the reason. */
  skipped: SkippedFeature[];
}

/**
 * The outline of a zone made of `members` (compounds that need not all be adjacent): each adjacency group is merged
 * at `toleranceM` (gaps closed) and the groups are combined into one geometry. Groups lie farther apart than the
 * tolerance, but not always farther than a rounding: when the parts together are not a valid MultiPolygon they are
 * joined where they touch (and `repairs` says so). Throws GeoError 'no_members' when no member has an outline.
 * @param members compounds (WGS84 Polygon/MultiPolygon)
 * @param toleranceM metres, 0–50 (default 15)
 * @returns {geometry, areaM2, repairs, skipped} — a Polygon for one group, else a MultiPolygon; area in m²
 * @example zoneOutline(fcOfTwoTouchingSquares, 15) // → {geometry: {type: 'Polygon', …}, areaM2: 20000, repairs: [], skipped: []}
 */
export function zoneOutline(members: FeatureCollection<Polygon | MultiPolygon | null>, toleranceM = 15): ZoneOutline {
  const groups = mergeAdjacent(members, { toleranceM });
  const skipped = groups.properties.skipped;
  if (groups.features.length === 0) throw new GeoError('no_members', { skipped: skipped.length });
  const repairs = new Set<TopologyFix>();
  const polys: Polygon['coordinates'][] = [];
  let areaM2 = 0;
  for (const g of groups.features) {
    areaM2 += g.properties.area_m2;
    for (const r of g.properties.repairs ?? []) repairs.add(r);
    if (g.geometry.type === 'Polygon') polys.push(g.geometry.coordinates);
    else polys.push(...g.geometry.coordinates);
  }
  let geometry: Polygon | MultiPolygon = polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
  if (polys.length > 1 && !checkGeometry(geometry).ok) {
    const joined = unionOutline([geometry], affineFrameFor(bboxOf([geometry])));
    if (joined.geom) {
      geometry = joined.geom;
      areaM2 = joined.areaM2;
      repairs.add('vertices_snapped');
      for (const r of joined.repairs) repairs.add(r);
    }
  }
  return { geometry, areaM2: Math.round(areaM2 * 10) / 10, repairs: [...repairs], skipped };
}
