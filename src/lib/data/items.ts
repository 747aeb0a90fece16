// Renovation items per compound or zone (#5, policy §三(二)).
import { pb } from './pb';
import type { ItemRecord } from './records';
import { listRelated } from './related';

export const listItemsOf = (compoundId: string): Promise<ItemRecord[]> =>
  listRelated('renovation_items', 'compound', compoundId, { sort: 'class,item', requestKey: 'items-of-compound' });

/** Items of a design zone (the zone's own, not its member compounds'). */
export const listItemsOfZone = (zoneId: string): Promise<ItemRecord[]> =>
  listRelated('renovation_items', 'zone', zoneId, { sort: 'class,item', requestKey: 'items-of-zone' });

export async function listAllItems(): Promise<ItemRecord[]> {
  return pb.collection('renovation_items').getFullList({
    batch: 2000, fields: 'id,compound,zone,class,item,quantity,unit,estimate_yuan,status,done_date', requestKey: 'items-all',
  });
}

/** Ids of the compounds that have an item with this key (for the map's item filter). */
export async function compoundsWithItem(item: string): Promise<string[]> {
  const rows = await pb.collection('renovation_items').getFullList({
    filter: pb.filter('item = {:item} && compound != ""', { item }), fields: 'compound', requestKey: 'items-filter',
  });
  return [...new Set(rows.map((r) => r.compound))];
}

export async function createItem(body: Partial<ItemRecord>): Promise<ItemRecord> {
  return pb.collection('renovation_items').create(body);
}

export async function updateItem(id: string, body: Partial<ItemRecord> | FormData): Promise<ItemRecord> {
  return pb.collection('renovation_items').update(id, body);
}

export function itemPhotoUrl(record: ItemRecord, name: string, thumb?: string): string {
  return pb.files.getURL(record, name, thumb ? { thumb } : undefined);
}

export async function deleteItem(id: string): Promise<void> {
  await pb.collection('renovation_items').delete(id);
}
