// The records of a collection that point at one record (a compound's items, a zone's funding, a plan's entries …):
// one query shape, one place, with the caller's sort and request key (a newer request with the key cancels a stale one).
import type { RecordFullListOptions } from 'pocketbase';
import { pb } from './pb';
import type { CollectionName, CollectionRecords } from './schema.gen';

/**
 * @param field the relation field, e.g. 'compound'
 * @example listRelated('funding', 'zone', zoneId, { sort: 'date,source', requestKey: 'funding-of-zone' })
 */
export function listRelated<K extends CollectionName>(
  collection: K, field: string, id: string, options: RecordFullListOptions & { requestKey: string },
): Promise<CollectionRecords[K][]> {
  return pb.collection(collection).getFullList({ ...options, filter: pb.filter(`${field} = {:id}`, { id }) });
}
