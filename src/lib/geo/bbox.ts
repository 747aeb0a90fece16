// Bounding boxes, one way for the whole of lib/geo: of geometries (any type), of one geometry, of collections.
import type { FeatureCollection, Geometry } from 'geojson';

export type BBox = [number, number, number, number];

function grow(b: BBox, c: unknown): void {
  if (!Array.isArray(c)) return;
  if (typeof c[0] === 'number') {
    const x = c[0];
    const y = c[1] as number;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    if (x < b[0]) b[0] = x;
    if (y < b[1]) b[1] = y;
    if (x > b[2]) b[2] = x;
    if (y > b[3]) b[3] = y;
  } else for (const cc of c) grow(b, cc);
}

function growGeometry(b: BBox, g: Geometry | null | undefined): void {
  if (!g) return;
  if (g.type === 'GeometryCollection') for (const gg of g.geometries) growGeometry(b, gg);
  else grow(b, g.coordinates);
}

/**
 * Bounding box [minLon, minLat, maxLon, maxLat] (degrees) of any geometries; non-finite positions are ignored. Empty
 * input gives [Infinity, Infinity, -Infinity, -Infinity].
 * @example bboxOf([{type: 'Point', coordinates: [111.78, 37.26]}]) // → [111.78, 37.26, 111.78, 37.26]
 */
export function bboxOf(geoms: Iterable<Geometry | null | undefined>): BBox {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const g of geoms) growGeometry(b, g);
  return b;
}

/**
 * Bounding box of one geometry, or null when it has no finite position.
 * @example geometryBBox(compound.geometry) // [111.779, 37.259, 111.781, 37.261]
 */
export function geometryBBox(g: Geometry | null | undefined): BBox | null {
  const b = bboxOf([g]);
  return b[0] <= b[2] ? b : null;
}

/**
 * Bounding box of the features of several collections (e.g. for one shared frame over compounds and facilities).
 * @example affineFrameFor(collectionsBBox(compounds, facilities))
 */
export function collectionsBBox(...fcs: FeatureCollection[]): BBox {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const fc of fcs) for (const f of fc.features) growGeometry(b, f?.geometry);
  return b;
}
