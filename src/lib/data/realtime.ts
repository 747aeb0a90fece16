// Every realtime subscription goes through here, so that signing in or out re-subscribes them under the new identity:
// PocketBase binds a realtime connection to the auth of its first subscription and refuses later ones made with
// another account (403), which would otherwise leave the page silently without live updates.
import type { RecordModel, RecordSubscription } from 'pocketbase';
import { pb } from './pb';
import type { CollectionName, CollectionRecords } from './schema.gen';

interface Watch {
  collection: CollectionName;
  onEvent: (e: RecordSubscription<RecordModel>) => void;
  unsubscribe: (() => Promise<void>) | null;
}
const watches = new Set<Watch>();

/** Subscribes to every change of a collection; returns the function that ends it. */
export async function watchCollection<K extends CollectionName>(
  collection: K, onEvent: (e: RecordSubscription<CollectionRecords[K]>) => void,
): Promise<() => Promise<void>> {
  const w: Watch = { collection, onEvent: onEvent as unknown as Watch['onEvent'], unsubscribe: null };
  watches.add(w);
  w.unsubscribe = await pb.collection(collection).subscribe('*', w.onEvent);
  return async () => {
    watches.delete(w);
    await w.unsubscribe?.();
  };
}

let identity = pb.authStore.record?.id ?? '';
pb.authStore.onChange(async () => {
  const next = pb.authStore.record?.id ?? '';
  if (next === identity) return; // a token refresh of the same account keeps its connection
  identity = next;
  if (watches.size === 0) return;
  await pb.realtime.unsubscribe().catch(() => {});
  for (const w of watches) {
    w.unsubscribe = await pb.collection(w.collection).subscribe('*', w.onEvent).catch(() => null);
  }
});
