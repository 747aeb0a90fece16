// Group compounds whose boundaries lie within a tolerance of each other.
// Pipeline: project once into one local metric frame (flat Float64Array, metres) → a uniform grid over
// boxes grown by the tolerance (compounds are alike in size) → for each candidate pair not yet in the same group, an exact planar
// segment-to-segment distance test with early exit (containment counts as distance 0) →
// union-find. Never all pairs: only boxes that come within the tolerance are tested.
import Flatbush from 'flatbush';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { frameFor, type LocalFrame } from './local-metric';
import { segSegDist2 } from './planar';
import { GeoError } from './reasons';

export { segSegDist2 };

/** Default joining tolerance in metres (a shared wall or narrow lane joins, a street separates). */
export const DEFAULT_TOLERANCE_M = 15;
/** Allowed tolerance range in metres. */
export const MAX_TOLERANCE_M = 50;
/** Touching is decided to this many metres (float noise of projected shared vertices). */
const TOUCH_EPS_M = 0.001;

/**
 * Throws a GeoError (a RangeError) with code 'tolerance_out_of_range' unless 0 ≤ toleranceM ≤ 50.
 * @param toleranceM metres
 * @example checkToleranceM(15) // ok; checkToleranceM(80) throws
 */
export function checkToleranceM(toleranceM: number): number {
  if (typeof toleranceM !== 'number' || !Number.isFinite(toleranceM) || toleranceM < 0 || toleranceM > MAX_TOLERANCE_M) {
    throw new GeoError('tolerance_out_of_range', { min: 0, max: MAX_TOLERANCE_M, value: String(toleranceM) });
  }
  return toleranceM;
}

/** Why a feature takes no part in an analysis (it is listed, never dropped in silence). */
export type SkipCode = 'no_geometry' | 'not_polygon' | 'bad_coordinates' | 'no_rings' | 'zero_area' | 'too_small';

export interface SkippedFeature {
  id: string;
  /** Position in the input collection. */
  index: number;
  code: SkipCode;
  /** e.g. { type: 'Point' } for not_polygon, { area_m2: 0.004 } for too_small. */
  params: Record<string, string | number>;
}

/** Features smaller than this (m²) cannot make an outline (outline rings this small are dropped), so they are skipped. */
export const MIN_OUTLINE_AREA_M2 = 0.01;

/** Polygons flattened into typed arrays of metres in one frame (rings without the closing vertex). */
export interface FlatPolygons {
  frame: LocalFrame;
  ids: string[];
  /** x, y interleaved, metres. */
  xy: Float64Array;
  /** The same vertices' lon, lat interleaved, as given (the merge rounds them into each group's own frame). */
  ll: Float64Array;
  /** Vertex index where ring r starts; ringStart[r + 1] is where it ends. */
  ringStart: Int32Array;
  /** 1 where ring r is a hole (ring index > 0 within its GeoJSON polygon). */
  ringHole: Uint8Array;
  /** Ring index where feature i starts; featRing[i + 1] is where it ends (equal for a skipped feature). */
  featRing: Int32Array;
  /** Per feature: minX, minY, maxX, maxY in metres (NaN-free; skipped features get an empty box at 0). */
  bbox: Float64Array;
  /** Features that cannot take part, with the reason; they have no rings. */
  skipped: SkippedFeature[];
}

type AreaFeature = Feature<Polygon | MultiPolygon | null>;

/**
 * The id of feature i: properties[idProperty], else feature.id, else its index.
 * @example featureId({ type: 'Feature', properties: { code: 'FY-001' }, geometry: null }, 0, 'code') // 'FY-001'
 */
export function featureId(f: AreaFeature, i: number, idProperty: string): string {
  const v = f?.properties?.[idProperty] ?? f?.id;
  return v === undefined || v === null ? String(i) : String(v);
}

/** What the first pass over a feature's coordinates gathers: its vertex and ring counts and its exterior rings' box. */
interface Survey {
  nv: number;
  nr: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Structural check of a feature's geometry, and its counts and lon/lat box in the same walk (one pass over the
 * coordinates): null when usable (then `s` holds them), else why not.
 */
function surveyGeometry(g: unknown, s: Survey): { code: SkipCode; params: Record<string, string | number> } | null {
  if (g === null || g === undefined) return { code: 'no_geometry', params: {} };
  const t = (g as { type?: unknown }).type;
  if (t !== 'Polygon' && t !== 'MultiPolygon') return { code: 'not_polygon', params: { type: String(t) } };
  const c = (g as { coordinates?: unknown }).coordinates;
  if (!Array.isArray(c)) return { code: 'bad_coordinates', params: {} };
  const polys = t === 'Polygon' ? [c] : c;
  // counts and box in locals, written to `s` once (this walk reads every coordinate of the input)
  let nv = 0;
  let nr = 0;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let r = 0; r < polys.length; r++) {
    const rings = polys[r];
    if (!Array.isArray(rings)) return { code: 'bad_coordinates', params: {} };
    for (let q = 0; q < rings.length; q++) {
      const ring = rings[q];
      if (!Array.isArray(ring)) return { code: 'bad_coordinates', params: {} };
      nv += ring.length;
      nr++;
      for (let k = 0; k < ring.length; k++) {
        const p = ring[k];
        if (!Array.isArray(p)) return { code: 'bad_coordinates', params: {} };
        const x = p[0];
        const y = p[1];
        if (typeof x !== 'number' || typeof y !== 'number' || !(Math.abs(x) <= 180) || !(Math.abs(y) <= 90)) {
          return { code: 'bad_coordinates', params: {} };
        }
        if (q > 0) continue;
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  s.nv = nv;
  s.nr = nr;
  s.x0 = x0;
  s.y0 = y0;
  s.x1 = x1;
  s.y1 = y1;
  return null;
}

/**
 * Project features into one frame as flat arrays (for the distance loop and for clipper). Features with a missing,
 * non-polygonal or malformed geometry (NaN, infinite or out-of-range coordinates), with no ring of 3 vertices, or
 * smaller than {@link MIN_OUTLINE_AREA_M2} are listed in `skipped` and get no rings; nothing throws.
 * @example const flat = flattenPolygons(fc.features, 'id');
 */
export function flattenPolygons(features: AreaFeature[], idProperty: string, frame?: LocalFrame): FlatPolygons {
  const n = features.length;
  const skipped: SkippedFeature[] = [];
  const usable = new Uint8Array(n);
  // one pass for checks, sizes and the lon/lat box (the frame's centre), one to project
  let nv = 0;
  let nr = 0;
  let lx0 = Infinity;
  let ly0 = Infinity;
  let lx1 = -Infinity;
  let ly1 = -Infinity;
  const survey: Survey = { nv: 0, nr: 0, x0: 0, y0: 0, x1: 0, y1: 0 };
  for (let i = 0; i < n; i++) {
    const bad = surveyGeometry(features[i]?.geometry, survey);
    if (bad) {
      skipped.push({ id: featureId(features[i], i, idProperty), index: i, code: bad.code, params: bad.params });
      continue;
    }
    usable[i] = 1;
    nv += survey.nv;
    nr += survey.nr;
    if (survey.x0 < lx0) lx0 = survey.x0;
    if (survey.x1 > lx1) lx1 = survey.x1;
    if (survey.y0 < ly0) ly0 = survey.y0;
    if (survey.y1 > ly1) ly1 = survey.y1;
  }
  const fr = frame ?? frameFor(lx0 === Infinity ? [0, 0, 0, 0] : [lx0, ly0, lx1, ly1]);
  const xy = new Float64Array(nv * 2);
  const ll = new Float64Array(nv * 2);
  const ringStart = new Int32Array(nr + 1);
  const ringHole = new Uint8Array(nr);
  const featRing = new Int32Array(n + 1);
  const bbox = new Float64Array(n * 4);
  const ids: string[] = new Array(n);
  let v = 0;
  let r = 0;
  for (let i = 0; i < n; i++) {
    const f = features[i];
    ids[i] = featureId(f, i, idProperty);
    featRing[i] = r;
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    const g = usable[i] ? f.geometry : null;
    if (g) {
      const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
      const v0 = v;
      let area = 0;
      for (const rings of polys) {
        for (let q = 0; q < rings.length; q++) {
          const ring = rings[q];
          const start = v;
          let m = ring.length;
          if (m > 1 && ring[0][0] === ring[m - 1][0] && ring[0][1] === ring[m - 1][1]) m--;
          for (let k = 0; k < m; k++) {
            const lon = ring[k][0];
            const lat = ring[k][1];
            fr.projectInto(lon, lat, xy, 2 * v);
            ll[2 * v] = lon;
            ll[2 * v + 1] = lat;
            v++;
          }
          if (v - start < 3) {
            v = start; // degenerate ring: ignore
            continue;
          }
          // area from lon/lat scaled at the frame's centre: straight lon/lat edges stay straight, so a ring drawn
          // along one line has no area here (in the frame the parallel curves a little)
          let a2 = 0;
          const sx = ring[0][0];
          const sy = ring[0][1];
          for (let k = 1; k < m - 1; k++) {
            a2 += (ring[k][0] - sx) * (ring[k + 1][1] - sy) - (ring[k + 1][0] - sx) * (ring[k][1] - sy);
          }
          a2 *= fr.mPerDegLon * fr.mPerDegLat;
          area += (q > 0 ? -1 : 1) * Math.abs(a2 / 2);
          ringHole[r] = q > 0 ? 1 : 0;
          ringStart[r++] = start;
          ringStart[r] = v;
        }
      }
      const code: SkipCode | null = r === featRing[i] ? 'no_rings' : area <= 0 ? 'zero_area' : area < MIN_OUTLINE_AREA_M2 ? 'too_small' : null;
      if (code) {
        skipped.push({ id: ids[i], index: i, code, params: code === 'too_small' ? { area_m2: Math.round(area * 1e4) / 1e4 } : {} });
        v = v0;
        r = featRing[i];
      } else {
        for (let k = v0; k < v; k++) {
          const x = xy[2 * k];
          const y = xy[2 * k + 1];
          if (x < x0) x0 = x;
          if (x > x1) x1 = x;
          if (y < y0) y0 = y;
          if (y > y1) y1 = y;
        }
      }
    }
    if (x0 === Infinity) x0 = y0 = x1 = y1 = 0;
    bbox[4 * i] = x0;
    bbox[4 * i + 1] = y0;
    bbox[4 * i + 2] = x1;
    bbox[4 * i + 3] = y1;
  }
  featRing[n] = r;
  skipped.sort((a, b) => a.index - b.index);
  return {
    frame: fr,
    ids,
    xy: xy.subarray(0, 2 * v),
    ll: ll.subarray(0, 2 * v),
    ringStart: ringStart.subarray(0, r + 1),
    ringHole: ringHole.subarray(0, r),
    featRing,
    bbox,
    skipped,
  };
}

/**
 * Even-odd point-in-polygon (metres) over all rings of feature i (holes and parts included).
 * @example pointInFeature(flat, 0, 12.5, 40) // true when (12.5 m, 40 m) lies inside feature 0
 */
export function pointInFeature(flat: FlatPolygons, i: number, px: number, py: number): boolean {
  const { xy, ringStart, featRing } = flat;
  let inside = false;
  for (let r = featRing[i]; r < featRing[i + 1]; r++) {
    const s = ringStart[r];
    const e = ringStart[r + 1];
    let jx = xy[2 * (e - 1)];
    let jy = xy[2 * (e - 1) + 1];
    for (let k = s; k < e; k++) {
      const ix = xy[2 * k];
      const iy = xy[2 * k + 1];
      if (iy > py !== jy > py && px < ((jx - ix) * (py - iy)) / (jy - iy) + ix) inside = !inside;
      jx = ix;
      jy = iy;
    }
  }
  return inside;
}

/**
 * True when features a and b of `flat` come within `tolM` metres (boundary to boundary), or one
 * lies inside the other. Early exit on the first close pair; segments whose box is farther than
 * tolM from the other feature's box are skipped.
 * @param tolM metres
 * @example withinDistance(flattenPolygons(fc.features, 'id'), 0, 1, 15) // true if 0 and 1 are ≤ 15 m apart
 */
export function withinDistance(flat: FlatPolygons, a: number, b: number, tolM: number): boolean {
  const { xy, ringStart, featRing, bbox } = flat;
  const t2 = tolM * tolM;
  const bx0 = bbox[4 * b] - tolM;
  const by0 = bbox[4 * b + 1] - tolM;
  const bx1 = bbox[4 * b + 2] + tolM;
  const by1 = bbox[4 * b + 3] + tolM;
  for (let ra = featRing[a]; ra < featRing[a + 1]; ra++) {
    const sa = ringStart[ra];
    const ea = ringStart[ra + 1];
    let px = xy[2 * (ea - 1)];
    let py = xy[2 * (ea - 1) + 1];
    for (let ka = sa; ka < ea; ka++) {
      const qx = xy[2 * ka];
      const qy = xy[2 * ka + 1];
      const sx0 = px < qx ? px : qx;
      const sx1 = px < qx ? qx : px;
      const sy0 = py < qy ? py : qy;
      const sy1 = py < qy ? qy : py;
      if (sx1 >= bx0 && sx0 <= bx1 && sy1 >= by0 && sy0 <= by1) {
        for (let rb = featRing[b]; rb < featRing[b + 1]; rb++) {
          const sb = ringStart[rb];
          const eb = ringStart[rb + 1];
          let ux = xy[2 * (eb - 1)];
          let uy = xy[2 * (eb - 1) + 1];
          for (let kb = sb; kb < eb; kb++) {
            const vx = xy[2 * kb];
            const vy = xy[2 * kb + 1];
            // segment boxes farther apart than tol cannot be within tol
            if (
              (ux < vx ? ux : vx) - tolM <= sx1 && (ux < vx ? vx : ux) + tolM >= sx0 &&
              (uy < vy ? uy : vy) - tolM <= sy1 && (uy < vy ? vy : uy) + tolM >= sy0 &&
              segSegDist2(px, py, qx, qy, ux, uy, vx, vy) <= t2
            ) {
              return true;
            }
            ux = vx;
            uy = vy;
          }
        }
      }
      px = qx;
      py = qy;
    }
  }
  // No boundaries close: joined only if one contains the other.
  if (featRing[a] === featRing[a + 1] || featRing[b] === featRing[b + 1]) return false;
  const va = ringStart[featRing[a]];
  const vb = ringStart[featRing[b]];
  return pointInFeature(flat, b, xy[2 * va], xy[2 * va + 1]) || pointInFeature(flat, a, xy[2 * vb], xy[2 * vb + 1]);
}

/**
 * Every pair of the boxes `bbox[4 * use[a]…]` grown by `h` that overlap (touching counts), as (a, b) with a < b:
 * for each a in turn, its b in ascending order. Through a uniform grid of cells about one (average) grown box wide,
 * each box listed in the cells it covers, a pair found only in the cell holding the lower-left corner of the two
 * boxes' overlap; compounds are similar in size, so a box meets a handful of others and the grid costs less than a
 * tree. `tick(a)` is called before each a.
 */
function forEachOverlap(
  bbox: Float64Array, use: number[], h: number, tick: (a: number) => void, pair: (a: number, b: number) => void,
): void {
  const m = use.length;
  const bx0 = new Float64Array(m), by0 = new Float64Array(m), bx1 = new Float64Array(m), by1 = new Float64Array(m);
  let ox = Infinity, oy = Infinity, ex = -Infinity, ey = -Infinity, sw = 0, sh = 0;
  for (let a = 0; a < m; a++) {
    const i = use[a];
    bx0[a] = bbox[4 * i] - h;
    by0[a] = bbox[4 * i + 1] - h;
    bx1[a] = bbox[4 * i + 2] + h;
    by1[a] = bbox[4 * i + 3] + h;
    if (bx0[a] < ox) ox = bx0[a];
    if (by0[a] < oy) oy = by0[a];
    if (bx1[a] > ex) ex = bx1[a];
    if (by1[a] > ey) ey = by1[a];
    sw += bx1[a] - bx0[a];
    sh += by1[a] - by0[a];
  }
  // cells about as wide as an average box, but never more cells than 4 per box (a few boxes spread far apart)
  let cs = Math.max(sw, sh, 1e-6) / m;
  let cols = Math.floor((ex - ox) / cs) + 1;
  let rows = Math.floor((ey - oy) / cs) + 1;
  if (cols * rows > 4 * m) {
    cs *= Math.sqrt((cols * rows) / (4 * m));
    cols = Math.floor((ex - ox) / cs) + 1;
    rows = Math.floor((ey - oy) / cs) + 1;
  }
  const inv = 1 / cs;
  const cx0 = new Int32Array(m), cy0 = new Int32Array(m), cx1 = new Int32Array(m), cy1 = new Int32Array(m);
  let entries = 0;
  for (let a = 0; a < m; a++) {
    cx0[a] = Math.min(cols - 1, Math.floor((bx0[a] - ox) * inv));
    cy0[a] = Math.min(rows - 1, Math.floor((by0[a] - oy) * inv));
    cx1[a] = Math.min(cols - 1, Math.floor((bx1[a] - ox) * inv));
    cy1[a] = Math.min(rows - 1, Math.floor((by1[a] - oy) * inv));
    entries += (cx1[a] - cx0[a] + 1) * (cy1[a] - cy0[a] + 1);
  }
  if (entries > 6 * m) {
    // boxes far apart in size (some spanning many cells; a grid of evenly sized boxes lists each in about 4): a box
    // tree, each a's partners sorted the same way
    forEachOverlapTree(bx0, by0, bx1, by1, tick, pair);
    return;
  }
  const start = new Int32Array(cols * rows + 1);
  for (let a = 0; a < m; a++) {
    for (let cy = cy0[a]; cy <= cy1[a]; cy++) for (let cx = cx0[a]; cx <= cx1[a]; cx++) start[cy * cols + cx + 1]++;
  }
  for (let c = 0; c < cols * rows; c++) start[c + 1] += start[c];
  const fill = start.slice(0, cols * rows);
  const inCell = new Int32Array(start[cols * rows]);
  for (let a = 0; a < m; a++) {
    for (let cy = cy0[a]; cy <= cy1[a]; cy++) for (let cx = cx0[a]; cx <= cx1[a]; cx++) inCell[fill[cy * cols + cx]++] = a;
  }
  let found = new Int32Array(64);
  for (let a = 0; a < m; a++) {
    tick(a);
    let n = 0;
    for (let cy = cy0[a]; cy <= cy1[a]; cy++) {
      for (let cx = cx0[a]; cx <= cx1[a]; cx++) {
        const c = cy * cols + cx;
        for (let e = start[c]; e < start[c + 1]; e++) {
          const b = inCell[e];
          if (b <= a || bx0[b] > bx1[a] || bx1[b] < bx0[a] || by0[b] > by1[a] || by1[b] < by0[a]) continue;
          // the overlap's lower-left corner lies in the cell (max cx0, max cy0): the pair is met there only
          if ((cx0[a] > cx0[b] ? cx0[a] : cx0[b]) !== cx || (cy0[a] > cy0[b] ? cy0[a] : cy0[b]) !== cy) continue;
          found = withRoom(found, n);
          found[n++] = b;
        }
      }
    }
    pairsInOrder(a, found, n, pair);
  }
}

/** `found`, or a copy twice as long when its `n` slots are full. */
function withRoom(found: Int32Array<ArrayBuffer>, n: number): Int32Array<ArrayBuffer> {
  if (n < found.length) return found;
  const more = new Int32Array(2 * n);
  more.set(found);
  return more;
}

/**
 * pair(a, b) for each b of found[0…n) in ascending order (a box meets a handful of others: insertion sort; many: the
 * typed array's own).
 */
function pairsInOrder(a: number, found: Int32Array, n: number, pair: (a: number, b: number) => void): void {
  if (n > 16) found.subarray(0, n).sort();
  else {
    for (let i = 1; i < n; i++) {
      const b = found[i];
      let k = i;
      while (k > 0 && found[k - 1] > b) {
        found[k] = found[k - 1];
        k--;
      }
      found[k] = b;
    }
  }
  for (let k = 0; k < n; k++) pair(a, found[k]);
}

/** forEachOverlap through a box tree (for boxes of very different sizes), same pairs in the same order. */
function forEachOverlapTree(
  bx0: Float64Array, by0: Float64Array, bx1: Float64Array, by1: Float64Array, tick: (a: number) => void,
  pair: (a: number, b: number) => void,
): void {
  const m = bx0.length;
  const index = new Flatbush(m);
  for (let a = 0; a < m; a++) index.add(bx0[a], by0[a], bx1[a], by1[a]);
  index.finish();
  let found = new Int32Array(64);
  let n = 0;
  let a = 0;
  // the filter collects and keeps nothing, so the search builds no result array
  const collect = (b: number) => {
    if (b <= a) return false;
    found = withRoom(found, n);
    found[n++] = b;
    return false;
  };
  for (; a < m; a++) {
    tick(a);
    n = 0;
    index.search(bx0[a], by0[a], bx1[a], by1[a], collect);
    pairsInOrder(a, found, n, pair);
  }
}

export interface ClusterOptions {
  /** Joining distance in metres, 0–50 (default 15). 0 joins only touching/overlapping compounds. */
  toleranceM?: number;
  /** Property holding the compound id (default 'id'; falls back to feature.id, then the index). */
  idProperty?: string;
  /**
   * Called with the fraction done (0–1) and the step ('grouping', then 'merging' in mergeAdjacent), about every 2 %
   * of the work (e.g. a progress bar when run in a worker; src/lib/worker/client.ts passes it on).
   */
  onProgress?: (fraction: number, label: string) => void;
}

/**
 * A tick for a loop of `total` steps that calls onProgress(done / total, label) at most ~50 times (every 2 %) and
 * at the end; a no-op without onProgress.
 * @example
 * const tick = progressTicker(features.length, 'grouping', opts.onProgress);
 * for (let i = 0; i < features.length; i++) { tick(i); … }
 */
export function progressTicker(total: number, label: string, onProgress?: (fraction: number, label: string) => void): (done: number) => void {
  if (!onProgress || total <= 0) return () => {};
  const every = Math.max(1, Math.ceil(total / 50));
  return (done) => {
    if (done % every === 0 || done === total) onProgress(Math.min(1, done / total), label);
  };
}

export interface ClusterStats {
  features: number;
  toleranceM: number;
  /** Pairs whose tolerance-grown boxes overlap (what the index returned). */
  candidatePairs: number;
  /** Pairs that needed the exact distance test (the rest were already in one group). */
  exactChecks: number;
  groups: number;
  singletons: number;
}

export interface ClusterResult {
  /** Member ids per group, ids sorted, groups sorted by their first id. */
  groups: string[][];
  /** Features in no group, with the reason (missing, malformed or too small geometry). */
  skipped: SkippedFeature[];
  /** Same as stats.candidatePairs. */
  pairs: number;
  stats: ClusterStats;
}

/** Internal form shared with mergeAdjacent: groups as feature indices, plus the flat geometry. */
export interface ClusterIndexed {
  flat: FlatPolygons;
  /** Feature indices per group, ordered as `groups` (ids sorted). */
  groupsIdx: number[][];
  groups: string[][];
  stats: ClusterStats;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * clusterAdjacent, returning feature indices and the projected geometry too (for mergeAdjacent).
 * @example const { groupsIdx, flat } = clusterAdjacentIndexed(fc, { toleranceM: 15 });
 */
export function clusterAdjacentIndexed(
  fc: FeatureCollection<Polygon | MultiPolygon | null>,
  opts: ClusterOptions = {},
): ClusterIndexed {
  const tol = checkToleranceM(opts.toleranceM ?? DEFAULT_TOLERANCE_M);
  const features = fc.features as AreaFeature[];
  const n = features.length;
  const flat = flattenPolygons(features, opts.idProperty ?? 'id');
  const tolEff = tol + TOUCH_EPS_M;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  let candidatePairs = 0;
  let exactChecks = 0;
  // features listed as skipped have no rings and take no part
  const use: number[] = [];
  for (let i = 0; i < n; i++) if (flat.featRing[i] < flat.featRing[i + 1]) use.push(i);
  if (use.length > 1) {
    const h = tolEff / 2; // two boxes grown by tol/2 overlap ⇔ the boxes are within tol
    const tick = progressTicker(use.length, 'grouping', opts.onProgress);
    forEachOverlap(flat.bbox, use, h, tick, (a, b) => {
      const i = use[a];
      const j = use[b];
      candidatePairs++;
      const ri = find(i);
      const rj = find(j);
      if (ri === rj) return;
      exactChecks++;
      if (withinDistance(flat, i, j, tolEff)) parent[ri < rj ? rj : ri] = ri < rj ? ri : rj;
    });
  }
  const byRoot = new Map<number, number[]>();
  for (const i of use) {
    const r = find(i);
    const g = byRoot.get(r);
    if (g) g.push(i);
    else byRoot.set(r, [i]);
  }
  const ids = flat.ids;
  const groupsIdx = [...byRoot.values()].map((g) => g.sort((a, b) => cmp(ids[a], ids[b])));
  groupsIdx.sort((a, b) => cmp(ids[a[0]], ids[b[0]]));
  const groups = groupsIdx.map((g) => g.map((i) => ids[i]));
  opts.onProgress?.(1, 'grouping');
  let singletons = 0;
  for (const g of groups) if (g.length === 1) singletons++;
  return {
    flat,
    groupsIdx,
    groups,
    stats: { features: n, toleranceM: tol, candidatePairs, exactChecks, groups: groups.length, singletons },
  };
}

/**
 * Group compounds whose boundaries lie within `toleranceM` metres (a compound inside another
 * counts as distance 0). Joining is transitive: A–B 5 m and B–C 10 m put A, B, C in one group
 * even when A–C is 40 m.
 *
 * @param fc compounds (Polygon/MultiPolygon, WGS84)
 * Features without a usable polygon (missing, malformed, NaN or out-of-range coordinates, below 0.01 m²) join no
 * group and are listed in `skipped` with a reason code.
 *
 * @param opts toleranceM in metres, 0–50, default 15 (GeoError outside); idProperty default 'id'
 * @returns groups of member ids (sorted; groups sorted by first id), skipped features, candidate pair count, stats
 * @example
 * const { groups } = clusterAdjacent(compounds, { toleranceM: 15, idProperty: 'code' });
 * // [['FY-001', 'FY-002'], ['FY-003'], …]
 */
export function clusterAdjacent(
  fc: FeatureCollection<Polygon | MultiPolygon | null>,
  opts: ClusterOptions = {},
): ClusterResult {
  const r = clusterAdjacentIndexed(fc, opts);
  return { groups: r.groups, skipped: r.flat.skipped, pairs: r.stats.candidatePairs, stats: r.stats };
}
