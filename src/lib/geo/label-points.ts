// Where a polygon's name goes on the map: one point per feature, inside it.
//
//   point  = pole of inaccessibility (polylabel) of the feature's largest part, computed in metres
//            (x = Δlon·111 320·cos φ0, y = Δlat·110 574 around the part's first vertex), so its precision is in metres
//   area   = planar shoelace area of that part in the same frame, shells minus holes (m², within ~0.5 % at Fenyang's scale)
//
// A map label drawn from the polygons themselves is placed once per vector tile the polygon crosses (duplicates, and
// none where a part is cut small); one point per feature avoids both. The area lets the map place bigger areas' labels
// first when labels collide.
import type { Feature, FeatureCollection, Geometry, GeoJsonProperties, Point, Position } from 'geojson';
import polylabel from 'polylabel';

export interface LabelPointOptions {
  /** Precision of the point in metres (default 1). */
  precisionM?: number;
}

const M_PER_DEG_LAT = 110_574;
const M_PER_DEG_LON_EQUATOR = 111_320;

/** Shoelace area of a ring in its own (metric) coordinates, unsigned. */
function ringAreaM2(ring: readonly [number, number][]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return Math.abs(s) / 2;
}

/** The polygon parts of a geometry (a Polygon is one part), as lon/lat rings. */
function partsOf(g: Geometry | null): Position[][][] {
  if (!g) return [];
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  return [];
}

/**
 * One label point per polygon feature of `fc`: inside the feature's largest part, as far from its outline as possible
 * (so a name sits inside an L-shaped compound or beside a courtyard, not on it). Point features are kept as they are;
 * lines and features without geometry are left out (roads are labelled along their lines). Each point carries the
 * feature's properties plus `label_area_m2` (the largest part's area, for label priority), and the feature's id.
 *
 * @param fc polygon features in WGS84 lon/lat
 * @param options precisionM: how close to the true pole the point must be, in metres (default 1)
 * @returns points in WGS84 lon/lat, in the order of `fc`
 * @example
 * labelPoints({ type: 'FeatureCollection', features: [square100m] }).features[0]
 * // → { type: 'Feature', geometry: { type: 'Point', coordinates: [centre lon, centre lat] },
 * //     properties: { ...square100m.properties, label_area_m2: 10000 } }
 */
export function labelPoints(
  fc: FeatureCollection<Geometry | null, GeoJsonProperties>,
  { precisionM = 1 }: LabelPointOptions = {},
): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  for (const f of fc.features) {
    const g = f.geometry;
    const props = { ...(f.properties ?? {}) };
    const withId = (p: Feature<Point>): Feature<Point> => (f.id !== undefined ? { ...p, id: f.id } : p);
    if (g?.type === 'Point') {
      features.push(withId({ type: 'Feature', geometry: g, properties: { ...props, label_area_m2: 0 } }));
      continue;
    }
    let best: { rings: [number, number][][]; area: number; origin: [number, number]; kx: number } | null = null;
    for (const part of partsOf(g)) {
      const shell = part[0];
      if (!shell || shell.length < 4) continue;
      const origin: [number, number] = [shell[0][0], shell[0][1]];
      const kx = M_PER_DEG_LON_EQUATOR * Math.cos((origin[1] * Math.PI) / 180);
      const rings = part.map((r) => r.map((p) => [(p[0] - origin[0]) * kx, (p[1] - origin[1]) * M_PER_DEG_LAT] as [number, number]));
      const area = rings.reduce((s, r, i) => s + (i === 0 ? 1 : -1) * ringAreaM2(r), 0);
      if (!best || area > best.area) best = { rings, area, origin, kx };
    }
    if (!best) continue;
    const [x, y] = polylabel(best.rings, precisionM);
    const lon = best.origin[0] + x / best.kx;
    const lat = best.origin[1] + y / M_PER_DEG_LAT;
    features.push(withId({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: { ...props, label_area_m2: best.area } }));
  }
  return { type: 'FeatureCollection', features };
}
