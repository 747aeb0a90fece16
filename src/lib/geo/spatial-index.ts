// One cached spatial index per feature collection: a flatbush over the features' lon/lat boxes, built on first use
// and kept with the collection object (collections are replaced, never mutated, so the object is the cache key; a
// changed feature count rebuilds it anyway). Idle land, zone members and any other "what lies near here" ask it.
import Flatbush from 'flatbush';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { geometryBBox } from './bbox';

interface FeatureIndex {
  index: Flatbush | null;
  /** index item → feature position (features without a finite geometry are left out) */
  positions: number[];
  count: number;
}

const cache = new WeakMap<object, FeatureIndex>();

function indexOf(fc: FeatureCollection): FeatureIndex {
  const cached = cache.get(fc);
  if (cached && cached.count === fc.features.length) return cached;
  const boxes: number[][] = [];
  const positions: number[] = [];
  fc.features.forEach((f, i) => {
    const b = geometryBBox(f?.geometry);
    if (b) {
      boxes.push(b);
      positions.push(i);
    }
  });
  let index: Flatbush | null = null;
  if (boxes.length) {
    index = new Flatbush(boxes.length);
    for (const b of boxes) index.add(b[0], b[1], b[2], b[3]);
    index.finish();
  }
  const built = { index, positions, count: fc.features.length };
  cache.set(fc, built);
  return built;
}

/**
 * Positions (ascending) of the features whose box meets `box` [minLon, minLat, maxLon, maxLat].
 * @example positionsNear(compounds, [111.77, 37.25, 111.79, 37.27]) // [3, 17, 18]
 */
export function positionsNear(fc: FeatureCollection<Geometry | null> | undefined, box: readonly number[]): number[] {
  if (!fc || fc.features.length === 0) return [];
  const { index, positions } = indexOf(fc as FeatureCollection);
  if (!index) return [];
  return index.search(box[0], box[1], box[2], box[3]).map((k) => positions[k]).sort((a, b) => a - b);
}

/**
 * The features (in collection order) whose box meets `box`.
 * @example featuresNear(buildings, grownAreaBox)
 */
export function featuresNear<G extends Geometry | null>(fc: FeatureCollection<G> | undefined, box: readonly number[]): Feature<G>[] {
  if (!fc) return [];
  return positionsNear(fc as FeatureCollection<Geometry | null>, box).map((i) => fc.features[i]);
}
