// Vector tiles of the heavy layers: the URL template MapLibre fetches them from — the live instance's route
// (pb_hooks/tiles.pb.js), or the static publication's files (scripts/lib/static-tiles.mjs) with their index.
import { pb } from './pb';
import { publication } from './publication';

/**
 * Absolute {z}/{x}/{y} URL template of a tiled layer; `version` (any number that changes with the layer's data) makes
 * the map fetch its tiles again after a change.
 * @example tileUrl('buildings', 3) // 'https://host/api/fy/tiles/buildings/{z}/{x}/{y}?v=3'
 */
export function tileUrl(layer: 'compounds' | 'buildings', version: number): string {
  const base = new URL(pb.buildURL('/api/fy/tiles/'), globalThis.location?.href ?? 'http://localhost/').href;
  return `${base}${layer}/{z}/{x}/{y}?v=${version}`;
}

/**
 * The index of a published tile layer (`data/tiles/LAYER/index.json`): the tiles at `maxzoom` that were written, as
 * flat [x0, y0, x1, y1, …], and a version that changes with any tile's content. A tile from `minzoom` up exists when
 * one of its `maxzoom` descendants does; every other tile of the pyramid is empty and is not published.
 */
export interface PublishedTileIndex {
  layer: string;
  minzoom: number;
  maxzoom: number;
  /** [west, south, east, north] of every feature, degrees. */
  bounds: [number, number, number, number];
  version: string;
  tiles: number[];
}

/**
 * Which tiles of a published layer exist, from its index: `has(z, x, y)` for any zoom up to the index's maxzoom.
 * @example tilePresence({minzoom: 0, maxzoom: 2, tiles: [3, 1]}).has(1, 1, 0) // true: tile 2/3/1 lies in 1/1/0
 */
export function tilePresence(index: Pick<PublishedTileIndex, 'minzoom' | 'maxzoom' | 'tiles'>): { has(z: number, x: number, y: number): boolean } {
  const levels: Set<number>[] = [];
  for (let z = 0; z <= index.maxzoom; z++) levels.push(new Set());
  for (let i = 0; i + 1 < index.tiles.length; i += 2) {
    const x = index.tiles[i], y = index.tiles[i + 1];
    for (let z = index.maxzoom; z >= 0; z--) {
      const shift = index.maxzoom - z;
      levels[z].add(Math.floor(x / 2 ** shift) * 2 ** z + Math.floor(y / 2 ** shift));
    }
  }
  return {
    has: (z, x, y) => Number.isInteger(z) && z >= index.minzoom && z <= index.maxzoom && x >= 0 && y >= 0 && x < 2 ** z && y < 2 ** z &&
      levels[z].has(x * 2 ** z + y),
  };
}

/** The published index of a tiled layer (fetched once per page). */
const indexes = new Map<string, Promise<PublishedTileIndex>>();
export function publishedTileIndex(layer: 'compounds'): Promise<PublishedTileIndex> {
  let p = indexes.get(layer);
  if (!p) {
    p = fetch(`${publication!.dataPath}tiles/${layer}/index.json`).then(async (res) => {
      if (!res.ok) throw Object.assign(new Error(`${res.status} tiles/${layer}/index.json`), { status: res.status });
      return res.json() as Promise<PublishedTileIndex>;
    });
    p.catch(() => indexes.delete(layer));
    indexes.set(layer, p);
  }
  return p;
}

/** Absolute URL of one published tile file. */
export const publishedTileFile = (layer: string, z: number, x: number, y: number, version: string) =>
  new URL(`${publication!.dataPath}tiles/${layer}/${z}/${x}/${y}.pbf?v=${encodeURIComponent(version)}`, globalThis.location?.href ?? 'http://localhost/').href;
