// The one MapLibre map, held in a rune class and shared by Svelte context.
import { getContext, setContext } from 'svelte';
import type { Map as MlMap } from 'maplibre-gl';

const KEY = Symbol('map');

/** The map with its style loaded; a new value after each style swap (basemap switch), when sources must be re-added. */
export interface StyledMap {
  map: MlMap;
  version: number;
}

export class MapContext {
  map = $state.raw<MlMap | null>(null);
  /** Bumped when the style is replaced (basemap switch). */
  styleVersion = $state(0);
  ready = $state(false);
  /** What layer components wait for: null until the map is ready. */
  styled = $derived<StyledMap | null>(this.map && this.ready ? { map: this.map, version: this.styleVersion } : null);
}

export function provideMap(ctx = new MapContext()): MapContext {
  setContext(KEY, ctx);
  return ctx;
}

export function useMap(): MapContext {
  return getContext<MapContext>(KEY);
}
