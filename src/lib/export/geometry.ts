// Geometry as every export writes it: one geometry type per layer (MultiPolygon when any feature needs it), rings
// wound as RFC 7946 asks (outer counter-clockwise, holes clockwise), and coordinates moved into the export's CRS.
import type { Feature, FeatureCollection, Geometry, GeoJsonProperties, MultiPolygon, Polygon, Position } from 'geojson';
import { fromWgs84Position, mapPositions, type Crs } from '../geo/crs';

type FC = FeatureCollection<Geometry | null, GeoJsonProperties>;

/** Twice the signed area of a ring (positive = counter-clockwise in x/y). */
function signedArea2(r: Position[]): number {
  let s = 0;
  for (let i = 0; i < r.length - 1; i++) s += r[i][0] * r[i + 1][1] - r[i + 1][0] * r[i][1];
  return s;
}

function windPolygon(rings: Position[][]): Position[][] {
  return rings.map((r, i) => ((signedArea2(r) > 0) === (i === 0) ? r : r.slice().reverse()));
}

/**
 * RFC 7946 winding: exterior rings counter-clockwise, holes clockwise (other geometry types unchanged).
 * @example rewind({ type: 'Polygon', coordinates: [[[0,0],[0,1],[1,1],[0,0]]] }).coordinates[0][1] // [1, 1]
 */
export function rewind<G extends Geometry>(g: G): G {
  if (g.type === 'Polygon') return { ...g, coordinates: windPolygon(g.coordinates) };
  if (g.type === 'MultiPolygon') return { ...g, coordinates: g.coordinates.map(windPolygon) };
  return g;
}

/**
 * One geometry type per layer: when any feature is a MultiPolygon, every Polygon becomes a one-part MultiPolygon
 * (GIS tools give a layer one type; mixing the two makes QGIS and ArcGIS split or refuse it). Rings are rewound.
 * @example uniformAreas(fc).features.every((f) => f.geometry?.type === 'MultiPolygon') // when one was
 */
export function uniformAreas(fc: FC): FC {
  const multi = fc.features.some((f) => f.geometry?.type === 'MultiPolygon');
  return {
    ...fc,
    features: fc.features.map((f): Feature<Geometry | null, GeoJsonProperties> => {
      if (!f.geometry) return f;
      const g = rewind(f.geometry);
      return { ...f, geometry: multi && g.type === 'Polygon' ? ({ type: 'MultiPolygon', coordinates: [(g as Polygon).coordinates] } as MultiPolygon) : g };
    }),
  };
}

/**
 * The features in another CRS (WGS84 input; Gauss-Krüger output in metres, easting first), rounded to `decimals`
 * (default: 3 for metres = 1 mm, 9 for degrees).
 * @example projectFC(fc, getCrs('EPSG:4525')!).features[0].geometry // metres, eastings around 37 5xx xxx
 */
export function projectFC(fc: FC, crs: Crs, decimals = crs.kind === 'tmerc' ? 3 : 9): FC {
  const f = 10 ** decimals;
  const round = (p: Position): Position => p.map((v) => Math.round(v * f) / f);
  const move = crs.kind === 'wgs84' ? round : (p: Position) => round(fromWgs84Position(p, crs));
  return { ...fc, features: fc.features.map((feat) => ({ ...feat, geometry: feat.geometry ? mapPositions(feat.geometry, move) : null })) };
}
