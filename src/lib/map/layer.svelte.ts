// What every layer component does, written once: keep its layer group on the map while the component lives, and
// swap a feature-state flag (hover, open, focus) from one feature to the next.
import type { FeatureCollection } from 'geojson';
import { useMap, type MapContext, type StyledMap } from './context.svelte';
import { removeGroup, showGroup, showTiledGroup, type LayerGroup, type TileSource } from './layers';
import type { SourceId } from './zorder';

/**
 * Adds the group when the map's style is ready (again after a basemap switch), replaces its data when `data()`
 * changes, and takes it off the map when the calling component goes. Call during component initialisation.
 */
export function useLayerGroup(group: LayerGroup, data: () => FeatureCollection): MapContext {
  const ctx = useMap();
  $effect(() => {
    const styled = ctx.styled;
    const fc = data();
    if (styled) showGroup(styled.map, group, fc);
  });
  $effect(() => () => {
    const map = ctx.map;
    try {
      if (map) removeGroup(map, group);
    } catch {
      /* the map is being removed too */
    }
  });
  return ctx;
}

/**
 * As useLayerGroup, but drawn from vector tiles while `tiles()` gives a source (a layer above the size where one
 * GeoJSON would cost the browser seconds), from `data()` otherwise.
 */
export function useTiledLayerGroup(group: LayerGroup, data: () => FeatureCollection, tiles: () => TileSource | null): MapContext {
  const ctx = useMap();
  $effect(() => {
    const styled = ctx.styled;
    const t = tiles();
    const fc = t ? null : data();
    if (!styled) return;
    if (t) showTiledGroup(styled.map, group, t);
    else showGroup(styled.map, group, fc!);
  });
  $effect(() => () => {
    const map = ctx.map;
    try {
      if (map) removeGroup(map, group);
    } catch {
      /* the map is being removed too */
    }
  });
  return ctx;
}

/**
 * Keeps feature-state `key` true on the feature `id()` of `source` and false on the one it was on before. Runs after
 * the source exists (declare it after useLayerGroup); re-applied after a data change or a style swap. For a source of
 * vector tiles `sourceLayer()` names the tile layer (MapLibre keeps vector feature states per tile layer).
 */
export function useFeatureFlag(source: SourceId, key: string, id: () => string | number | null, data: () => unknown,
  sourceLayer: () => string | undefined = () => undefined) {
  const ctx = useMap();
  let last: { styled: StyledMap; id: string | number; sourceLayer: string | undefined } | null = null;
  $effect(() => {
    const styled = ctx.styled;
    const next = id();
    const layer = sourceLayer();
    data();
    if (!styled || !styled.map.getSource(source)) return;
    const { map } = styled;
    // After a style swap, or a switch between GeoJSON and tiles, the old feature states went with the old source.
    if (last && last.styled === styled && last.sourceLayer === layer && last.id !== next) {
      map.setFeatureState({ source, sourceLayer: layer, id: last.id }, { [key]: false });
    }
    if (next !== null) map.setFeatureState({ source, sourceLayer: layer, id: next }, { [key]: true });
    last = next === null ? null : { styled, id: next, sourceLayer: layer };
  });
}
