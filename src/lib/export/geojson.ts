// GeoJSON export: RFC 7946 text (WGS84 lon/lat, outer rings counter-clockwise, one geometry type per layer) with
// rounded coordinates, and the export's note as foreign members (`name`, `description`, `metadata`), which readers
// that do not know them ignore.
import type { FeatureCollection, Geometry, GeoJsonProperties, Position } from 'geojson';
import { mapPositions } from '../geo/crs';
import { uniformAreas } from './geometry';
import { AUDIENCE_TEXT, beijingTime, noteLines, type ExportNote } from './note';

/**
 * Serialise a FeatureCollection (WGS84) to GeoJSON text, rounding coordinates to `precision` decimals (7 ≈ 1 cm,
 * the default). Properties are written as they are; with a `note`, the collection also carries it.
 * @example toGeoJSON(fc) // '{"type":"FeatureCollection","features":[…]}'
 */
export function toGeoJSON(
  fc: FeatureCollection<Geometry | null, GeoJsonProperties>,
  options: { precision?: number; indent?: number; note?: ExportNote; name?: string } = {},
): string {
  const f = 10 ** (options.precision ?? 7);
  const round = (p: Position): Position => p.map((v) => Math.round(v * f) / f);
  const n = options.note;
  const out = {
    type: 'FeatureCollection',
    ...(options.name ? { name: options.name } : {}),
    ...(n
      ? {
          description: noteLines(n).join('；'),
          metadata: {
            title: n.title, count: n.count, audience: n.audience, audience_zh: AUDIENCE_TEXT[n.audience],
            data_time: n.dataTime.toISOString(), data_time_zh: beijingTime(n.dataTime), is_demo: n.demo, crs: 'EPSG:4326',
          },
        }
      : {}),
    features: uniformAreas(fc).features.map((feat) => ({
      ...feat,
      geometry: feat.geometry ? mapPositions(feat.geometry, round) : null,
    })),
  };
  return JSON.stringify(out, null, options.indent);
}
