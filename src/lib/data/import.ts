// Import commit (#7): sends the planned record writes (lib/import/plan-records.ts) as ONE PocketBase batch request, so
// the server's hooks either accept every feature or the database stays as it was. Callable from Node with any client
// (integration tests); the wizard uses saveImport() with the app's client.
import type PocketBase from 'pocketbase';
import { ClientResponseError } from 'pocketbase';
import type { ImportContext, ImportOp } from '../import/plan-records';
import { explain } from '../i18n/index.svelte';
import type { Reason } from '../types';
import { describeFailure, pb as appClient, type FailureBody, type TypedPocketBase } from './pb';
import PRIVATE from '../../../pb_hooks/lib/compound-private.json';

/** Load what an import matches against. */
export async function loadImportContext(client: PocketBase): Promise<ImportContext> {
  const pb = client as TypedPocketBase;
  const [compounds, townships, communities] = await Promise.all([
    pb.collection('compounds').getFullList({ batch: 1000, requestKey: 'import-compounds' }),
    pb.collection('townships').getFullList({ sort: 'code', requestKey: 'import-townships' }),
    pb.collection('communities').getFullList({ sort: 'code', requestKey: 'import-communities' }),
  ]);
  return {
    compounds: compounds as unknown as ImportContext['compounds'],
    townships: townships.map((r) => ({ id: r.id, code: r.code, name: r.name })),
    communities: communities.map((r) => ({ id: r.id, code: r.code, name: r.name, township: r.township })),
  };
}

/** The server's batch limit (settings.batch.maxRequests in pb_migrations/1732600000_core_collections.js). */
export const MAX_BATCH_REQUESTS = 5000;

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
 * Write an import all or nothing: every op goes into one batch request (one SQLite transaction on the server). When the
 * server refuses any op (rules, geometry hook, unique code) nothing is written and an {@link ImportCommitError} names
 * the feature. Buildings must come after the compounds they point at (the order of `ops` is kept).
 * @returns the ids written, in op order
 * @example await commitImport(pb, summary.ops)
 */
export async function commitImport(pb: PocketBase, ops: ImportOp[], maxRequests = MAX_BATCH_REQUESTS): Promise<string[]> {
  if (!ops.length) return [];
  // Splitting would break all-or-nothing, so an import larger than one batch is refused up front.
  if (ops.length > maxRequests) {
    throw new ImportCommitError({ code: 'import_too_large', params: { max: maxRequests, n: ops.length } }, null, null, 0);
  }
  // A compound's staff-only facts (original owner, management, consent …) live in compound_private, one record per
  // compound with the compound's id: they go into the same batch as an upsert right after their compound.
  const batch = pb.createBatch();
  const opIndexOfRequest: number[] = [];
  const requestOf: number[] = [];
  for (const [opIndex, op] of ops.entries()) {
    let body = op.body;
    let facts: Record<string, unknown> | null = null;
    if (op.collection === 'compounds') {
      body = {};
      for (const [k, v] of Object.entries(op.body)) {
        if ((PRIVATE.fields as string[]).includes(k)) (facts ??= {})[k] = v;
        else body[k] = v;
      }
    }
    requestOf.push(opIndexOfRequest.length);
    opIndexOfRequest.push(opIndex);
    if (op.action === 'create') batch.collection(op.collection).create(body);
    else batch.collection(op.collection).update(op.id, body);
    if (facts) {
      batch.collection(PRIVATE.collection).upsert({ ...facts, id: op.id, compound: op.id });
      opIndexOfRequest.push(opIndex);
    }
  }
  if (opIndexOfRequest.length > maxRequests) {
    throw new ImportCommitError({ code: 'import_too_large_with_facts', params: { max: maxRequests, n: opIndexOfRequest.length } }, null, null, 0);
  }
  try {
    const results = await batch.send({ requestKey: null });
    return ops.map((op, i) => (results[requestOf[i]]?.body as { id?: string })?.id ?? op.id);
  } catch (err) {
    throw describeCommitError(err, ops, opIndexOfRequest);
  }
}

/** Writes an import with the app's client (the wizard's commit). */
export function saveImport(ops: ImportOp[]): Promise<string[]> {
  return commitImport(appClient, ops);
}
