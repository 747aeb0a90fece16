// Import commit (#7): sends the planned record writes (lib/import/plan-records.ts) as ONE PocketBase batch request, so
// the server's hooks either accept every feature or the database stays as it was. Callable from Node with any client
// (integration tests); the wizard uses saveImport() with the app's client.
import type PocketBase from 'pocketbase';
import { ClientResponseError } from 'pocketbase';
import type { ImportContext, ImportOp } from '../import/plan-records';
import { pb as appClient, type TypedPocketBase } from './pb';

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
  constructor(
    message: string,
    readonly opIndex: number | null,
    readonly op: ImportOp | null,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ImportCommitError';
  }
}

type FieldErrors = Record<string, { code?: string; message?: string }>;

/**
 * Turn a failed batch into one message naming the feature: PocketBase answers a batch failure with
 * `data.requests[i].response` (or `data.requests.i`) holding the failing request's own `{message, data: {field: …}}`.
 */
export function describeCommitError(err: unknown, ops: ImportOp[]): ImportCommitError {
  if (!(err instanceof ClientResponseError) && !(err as { response?: unknown })?.response) {
    return new ImportCommitError(err instanceof Error ? err.message : String(err), null, null, 0);
  }
  const e = err as ClientResponseError;
  if (e.status === 0) return new ImportCommitError('无法连接服务器，未写入任何数据 / cannot reach the server; nothing was written', null, null, 0);
  const data = (e.response?.data ?? {}) as { requests?: Record<string, { code?: string; message?: string; response?: { message?: string; data?: FieldErrors } }> | unknown[] } & FieldErrors;
  const requests = data.requests as Record<string, { response?: { message?: string; data?: FieldErrors }; message?: string }> | undefined;
  if (requests && typeof requests === 'object') {
    for (const [k, v] of Object.entries(requests)) {
      const i = Number(k);
      if (!Number.isInteger(i) || !v) continue;
      const resp = v.response ?? {};
      const fields = Object.entries(resp.data ?? {}).map(([f, fe]) => `${f}: ${fe?.message ?? fe?.code ?? ''}`).join('；');
      const detail = (fields || resp.message || v.message || '').replace(/[.。\s]+$/, '');
      const op = ops[i] ?? null;
      const what = op ? op.label : `第 ${i + 1} 项`;
      return new ImportCommitError(`服务器拒绝了 ${what}：${detail}。未写入任何数据。`, i, op, e.status);
    }
  }
  const fields = Object.entries(data).filter(([k]) => k !== 'requests').map(([f, fe]) => `${f}: ${(fe as { message?: string })?.message ?? ''}`).join('；');
  return new ImportCommitError(`${e.response?.message || e.message}${fields ? `（${fields}）` : ''}。未写入任何数据。`, null, null, e.status);
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
    throw new ImportCommitError(
      `一次导入最多 ${maxRequests} 条记录，本次 ${ops.length} 条；请分文件导入。未写入任何数据。 / At most ${maxRequests} records per import (this one has ${ops.length}); split the file. Nothing was written.`,
      null, null, 0,
    );
  }
  const batch = pb.createBatch();
  for (const op of ops) {
    if (op.action === 'create') batch.collection(op.collection).create(op.body);
    else batch.collection(op.collection).update(op.id, op.body);
  }
  try {
    const results = await batch.send({ requestKey: null });
    return results.map((r, i) => (r.body as { id?: string })?.id ?? ops[i].id);
  } catch (err) {
    throw describeCommitError(err, ops);
  }
}

/** Writes an import with the app's client (the wizard's commit). */
export function saveImport(ops: ImportOp[]): Promise<string[]> {
  return commitImport(appClient, ops);
}
