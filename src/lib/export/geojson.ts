// GeoJSON export: RFC 7946 text with rounded coordinates.
import type { FeatureCollection, Geometry, GeoJsonProperties, Position } from 'geojson';
import { mapPositions } from '../geo/crs';

/**
 * Serialise a FeatureCollection (WGS84) to GeoJSON text, rounding coordinates to `precision`
 * decimals (7 ≈ 1 cm, the default). Properties are written as they are.
 * @example toGeoJSON(fc) // '{"type":"FeatureCollection","features":[…]}'
 */
export function toGeoJSON(fc: FeatureCollection<Geometry | null, GeoJsonProperties>, options: { precision?: number; indent?: number } = {}): string {
  const f = 10 ** (options.precision ?? 7);
  const round = (p: Position): Position => p.map((v) => Math.round(v * f) / f);
  const out = {
    type: 'FeatureCollection',
    features: fc.features.map((feat) => ({
      ...feat,
      geometry: feat.geometry ? mapPositions(feat.geometry, round) : null,
    })),
  };
  return JSON.stringify(out, null, options.indent);
}
