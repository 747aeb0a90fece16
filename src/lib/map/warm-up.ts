// Warming up the layers a tiled map has not drawn yet. The first time a layer draws, the GPU driver builds its
// shader programs and pipeline state; on a software renderer or a slow phone that is hundreds of milliseconds, and
// on a tiled map (a province) it all falls into one frame — the first jump to the zoom where the tiles start, when the
// outlines, hatching, dashes and buildings all draw at once. While the map is idle, each such layer is drawn once on a
// few pixels hidden under the map's zoom buttons, a couple of layers at a time, so the cost is paid early, in small
// pieces, where nobody sees it.
import type { Polygon } from 'geojson';
import type { LayerSpecification, Map as MlMap } from 'maplibre-gl';

const SOURCE = 'src-warm-up';
const PREFIX = 'warm-up-';
/** Layers drawn per step (one step per idle map). */
const PER_STEP = 2;
const WARMED_TYPES = new Set(['fill', 'line', 'circle', 'fill-extrusion']);

/**
 * Layers that could not have drawn yet because their source only has tiles from a deeper zoom than the map's.
 * @example warmUpCandidates(map) // ['compounds-fill', 'compounds-line', …] on a province's map at zoom 8
 */
export function warmUpCandidates(map: MlMap, done: ReadonlySet<string> = new Set()): LayerSpecification[] {
  const zoom = map.getZoom();
  const out: LayerSpecification[] = [];
  // layer by layer rather than getStyle(), which serialises every source's data too: this runs at every idle
  for (const id of map.getLayersOrder()) {
    const layer = map.getLayer(id);
    if (!layer || done.has(id) || id.startsWith(PREFIX) || !WARMED_TYPES.has(layer.type) || !layer.source) continue;
    if (layer.getLayoutProperty('visibility') === 'none') continue;
    const source = map.getSource(layer.source) as { minzoom?: number } | undefined;
    if ((source?.minzoom ?? 0) > zoom) out.push(layer.serialize());
  }
  return out;
}

/** A square of `px` pixels under the zoom buttons, in lon/lat; null when the buttons are not shown. */
function hiddenSquare(map: MlMap, px = 3): Polygon | null {
  const buttons = map.getContainer().querySelector('.maplibregl-ctrl-group')?.getBoundingClientRect();
  const canvas = map.getCanvas().getBoundingClientRect();
  if (!buttons || buttons.width < 2 * px || buttons.height < 2 * px) return null;
  const x = buttons.left - canvas.left + buttons.width / 2 - px / 2;
  const y = buttons.top - canvas.top + buttons.height / 2 - px / 2;
  if (x < 0 || y < 0 || x + px > canvas.width || y + px > canvas.height) return null;
  const a = map.unproject([x, y]);
  const b = map.unproject([x + px, y + px]);
  // counter-clockwise (RFC 7946): screen y grows downwards, latitude upwards
  return { type: 'Polygon', coordinates: [[[a.lng, b.lat], [b.lng, b.lat], [b.lng, a.lat], [a.lng, a.lat], [a.lng, b.lat]]] };
}

/**
 * Whenever the map goes idle with layers of a tiled source it has not drawn (warmUpCandidates), draws copies of a
 * couple of them on a tiny square under the zoom buttons (same type and paint, so the same programs), removes them
 * at the next idle and goes on with the next ones. Returns a function that stops it and removes what it added.
 * @example const stop = warmUpLayers(map); // … map.remove() or stop()
 */
export function warmUpLayers(map: MlMap): () => void {
  const done = new Set<string>();
  let shown: string[] = [];
  const clear = () => {
    for (const id of shown) if (map.getLayer(id)) map.removeLayer(id);
    shown = [];
    if (map.getSource(SOURCE)) map.removeSource(SOURCE);
  };
  const step = () => {
    clear();
    const next = warmUpCandidates(map, done).slice(0, PER_STEP);
    if (!next.length) return;
    const square = hiddenSquare(map);
    if (!square) return;
    map.addSource(SOURCE, { type: 'geojson', data: { type: 'Feature', properties: {}, geometry: square } });
    for (const layer of next) {
      done.add(layer.id);
      // the layer's own type, paint and layout (its programs), not its zoom range, filter or source layer
      const copy = { ...layer, id: PREFIX + layer.id, source: SOURCE } as Record<string, unknown>;
      for (const key of ['minzoom', 'maxzoom', 'filter', 'source-layer']) delete copy[key];
      map.addLayer(copy as unknown as LayerSpecification);
      shown.push(PREFIX + layer.id);
    }
  };
  map.on('idle', step);
  return () => {
    map.off('idle', step);
    if (map.style) clear();
  };
}
