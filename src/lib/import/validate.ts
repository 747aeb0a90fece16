// Geometry checks for imported features (WGS84 lon/lat), reported per feature in Chinese and English. Ring-against-
// ring validity is the one rule the server applies too (lib/geo/polygon-validity.ts); its reasons are worded from
// the geometry message bundle, so the importer, the drawing tools and the server say the same thing.
import gjv from 'geojson-validation';
import type { Feature, Geometry, GeoJsonProperties, Position } from 'geojson';
import { FENYANG_BBOX } from '../geo/crs';
import { geomAreaM2 } from '../geo/clipper';
import { geometryBBox } from '../geo/bbox';
import { affineFrameFor } from '../geo/local-metric';
import { checkGeometry, type ValidityProblem } from '../geo/polygon-validity';
import { formatReason } from '../i18n/format-reason';
import * as geometryMessages from '../i18n/messages/geometry';
import { positionsOf } from './common';
import type { FeatureReport, ImportIssue } from './types';
import { issue } from './types';

/** Smallest compound the importer accepts, m² (ValidateOptions.minAreaM2 changes it; 0 turns the check off). */
export const MIN_COMPOUND_AREA_M2 = 20;
/** Smallest building the importer accepts, m² (a guard room or a shed is small, a building is never 1 m²). */
export const MIN_BUILDING_AREA_M2 = 1;

/** An issue worded from the geometry bundle, in both languages. */
function reasonIssue(code: string, problem: { code: string; params?: Record<string, string | number>; at?: number[] }, location?: Position): ImportIssue {
  const zh = formatReason(geometryMessages.zh, problem);
  const en = formatReason(geometryMessages.en, problem);
  return issue(code, zh, en, false, location);
}

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

/** The ring-against-ring problem of one polygon's rings (closed and cleaned), or null. */
function ringProblem(rings: Position[][]): ValidityProblem | null {
  const clean = rings.map(cleanRing).filter((r) => r.length >= 4);
  if (!clean.length) return null;
  const r = checkGeometry({ type: 'Polygon', coordinates: clean }, { maxVertices: Infinity });
  return r.ok || !TOPOLOGY_CODES.has(r.code) ? null : { code: r.code, params: r.params, at: r.at };
}

/** Codes about how rings meet (what the ring-by-ring checks above cannot see). */
const TOPOLOGY_CODES = new Set<string>([
  'self_intersection', 'ring_self_touch', 'rings_cross', 'shared_boundary', 'hole_outside', 'holes_nested', 'interior_disconnected',
  'parts_overlap', 'ring_degenerate',
]);

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
    errors.push(issue('too_few_positions', `多边形的环顶点不足（至少需要3个不同顶点、4个坐标），共 ${few} 处`, `Ring with fewer than 4 positions (3 distinct vertices) — ${few} ring(s)`));
  if (unclosed)
    errors.push(issue('ring_not_closed', `多边形的环未闭合（首尾坐标不同），共 ${unclosed} 处；可自动闭合`, `Ring not closed (first ≠ last position) — ${unclosed} ring(s); can be closed automatically`, true));
  if (dups)
    errors.push(issue('duplicate_vertices', `存在 ${dups} 个连续重复顶点；可自动删除`, `${dups} repeated consecutive vertices; can be removed automatically`, true));
  if (topology) {
    // a ring crossing itself keeps its old code (the one repairs and tests know); the others are named for what they are
    const code = topology.code === 'ring_self_touch' ? 'self_intersection' : topology.code;
    errors.push(reasonIssue(code, topology, topology.at));
  }
  if (!few && !topology && minAreaM2 > 0) {
    const box = geometryBBox(g);
    const area = box ? geomAreaM2(g as never, affineFrameFor(box)) : 0;
    if (area < minAreaM2) {
      errors.push(reasonIssue('too_small', { code: 'too_small', params: { area: Math.round(area * 100) / 100, min: minAreaM2 } }));
    }
  }
  if (wound)
    warnings.push(issue('ring_orientation', `环的方向不符合 GeoJSON 规范（外环应逆时针、内环顺时针），共 ${wound} 处；可自动调整`, `Ring orientation is not RFC 7946 (outer CCW, holes CW) — ${wound} ring(s); can be rewound`, true));
}

/**
 * Validate features (WGS84 lon/lat) and report per feature (with its name, so a refusal names the feature). Codes:
 * `invalid_geojson`, `empty_geometry`, `invalid_coordinates` (NaN, infinite, beyond ±180/±90), `not_polygon`,
 * `too_few_positions`, `ring_not_closed` (repairable), `duplicate_vertices` (repairable), how rings meet as the one
 * validity rule judges it — `self_intersection`, `rings_cross`, `shared_boundary`, `hole_outside`, `holes_nested`,
 * `interior_disconnected`, `parts_overlap`, `ring_degenerate` (each with its location) — `too_small` (below
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
      errors.push(issue('empty_geometry', '几何为空', 'Empty geometry'));
      return report;
    }
    const geom = g as Geometry;
    const pts = positionsOf(geom);
    if (pts.some((p) => !Array.isArray(p) || p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1]))) {
      errors.push(issue('invalid_coordinates', '坐标不是有效数字', 'Coordinates are not valid numbers'));
      return report;
    }
    // Structural checks; ring closure and length are reported by our own, more specific codes.
    const trace = gjv
      .isFeature({ type: 'Feature', properties: f.properties ?? {}, geometry: geom }, true)
      .filter((m) => !/first and last positions|at least four positions/i.test(m));
    if (trace.length) errors.push(issue('invalid_geojson', `GeoJSON 结构错误：${trace.join('；')}`, `Invalid GeoJSON: ${trace.join('; ')}`));
    if (pts.some((p) => Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90)) {
      errors.push(issue('invalid_coordinates', '坐标超出经纬度范围(±180°/±90°),请检查坐标系', 'Coordinates beyond ±180°/±90°; check the coordinate system'));
      return report;
    }
    if (geom.type === 'Polygon' || geom.type === 'MultiPolygon') checkPolygons(geom, errors, warnings, minAreaM2);
    else if (expect === 'polygon')
      errors.push(issue('not_polygon', `几何类型为 ${geom.type}，需要面（Polygon/MultiPolygon）`, `Geometry is ${geom.type}; a Polygon or MultiPolygon is needed`));
    if (bbox) {
      const out = pts.find((p) => p[0] < bbox[0] || p[0] > bbox[2] || p[1] < bbox[1] || p[1] > bbox[3]);
      if (out)
        errors.push(
          issue(
            'out_of_area',
            `位置超出汾阳市范围（${fmt(out)}），请检查坐标系是否选对`,
            `Outside Fenyang (${fmt(out)}); check the coordinate system`,
            false,
            out,
          ),
        );
    }
    return report;
  });
}
