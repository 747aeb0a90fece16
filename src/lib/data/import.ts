// Import commit: sends the planned record writes (lib/import/plan-records.ts) to the bulk-load route in ONE request and
// transaction, so the server's rules either accept every feature or the database stays as it was. Callable from Node with any client
// (integration tests); the wizard uses saveImport() with the app's client.
import type PocketBase from 'pocketbase';
import { ClientResponseError } from 'pocketbase';
import type { ImportContext, ImportOp } from '../import/plan-records';
import { explain } from '../i18n/index.svelte';
import type { Reason } from '../types';
import { fetchLayer } from './compounds';
import { describeFailure, pb as appClient, type FailureBody, type TypedPocketBase } from './pb';

/**
 * Load what an import matches against. The compounds come as the map gets them — the whole layer in one cached response,
 * staff facts joined for staff — rather than through the records API, which at province scale spends seconds adding
 * each compound's facts one record at a time.
 */
export async function loadImportContext(client: PocketBase): Promise<ImportContext> {
  const pb = client as TypedPocketBase;
  const [compounds, townships, communities] = await Promise.all([
    fetchLayer('compounds', () => pb.collection('compounds').getFullList({ batch: 1000, requestKey: 'import-compounds' }), pb, 'import-compounds'),
    pb.collection('townships').getFullList({ sort: 'code', requestKey: 'import-townships' }),
    pb.collection('communities').getFullList({ sort: 'code', requestKey: 'import-communities' }),
  ]);
  return {
    compounds: compounds as unknown as ImportContext['compounds'],
    townships: townships.map((r) => ({ id: r.id, code: r.code, name: r.name })),
    communities: communities.map((r) => ({ id: r.id, code: r.code, name: r.name, township: r.township })),
  };
}

/** Most records in one import: the bulk-load route's limit (MAX_ITEMS in pb_hooks/lib/bulk.js). */
export const MAX_IMPORT_ITEMS = 100000;

/** Why a commit failed: the server's message and, when the batch names it, the feature it refused. */
export class ImportCommitError extends Error {
  /**
   * @param reason why, as a code the UI words (the message is that wording, in the language of the moment)
   */
  constructor(
    readonly reason: Reason,
    readonly opIndex: number | null,
    readonly op: ImportOp | null,
    readonly status: number,
  ) {
    super(explain(reason));
    this.name = 'ImportCommitError';
  }
}

type BatchFailure = Record<string, { message?: string; response?: FailureBody }>;

/**
 * Turn a failed batch into one message naming the feature: PocketBase answers a batch failure with
 * `data.requests[i].response` (or `data.requests.i`) holding the failing request's own `{message, data: {field: …}}`.
 */
export function describeCommitError(err: unknown, ops: ImportOp[], opIndexOfRequest?: number[]): ImportCommitError {
  if (!(err instanceof ClientResponseError) && !(err as { response?: unknown })?.response) {
    return new ImportCommitError({ code: 'import_failed', params: { detail: err instanceof Error ? err.message : String(err) } }, null, null, 0);
  }
  const e = err as ClientResponseError;
  if (e.status === 0) return new ImportCommitError({ code: 'import_unreachable' }, null, null, 0);
  const trim = (s: string) => s.replace(/[.。\s]+$/, '');
  const requests = (e.response?.data as { requests?: BatchFailure } | undefined)?.requests;
  if (requests && typeof requests === 'object') {
    for (const [k, v] of Object.entries(requests)) {
      const i = Number(k);
      if (!Number.isInteger(i) || !v) continue;
      const detail = trim(describeFailure(v.response ? e.status : 400, v.response ?? { message: v.message }));
      const opIndex = opIndexOfRequest ? (opIndexOfRequest[i] ?? i) : i;
      const op = ops[opIndex] ?? null;
      const what = explain(op ? op.label : { code: 'import_refused_item', params: { n: i + 1 } });
      return new ImportCommitError({ code: 'import_refused', params: { what, detail } }, opIndex, op, e.status);
    }
  }
  return new ImportCommitError({ code: 'import_failed', params: { detail: trim(describeFailure(e.status, (e.response ?? {}) as FailureBody)) } }, null, null, e.status);
}

/**
 * Write an import all or nothing: every op goes to the bulk-load route (pb_hooks/bulk.pb.js), which writes them in one
 * SQLite transaction with the same rules as single writes (values, geometry validity, staff-only facts moved into
 * compound_private, audit rows). When the server refuses any op nothing is written and an {@link ImportCommitError}
 * names the feature. Buildings must come after the compounds they point at (the order of `ops` is kept).
 * @returns the ids written, in op order
 * @example await commitImport(pb, summary.ops)
 */
export async function commitImport(pb: PocketBase, ops: ImportOp[], maxItems = MAX_IMPORT_ITEMS): Promise<string[]> {
  if (!ops.length) return [];
  if (ops.length > maxItems) {
    throw new ImportCommitError({ code: 'import_too_large', params: { max: maxItems, n: ops.length } }, null, null, 0);
  }
  const operations = ops.map((op) => ({ collection: op.collection, action: op.action, id: op.id, body: op.body }));
  try {
    const res = await pb.send<{ ids: string[] }>('/api/fy/bulk', { method: 'POST', body: { operations }, requestKey: null });
    return ops.map((op, i) => res.ids[i] ?? op.id);
  } catch (err) {
    throw describeCommitError(err, ops);
  }
}

/** Writes an import with the app's client (the wizard's commit). */
export function saveImport(ops: ImportOp[]): Promise<string[]> {
  return commitImport(appClient, ops);
}
