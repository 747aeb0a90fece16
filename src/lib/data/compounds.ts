// Compounds: the whole layer in one request (pb_hooks/layer-cache.pb.js: a cached GeoJSON built by SQLite, so 7,701
// compounds arrive in one response rather than eight pages) and realtime updates for single changes.
import type { Feature, FeatureCollection } from 'geojson';
import type { AreaGeometry } from '../types';
import { pb } from './pb';
import { watchCollection } from './realtime';
import type { BuildingRecord, CompoundRecord } from './records';
import { listRelated } from './related';

export type CompoundProps = Omit<CompoundRecord, 'geometry'>;
export type CompoundFC = FeatureCollection<AreaGeometry, CompoundProps>;

/** A whole-layer response back into records (properties are the record's fields; geometry rejoins them). */
function layerRecords<T>(fc: { features: Feature[] }): T[] {
  return fc.features.map((f) => ({ ...(f.properties as object), geometry: f.geometry }) as T);
}

/** A server without the layer route (404) falls back to paged listing. */
async function fetchLayer<T>(name: 'compounds' | 'buildings', fallback: () => Promise<T[]>): Promise<T[]> {
  try {
    const fc = await pb.send<FeatureCollection>(`/api/fy/${name}.geojson`, { requestKey: `${name}-all` });
    return layerRecords<T>(fc);
  } catch (err) {
    if ((err as { status?: number }).status === 404) return fallback();
    throw err;
  }
}

/** Every compound, sorted by code, in one request. */
export async function listCompounds(): Promise<CompoundRecord[]> {
  return fetchLayer<CompoundRecord>('compounds', () =>
    pb.collection('compounds').getFullList({ batch: 1000, sort: 'code', requestKey: 'compounds-all' }));
}

export function toFeatureCollection(records: CompoundRecord[]): CompoundFC {
  return {
    type: 'FeatureCollection',
    features: records.map(({ geometry, ...props }) => ({ type: 'Feature', id: props.id, geometry, properties: props })),
  };
}

export async function getCompound(id: string): Promise<CompoundRecord> {
  return pb.collection('compounds').getOne(id, { requestKey: `compound-${id}` });
}

export const listBuildingsOf = (compoundId: string): Promise<BuildingRecord[]> =>
  listRelated('buildings', 'compound', compoundId, { sort: 'name', requestKey: 'buildings-of-compound' });

/** Every building, in one request. */
export async function listAllBuildings(): Promise<BuildingRecord[]> {
  return fetchLayer<BuildingRecord>('buildings', () =>
    pb.collection('buildings').getFullList({ batch: 2000, requestKey: 'buildings-all' }));
}

export type CompoundChange = { action: 'create' | 'update' | 'delete'; record: CompoundRecord };

/** Live changes to compounds; returns the unsubscribe function. */
export async function subscribeCompounds(onChange: (change: CompoundChange) => void): Promise<() => Promise<void>> {
  return watchCollection('compounds', (e) => onChange({ action: e.action as CompoundChange['action'], record: e.record }));
}
