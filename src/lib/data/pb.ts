// The one PocketBase client of the SPA. Only src/lib/data talks to the server, and every failure goes through
// describeError(): aborted requests (a newer request with the same requestKey replaced them) are not errors.
import PocketBase, { ClientResponseError, type RecordService } from 'pocketbase';
import type { CollectionName, CollectionRecords } from './schema.gen';

/**
 * The SDK client typed by the migrated schema: `pb.collection('design_zones')` returns design-zone records, and a
 * collection that does not exist is a compile error.
 */
export interface TypedPocketBase extends PocketBase {
  collection<K extends CollectionName>(idOrName: K): RecordService<CollectionRecords[K]>;
}

export const pb = new PocketBase(typeof window === 'undefined' ? 'http://127.0.0.1:8090' : window.location.origin) as TypedPocketBase;

/** True when a request was cancelled on purpose (autocancel by requestKey, or page navigation). */
export function isAbort(err: unknown): boolean {
  return err instanceof ClientResponseError ? err.isAbort : (err as { name?: string })?.name === 'AbortError';
}

/** True when the server refused a request for coming too often (HTTP 429, PocketBase's rate limits). */
export function isRateLimited(err: unknown): boolean {
  return err instanceof ClientResponseError && err.status === 429;
}

/**
 * One message for one failure: the server's message and the first field error it names (PocketBase answers
 * `{message, data: {field: {code, message}}}`), so the UI can say which field is wrong.
 */
export function describeError(err: unknown): string {
  if (isAbort(err)) return ''; // replaced by a newer request, not a failure
  if (err instanceof ClientResponseError) {
    if (err.status === 0) return '无法连接服务器 / cannot reach the server';
    const data = (err.response?.data ?? {}) as Record<string, { message?: string }>;
    const fields = Object.entries(data)
      .map(([field, v]) => `${field}: ${v?.message ?? ''}`)
      .join('; ');
    const message = err.response?.message || err.message;
    return fields ? `${message} (${fields})` : message;
  }
  return err instanceof Error ? err.message : String(err);
}
