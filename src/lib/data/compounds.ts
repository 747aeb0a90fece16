// Compounds: the whole layer in one request (pb_hooks/layer-cache.pb.js: a cached GeoJSON built by SQLite, so 7,701
// compounds arrive in one response rather than eight pages) and realtime updates for single changes.
// A compound's staff-only facts (original owner, management, maintenance fund, consent and its date, implementing unit)
// are kept by the server in `compound_private` (one record per compound, same id), which only staff can read; for staff
// the server adds them to every compound it returns, so a CompoundRecord has one shape. They are written here.
import type { Feature, FeatureCollection } from 'geojson';
import type PocketBase from 'pocketbase';
import type { AreaGeometry } from '../types';
import { pb } from './pb';
import { watchCollection } from './realtime';
import type { BuildingRecord, CompoundFacts as Facts, CompoundRecord } from './records';
import { listRelated } from './related';
import PRIVATE from '../../../pb_hooks/lib/compound-private.json';

export type CompoundProps = Omit<CompoundRecord, 'geometry'>;
export type CompoundFC = FeatureCollection<AreaGeometry, CompoundProps>;

/** A whole-layer response back into records (properties are the record's fields; geometry rejoins them). */
function layerRecords<T>(fc: { features: Feature[] }): T[] {
  return fc.features.map((f) => ({ ...(f.properties as object), geometry: f.geometry }) as T);
}

/**
 * A whole layer as records through `client` (the app's own unless given; `requestKey` as the SDK's, so a second
 * caller with its own key does not cancel the map's request). A server without the layer route (404) falls back to
 * paged listing.
 */
export async function fetchLayer<T>(
  name: 'compounds' | 'buildings', fallback: () => Promise<T[]>, client: PocketBase = pb, requestKey = `${name}-all`,
): Promise<T[]> {
  try {
    const fc = await client.send<FeatureCollection>(`/api/fy/${name}.geojson`, { requestKey });
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

/**
 * Live changes to compounds; returns the unsubscribe function. A change of a compound's staff-only facts (seen only
 * by staff) arrives as an update of the compound, re-read with its facts.
 */
export async function subscribeCompounds(onChange: (change: CompoundChange) => void): Promise<() => Promise<void>> {
  const stopCompounds = await watchCollection('compounds', (e) => onChange({ action: e.action as CompoundChange['action'], record: e.record }));
  const stopFacts = await watchCollection(PRIVATE.collection as 'compound_private', (e) => {
    if (e.action === 'delete') return;
    getCompound(e.record.compound).then((record) => onChange({ action: 'update', record }), () => {});
  });
  return async () => {
    await Promise.all([stopCompounds(), stopFacts()]);
  };
}

export type CompoundFacts = Partial<Pick<Facts, 'property_owner' | 'management' | 'maintenance_fund' | 'consent_pct' | 'consent_date'>>;

/** Saves staff-only facts of a compound (office: any compound; township: its own), creating its record when needed. */
export async function saveCompoundFacts(compoundId: string, facts: CompoundFacts): Promise<void> {
  // An upsert exists only as a batch request: one request, created or updated in one step.
  const batch = pb.createBatch();
  batch.collection(PRIVATE.collection).upsert({ ...facts, id: compoundId, compound: compoundId });
  await batch.send();
}
