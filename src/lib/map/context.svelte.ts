// The one MapLibre map, held in a rune class and shared by Svelte context.
import { getContext, setContext } from 'svelte';
import type { Map as MlMap } from 'maplibre-gl';

const KEY = Symbol('map');

export class MapContext {
  map = $state.raw<MlMap | null>(null);
  /** Bumped when the style is replaced (basemap switch) so layer effects re-add their layers. */
  styleVersion = $state(0);
  ready = $state(false);
}

export function provideMap(ctx = new MapContext()): MapContext {
  setContext(KEY, ctx);
  return ctx;
}

export function useMap(): MapContext {
  return getContext<MapContext>(KEY);
}
