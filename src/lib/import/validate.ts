// Geometry checks for imported features (WGS84 lon/lat), reported per feature as reasons the UI words. How rings meet
// is judged by the one validity rule the server applies too (lib/geo/polygon-validity.ts), so the importer, the
// drawing tools and the server refuse the same shapes, each saying where.
import gjv from 'geojson-validation';
import type { Feature, Geometry, GeoJsonProperties, Position } from 'geojson';
import { geometryBBox } from '../geo/bbox';
import { geomAreaM2 } from '../geo/clipper';
import { FENYANG_BBOX } from '../geo/crs';
import { affineFrameFor } from '../geo/local-metric';
import { checkGeometry, type ValidityProblem } from '../geo/polygon-validity';
import { positionsOf } from './common';
import type { FeatureReport, ImportIssue } from './types';
import { issue } from './types';

/** Smallest compound the importer accepts, m² (ValidateOptions.minAreaM2 changes it; 0 turns the check off). */
export const MIN_COMPOUND_AREA_M2 = 20;
/** Smallest building the importer accepts, m² (a guard room or a shed is small, a building is never 1 m²). */
export const MIN_BUILDING_AREA_M2 = 1;

/** Options for {@link validateFeatures}. */
export interface ValidateOptions {
  /** Area the features must lie in, [west, south, east, north] degrees; default {@link FENYANG_BBOX}. null disables. */
  bbox?: readonly [number, number, number, number] | null;
  /** 'polygon' (compounds, buildings) reports other geometry types as errors; 'any' accepts all. Default 'polygon'. */
  expect?: 'polygon' | 'any';
  /** Polygons smaller than this (m²) are refused as `too_small`. Default {@link MIN_COMPOUND_AREA_M2} (20); 0 off. */
  minAreaM2?: number;
}

const NAME_KEYS = ['name', 'NAME', 'Name', '名称', '小区名称', '小区名', 'title'];

/** A feature's display name, if it has one. */
export function featureName(props: GeoJsonProperties): string | undefined {
  if (!props) return undefined;
  for (const k of NAME_KEYS) {
    const v = props[k];
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return undefined;
}

const same = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

/** Signed area of a ring in coordinate units² (positive = counter-clockwise in lon/lat). */
export function signedArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % n];
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s / 2;
}

/** The ring without consecutive duplicates, closed. */
export function cleanRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) if (!out.length || !same(out[out.length - 1], p)) out.push(p);
  while (out.length > 1 && same(out[0], out[out.length - 1])) out.pop();
  if (out.length) out.push(out[0]);
  return out;
}

/**
 * The first ring-against-ring problem of a polygon's rings (closed and cleaned of repeated vertices first), as the
 * one validity rule judges it, or null: crossings, a ring touching itself, rings sharing a stretch of boundary, a
 * hole outside or inside another, touch points that cut the interior apart. A hole touching its shell at one point
 * is allowed, as in OGC.
 * @returns the place [lon, lat] of the problem
 * @example findSelfIntersection([[[0, 0], [2, 0], [1, 1], [2, 2], [0, 2], [1, 1], [0, 0]]]) // [1, 1]
 */
export function findSelfIntersection(rings: Position[][]): Position | null {
  const p = ringProblem(rings);
  return p?.at ?? null;
}

/** Codes about how rings meet (what the ring-by-ring checks above cannot see). */
const TOPOLOGY_CODES = new Set<string>([
  'self_intersection', 'ring_self_touch', 'rings_cross', 'shared_boundary', 'hole_outside', 'holes_nested', 'interior_disconnected',
  'parts_overlap', 'ring_degenerate',
]);

/** The ring-against-ring problem of one polygon's rings (closed and cleaned), or null. */
function ringProblem(rings: Position[][]): ValidityProblem | null {
  const clean = rings.map(cleanRing).filter((r) => r.length >= 4);
  if (!clean.length) return null;
  const r = checkGeometry({ type: 'Polygon', coordinates: clean }, { maxVertices: Infinity });
  return r.ok || !TOPOLOGY_CODES.has(r.code) ? null : { code: r.code, params: r.params, at: r.at };
}

function polygonsOf(g: Geometry): Position[][][] {
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  return [];
}

function isEmpty(g: Geometry | null | undefined): boolean {
  if (!g) return true;
  if (g.type === 'GeometryCollection') return g.geometries.every(isEmpty);
  return positionsOf(g).length === 0;
}

const fmt = (p: Position) => `${p[0].toFixed(6)}, ${p[1].toFixed(6)}`;

/** Check one polygonal geometry's rings, then how they meet (the one validity rule), then its area. */
function checkPolygons(g: Geometry, errors: ImportIssue[], warnings: ImportIssue[], minAreaM2: number): void {
  let unclosed = 0;
  let dups = 0;
  let few = 0;
  let wound = 0;
  let topology: ValidityProblem | null = null;
  for (const poly of polygonsOf(g)) {
    if (!poly.length) {
      few++;
      continue;
    }
    poly.forEach((ring, ri) => {
      if (ring.length && !same(ring[0], ring[ring.length - 1])) unclosed++;
      for (let i = 1; i < ring.length; i++) if (same(ring[i - 1], ring[i])) dups++;
      const clean = cleanRing(ring);
      if (clean.length < 4) {
        few++;
        return;
      }
      const area = signedArea(clean);
      if ((ri === 0 && area < 0) || (ri > 0 && area > 0)) wound++;
    });
    if (!topology) topology = ringProblem(poly);
  }
  if (!topology && !few && g.type === 'MultiPolygon') {
    // parts must not overlap or share a stretch of boundary
    const clean = { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(cleanRing)) };
    const r = checkGeometry(clean, { maxVertices: Infinity });
    if (!r.ok && TOPOLOGY_CODES.has(r.code)) topology = { code: r.code, params: r.params, at: r.at };
  }
  if (few)
    errors.push(issue('too_few_positions', { n: few }));
  if (unclosed)
    errors.push(issue('ring_not_closed', { n: unclosed }, true));
  if (dups)
    errors.push(issue('duplicate_vertices', { n: dups }, true));
  if (topology) {
    // a ring touching itself keeps the old code (the one tests and users know); the others are named for what they are
    const code = topology.code === 'ring_self_touch' ? 'self_intersection' : topology.code;
    errors.push(issue(code, { at: topology.at ? fmt(topology.at) : '' }, false, topology.at));
  }
  if (!few && !topology && minAreaM2 > 0) {
    const box = geometryBBox(g);
    const area = box ? geomAreaM2(g as never, affineFrameFor(box)) : 0;
    if (area < minAreaM2) errors.push(issue('too_small', { area: Math.round(area * 100) / 100, min: minAreaM2 }));
  }
  if (wound)
    warnings.push(issue('ring_orientation', { n: wound }, true));
}

/**
 * Validate features (WGS84 lon/lat) and report per feature (with its name, so a refusal names the feature). Codes:
 * `invalid_geojson`, `empty_geometry`, `invalid_coordinates` (NaN, infinite, beyond ±180/±90), `not_polygon`,
 * `too_few_positions`, `ring_not_closed` (repairable), `duplicate_vertices` (repairable), how rings meet as the one
 * validity rule judges it — `self_intersection`, `rings_cross`, `shared_boundary`, `hole_outside`, `holes_nested`,
 * `interior_disconnected`, `parts_overlap`, `ring_degenerate` (each with its place) — `too_small` (below
 * options.minAreaM2, default 20 m²), `out_of_area`; warning `ring_orientation` (repairable).
 * @example validateFeatures(fc.features).filter((r) => r.errors.length).length // features with errors
 */
export function validateFeatures(features: Feature<Geometry | null, GeoJsonProperties>[], options: ValidateOptions = {}): FeatureReport[] {
  const bbox = options.bbox === undefined ? FENYANG_BBOX : options.bbox;
  const expect = options.expect ?? 'polygon';
  const minAreaM2 = options.minAreaM2 ?? MIN_COMPOUND_AREA_M2;
  return features.map((f, index) => {
    const errors: ImportIssue[] = [];
    const warnings: ImportIssue[] = [];
    const report: FeatureReport = { index, errors, warnings };
    const name = featureName(f?.properties ?? null);
    if (name) report.name = name;
    const g = f?.geometry;
    if (isEmpty(g)) {
      errors.push(issue('empty_geometry'));
      return report;
    }
    const geom = g as Geometry;
    const pts = positionsOf(geom);
    if (pts.some((p) => !Array.isArray(p) || p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1]))) {
      errors.push(issue('invalid_coordinates'));
      return report;
    }
    // Structural checks; ring closure and length are reported by our own, more specific codes.
    const trace = gjv
      .isFeature({ type: 'Feature', properties: f.properties ?? {}, geometry: geom }, true)
      .filter((m) => !/first and last positions|at least four positions/i.test(m));
    if (trace.length) errors.push(issue('invalid_geojson', { detail: trace.join('; ') }));
    if (pts.some((p) => Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90)) {
      errors.push(issue('invalid_coordinates'));
      return report;
    }
    if (geom.type === 'Polygon' || geom.type === 'MultiPolygon') checkPolygons(geom, errors, warnings, minAreaM2);
    else if (expect === 'polygon')
      errors.push(issue('not_polygon', { type: geom.type }));
    if (bbox) {
      const out = pts.find((p) => p[0] < bbox[0] || p[0] > bbox[2] || p[1] < bbox[1] || p[1] > bbox[3]);
      if (out)
        errors.push(issue('out_of_area', { at: fmt(out) }, false, out));
    }
    return report;
  });
}
