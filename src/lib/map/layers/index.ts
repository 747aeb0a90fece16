// Thematic layers: for each map layer group, its source id (zorder.ts SOURCES) and its layers' ids, order and paint.
// The layer components beside this file (one per thematic layer) and the offscreen print map draw from these
// definitions; panels and views never name a source or layer id.
import type { ExpressionSpecification, FilterSpecification, GeoJSONSource, LayerSpecification, Map as MlMap, VectorTileSource } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { labelPoints } from '../../geo/label-points';
import { STAGES } from '../../types';
import { LABEL_FONTS, LABEL_FONTS_BOLD } from '../fonts';
import { ANALYSIS_COLOR, STAGE_COLORS, SELECTION_COLOR, ZONE_COLOR } from '../palette';
import { stagePatternId, stagePatternImages } from '../stage-patterns';
import { beforeId, SOURCES, type LayerId, type SourceId } from '../zorder';

type LayerDef = LayerSpecification & { id: LayerId; source: SourceId };
/** A layer as written in a group: the group gives it its source. */
type GroupLayer = DistributiveOmit<LayerDef, 'source'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An image for `map.addImage` (RGBA bytes). */
export interface MapImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** One GeoJSON source and the layers drawn from it. */
export interface LayerGroup {
  source: SourceId;
  /** Property used as the feature id (for feature state: hover, open, focus). */
  promoteId?: string;
  layers: readonly LayerDef[];
  /** Images its layers draw with (fill patterns), by id; added to a map that lacks them (again after a style swap). */
  images?: () => Record<string, MapImage>;
}

/** A group: its source, its layers bottom to top (each drawn from that source), and the feature-id property. */
export function group(source: SourceId, layers: GroupLayer[], promoteId?: string, images?: () => Record<string, MapImage>): LayerGroup {
  return {
    source, ...(promoteId ? { promoteId } : {}), ...(images ? { images } : {}),
    layers: layers.map((l) => ({ ...l, source }) as LayerDef),
  };
}

/** Pattern images are drawn at twice their CSS size, so hatching stays sharp on phones and in print. */
const PATTERN_PIXEL_RATIO = 2;

export const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Adds the group's source (or replaces its data) and any of its layers not yet on the map, each in zorder. */
export function showGroup(map: MlMap, group: LayerGroup, data: FeatureCollection) {
  if ((map.getSource(group.source) as { type?: string } | undefined)?.type === 'vector') removeGroup(map, group);
  for (const [id, image] of Object.entries(group.images?.() ?? {})) {
    if (!map.hasImage(id)) map.addImage(id, image, { pixelRatio: PATTERN_PIXEL_RATIO });
  }
  const src = map.getSource(group.source) as GeoJSONSource | undefined;
  if (src) src.setData(data);
  else map.addSource(group.source, { type: 'geojson', data, ...(group.promoteId ? { promoteId: group.promoteId } : {}) });
  for (const layer of group.layers) {
    if (!map.getLayer(layer.id)) map.addLayer(layer, beforeId(layer.id, (id) => !!map.getLayer(id)));
  }
}

/** Vector tiles of a group's layer, served per z/x/y (pb_hooks/tiles.pb.js). */
export interface TileSource {
  /** URL template with {z}/{x}/{y}; changes when the layer's data changed, so tiles are fetched again. */
  url: string;
  /** The tile layer holding the features (the collection's name). */
  sourceLayer: string;
  minzoom: number;
  maxzoom: number;
  /** [west, south, east, north] the features lie in, when known: no tile outside is asked for. */
  bounds?: [number, number, number, number];
}

/**
 * Like showGroup, from vector tiles instead of one GeoJSON: the browser only ever handles the tiles in view, so a
 * province's buildings cost no more than a county's. A GeoJSON source of the same id is replaced (and back, by showGroup
 * after removeGroup).
 */
export function showTiledGroup(map: MlMap, group: LayerGroup, tiles: TileSource) {
  const src = map.getSource(group.source) as (VectorTileSource & { type: string }) | undefined;
  if (src && src.type !== 'vector') removeGroup(map, group);
  const vector = map.getSource(group.source) as VectorTileSource | undefined;
  if (vector) {
    if (vector.tiles?.[0] !== tiles.url) vector.setTiles([tiles.url]);
  } else {
    map.addSource(group.source, {
      type: 'vector', tiles: [tiles.url], minzoom: tiles.minzoom, maxzoom: tiles.maxzoom, ...(tiles.bounds ? { bounds: tiles.bounds } : {}),
      ...(group.promoteId ? { promoteId: group.promoteId } : {}),
    });
  }
  for (const layer of group.layers) {
    if (!map.getLayer(layer.id)) map.addLayer({ ...layer, 'source-layer': tiles.sourceLayer } as LayerSpecification, beforeId(layer.id, (id) => !!map.getLayer(id)));
  }
}

/** Takes the group's layers and source off the map (a component that owned them is gone). */
export function removeGroup(map: MlMap, group: LayerGroup) {
  for (const layer of group.layers) if (map.getLayer(layer.id)) map.removeLayer(layer.id);
  if (map.getSource(group.source)) map.removeSource(group.source);
}

export const stageColorExpr: ExpressionSpecification = [
  'match', ['get', 'stage'],
  ...STAGES.flatMap((s) => [s, STAGE_COLORS[s]]),
  '#cccccc',
] as unknown as ExpressionSpecification;

// Metres → pixels: at Fenyang's latitude one metre is ≈ 2.1 px at zoom 18; doubling per zoom level.
const metres = (m: ExpressionSpecification | number): ExpressionSpecification =>
  ['interpolate', ['exponential', 2], ['zoom'], 10, ['max', 0.5, ['*', m, 0.0082]], 20, ['*', m, 8.4]] as ExpressionSpecification;
const kind = (k: string): FilterSpecification => ['==', ['get', 'kind'], k];
const pointish: FilterSpecification = ['in', ['get', 'kind'], ['literal', ['facility', 'idle_building', 'idle_land']]];
const NOTHING: FilterSpecification = ['boolean', false];

// ---- Labels. Text is drawn in the browser from the device's fonts (fonts.ts): nothing is fetched.
const str = (prop: string): ExpressionSpecification => ['coalesce', ['get', prop], ''];
const hasText = (prop: string): ExpressionSpecification => ['>', ['length', str(prop)], 0];
/** Dark text with a white halo, readable over any fill. */
const labelPaint = (color: string | ExpressionSpecification, halo = 1.6) => ({ 'text-color': color, 'text-halo-color': '#ffffff', 'text-halo-width': halo, 'text-halo-blur': 0.4 });
/** Bigger areas' labels are placed first (labelPoints gives each point its area). */
const BY_SIZE: ExpressionSpecification = ['-', 0, ['coalesce', ['get', 'label_area_m2'], 0]];
const zoomSize = (...stops: number[]): ExpressionSpecification => ['interpolate', ['linear'], ['zoom'], ...stops] as ExpressionSpecification;
const once = <T>(make: () => T) => {
  let value: T | undefined;
  return () => (value ??= make());
};

/** The county outline. */
export const OUTLINE = group(SOURCES.outline, [
  { id: 'county-fill', type: 'fill', paint: { 'fill-color': '#fbfaf5', 'fill-opacity': 0.9 } },
  {
    id: 'county-line', type: 'line',
    paint: { 'line-color': '#a16207', 'line-width': 2, 'line-dasharray': [3, 2], 'line-opacity': 0.7 },
  },
]);

/** Roads, water, green, existing facilities, idle buildings and idle land (context_features). */
export const CONTEXT = group(SOURCES.context, [
  { id: 'green-fill', type: 'fill', filter: kind('green'), paint: { 'fill-color': '#cde8c4' } },
  { id: 'water-fill', type: 'fill', filter: kind('water'), paint: { 'fill-color': '#a9d3ee' } },
  {
    id: 'roads-casing', type: 'line', filter: kind('road'),
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': '#d6d0c2', 'line-width': metres(['+', ['coalesce', ['get', 'width_m'], 6], 2]) },
  },
  {
    id: 'roads-line', type: 'line', filter: kind('road'),
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': '#ffffff', 'line-width': metres(['coalesce', ['get', 'width_m'], 6]) },
  },
  {
    // Street names along the streets, from street zoom; lanes closer in, without the compounds' own internal roads.
    id: 'roads-label', type: 'symbol', minzoom: 14.5, filter: ['all', ['==', ['get', 'kind'], 'road'], ['!=', ['get', 'subtype'], 'lane'], hasText('name')],
    layout: {
      'symbol-placement': 'line', 'text-field': ['get', 'name'], 'text-font': LABEL_FONTS, 'text-size': zoomSize(14.5, 11, 18, 14),
      'symbol-spacing': 320, 'text-max-angle': 35, 'text-letter-spacing': 0.15, 'text-padding': 4,
    },
    paint: labelPaint('#44403c', 1.8),
  },
  {
    id: 'lanes-label', type: 'symbol', minzoom: 16.5,
    filter: ['all', ['==', ['get', 'kind'], 'road'], ['==', ['get', 'subtype'], 'lane'], hasText('name'), ['!', ['in', '内部道路', str('name')]]],
    layout: {
      'symbol-placement': 'line', 'text-field': ['get', 'name'], 'text-font': LABEL_FONTS, 'text-size': zoomSize(16.5, 10, 19, 12),
      'symbol-spacing': 260, 'text-max-angle': 35, 'text-padding': 4,
    },
    paint: labelPaint('#78716c', 1.6),
  },
  {
    id: 'context-fill', type: 'fill', minzoom: 14, filter: pointish,
    paint: {
      'fill-color': ['match', ['get', 'kind'], 'facility', '#60a5fa', 'idle_building', '#f97316', 'idle_land', '#fde68a', '#ccc'],
      'fill-opacity': 0.8,
    },
  },
  {
    id: 'context-line', type: 'line', minzoom: 14, filter: pointish,
    paint: {
      'line-color': ['match', ['get', 'kind'], 'facility', '#1d4ed8', 'idle_building', '#c2410c', 'idle_land', '#b45309', '#999'],
      'line-width': 1, 'line-dasharray': [2, 1],
    },
  },
]);

/** Names of existing facilities, idle buildings and idle land (label points of the context's outlines), up close. */
export const CONTEXT_LABELS = group(SOURCES.contextLabels, [
  {
    id: 'context-label', type: 'symbol', minzoom: 16, filter: hasText('name'),
    layout: {
      'text-field': ['get', 'name'], 'text-font': LABEL_FONTS, 'text-size': zoomSize(16, 10, 19, 12), 'text-max-width': 6,
      'symbol-sort-key': BY_SIZE, 'text-padding': 2,
    },
    paint: labelPaint(['match', ['get', 'kind'], 'facility', '#1e40af', 'idle_building', '#9a3412', '#854d0e']),
  },
]);

/** Label points of the context features that have outlines worth naming (not roads, water or green). */
export function contextLabelPoints(context: FeatureCollection): FeatureCollection {
  const named = context.features.filter((f) => ['facility', 'idle_building', 'idle_land'].includes(String(f.properties?.kind)));
  return labelPoints({ type: 'FeatureCollection', features: named });
}

/** Stage hatching (stage-patterns.ts): one pattern image per stage, drawn over the stage colour. */
const stagePatternExpr = [
  'match', ['get', 'stage'],
  ...STAGES.flatMap((s) => [s, stagePatternId(s)]),
  stagePatternId('demand'),
] as unknown as ExpressionSpecification;

/**
 * Compounds coloured by stage and hatched by stage (a black-and-white print still tells the stages apart); feature
 * state `hover` and `open` outline one; `compounds-selected` outlines the selection and `overdue-line` (red dashes)
 * the overdue compounds — late construction, or waiting in a township whose plan is overdue; both hidden until given
 * ids.
 */
export const COMPOUNDS = group(SOURCES.compounds, [
  {
    id: 'compounds-fill', type: 'fill',
    paint: {
      'fill-color': stageColorExpr,
      'fill-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 0.85, 0.6],
    },
  },
  { id: 'compounds-pattern', type: 'fill', minzoom: 13, paint: { 'fill-pattern': stagePatternExpr, 'fill-opacity': 0.85 } },
  {
    id: 'compounds-line', type: 'line',
    paint: {
      'line-color': ['case', ['boolean', ['feature-state', 'open'], false], '#111827', stageColorExpr],
      'line-width': ['case', ['boolean', ['feature-state', 'open'], false], 3, ['boolean', ['feature-state', 'hover'], false], 2.5, 1.2],
    },
  },
  { id: 'compounds-selected', type: 'line', filter: NOTHING, paint: { 'line-color': SELECTION_COLOR, 'line-width': 4 } },
  {
    id: 'overdue-line', type: 'line', filter: NOTHING,
    paint: { 'line-color': '#dc2626', 'line-width': 3, 'line-dasharray': [2, 1] },
  },
], 'id', once(() => stagePatternImages(16 * PATTERN_PIXEL_RATIO)));

const compoundName: ExpressionSpecification = ['case', hasText('name'), ['get', 'name'], str('code')];
/**
 * Compound names (the code when a compound has none) from street zoom, with the code underneath closer in; bigger
 * compounds first where labels collide. Drawn from one point per compound (labelPoints), with the compounds' filter;
 * the same points are the dots of a tiled map's overview.
 */
export const COMPOUND_LABELS = group(SOURCES.compoundLabels, [
  {
    // A province's overview (outlines from tiles only from COMPOUND_TILES_MINZOOM): each compound as a dot in its
    // stage colour. Hidden unless the outlines are tiles (CompoundsLayer shows it).
    id: 'compounds-dot', type: 'circle', maxzoom: 12, layout: { visibility: 'none' },
    paint: { 'circle-color': stageColorExpr, 'circle-radius': zoomSize(5, 1.5, 11, 3.5), 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 0.5 },
  },
  {
    id: 'compounds-label', type: 'symbol', minzoom: 14,
    layout: {
      'text-field': [
        'step', ['zoom'],
        ['format', compoundName, {}],
        17, ['case', hasText('name'), ['format', ['get', 'name'], {}, '\n', {}, str('code'), { 'font-scale': 0.8 }], ['format', str('code'), {}]],
      ] as unknown as ExpressionSpecification,
      'text-font': LABEL_FONTS, 'text-size': zoomSize(14, 11, 17, 13, 19, 15), 'text-max-width': 6, 'text-line-height': 1.15,
      'symbol-sort-key': BY_SIZE, 'text-padding': 3,
    },
    paint: labelPaint('#111827'),
  },
]);

/** Township (街道/镇) and community (社区) boundaries, under the compounds; townships as a haloed dash-dot line. */
export const BOUNDARIES = group(SOURCES.boundaries, [
  {
    id: 'boundaries-community-line', type: 'line', minzoom: 12, filter: ['==', ['get', 'level'], 'community'],
    paint: { 'line-color': '#7e22ce', 'line-opacity': 0.55, 'line-width': zoomSize(12, 0.8, 17, 1.6), 'line-dasharray': [4, 3] },
  },
  {
    id: 'boundaries-township-casing', type: 'line', filter: ['==', ['get', 'level'], 'township'],
    paint: { 'line-color': '#ffffff', 'line-opacity': 0.7, 'line-width': zoomSize(9, 3, 16, 6) },
  },
  {
    id: 'boundaries-township-line', type: 'line', filter: ['==', ['get', 'level'], 'township'],
    layout: { 'line-join': 'round' },
    paint: { 'line-color': '#9a3412', 'line-opacity': 0.8, 'line-width': zoomSize(9, 1.2, 16, 2.6), 'line-dasharray': [5, 2, 1, 2] },
  },
]);

/** Township names at city zoom (bold, above every other label), community names closer in. */
export const BOUNDARY_LABELS = group(SOURCES.boundaryLabels, [
  {
    id: 'boundaries-community-label', type: 'symbol', minzoom: 13, maxzoom: 16.5, filter: ['==', ['get', 'level'], 'community'],
    layout: {
      'text-field': ['get', 'name'], 'text-font': LABEL_FONTS, 'text-size': zoomSize(13, 11, 16, 13), 'text-letter-spacing': 0.1,
      'symbol-sort-key': BY_SIZE, 'text-padding': 6,
    },
    paint: labelPaint('#6b21a8', 1.8),
  },
  {
    id: 'boundaries-township-label', type: 'symbol', minzoom: 9, maxzoom: 15, filter: ['==', ['get', 'level'], 'township'],
    layout: {
      'text-field': ['get', 'name'], 'text-font': LABEL_FONTS_BOLD, 'text-size': zoomSize(9, 12, 14, 17), 'text-letter-spacing': 0.2,
      'symbol-sort-key': BY_SIZE, 'text-padding': 2,
    },
    paint: labelPaint('#7c2d12', 2.2),
  },
]);

/** Buildings, from street zoom. */
export const BUILDINGS = group(SOURCES.buildings, [
  { id: 'buildings-fill', type: 'fill', minzoom: 15, paint: { 'fill-color': '#e7e2d6', 'fill-opacity': 0.9 } },
  { id: 'buildings-line', type: 'line', minzoom: 15, paint: { 'line-color': '#8b8374', 'line-width': 0.8 } },
]);

/** Saved design zones: a translucent fill and a dashed outline, distinct from compounds; feature state `focus`. */
export const ZONES = group(SOURCES.zones, [
  {
    id: 'zones-fill', type: 'fill',
    paint: { 'fill-color': ZONE_COLOR, 'fill-opacity': ['case', ['boolean', ['feature-state', 'focus'], false], 0.22, 0.08] },
  },
  {
    id: 'zones-line', type: 'line',
    paint: {
      'line-color': ZONE_COLOR,
      'line-width': ['case', ['boolean', ['feature-state', 'focus'], false], 4, 2.5],
      'line-dasharray': [3, 1.5],
    },
  },
], 'id');

/** Zone names, from district zoom. */
export const ZONE_LABELS = group(SOURCES.zoneLabels, [
  {
    id: 'zones-label', type: 'symbol', minzoom: 12.5, filter: hasText('name'),
    layout: {
      'text-field': ['get', 'name'], 'text-font': LABEL_FONTS_BOLD, 'text-size': zoomSize(12.5, 11, 17, 15), 'text-max-width': 8,
      'symbol-sort-key': BY_SIZE, 'text-padding': 4,
    },
    paint: labelPaint('#9d174d', 2),
  },
]);

/** An analysis preview (the merge's groups): each feature's `color`, dimmed when `accepted` is false. */
export const ANALYSIS_PREVIEW = group(SOURCES.analysis, [
  {
    id: 'analysis-fill', type: 'fill',
    paint: {
      'fill-color': ['coalesce', ['get', 'color'], ANALYSIS_COLOR],
      'fill-opacity': ['case', ['boolean', ['get', 'accepted'], true], 0.25, 0.05],
    },
  },
  { id: 'analysis-line', type: 'line', paint: { 'line-color': ['coalesce', ['get', 'color'], ANALYSIS_COLOR], 'line-width': 2.5 } },
], 'key');

/** The outline of a box or lasso being dragged. */
export const GESTURE = group(SOURCES.gesture, [
  { id: 'gesture-fill', type: 'fill', paint: { 'fill-color': SELECTION_COLOR, 'fill-opacity': 0.15 } },
  { id: 'gesture-line', type: 'line', paint: { 'line-color': '#a16207', 'line-width': 1.5, 'line-dasharray': [2, 2] } },
]);

const statusColor: ExpressionSpecification = ['match', ['get', 'status'], 'error', '#dc2626', 'warning', '#d97706', '#2563eb'];

/** An import's features before anything is saved, coloured by validation status. */
export const IMPORT_PREVIEW = group(SOURCES.importPreview, [
  { id: 'import-preview-fill', type: 'fill', paint: { 'fill-color': statusColor, 'fill-opacity': 0.35 } },
  { id: 'import-preview-line', type: 'line', paint: { 'line-color': statusColor, 'line-width': 2.5 } },
]);

/** Life-circle coverage of one facility type: compounds outlined red where none lies within the radius, faint green where one does. */
export const COVERAGE = group(SOURCES.coverage, [
  {
    id: 'coverage-covered', type: 'line', filter: ['==', ['get', 'covered'], true],
    paint: { 'line-color': '#16a34a', 'line-width': 1.5, 'line-opacity': 0.45 },
  },
  { id: 'coverage-gap', type: 'line', filter: ['==', ['get', 'covered'], false], paint: { 'line-color': '#dc2626', 'line-width': 3 } },
]);

/** The radius around each facility of the type, as a halo (planned facilities in teal). */
export const COVERAGE_RADIUS = group(SOURCES.coverageRadius, [
  {
    id: 'coverage-radius-fill', type: 'fill',
    paint: { 'fill-color': ['match', ['get', 'planned'], 1, '#0d9488', '#2563eb'], 'fill-opacity': 0.06 },
  },
  {
    id: 'coverage-radius-line', type: 'line',
    paint: { 'line-color': ['match', ['get', 'planned'], 1, '#0d9488', '#2563eb'], 'line-width': 1.5, 'line-dasharray': [4, 2] },
  },
]);

const candidateColor: ExpressionSpecification = ['match', ['get', 'kind'], 'idle_building', '#c2410c', '#ca8a04'];

/** Idle-land and idle-building candidates of the finder; feature state `focus` outlines one strongly. */
export const SITE_CANDIDATES = group(SOURCES.siteCandidates, [
  {
    id: 'sites-candidates-fill', type: 'fill',
    paint: { 'fill-color': candidateColor, 'fill-opacity': ['case', ['boolean', ['feature-state', 'focus'], false], 0.6, 0.35] },
  },
  { id: 'sites-candidates-line', type: 'line', paint: { 'line-color': candidateColor, 'line-width': 1.5 } },
  {
    id: 'sites-candidates-focus', type: 'line',
    paint: { 'line-color': '#111827', 'line-width': 3, 'line-opacity': ['case', ['boolean', ['feature-state', 'focus'], false], 1, 0] },
  },
], 'key');

/** Placed facility sites (facility_sites records). */
export const SITES = group(SOURCES.sites, [
  { id: 'sites-fill', type: 'fill', paint: { 'fill-color': '#0d9488', 'fill-opacity': 0.55 } },
  { id: 'sites-line', type: 'line', paint: { 'line-color': '#115e59', 'line-width': 2 } },
], 'id');

/** Facility names on placed sites (`label`: the site's name or its facility type), from street zoom. */
export const SITE_LABELS = group(SOURCES.siteLabels, [
  {
    id: 'sites-label', type: 'symbol', minzoom: 15, filter: hasText('label'),
    layout: {
      'text-field': ['get', 'label'], 'text-font': LABEL_FONTS, 'text-size': zoomSize(15, 10, 19, 13), 'text-max-width': 6,
      'text-offset': [0, 1.1], 'text-padding': 2,
    },
    paint: labelPaint('#115e59', 1.8),
  },
]);

/** The layer a pointer hits to find the compound under it. */
export const COMPOUND_HIT_LAYER: LayerId = 'compounds-fill';
/** How near (px) a pointer must come to a compound's dot (a tiled map's overview) to pick it. */
const DOT_REACH_PX = 6;

/**
 * The compound under a pointer (`point` in the map's pixels): the outline it is in, or on a tiled map's overview (dots
 * below the outline tiles' zooms) the nearest dot within a few pixels. Its id and public properties, or null.
 */
export function compoundAt(map: MlMap, point: { x: number; y: number }): { id: string; properties: Record<string, unknown> } | null {
  if (map.getLayer(COMPOUND_HIT_LAYER)) {
    const f = map.queryRenderedFeatures([point.x, point.y], { layers: [COMPOUND_HIT_LAYER] })[0];
    if (f) return { id: String(f.id), properties: f.properties };
  }
  if (!map.getLayer('compounds-dot') || map.getLayoutProperty('compounds-dot', 'visibility') === 'none') return null;
  const r = DOT_REACH_PX;
  let best: { id: string; properties: Record<string, unknown> } | null = null;
  let bestD = Infinity;
  for (const f of map.queryRenderedFeatures([[point.x - r, point.y - r], [point.x + r, point.y + r]], { layers: ['compounds-dot'] })) {
    if (f.geometry.type !== 'Point') continue;
    const p = map.project(f.geometry.coordinates as [number, number]);
    const d = Math.hypot(p.x - point.x, p.y - point.y);
    if (d <= r && d < bestD) {
      bestD = d;
      best = { id: String(f.properties.id), properties: f.properties };
    }
  }
  return best;
}

/**
 * The filter of the compound layers (the map's filters as an expression; null shows every compound). Every property it
 * reads must be in the compound vector tiles too (pb_hooks/lib/tiles.js LAYERS: public fields and `id`).
 */
export function filterCompounds(map: MlMap, filter: FilterSpecification | null) {
  for (const id of ['compounds-fill', 'compounds-pattern', 'compounds-line', 'compounds-label', 'compounds-dot'] as const) if (map.getLayer(id)) map.setFilter(id, filter);
}

/** Compounds whose ids are given: `match` looks labels up in a table, so thousands of ids stay fast (`in` scans). */
export function idFilter(ids: Iterable<string>): FilterSpecification {
  const list = [...ids];
  return list.length ? ['match', ['get', 'id'], list, true, false] : NOTHING;
}

// For maps drawn without components (the print layout and the offscreen print map): one call per layer, labels
// included, so printed maps carry the same names as the screen.
export const addOutlineLayers = (map: MlMap, data: FeatureCollection) => showGroup(map, OUTLINE, data);
export function addContextLayers(map: MlMap, data: FeatureCollection) {
  showGroup(map, CONTEXT, data);
  showGroup(map, CONTEXT_LABELS, contextLabelPoints(data));
}
export const addBuildingLayers = (map: MlMap, data: FeatureCollection) => showGroup(map, BUILDINGS, data);
export function addCompoundLayers(map: MlMap, data: FeatureCollection) {
  showGroup(map, COMPOUNDS, data);
  showGroup(map, COMPOUND_LABELS, labelPoints(data));
}
export function addBoundaryLayers(map: MlMap, data: FeatureCollection) {
  showGroup(map, BOUNDARIES, data);
  showGroup(map, BOUNDARY_LABELS, labelPoints(data));
}
