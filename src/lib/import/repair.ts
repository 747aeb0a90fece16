// Safe, automatic repairs. Self-intersections and out-of-area features are never "repaired" here:
// both need a person to look at the source.
import type { Feature, Geometry, GeoJsonProperties, Position } from 'geojson';
import { cleanRing, signedArea } from './validate';
import type { FeatureReport } from './types';

/** The repairs {@link repairFeature} can apply. */
export type Repair = 'close_ring' | 'drop_duplicates' | 'rewind';

/** Which repair fixes which issue code. */
export const REPAIR_FOR_CODE: Readonly<Record<string, Repair>> = {
  ring_not_closed: 'close_ring',
  duplicate_vertices: 'drop_duplicates',
  ring_orientation: 'rewind',
};

/**
 * The repairs that would fix the repairable issues of a report, in the order to apply them.
 * @example repairsFor(report) // ['close_ring', 'rewind']
 */
export function repairsFor(report: FeatureReport): Repair[] {
  const want = new Set([...report.errors, ...report.warnings].filter((i) => i.repairable).map((i) => REPAIR_FOR_CODE[i.code]));
  return (['close_ring', 'drop_duplicates', 'rewind'] as const).filter((r) => want.has(r));
}

const same = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

function fixRing(ring: Position[], hole: boolean, repairs: Set<Repair>): Position[] {
  let r = ring.slice();
  if (repairs.has('drop_duplicates')) {
    const closed = r.length > 1 && same(r[0], r[r.length - 1]);
    r = cleanRing(r);
    if (!closed && !repairs.has('close_ring')) r.pop();
  }
  if (repairs.has('close_ring') && r.length && !same(r[0], r[r.length - 1])) r.push(r[0]);
  if (repairs.has('rewind') && r.length >= 4) {
    const ccw = signedArea(r) > 0;
    if (ccw === hole) r.reverse();
  }
  return r;
}

/**
 * Apply safe repairs to a polygonal feature and return a new feature (the input is not changed):
 * `close_ring` appends the first position, `drop_duplicates` removes repeated consecutive vertices,
 * `rewind` makes outer rings counter-clockwise and holes clockwise (RFC 7946). Non-polygon
 * geometries are returned unchanged.
 * @example repairFeature(f, ['close_ring', 'rewind'])
 */
export function repairFeature<P extends GeoJsonProperties>(f: Feature<Geometry | null, P>, repairs: readonly Repair[]): Feature<Geometry | null, P> {
  const set = new Set(repairs);
  const g = f.geometry;
  if (!g || set.size === 0) return f;
  const poly = (rings: Position[][]) => rings.map((r, i) => fixRing(r, i > 0, set));
  if (g.type === 'Polygon') return { ...f, geometry: { ...g, coordinates: poly(g.coordinates) } };
  if (g.type === 'MultiPolygon') return { ...f, geometry: { ...g, coordinates: g.coordinates.map(poly) } };
  return f;
}
