// Idle-land finder (policy §六(五) "整合利用小区内空地、荒地…用于建设各类配套设施").
//
// free = area (± margin) − (buildings ⊕ setback) − (roads ⊕ half width) − facilities − idle buildings
// usable = opening(free, minWidth/2) = ((free ⊖ w/2) ⊕ w/2) ∩ free, pieces ≥ minAreaM2.
//
// Everything runs through the project's Clipper adapter (clipper.ts) in integer millimetres of one affine frame
// around the area, so the pieces written back to lon/lat are valid polygons (outlineFromPolygons). Speed comes from:
// (1) the shared spatial index (spatial-index.ts), so a call only projects the buildings/roads near its area;
// (2) one offset per obstacle kind (idle-land-obstacles.ts); (3) the opening done once on the whole free space with
// round joins at a coarse arc tolerance — an arc 10 cm off is irrelevant to a siting decision but halves the
// vertex count the engine has to sweep. Pieces are measured in idle-land-measure.ts (polylabel width, road distance).
import type { FeatureCollection, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import {
  EndType,
  FillRule,
  JoinType,
  UNITS_PER_M,
  areaM2,
  differencePaths,
  intersectionTree,
  offsetPaths,
  outlineFromPolygons,
  toPaths,
  treePolygons,
  unionPaths,
  unprojector,
} from './clipper';
import { geometryBBox } from './bbox';
import { FACILITY_CATALOGUE, type FacilityCatalogue } from './facility-catalogue';
import { ARC_TOL_M, POINT_FACILITY_RADIUS_M, collectObstacles, growObstacles } from './idle-land-obstacles';
import { RoadDistance, shapeRings, usableWidthM } from './idle-land-measure';
import { affineFrameFor } from './local-metric';
import { planarShape, shapeDistanceM } from './planar-shape';
import { GeoError } from './reasons';
import { featuresNear } from './spatial-index';

export { DEFAULT_ROAD_HALF_WIDTH_M, POINT_FACILITY_RADIUS_M } from './idle-land-obstacles';

const U = UNITS_PER_M;

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

function checkRange(option: string, v: number, min: number, max: number): void {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
    throw new GeoError('option_out_of_range', { option, min, max, value: String(v) });
  }
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Finds idle land in an area for shared facilities, plus idle buildings to repurpose.
 *
 * Subtracts building footprints grown by setbackM, roads grown by half their width (width_m / 2,
 * or 3 m), existing facilities (polygons as drawn, points grown by 10 m) and idle buildings from
 * the area (grown by marginM), then keeps only land that holds minWidthM everywhere (morphological
 * opening by minWidthM / 2) in pieces of at least minAreaM2. Every piece is a valid polygon. Idle buildings that
 * touch the area are returned as 'idle_building' candidates whatever their size.
 *
 * Throws GeoError (a RangeError) 'empty_area' on an empty area, 'unknown_facility_type', and 'option_out_of_range'
 * ({option, min, max, value}) for setbackM 0–30, minWidthM 1–100, marginM 0–200, roadHalfWidthM 0–50,
 * minAreaM2 0–1,000,000.
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
  const areaBox = area && (area.type === 'Polygon' || area.type === 'MultiPolygon') ? geometryBBox(area) : null;
  if (!area || !areaBox) throw new GeoError('empty_area');
  const catalogue = opts.catalogue ?? FACILITY_CATALOGUE;
  const ft = opts.facilityType ? catalogue.types.find((t) => t.key === opts.facilityType) : undefined;
  if (opts.facilityType && !ft) throw new GeoError('unknown_facility_type', { type: opts.facilityType });
  const setbackM = opts.setbackM ?? 6;
  const marginM = opts.marginM ?? 0;
  const minWidthM = opts.minWidthM ?? ft?.min_width_m ?? 5;
  const minAreaM2 = opts.minAreaM2 ?? ft?.min_area_m2 ?? 50;
  checkRange('setbackM', setbackM, 0, 30);
  checkRange('marginM', marginM, 0, 200);
  checkRange('minWidthM', minWidthM, 1, 100);
  checkRange('minAreaM2', minAreaM2, 0, 1e6);
  if (opts.roadHalfWidthM !== undefined) checkRange('roadHalfWidthM', opts.roadHalfWidthM, 0, 50);

  const progress = opts.onProgress ?? (() => {});
  progress(0, 'obstacles');
  const frame = affineFrameFor(areaBox);
  let areaPaths = toPaths(area, frame);
  if (areaPaths.length === 0) throw new GeoError('empty_area');
  if (marginM > 0) areaPaths = offsetPaths(areaPaths, marginM, JoinType.Round, 2, U, EndType.Polygon, ARC_TOL_M);
  else areaPaths = unionPaths(areaPaths); // clean overlaps of member compounds
  const areaM2Total = areaM2(areaPaths);
  if (areaM2Total <= 0) throw new GeoError('empty_area');

  // search boxes in lon/lat: the area grown by how far each kind of obstacle can reach into it
  const grow = (m: number) => {
    const dLon = (m + 1) / frame.mPerDegLon;
    const dLat = (m + 1) / frame.mPerDegLat;
    return [areaBox[0] - dLon, areaBox[1] - dLat, areaBox[2] + dLon, areaBox[3] + dLat];
  };
  const buildings = featuresNear(input.buildings, grow(marginM + setbackM));
  const roads = featuresNear(input.roads, grow(marginM + (opts.roadHalfWidthM ?? 50)));
  const facilities = featuresNear(input.facilities, grow(marginM + POINT_FACILITY_RADIUS_M));
  const idle = featuresNear(input.idleBuildings, grow(marginM + setbackM));
  const obstacles = collectObstacles(frame, buildings, roads, facilities, idle, setbackM, opts.roadHalfWidthM);

  // free space and the width rule -------------------------------------------------------------
  // Opening = ((free ⊖ r) ⊕ r) ∩ free with r = minWidth/2. Erosion distributes over the difference:
  // (area − O) ⊖ r = (area ⊖ r) − (O ⊕ r), and O ⊕ r is each obstacle grown by clearance + r
  // from its own few vertices, so the costly offset of the many-vertex free space is avoided.
  progress(0.2, 'free');
  const blocked = growObstacles(obstacles, 0, areaPaths);
  const free = blocked.length ? differencePaths(areaPaths, blocked, FillRule.NonZero) : areaPaths;
  const freeM2 = areaM2(free);
  progress(0.4, 'width');
  const half = minWidthM / 2;
  const areaEroded = offsetPaths(areaPaths, -half, JoinType.Round, 2, U, EndType.Polygon, ARC_TOL_M);
  const grownObstacles = areaEroded.length ? growObstacles(obstacles, half, areaPaths) : [];
  const eroded = grownObstacles.length ? differencePaths(areaEroded, grownObstacles, FillRule.NonZero) : areaEroded;
  const opened = offsetPaths(eroded, half, JoinType.Round, 2, U, EndType.Polygon, ARC_TOL_M);
  const pieces = treePolygons(intersectionTree(opened, free, FillRule.NonZero), 0, 0);

  const roadDistance = new RoadDistance(frame, roads, input.roads, areaBox, opts.roadHalfWidthM);
  const toLonLat = unprojector(frame);

  type Cand = { geometry: Polygon | MultiPolygon; props: IdleCandidateProps };
  const land: Cand[] = [];
  let wideEnoughM2 = 0;
  let candidateM2 = 0;
  let droppedSmall = 0;
  progress(0.7, 'measure');
  for (const [k, piece] of pieces.entries()) {
    if (k % 8 === 7) progress(0.7 + (0.25 * k) / pieces.length, 'measure');
    const a = areaM2(piece);
    wideEnoughM2 += a;
    if (a < minAreaM2 || a <= 0) {
      droppedSmall++;
      continue;
    }
    // a valid polygon (a piece pinched at a point comes back as its parts, each measured on its own)
    const outline = outlineFromPolygons([piece], toLonLat);
    if (!outline.geom) continue;
    const parts = outline.geom.type === 'Polygon' ? [outline.geom.coordinates] : outline.geom.coordinates;
    for (const coordinates of parts) {
      const geometry: Polygon = { type: 'Polygon', coordinates };
      const shape = planarShape(geometry, frame)!;
      const pa = parts.length === 1 ? a : shapeArea(shape);
      candidateM2 += pa;
      land.push({
        geometry,
        props: { kind: 'idle_land', area_m2: r1(pa), usable_width_m: usableWidthM(shapeRings(shape)), road_distance_m: roadDistance.to(shape) },
      });
    }
  }
  land.sort((x, y) => y.props.area_m2 - x.props.area_m2);

  // idle buildings that touch the area (box prefilter, then the exact test)
  const areaShape = planarShape(area, frame)!;
  const reuse: Cand[] = [];
  for (const f of idle) {
    if (!f.geometry) continue;
    const s = planarShape(f.geometry, frame);
    if (!s || shapeDistanceM(areaShape, s) > marginM) continue;
    const footprint = unionPaths(toPaths(f.geometry, frame));
    const p = (f.properties ?? {}) as { id?: unknown; subtype?: unknown; name?: unknown };
    const props: IdleCandidateProps = {
      kind: 'idle_building',
      area_m2: r1(areaM2(footprint)),
      usable_width_m: usableWidthM(shapeRings(s)),
      road_distance_m: roadDistance.to(s),
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
      areaM2: r1(areaM2Total),
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

/** Area (m²) of a planar shape's rings: outer minus holes (even-odd rings of one polygon). */
function shapeArea(s: { rings: number[][] }): number {
  let total = 0;
  s.rings.forEach((r, i) => {
    let a2 = 0;
    for (let k = 0, j = r.length - 2; k < r.length; j = k, k += 2) a2 += r[j] * r[k + 1] - r[k] * r[j + 1];
    total += (i === 0 ? 1 : -1) * Math.abs(a2 / 2);
  });
  return total;
}
