// Division boundaries (街道/镇 and 社区 polygons): read by anyone, written by the office through the import wizard as one
// all-or-nothing batch (the server checks each boundary: pb_hooks/lib/boundaries.js).
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type PocketBase from 'pocketbase';
import { ClientResponseError } from 'pocketbase';
import { explain } from '../i18n/index.svelte';
import type { BoundaryOp } from '../import/plan-boundaries';
import { describeFailure, pb as appClient, type FailureBody, type TypedPocketBase } from './pb';
import type * as Schema from './schema.gen';

export type BoundaryRecord = Omit<Schema.DivisionBoundariesRecord, 'geometry'> & { geometry: Polygon | MultiPolygon };

export async function listBoundaries(client: PocketBase = appClient): Promise<BoundaryRecord[]> {
  const rows = await (client as TypedPocketBase).collection('division_boundaries').getFullList({ sort: 'code', requestKey: 'boundaries' });
  return rows as BoundaryRecord[];
}

/** The boundaries as map features: `level`, `code`, `name`, `is_demo` (the layer draws and names them). */
export function boundariesFC(rows: readonly BoundaryRecord[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: rows.map((b) => ({
      type: 'Feature', id: b.id, geometry: b.geometry, properties: { id: b.id, level: b.level, code: b.code, name: b.name, is_demo: b.is_demo },
    })),
  };
}

/** A refused boundary import: the server's reason, naming the feature it refused. */
export class BoundaryCommitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BoundaryCommitError';
  }
}

/**
 * Writes a boundary import as ONE batch — the removals first, then the new boundaries — so the server either accepts
 * every one or nothing changes; a refusal names the feature.
 * @example await commitBoundaryImport(pb, plan.ops)
 */
export async function commitBoundaryImport(client: PocketBase, ops: readonly BoundaryOp[]): Promise<void> {
  if (!ops.length) return;
  const ordered = [...ops.filter((o) => o.action === 'delete'), ...ops.filter((o) => o.action === 'create')];
  const batch = (client as TypedPocketBase).createBatch();
  for (const op of ordered) {
    if (op.action === 'delete') batch.collection('division_boundaries').delete(op.id);
    else batch.collection('division_boundaries').create(op.body);
  }
  try {
    await batch.send({ requestKey: null });
  } catch (err) {
    if (!(err instanceof ClientResponseError)) throw err;
    if (err.status === 0) throw new BoundaryCommitError(explain({ code: 'import_unreachable' }));
    const requests = (err.response?.data as { requests?: Record<string, { response?: FailureBody; message?: string }> } | undefined)?.requests;
    for (const [k, v] of Object.entries(requests ?? {})) {
      const op = ordered[Number(k)];
      if (!op || !v) continue;
      const detail = describeFailure(v.response ? err.status : 400, v.response ?? { message: v.message }).replace(/[.。\s]+$/, '');
      throw new BoundaryCommitError(explain({ code: 'import_refused', params: { what: explain(op.label), detail } }));
    }
    throw new BoundaryCommitError(explain({ code: 'import_failed', params: { detail: describeFailure(err.status, (err.response ?? {}) as FailureBody) } }));
  }
}

/** Writes a boundary import with the app's client (the wizard's commit). */
export const saveBoundaryImport = (ops: readonly BoundaryOp[]) => commitBoundaryImport(appClient, ops);
