// Vector tiles of the static publication: plain files under data/tiles/LAYER/ that only exist where there are
// features. MapLibre asks for every tile in view; a tile the index says is empty is answered here with no bytes, so a
// static host never sees a request it would answer with 404 (which browsers log as errors).
import * as maplibregl from 'maplibre-gl';
import { publishedTileFile, publishedTileIndex, tilePresence } from '../data/tiles';
import type { TileSource } from './layers';

const PROTOCOL = 'fy-published';
const presence = new Map<string, ReturnType<typeof tilePresence>>();
let registered = false;

function register() {
  if (registered) return;
  registered = true;
  maplibregl.addProtocol(PROTOCOL, async (params, abort) => {
    // fy-published://LAYER/z/x/y?v=VERSION
    const m = /^fy-published:\/\/([a-z]+)\/(\d+)\/(\d+)\/(\d+)\?v=(.*)$/.exec(params.url);
    if (!m) throw new Error(`bad published tile address: ${params.url}`);
    const [layer, z, x, y, version] = [m[1], Number(m[2]), Number(m[3]), Number(m[4]), decodeURIComponent(m[5])];
    if (!presence.get(layer)?.has(z, x, y)) return { data: new ArrayBuffer(0) };
    const res = await fetch(publishedTileFile(layer, z, x, y, version), { signal: abort.signal });
    if (!res.ok) throw new Error(`${res.status} ${layer}/${z}/${x}/${y}`);
    return { data: await res.arrayBuffer() };
  });
}

/** The published tiles of `layer` as a map source (its index is fetched first). */
export async function publishedTileSource(layer: 'compounds'): Promise<TileSource> {
  const index = await publishedTileIndex(layer);
  presence.set(layer, tilePresence(index));
  register();
  return {
    url: `${PROTOCOL}://${layer}/{z}/{x}/{y}?v=${encodeURIComponent(index.version)}`,
    sourceLayer: index.layer, minzoom: index.minzoom, maxzoom: index.maxzoom, bounds: index.bounds,
  };
}
