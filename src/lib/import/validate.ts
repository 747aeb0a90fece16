// Geometry checks for imported features (WGS84 lon/lat), reported per feature in Chinese and English.
import gjv from 'geojson-validation';
import type { Feature, Geometry, GeoJsonProperties, Position } from 'geojson';
import { FENYANG_BBOX } from '../geo/crs';
import { positionsOf } from './common';
import type { FeatureReport, ImportIssue } from './types';
import { issue } from './types';

/** Options for {@link validateFeatures}. */
export interface ValidateOptions {
  /** Area the features must lie in, [west, south, east, north] degrees; default {@link FENYANG_BBOX}. null disables. */
  bbox?: readonly [number, number, number, number] | null;
  /** 'polygon' (compounds, buildings) reports other geometry types as errors; 'any' accepts all. Default 'polygon'. */
  expect?: 'polygon' | 'any';
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

interface Seg {
  ring: number;
  k: number;
  n: number; // segments in the ring
  a: Position;
  b: Position;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

function orient(a: Position, b: Position, c: Position): number {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}
function onSeg(a: Position, b: Position, p: Position): boolean {
  return Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);
}

/** Intersection of two segments: 'cross' (proper), 'touch' (an endpoint on the other), 'overlap', or null. */
function segIntersect(s: Seg, t: Seg): { kind: 'cross' | 'touch' | 'overlap'; at: Position } | null {
  const d1 = orient(t.a, t.b, s.a);
  const d2 = orient(t.a, t.b, s.b);
  const d3 = orient(s.a, s.b, t.a);
  const d4 = orient(s.a, s.b, t.b);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
    const r = d1 / (d1 - d2);
    return { kind: 'cross', at: [s.a[0] + r * (s.b[0] - s.a[0]), s.a[1] + r * (s.b[1] - s.a[1])] };
  }
  const hits: Position[] = [];
  if (d1 === 0 && onSeg(t.a, t.b, s.a)) hits.push(s.a);
  if (d2 === 0 && onSeg(t.a, t.b, s.b)) hits.push(s.b);
  if (d3 === 0 && onSeg(s.a, s.b, t.a)) hits.push(t.a);
  if (d4 === 0 && onSeg(s.a, s.b, t.b)) hits.push(t.b);
  if (!hits.length) return null;
  const distinct = hits.filter((p, i) => hits.findIndex((q) => same(p, q)) === i);
  return { kind: distinct.length > 1 ? 'overlap' : 'touch', at: distinct[0] };
}

/**
 * First self-intersection of a polygon (rings cleaned of duplicates first), or null. Within a ring
 * any contact between non-adjacent edges counts; between rings, crossings and shared edges count
 * (a single touching point between a hole and the shell is allowed, as in OGC).
 * @returns the location [lon, lat] of the first intersection found
 */
export function findSelfIntersection(rings: Position[][]): Position | null {
  const segs: Seg[] = [];
  rings.forEach((raw, ri) => {
    const r = cleanRing(raw);
    const n = r.length - 1;
    for (let k = 0; k < n; k++) {
      const a = r[k];
      const b = r[k + 1];
      segs.push({ ring: ri, k, n, a, b, minX: Math.min(a[0], b[0]), maxX: Math.max(a[0], b[0]), minY: Math.min(a[1], b[1]), maxY: Math.max(a[1], b[1]) });
    }
  });
  segs.sort((p, q) => p.minX - q.minX);
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i];
    for (let j = i + 1; j < segs.length && segs[j].minX <= s.maxX; j++) {
      const t = segs[j];
      if (t.minY > s.maxY || t.maxY < s.minY) continue;
      const sameRing = s.ring === t.ring;
      const adjacent = sameRing && (Math.abs(s.k - t.k) === 1 || Math.abs(s.k - t.k) === s.n - 1);
      const hit = segIntersect(s, t);
      if (!hit) continue;
      if (adjacent) {
        // Neighbours share one vertex; only a fold-back (collinear overlap) is a problem.
        if (hit.kind === 'overlap' && s.n > 2) return hit.at;
        continue;
      }
      if (sameRing || hit.kind !== 'touch') return hit.at;
    }
  }
  return null;
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

/** Check one polygonal geometry's rings. */
function checkPolygons(g: Geometry, errors: ImportIssue[], warnings: ImportIssue[]): void {
  let unclosed = 0;
  let dups = 0;
  let few = 0;
  let wound = 0;
  let selfAt: Position | null = null;
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
    if (!selfAt) selfAt = findSelfIntersection(poly.filter((r) => cleanRing(r).length >= 4));
  }
  if (few)
    errors.push(issue('too_few_positions', { n: few }));
  if (unclosed)
    errors.push(issue('ring_not_closed', { n: unclosed }, true));
  if (dups)
    errors.push(issue('duplicate_vertices', { n: dups }, true));
  if (selfAt)
    errors.push(issue('self_intersection', { at: fmt(selfAt) }, false, selfAt));
  if (wound)
    warnings.push(issue('ring_orientation', { n: wound }, true));
}

/**
 * Validate features (WGS84 lon/lat) and report per feature. Codes: `invalid_geojson`,
 * `empty_geometry`, `invalid_coordinates`, `not_polygon`, `too_few_positions`, `ring_not_closed`
 * (repairable), `duplicate_vertices` (repairable), `self_intersection` (with location),
 * `out_of_area`; warning `ring_orientation` (repairable).
 * @example validateFeatures(fc.features).filter((r) => r.errors.length).length // features with errors
 */
export function validateFeatures(features: Feature<Geometry | null, GeoJsonProperties>[], options: ValidateOptions = {}): FeatureReport[] {
  const bbox = options.bbox === undefined ? FENYANG_BBOX : options.bbox;
  const expect = options.expect ?? 'polygon';
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
    if (geom.type === 'Polygon' || geom.type === 'MultiPolygon') checkPolygons(geom, errors, warnings);
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
