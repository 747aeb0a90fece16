// Compounds: one full fetch (the whole programme is small; province scale is handled in #8) and realtime updates.
import type { FeatureCollection } from 'geojson';
import type { AreaGeometry } from '../types';
import { pb } from './pb';
import type { BuildingRecord, CompoundRecord } from './records';

export type CompoundProps = Omit<CompoundRecord, 'geometry'>;
export type CompoundFC = FeatureCollection<AreaGeometry, CompoundProps>;

export async function listCompounds(): Promise<CompoundRecord[]> {
  return pb.collection('compounds').getFullList<CompoundRecord>({ batch: 1000, sort: 'code', requestKey: 'compounds-all' });
}

export function toFeatureCollection(records: CompoundRecord[]): CompoundFC {
  return {
    type: 'FeatureCollection',
    features: records.map(({ geometry, ...props }) => ({ type: 'Feature', id: props.id, geometry, properties: props })),
  };
}

export async function getCompound(id: string): Promise<CompoundRecord> {
  return pb.collection('compounds').getOne<CompoundRecord>(id, { requestKey: `compound-${id}` });
}

export async function listBuildingsOf(compoundId: string): Promise<BuildingRecord[]> {
  return pb.collection('buildings').getFullList<BuildingRecord>({
    filter: pb.filter('compound = {:id}', { id: compoundId }),
    sort: 'name',
    requestKey: 'buildings-of-compound',
  });
}

export async function listAllBuildings(): Promise<BuildingRecord[]> {
  return pb.collection('buildings').getFullList<BuildingRecord>({ batch: 2000, requestKey: 'buildings-all' });
}

export type CompoundChange = { action: 'create' | 'update' | 'delete'; record: CompoundRecord };

/** Live changes to compounds; returns the unsubscribe function. */
export async function subscribeCompounds(onChange: (change: CompoundChange) => void): Promise<() => Promise<void>> {
  return pb.collection('compounds').subscribe<CompoundRecord>('*', (e) => onChange({ action: e.action as CompoundChange['action'], record: e.record }));
}
