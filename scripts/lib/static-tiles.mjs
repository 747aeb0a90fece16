// Static vector tiles for the publication: a layer's features cut into the {z}/{x}/{y} pyramid as Mapbox Vector Tiles
// by the server's own encoder (pb_hooks/lib/mvt.js, one file for PocketBase's VM and Node), with the fields the
// server's tile route serves (pb_hooks/lib/tiles.js LAYERS, public fields only). Only tiles that hold a feature are
// made; an index of the maxzoom tiles tells the map which exist (src/lib/map/published-tiles.ts), so a static host is
// never asked for an empty one.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HOOKS = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../pb_hooks/lib');

/** A CommonJS file of pb_hooks/lib as PocketBase's VM loads it (the package is ES modules, the hooks are not). */
function hookModule(file) {
  const mod = { exports: {} };
  new Function('module', 'exports', fs.readFileSync(path.join(HOOKS, file), 'utf8'))(mod, mod.exports);
  return mod.exports;
}

const MVT = hookModule('mvt.js');
/** The fields each tiled layer carries, as the server's tile route serves them. */
export const TILE_LAYERS = hookModule('tiles.js').LAYERS;
/**
 * Zooms of the published pyramid: MapLibre draws closer zooms from the maxzoom tiles; below the minzoom the map shows
 * compounds as dots (src/lib/map/tiled.ts COMPOUND_TILES_MINZOOM: keep them equal).
 */
export const STATIC_MINZOOM = 12;
export const STATIC_MAXZOOM = 16;
/** A feature goes into every tile its box touches, grown by this share of the tile's width (as the server's route). */
const BUFFER = 1 / 64;

/**
 * [west, south, east, north] of a Polygon or MultiPolygon, degrees; null without positions.
 * @example geometryBounds({type: 'Polygon', coordinates: [[[111, 37], [112, 37], [112, 38], [111, 37]]]}) // [111, 37, 112, 38]
 */
export function geometryBounds(geometry) {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c) => {
    if (typeof c[0] === 'number') {
      if (c[0] < b[0]) b[0] = c[0];
      if (c[1] < b[1]) b[1] = c[1];
      if (c[0] > b[2]) b[2] = c[0];
      if (c[1] > b[3]) b[3] = c[1];
    } else for (const x of c) walk(x);
  };
  if (geometry?.coordinates) walk(geometry.coordinates);
  return b[0] <= b[2] ? b : null;
}

/** Fractional tile x of a longitude and tile y of a latitude at zoom z (Web Mercator, y down). */
const tileX = (lon, z) => ((lon + 180) / 360) * 2 ** z;
function tileY(lat, z) {
  const s = Math.sin((Math.max(-85.05112878, Math.min(85.05112878, lat)) * Math.PI) / 180);
  return (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * 2 ** z;
}

/**
 * The tiles at zoom z a box touches, grown by `buffer` of a tile's width: [x0, y0, x1, y1], inclusive.
 * @example tileRange([111.7, 37.2, 111.8, 37.3], 10, 0) // [829, 397, 830, 397]
 */
export function tileRange(bounds, z, buffer = BUFFER) {
  const last = 2 ** z - 1;
  const clamp = (v) => Math.max(0, Math.min(last, v));
  return [
    clamp(Math.floor(tileX(bounds[0], z) - buffer)), clamp(Math.floor(tileY(bounds[3], z) - buffer)),
    clamp(Math.floor(tileX(bounds[2], z) + buffer)), clamp(Math.floor(tileY(bounds[1], z) + buffer)),
  ];
}

/**
 * A layer's features cut into static tiles: every tile from minzoom to maxzoom that holds a feature, as MVT bytes by
 * "z/x/y", and the layer's index (its maxzoom tiles as flat [x, y, …], the features' bounds, a version that changes
 * with any tile's bytes). Features without positions are left out and counted in `skipped`.
 * @param {string} layer the tile layer's name (the collection: `compounds`)
 * @param {{geometry: object, properties: object}[]} features WGS84 Polygon/MultiPolygon features
 * @returns {{tiles: Map<string, Buffer>, index: {layer: string, minzoom: number, maxzoom: number,
 *   bounds: number[], version: string, tiles: number[]}, skipped: number}}
 * @example cutStaticTiles('compounds', [{geometry, properties: {id: 'a', stage: 'demand'}}]).tiles.get('16/53110/25070')
 */
export function cutStaticTiles(layer, features, { minzoom = STATIC_MINZOOM, maxzoom = STATIC_MAXZOOM } = {}) {
  const buckets = new Map(); // "z/x/y" → feature indexes
  const all = [Infinity, Infinity, -Infinity, -Infinity];
  let skipped = 0;
  features.forEach((f, i) => {
    const b = geometryBounds(f.geometry);
    if (!b) {
      skipped++;
      return;
    }
    for (let k = 0; k < 4; k++) all[k] = k < 2 ? Math.min(all[k], b[k]) : Math.max(all[k], b[k]);
    for (let z = minzoom; z <= maxzoom; z++) {
      const [x0, y0, x1, y1] = tileRange(b, z);
      for (let x = x0; x <= x1; x++) {
        for (let y = y0; y <= y1; y++) {
          const key = `${z}/${x}/${y}`;
          if (!buckets.has(key)) buckets.set(key, []);
          buckets.get(key).push(i);
        }
      }
    }
  });
  const tiles = new Map();
  const top = [];
  const version = crypto.createHash('sha256');
  for (const key of [...buckets.keys()].sort()) {
    const [z, x, y] = key.split('/').map(Number);
    const bytes = Buffer.from(MVT.tileBytes(layer, buckets.get(key).map((i) => features[i]), z, x, y));
    tiles.set(key, bytes);
    version.update(key).update(bytes);
    if (z === maxzoom) top.push(x, y);
  }
  const bounds = all[0] <= all[2] ? all : [0, 0, 0, 0];
  return { tiles, index: { layer, minzoom, maxzoom, bounds, version: version.digest('hex').slice(0, 16), tiles: top }, skipped };
}

/** A record's tile properties: `id` and the layer's public fields (as the server's tile route writes them). */
export function tileProperties(layer, record) {
  const p = { id: record.id };
  for (const f of TILE_LAYERS[layer].fields) {
    const v = record[f];
    if (v === undefined || v === null) continue;
    p[f] = f === 'is_demo' ? !!v : v;
  }
  return p;
}
