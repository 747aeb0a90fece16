import type { Geometry } from 'geojson';

export type BBox = [number, number, number, number];

/**
 * Bounding box [minLon, minLat, maxLon, maxLat] (degrees) of any geometries.
 * @example bboxOf([{type: 'Point', coordinates: [111.78, 37.26]}]) // → [111.78, 37.26, 111.78, 37.26]
 */
export function bboxOf(geoms: Iterable<Geometry>): BBox {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as number[];
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    } else for (const cc of c as unknown[]) visit(cc);
  };
  for (const g of geoms) {
    if (g.type === 'GeometryCollection') for (const gg of g.geometries) visit((gg as { coordinates: unknown }).coordinates);
    else visit(g.coordinates);
  }
  return b;
}
