// Idle-land finder (policy §六(五) "整合利用小区内空地、荒地…用于建设各类配套设施").
//
// free = area (± margin) − (buildings ⊕ setback) − (roads ⊕ half width) − facilities − idle buildings
// usable = opening(free, minWidth/2) = ((free ⊖ w/2) ⊕ w/2) ∩ free, pieces ≥ minAreaM2.
//
// Everything runs in Clipper2 integer millimetres in one local frame (clipper.ts). Speed comes from:
// (1) a lon/lat flatbush per input collection, built once and cached per collection object, so a
// call only projects the buildings/roads near its area; (2) one ClipperOffset per obstacle group
// (all building setbacks in one execute, roads grouped by half width); (3) the opening done once
// on the whole free space with round joins at a coarse arc tolerance (ARC_TOL_M) — an arc that is
// 10 cm off is irrelevant to a siting decision but halves the vertex count the engine has to sweep.
import Flatbush from 'flatbush';
import {
  Clipper,
  ClipperOffset,
  ClipType,
  EndType,
  FillRule,
  JoinType,
  PolyTree64,
  type Path64,
  type Paths64,
  type PolyPath64,
} from 'clipper2-ts';
import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { frameFor, type LocalFrame } from './local-metric';
import { toPaths, UNITS_PER_M } from './clipper';
import { FACILITY_CATALOGUE, planarShape, shapeDistanceM, type FacilityCatalogue, type PlanarShape } from './coverage';
import { signedRingDistanceM } from './planar';

/** Arc tolerance (m) for round joins: setbacks, road ends, opening. */
const ARC_TOL_M = 0.1;
/** Radius (m) a point facility is grown by to become an obstacle. */
export const POINT_FACILITY_RADIUS_M = 10;
/** Road half width (m) when a road has no width_m. */
export const DEFAULT_ROAD_HALF_WIDTH_M = 3;
const U = UNITS_PER_M;
const U2 = U * U;

export interface IdleLandInput {
  /** The zone, a compound, or the union of member compounds (lon/lat). */
  area: Polygon | MultiPolygon;
  buildings?: FeatureCollection<Polygon | MultiPolygon>;
  /** Road centrelines; properties.width_m = carriageway width in metres. */
  roads?: FeatureCollection<LineString | MultiLineString>;
  /** Existing facilities: polygons are subtracted as drawn, points grown by 10 m. */
  facilities?: FeatureCollection<Polygon | MultiPolygon | Point>;
  /** Idle buildings (锅炉房, 自行车棚, 公房 …): listed as repurposing candidates; properties subtype, name, id. */
  idleBuildings?: FeatureCollection<Polygon | MultiPolygon>;
}

export interface IdleLandOptions {
  /** Clearance kept around every building, metres (0–30). Default 6. */
  setbackM?: number;
  /** Grow the area by this many metres first (0–200), e.g. to include land just outside. Default 0. */
  marginM?: number;
  /** Smallest piece kept, m². Default: the facility type's min_area_m2, else 50. */
  minAreaM2?: number;
  /** Width the piece must hold everywhere (1–100 m). Default: the facility type's min_width_m, else 5. */
  minWidthM?: number;
  /** Fixed road half width in metres for every road (0–50); default width_m / 2 per road, 3 m without width_m. */
  roadHalfWidthM?: number;
  /** Catalogue key whose min_area_m2 / min_width_m are the defaults. */
  facilityType?: string;
  catalogue?: FacilityCatalogue;
  /**
   * Called with the share done (0–1) and the step's key ('obstacles' | 'free' | 'width' | 'measure' | 'done'), e.g. to
   * drive a progress bar when the finder runs in the worker. Optional; the result does not depend on it.
   */
  onProgress?: (fraction: number, step: IdleLandStep) => void;
}

/** Steps reported through IdleLandOptions.onProgress, in order. */
export type IdleLandStep = 'obstacles' | 'free' | 'width' | 'measure' | 'done';

export interface IdleCandidateProps {
  kind: 'idle_land' | 'idle_building';
  /** Area in m², one decimal. */
  area_m2: number;
  /** Largest width the piece holds somewhere (≈ 2 × largest inscribed radius), metres, ±0.5. */
  usable_width_m: number;
  /** Distance in metres from the piece to the nearest road edge (centreline − half width); null if no road within 2 km. */
  road_distance_m: number | null;
  /** For idle buildings: their id. */
  source_id?: string;
  subtype?: string;
  name?: string;
}

export interface IdleLandStats {
  /** Area searched (after margin), m². */
  areaM2: number;
  /** Left after subtracting buildings + setback, roads, facilities, idle buildings, m². */
  freeM2: number;
  /** Left after the width rule (opening), m². */
  wideEnoughM2: number;
  /** Total of the kept idle-land pieces, m². */
  candidateM2: number;
  idleLandPieces: number;
  /** Pieces that passed the width rule but are smaller than minAreaM2. */
  droppedSmall: number;
  idleBuildings: number;
  /** Obstacles that touched the search box (after the index prefilter). */
  nearBuildings: number;
  nearRoads: number;
  minAreaM2: number;
  minWidthM: number;
  setbackM: number;
}

export interface IdleLandResult {
  candidates: FeatureCollection<Polygon | MultiPolygon, IdleCandidateProps>;
  stats: IdleLandStats;
}

// ---------------------------------------------------------------------------------------------
// lon/lat box index per input collection, cached on the collection object (inputs are treated as
// immutable: a changed collection must be a new object, as state replaces rather than mutates).

interface LonLatIndex {
  index: Flatbush | null;
  /** index item → feature position (features without geometry are left out) */
  ids: number[];
}
const indexCache = new WeakMap<object, LonLatIndex>();

function lonLatBox(g: Geometry): [number, number, number, number] | null {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const p = c as number[];
      if (p[0] < x0) x0 = p[0];
      if (p[0] > x1) x1 = p[0];
      if (p[1] < y0) y0 = p[1];
      if (p[1] > y1) y1 = p[1];
    } else for (const x of c as unknown[]) visit(x);
  };
  if ('coordinates' in g) visit(g.coordinates);
  return x0 <= x1 ? [x0, y0, x1, y1] : null;
}

function indexOf(fc: FeatureCollection): LonLatIndex {
  let e = indexCache.get(fc);
  if (e) return e;
  const boxes: [number, number, number, number][] = [];
  const ids: number[] = [];
  fc.features.forEach((f, i) => {
    const b = f.geometry ? lonLatBox(f.geometry) : null;
    if (b) {
      boxes.push(b);
      ids.push(i);
    }
  });
  let index: Flatbush | null = null;
  if (boxes.length) {
    index = new Flatbush(boxes.length);
    for (const b of boxes) index.add(b[0], b[1], b[2], b[3]);
    index.finish();
  }
  e = { index, ids };
  indexCache.set(fc, e);
  return e;
}

function near<G extends Geometry>(fc: FeatureCollection<G> | undefined, box: number[]): Feature<G>[] {
  if (!fc || fc.features.length === 0) return [];
  const { index, ids } = indexOf(fc as FeatureCollection);
  if (!index) return [];
  return index
    .search(box[0], box[1], box[2], box[3])
    .map((k) => ids[k])
    .sort((a, b) => a - b)
    .map((i) => fc.features[i]);
}

// ---------------------------------------------------------------------------------------------

function lineToPath(line: Position[], frame: LocalFrame): Path64 {
  const out: Path64 = [];
  for (const p of line) {
    const xy = frame.toXY(p);
    const pt = { x: Math.round(xy[0] * U), y: Math.round(xy[1] * U) };
    const last = out[out.length - 1];
    if (!last || last.x !== pt.x || last.y !== pt.y) out.push(pt);
  }
  return out;
}

function offset(paths: Paths64, deltaM: number, endType: EndType): Paths64 {
  const out: Paths64 = [];
  if (paths.length === 0) return out;
  const co = new ClipperOffset(2, ARC_TOL_M * U);
  co.addPaths(paths, JoinType.Round, endType);
  co.execute(deltaM * U, out);
  return out;
}

function pathsAreaM2(paths: Paths64): number {
  let a = 0;
  for (const p of paths) a += Clipper.area(p);
  return a / U2;
}

/** Clipper paths (mm) → planar shape in metres, for distance work. */
function pathsToShape(paths: Paths64): PlanarShape {
  const s: PlanarShape = { rings: [], lines: [], point: null, minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const p of paths) {
    const r: number[] = new Array(p.length * 2);
    for (let i = 0; i < p.length; i++) {
      const x = p[i].x / U;
      const y = p[i].y / U;
      r[2 * i] = x;
      r[2 * i + 1] = y;
      if (x < s.minX) s.minX = x;
      if (x > s.maxX) s.maxX = x;
      if (y < s.minY) s.minY = y;
      if (y > s.maxY) s.maxY = y;
    }
    s.rings.push(r);
  }
  return s;
}

/**
 * Usable width (m) ≈ 2 × the largest inscribed circle's radius: the widest w for which the piece
 * survives a shrink by w/2. Found by best-first subdivision of square cells (each cell bounds the
 * distance reachable inside it by its centre distance + half its diagonal), to ±0.25 m in radius,
 * instead of repeated offsets (a binary search of shrinks cost 8× the whole finder).
 */
function usableWidthM(s: PlanarShape): number {
  const w = s.maxX - s.minX;
  const h = s.maxY - s.minY;
  const size = Math.min(w, h);
  if (!(size > 0)) return 0;
  const precision = 0.25;
  // max-heap on cell potential: [potential, x, y, half, d]
  const heap: number[][] = [];
  const push = (c: number[]) => {
    heap.push(c);
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heap[p][0] >= heap[i][0]) break;
      [heap[p], heap[i]] = [heap[i], heap[p]];
      i = p;
    }
  };
  const pop = () => {
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < heap.length && heap[l][0] > heap[m][0]) m = l;
        if (r < heap.length && heap[r][0] > heap[m][0]) m = r;
        if (m === i) break;
        [heap[m], heap[i]] = [heap[i], heap[m]];
        i = m;
      }
    }
    return top;
  };
  const cell = (x: number, y: number, half: number) => {
    const d = signedRingDistanceM(x, y, s.rings);
    return [d + half * Math.SQRT2, x, y, half, d];
  };
  const half0 = size / 2;
  for (let x = s.minX; x < s.maxX; x += size) for (let y = s.minY; y < s.maxY; y += size) push(cell(x + half0, y + half0, half0));
  let best = Math.max(0, cell((s.minX + s.maxX) / 2, (s.minY + s.maxY) / 2, 0)[4]);
  while (heap.length) {
    const c = pop();
    if (c[4] > best) best = c[4];
    if (c[0] - best <= precision) continue;
    const hh = c[3] / 2;
    push(cell(c[1] - hh, c[2] - hh, hh));
    push(cell(c[1] + hh, c[2] - hh, hh));
    push(cell(c[1] - hh, c[2] + hh, hh));
    push(cell(c[1] + hh, c[2] + hh, hh));
  }
  return Math.round(2 * best * 10) / 10;
}

/** One piece (outer ring + holes, clipper mm) → GeoJSON Polygon, outer CCW and holes CW. */
function pieceToPolygon(piece: Paths64, frame: LocalFrame): Polygon {
  const k = 1e9;
  const coordinates = piece.map((path, i) => {
    const ccw = Clipper.area(path) > 0;
    const forward = (i === 0) === ccw;
    const n = path.length;
    const ring: Position[] = new Array(n + 1);
    for (let j = 0; j < n; j++) {
      const pt = path[forward ? j : n - 1 - j];
      const ll = frame.toLonLat([pt.x / U, pt.y / U]);
      ring[j] = [Math.round(ll[0] * k) / k, Math.round(ll[1] * k) / k];
    }
    ring[n] = ring[0].slice();
    return ring;
  });
  return { type: 'Polygon', coordinates };
}

function checkRange(name: string, zh: string, v: number, min: number, max: number): void {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
    throw new RangeError(`${zh}超出合理范围(${min}–${max}米): ${String(v)} / ${name} out of range (${min}–${max} m): ${String(v)}`);
  }
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Finds idle land in an area for shared facilities, plus idle buildings to repurpose.
 *
 * Subtracts building footprints grown by setbackM, roads grown by half their width (width_m / 2,
 * or 3 m), existing facilities (polygons as drawn, points grown by 10 m) and idle buildings from
 * the area (grown by marginM), then keeps only land that holds minWidthM everywhere (morphological
 * opening by minWidthM / 2) in pieces of at least minAreaM2. Idle buildings that touch the area
 * are returned as 'idle_building' candidates whatever their size.
 *
 * Throws Error (Chinese message) on an empty area; RangeError (Chinese + English) on options out of
 * range: setbackM 0–30, minWidthM 1–100, marginM 0–200, roadHalfWidthM 0–50, minAreaM2 0–1,000,000.
 *
 * @param input area (lon/lat), buildings, roads (width_m), facilities, idleBuildings
 * @param opts setbackM, marginM, minAreaM2, minWidthM (metres / m²), or facilityType for catalogue defaults
 * @example
 * const { candidates, stats } = findIdleLand(
 *   { area: zone.geometry, buildings, roads, facilities, idleBuildings },
 *   { setbackM: 6, minWidthM: 10, minAreaM2: 200 },
 * );
 * candidates.features[0].properties; // { kind: 'idle_land', area_m2: 812.4, usable_width_m: 21.5, road_distance_m: 0, … }
 */
export function findIdleLand(input: IdleLandInput, opts: IdleLandOptions = {}): IdleLandResult {
  const area = input.area;
  const areaBox = area ? lonLatBox(area) : null;
  if (!area || (area.type !== 'Polygon' && area.type !== 'MultiPolygon') || !areaBox) {
    throw new Error('选址范围为空:请先选择小区或设计片区 (empty area)');
  }
  const catalogue = opts.catalogue ?? FACILITY_CATALOGUE;
  const ft = opts.facilityType ? catalogue.types.find((t) => t.key === opts.facilityType) : undefined;
  if (opts.facilityType && !ft) throw new RangeError(`未知设施类型: ${opts.facilityType} / unknown facility type: ${opts.facilityType}`);
  const setbackM = opts.setbackM ?? 6;
  const marginM = opts.marginM ?? 0;
  const minWidthM = opts.minWidthM ?? ft?.min_width_m ?? 5;
  const minAreaM2 = opts.minAreaM2 ?? ft?.min_area_m2 ?? 50;
  checkRange('setbackM', '建筑退让距离', setbackM, 0, 30);
  checkRange('marginM', '外扩距离', marginM, 0, 200);
  checkRange('minWidthM', '最小宽度', minWidthM, 1, 100);
  if (!(minAreaM2 >= 0 && minAreaM2 <= 1e6)) {
    throw new RangeError(`最小面积超出合理范围(0–1000000平方米): ${minAreaM2} / minAreaM2 out of range (0–1,000,000 m²): ${minAreaM2}`);
  }
  if (opts.roadHalfWidthM !== undefined) checkRange('roadHalfWidthM', '道路半宽', opts.roadHalfWidthM, 0, 50);

  const progress = opts.onProgress ?? (() => {});
  progress(0, 'obstacles');
  const frame = frameFor(areaBox);
  let areaPaths = toPaths(area, frame);
  if (areaPaths.length === 0) throw new Error('选址范围为空:范围面积为零 (empty area)');
  if (marginM > 0) areaPaths = offset(areaPaths, marginM, EndType.Polygon);
  else areaPaths = Clipper.union(areaPaths, FillRule.Positive); // clean overlaps of member compounds
  const areaM2 = pathsAreaM2(areaPaths);
  if (areaM2 <= 0) throw new Error('选址范围为空:范围面积为零 (empty area)');

  // search boxes in lon/lat: the area grown by how far each kind of obstacle can reach into it
  const grow = (m: number) => {
    const dLon = (m + 1) / frame.mPerDegLon;
    const dLat = (m + 1) / frame.mPerDegLat;
    return [areaBox[0] - dLon, areaBox[1] - dLat, areaBox[2] + dLon, areaBox[3] + dLat];
  };
  const buildings = near(input.buildings, grow(marginM + setbackM));
  const roads = near(input.roads, grow(marginM + (opts.roadHalfWidthM ?? 50)));
  const facilities = near(input.facilities, grow(marginM + POINT_FACILITY_RADIUS_M));
  const idle = near(input.idleBuildings, grow(marginM + setbackM));

  // obstacles, grown by `extra` metres on top of their own clearance --------------------------
  const bPaths: Paths64 = [];
  for (const f of [...buildings, ...idle]) if (f.geometry) for (const p of toPaths(f.geometry, frame)) bPaths.push(p);
  const roadGroups = new Map<number, Paths64>();
  for (const f of roads) {
    const g = f.geometry;
    if (!g) continue;
    const w = Number((f.properties as { width_m?: unknown } | null)?.width_m);
    const half = opts.roadHalfWidthM ?? (w > 0 ? w / 2 : DEFAULT_ROAD_HALF_WIDTH_M);
    if (!(half > 0)) continue;
    const lines = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
    let grp = roadGroups.get(half);
    if (!grp) roadGroups.set(half, (grp = []));
    for (const l of lines) {
      const p = lineToPath(l, frame);
      if (p.length >= 2) grp.push(p);
    }
  }
  const pts: Paths64 = [];
  const fPolys: Paths64 = [];
  for (const f of facilities) {
    const g = f.geometry;
    if (!g) continue;
    if (g.type === 'Point') {
      const xy = frame.toXY(g.coordinates);
      pts.push([{ x: Math.round(xy[0] * U), y: Math.round(xy[1] * U) }]);
    } else if (g.type === 'Polygon' || g.type === 'MultiPolygon') for (const p of toPaths(g, frame)) fPolys.push(p);
  }
  const areaB = Clipper.getBoundsPaths(areaPaths);
  const obstaclesGrown = (extra: number): Paths64 => {
    const out: Paths64 = [];
    const add = (ps: Paths64) => {
      for (const p of ps) out.push(p);
    };
    add(setbackM + extra > 0 ? offset(bPaths, setbackM + extra, EndType.Polygon) : bPaths);
    for (const [half, paths] of roadGroups) {
      // streets run far past the area: clip them to the area's box grown beyond their reach first
      // (caps then fall outside the area), so the offset and the difference see only local edges
      const m = Math.ceil((half + extra + 1) * U);
      const rect = { left: areaB.left - m, top: areaB.top - m, right: areaB.right + m, bottom: areaB.bottom + m };
      add(offset(Clipper.rectClipLines(rect, paths), half + extra, EndType.Round));
    }
    add(offset(pts, POINT_FACILITY_RADIUS_M + extra, EndType.Round));
    add(extra > 0 ? offset(fPolys, extra, EndType.Polygon) : fPolys);
    return out;
  };

  // free space and the width rule -------------------------------------------------------------
  // Opening = ((free ⊖ r) ⊕ r) ∩ free with r = minWidth/2. Erosion distributes over the difference:
  // (area − O) ⊖ r = (area ⊖ r) − (O ⊕ r), and O ⊕ r is each obstacle grown by clearance + r
  // from its own few vertices, so the costly offset of the many-vertex free space is avoided.
  progress(0.2, 'free');
  const obstacles = obstaclesGrown(0);
  const free = obstacles.length ? Clipper.difference(areaPaths, obstacles, FillRule.NonZero) : areaPaths;
  const freeM2 = pathsAreaM2(free);
  progress(0.4, 'width');
  const half = minWidthM / 2;
  const areaEroded = offset(areaPaths, -half, EndType.Polygon);
  const grownObstacles = areaEroded.length ? obstaclesGrown(half) : [];
  const eroded = grownObstacles.length ? Clipper.difference(areaEroded, grownObstacles, FillRule.NonZero) : areaEroded;
  const opened = offset(eroded, half, EndType.Polygon);
  const tree = new PolyTree64();
  if (opened.length) Clipper.booleanOpWithPolyTree(ClipType.Intersection, opened, free, tree, FillRule.NonZero);
  const pieces: Paths64[] = [];
  const collect = (node: PolyPath64) => {
    // node is an outer ring; its children are holes, whose children are islands (new pieces)
    if (!node.polygon) return;
    const piece: Paths64 = [node.polygon];
    for (let i = 0; i < node.count; i++) {
      const hole = node.child(i);
      if (hole.polygon) piece.push(hole.polygon);
      for (let j = 0; j < hole.count; j++) collect(hole.child(j));
    }
    pieces.push(piece);
  };
  for (let i = 0; i < tree.count; i++) collect(tree.child(i));

  // nearby road shapes for road_distance_m (metres, planar)
  const roadShapes: { s: PlanarShape; half: number }[] = [];
  const addRoadShapes = (list: Feature<LineString | MultiLineString>[]) => {
    for (const f of list) {
      const s = planarShape(f.geometry, frame);
      if (!s) continue;
      const w = Number((f.properties as { width_m?: unknown } | null)?.width_m);
      roadShapes.push({ s, half: opts.roadHalfWidthM ?? (w > 0 ? w / 2 : DEFAULT_ROAD_HALF_WIDTH_M) });
    }
  };
  addRoadShapes(roads);
  let farRoadsLoaded = false;
  const roadDistance = (piece: PlanarShape): number | null => {
    let best = Infinity;
    for (const r of roadShapes) {
      const d = Math.max(0, shapeDistanceM(piece, r.s) - r.half);
      if (d < best) best = d;
    }
    if (best === Infinity && !farRoadsLoaded && input.roads) {
      // no road near the area: look up to 2 km out, once per call
      farRoadsLoaded = true;
      const k = 2000;
      const far = near(input.roads, [areaBox[0] - k / frame.mPerDegLon, areaBox[1] - k / frame.mPerDegLat, areaBox[2] + k / frame.mPerDegLon, areaBox[3] + k / frame.mPerDegLat]);
      const have = new Set(roads);
      addRoadShapes(far.filter((f) => !have.has(f)));
      return roadDistance(piece);
    }
    return best === Infinity || best > 2000 ? null : r1(best);
  };

  type Cand = { geometry: Polygon | MultiPolygon; props: IdleCandidateProps };
  const land: Cand[] = [];
  let wideEnoughM2 = 0;
  let candidateM2 = 0;
  let droppedSmall = 0;
  progress(0.7, 'measure');
  for (const [k, piece] of pieces.entries()) {
    if (k % 8 === 7) progress(0.7 + (0.25 * k) / pieces.length, 'measure');
    const a = pathsAreaM2(piece);
    wideEnoughM2 += a;
    if (a < minAreaM2 || a <= 0) {
      droppedSmall++;
      continue;
    }
    candidateM2 += a;
    const shape = pathsToShape(piece);
    land.push({
      geometry: pieceToPolygon(piece, frame),
      props: {
        kind: 'idle_land',
        area_m2: r1(a),
        usable_width_m: usableWidthM(shape),
        road_distance_m: roadDistance(shape),
      },
    });
  }
  land.sort((x, y) => y.props.area_m2 - x.props.area_m2);

  // idle buildings that touch the area (box prefilter, then the exact test)
  const areaShape = planarShape(area, frame)!;
  const reuse: Cand[] = [];
  for (const f of idle) {
    if (!f.geometry) continue;
    const s = planarShape(f.geometry, frame);
    if (!s || shapeDistanceM(areaShape, s) > marginM) continue;
    const paths = toPaths(f.geometry, frame);
    const p = (f.properties ?? {}) as { id?: unknown; subtype?: unknown; name?: unknown };
    const props: IdleCandidateProps = {
      kind: 'idle_building',
      area_m2: r1(pathsAreaM2(Clipper.union(paths, FillRule.Positive))),
      usable_width_m: usableWidthM(pathsToShape(Clipper.union(paths, FillRule.Positive))),
      road_distance_m: roadDistance(s),
    };
    const sid = p.id ?? f.id;
    if (sid !== undefined && sid !== null) props.source_id = String(sid);
    if (p.subtype !== undefined) props.subtype = String(p.subtype);
    if (p.name !== undefined) props.name = String(p.name);
    reuse.push({ geometry: f.geometry, props });
  }

  progress(1, 'done');
  const features = [...land, ...reuse].map((c) => ({ type: 'Feature' as const, properties: c.props, geometry: c.geometry }));
  return {
    candidates: { type: 'FeatureCollection', features },
    stats: {
      areaM2: r1(areaM2),
      freeM2: r1(freeM2),
      wideEnoughM2: r1(wideEnoughM2),
      candidateM2: r1(candidateM2),
      idleLandPieces: land.length,
      droppedSmall,
      idleBuildings: reuse.length,
      nearBuildings: buildings.length,
      nearRoads: roads.length,
      minAreaM2,
      minWidthM,
      setbackM,
    },
  };
}
