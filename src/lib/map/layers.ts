// Thematic layers: each function adds its source once and its layers in zorder, or replaces the source's data.
// Layer ids, order and paint live here and in zorder.ts/palette.ts only.
import type { ExpressionSpecification, FilterSpecification, GeoJSONSource, LayerSpecification, Map as MlMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { STAGES } from '../types';
import { STAGE_COLORS, SELECTION_COLOR, ZONE_COLOR } from './palette';
import { beforeId, SOURCES, type LayerId } from './zorder';

type LayerDef = LayerSpecification & { id: LayerId };

function addLayer(map: MlMap, layer: LayerDef) {
  if (map.getLayer(layer.id)) return;
  map.addLayer(layer, beforeId(layer.id, (id) => !!map.getLayer(id)));
}

/** Sets a GeoJSON source's data, creating the source on first use. */
export function setSourceData(map: MlMap, id: string, data: FeatureCollection, promoteId?: string) {
  const src = map.getSource(id) as GeoJSONSource | undefined;
  if (src) src.setData(data);
  else map.addSource(id, { type: 'geojson', data, ...(promoteId ? { promoteId } : {}) });
}

export const stageColorExpr: ExpressionSpecification = [
  'match', ['get', 'stage'],
  ...STAGES.flatMap((s) => [s, STAGE_COLORS[s]]),
  '#cccccc',
] as unknown as ExpressionSpecification;

export function addOutlineLayers(map: MlMap, data: FeatureCollection) {
  setSourceData(map, SOURCES.outline, data);
  addLayer(map, { id: 'county-fill', type: 'fill', source: SOURCES.outline, paint: { 'fill-color': '#fbfaf5', 'fill-opacity': 0.9 } });
  addLayer(map, {
    id: 'county-line', type: 'line', source: SOURCES.outline,
    paint: { 'line-color': '#a16207', 'line-width': 2, 'line-dasharray': [3, 2], 'line-opacity': 0.7 },
  });
}

// Metres → pixels: at Fenyang's latitude one metre is ≈ 2.1 px at zoom 18; doubling per zoom level.
const metres = (m: ExpressionSpecification | number): ExpressionSpecification =>
  ['interpolate', ['exponential', 2], ['zoom'], 10, ['max', 0.5, ['*', m, 0.0082]], 20, ['*', m, 8.4]] as ExpressionSpecification;

export function addContextLayers(map: MlMap, data: FeatureCollection) {
  setSourceData(map, SOURCES.context, data);
  const kind = (k: string): FilterSpecification => ['==', ['get', 'kind'], k];
  addLayer(map, { id: 'green-fill', type: 'fill', source: SOURCES.context, filter: kind('green'), paint: { 'fill-color': '#cde8c4' } });
  addLayer(map, { id: 'water-fill', type: 'fill', source: SOURCES.context, filter: kind('water'), paint: { 'fill-color': '#a9d3ee' } });
  addLayer(map, {
    id: 'roads-casing', type: 'line', source: SOURCES.context, filter: kind('road'),
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': '#d6d0c2', 'line-width': metres(['+', ['coalesce', ['get', 'width_m'], 6], 2]) },
  });
  addLayer(map, {
    id: 'roads-line', type: 'line', source: SOURCES.context, filter: kind('road'),
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': '#ffffff', 'line-width': metres(['coalesce', ['get', 'width_m'], 6]) },
  });
  const pointish: FilterSpecification = ['in', ['get', 'kind'], ['literal', ['facility', 'idle_building', 'idle_land']]];
  addLayer(map, {
    id: 'context-fill', type: 'fill', source: SOURCES.context, minzoom: 14, filter: pointish,
    paint: {
      'fill-color': ['match', ['get', 'kind'], 'facility', '#60a5fa', 'idle_building', '#f97316', 'idle_land', '#fde68a', '#ccc'],
      'fill-opacity': 0.8,
    },
  });
  addLayer(map, {
    id: 'context-line', type: 'line', source: SOURCES.context, minzoom: 14, filter: pointish,
    paint: {
      'line-color': ['match', ['get', 'kind'], 'facility', '#1d4ed8', 'idle_building', '#c2410c', 'idle_land', '#b45309', '#999'],
      'line-width': 1, 'line-dasharray': [2, 1],
    },
  });
}

export function addCompoundLayers(map: MlMap, data: FeatureCollection) {
  setSourceData(map, SOURCES.compounds, data, 'id');
  addLayer(map, {
    id: 'compounds-fill', type: 'fill', source: SOURCES.compounds,
    paint: {
      'fill-color': stageColorExpr,
      'fill-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 0.85, 0.6],
    },
  });
  addLayer(map, {
    id: 'compounds-line', type: 'line', source: SOURCES.compounds,
    paint: {
      'line-color': ['case', ['boolean', ['feature-state', 'open'], false], '#111827', stageColorExpr],
      'line-width': ['case', ['boolean', ['feature-state', 'open'], false], 3, ['boolean', ['feature-state', 'hover'], false], 2.5, 1.2],
    },
  });
  addLayer(map, {
    id: 'compounds-selected', type: 'line', source: SOURCES.compounds,
    filter: ['boolean', false],
    paint: { 'line-color': SELECTION_COLOR, 'line-width': 4 },
  });
}

export function addBuildingLayers(map: MlMap, data: FeatureCollection) {
  setSourceData(map, SOURCES.buildings, data);
  addLayer(map, {
    id: 'buildings-fill', type: 'fill', source: SOURCES.buildings, minzoom: 15,
    paint: { 'fill-color': '#e7e2d6', 'fill-opacity': 0.9 },
  });
  addLayer(map, {
    id: 'buildings-line', type: 'line', source: SOURCES.buildings, minzoom: 15,
    paint: { 'line-color': '#8b8374', 'line-width': 0.8 },
  });
}

/** Applies the same filter to every compound layer. */
export function filterCompounds(map: MlMap, filter: FilterSpecification) {
  for (const id of ['compounds-fill', 'compounds-line'] as const) if (map.getLayer(id)) map.setFilter(id, filter);
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Outlines the selected compounds. */
export function showSelection(map: MlMap, ids: ReadonlySet<string>) {
  if (!map.getLayer('compounds-selected')) return;
  // `match` looks labels up in a table, so thousands of selected ids stay fast (`in` over a literal array scans it).
  map.setFilter('compounds-selected', ids.size ? ['match', ['get', 'id'], [...ids], true, false] : ['boolean', false]);
}

/** Saved design zones: a hatched-looking translucent fill and a dashed outline, distinct from compounds. */
export function addZoneLayers(map: MlMap, data: FeatureCollection) {
  setSourceData(map, SOURCES.zones, data, 'id');
  addLayer(map, {
    id: 'zones-fill', type: 'fill', source: SOURCES.zones,
    paint: { 'fill-color': ZONE_COLOR, 'fill-opacity': ['case', ['boolean', ['feature-state', 'focus'], false], 0.22, 0.08] },
  });
  addLayer(map, {
    id: 'zones-line', type: 'line', source: SOURCES.zones,
    paint: {
      'line-color': ZONE_COLOR,
      'line-width': ['case', ['boolean', ['feature-state', 'focus'], false], 4, 2.5],
      'line-dasharray': [3, 1.5],
    },
  });
}

/** Analysis previews (merge groups, idle-land candidates …): replaced as a whole on each run. */
export function addAnalysisLayers(map: MlMap, data: FeatureCollection = EMPTY) {
  setSourceData(map, SOURCES.analysis, data, 'key');
  addLayer(map, {
    id: 'analysis-fill', type: 'fill', source: SOURCES.analysis,
    paint: {
      'fill-color': ['coalesce', ['get', 'color'], '#7c3aed'],
      'fill-opacity': ['case', ['boolean', ['get', 'accepted'], true], 0.25, 0.05],
    },
  });
  addLayer(map, {
    id: 'analysis-line', type: 'line', source: SOURCES.analysis,
    paint: { 'line-color': ['coalesce', ['get', 'color'], '#7c3aed'], 'line-width': 2.5 },
  });
}

/** The outline of a box or lasso being dragged (screen gesture, shown in lon/lat). */
export function showGesture(map: MlMap, ring: [number, number][] | null) {
  const data: FeatureCollection = ring
    ? { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }] }
    : EMPTY;
  setSourceData(map, SOURCES.gesture, data);
  addLayer(map, { id: 'gesture-fill', type: 'fill', source: SOURCES.gesture, paint: { 'fill-color': SELECTION_COLOR, 'fill-opacity': 0.15 } });
  addLayer(map, { id: 'gesture-line', type: 'line', source: SOURCES.gesture, paint: { 'line-color': '#a16207', 'line-width': 1.5, 'line-dasharray': [2, 2] } });
}

/** Import preview (#7): features of a file before anything is saved, coloured by validation status. */
export function addImportPreviewLayers(map: MlMap, data: FeatureCollection) {
  setSourceData(map, SOURCES.importPreview, data);
  const color: ExpressionSpecification = ['match', ['get', 'status'], 'error', '#dc2626', 'warning', '#d97706', '#2563eb'];
  addLayer(map, { id: 'import-preview-fill', type: 'fill', source: SOURCES.importPreview, paint: { 'fill-color': color, 'fill-opacity': 0.35 } });
  addLayer(map, { id: 'import-preview-line', type: 'line', source: SOURCES.importPreview, paint: { 'line-color': color, 'line-width': 2.5 } });
}

/** Red outline of overdue compounds (#5: late construction, or waiting in a township whose plan is overdue). */
export function addOverdueLayer(map: MlMap, ids: readonly string[]) {
  if (!map.getSource(SOURCES.compounds)) return;
  addLayer(map, {
    id: 'overdue-line', type: 'line', source: SOURCES.compounds, filter: ['boolean', false],
    paint: { 'line-color': '#dc2626', 'line-width': 3, 'line-dasharray': [2, 1] },
  });
  map.setFilter('overdue-line', ['in', ['get', 'id'], ['literal', [...ids]]]);
}

/**
 * Life-circle coverage of one facility type (#4): compounds outlined red where no facility of the type lies within its
 * radius (properties.covered false) and faintly green where one does; the radius around each facility as a halo.
 */
export function addCoverageLayers(map: MlMap, compounds: FeatureCollection = EMPTY, radius: FeatureCollection = EMPTY) {
  setSourceData(map, SOURCES.coverage, compounds);
  setSourceData(map, SOURCES.coverageRadius, radius);
  addLayer(map, {
    id: 'coverage-covered', type: 'line', source: SOURCES.coverage, filter: ['==', ['get', 'covered'], true],
    paint: { 'line-color': '#16a34a', 'line-width': 1.5, 'line-opacity': 0.45 },
  });
  addLayer(map, {
    id: 'coverage-gap', type: 'line', source: SOURCES.coverage, filter: ['==', ['get', 'covered'], false],
    paint: { 'line-color': '#dc2626', 'line-width': 3 },
  });
  addLayer(map, {
    id: 'coverage-radius-fill', type: 'fill', source: SOURCES.coverageRadius,
    paint: { 'fill-color': ['match', ['get', 'planned'], 1, '#0d9488', '#2563eb'], 'fill-opacity': 0.06 },
  });
  addLayer(map, {
    id: 'coverage-radius-line', type: 'line', source: SOURCES.coverageRadius,
    paint: { 'line-color': ['match', ['get', 'planned'], 1, '#0d9488', '#2563eb'], 'line-width': 1.5, 'line-dasharray': [4, 2] },
  });
}

/** Idle-land and idle-building candidates of the finder (#4); the focused one (feature-state focus) outlined strongly. */
export function addSiteCandidateLayers(map: MlMap, data: FeatureCollection = EMPTY) {
  setSourceData(map, SOURCES.siteCandidates, data, 'key');
  const color: ExpressionSpecification = ['match', ['get', 'kind'], 'idle_building', '#c2410c', '#ca8a04'];
  addLayer(map, {
    id: 'sites-candidates-fill', type: 'fill', source: SOURCES.siteCandidates,
    paint: { 'fill-color': color, 'fill-opacity': ['case', ['boolean', ['feature-state', 'focus'], false], 0.6, 0.35] },
  });
  addLayer(map, { id: 'sites-candidates-line', type: 'line', source: SOURCES.siteCandidates, paint: { 'line-color': color, 'line-width': 1.5 } });
  addLayer(map, {
    id: 'sites-candidates-focus', type: 'line', source: SOURCES.siteCandidates,
    paint: { 'line-color': '#111827', 'line-width': 3, 'line-opacity': ['case', ['boolean', ['feature-state', 'focus'], false], 1, 0] },
  });
}

/** Placed facility sites (facility_sites records, #4). */
export function addSiteLayers(map: MlMap, data: FeatureCollection = EMPTY) {
  setSourceData(map, SOURCES.sites, data, 'id');
  addLayer(map, { id: 'sites-fill', type: 'fill', source: SOURCES.sites, paint: { 'fill-color': '#0d9488', 'fill-opacity': 0.55 } });
  addLayer(map, { id: 'sites-line', type: 'line', source: SOURCES.sites, paint: { 'line-color': '#115e59', 'line-width': 2 } });
}
