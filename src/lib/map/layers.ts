// Thematic layers: each function adds its source once and its layers in zorder, or replaces the source's data.
// Layer ids, order and paint live here and in zorder.ts/palette.ts only.
import type { ExpressionSpecification, FilterSpecification, GeoJSONSource, LayerSpecification, Map as MlMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { STAGES } from '../types';
import { STAGE_COLORS, SELECTION_COLOR } from './palette';
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
