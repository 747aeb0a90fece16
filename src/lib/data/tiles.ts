// Vector tiles of the heavy layers (pb_hooks/tiles.pb.js): the URL template MapLibre fetches them from.
import { pb } from './pb';

/**
 * Absolute {z}/{x}/{y} URL template of a tiled layer; `version` (any number that changes with the layer's data) makes
 * the map fetch its tiles again after a change.
 * @example tileUrl('buildings', 3) // 'https://host/api/fy/tiles/buildings/{z}/{x}/{y}?v=3'
 */
export function tileUrl(layer: 'compounds' | 'buildings', version: number): string {
  const base = new URL(pb.buildURL('/api/fy/tiles/'), globalThis.location?.href ?? 'http://localhost/').href;
  return `${base}${layer}/{z}/{x}/{y}?v=${version}`;
}
