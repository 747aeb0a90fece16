// One outline for a set of member compounds: their merged groups at a tolerance, as one (Multi)Polygon.
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { mergeAdjacent } from './merge-zones';

/**
 * The outline of a zone made of `members` (compounds that need not all be adjacent): each adjacency group is merged
 * at `toleranceM` (gaps closed) and the groups are combined into one geometry.
 * @param members compounds (WGS84 Polygon/MultiPolygon)
 * @param toleranceM metres, 0–50 (default 15)
 * @returns {geometry, areaM2} — a Polygon for one group, else a MultiPolygon; area in m²
 * @example zoneOutline(fcOfTwoTouchingSquares, 15) // → {geometry: {type: 'Polygon', …}, areaM2: 20000}
 */
export function zoneOutline(
  members: FeatureCollection<Polygon | MultiPolygon>, toleranceM = 15,
): { geometry: Polygon | MultiPolygon; areaM2: number } {
  if (members.features.length === 0) throw new RangeError('没有成员小区 / no member compounds');
  const groups = mergeAdjacent(members, { toleranceM });
  const polys: Polygon['coordinates'][] = [];
  let areaM2 = 0;
  for (const g of groups.features) {
    areaM2 += g.properties.area_m2;
    if (g.geometry.type === 'Polygon') polys.push(g.geometry.coordinates);
    else polys.push(...g.geometry.coordinates);
  }
  const geometry: Polygon | MultiPolygon = polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
  return { geometry, areaM2: Math.round(areaM2 * 10) / 10 };
}
