// Design zones: the one write path for zones. Saves carry the version they were loaded with; the server refuses a
// stale one (409) and we surface it as StaleZoneError so the UI can reload instead of overwriting.
import { ClientResponseError } from 'pocketbase';
import type { MultiPolygon, Polygon } from 'geojson';
import { pb } from './pb';
import { watchCollection } from './realtime';
import type { ZoneRecord } from './records';

export type { ZoneRecord };

export type NewZone = Pick<ZoneRecord, 'name' | 'geometry' | 'members' | 'origin' | 'area_m2'> &
  Partial<Pick<ZoneRecord, 'tolerance_m' | 'min_cover_share' | 'partial' | 'notes' | 'parent'>>;

export class StaleZoneError extends Error {}

function rethrow(err: unknown): never {
  if (err instanceof ClientResponseError && err.status === 409) throw new StaleZoneError(err.response?.message || err.message);
  throw err;
}

export async function listZones(): Promise<ZoneRecord[]> {
  return pb.collection('design_zones').getFullList({ sort: 'name', requestKey: 'zones-all' });
}

/** Creates several zones in one all-or-nothing batch. */
export async function createZones(zones: NewZone[]): Promise<ZoneRecord[]> {
  const batch = pb.createBatch();
  for (const z of zones) batch.collection('design_zones').create({ status: 'active', ...z });
  const res = await batch.send();
  return res.map((r) => r.body as ZoneRecord);
}

export async function updateZone(zone: Pick<ZoneRecord, 'id' | 'version'>, patch: Partial<NewZone>): Promise<ZoneRecord> {
  return pb.collection('design_zones').update(zone.id, { ...patch, version: zone.version }).catch(rethrow);
}

export async function deleteZone(id: string): Promise<void> {
  await pb.collection('design_zones').delete(id);
}

/**
 * Splits a zone into parts in one batch: the zone keeps its record with status "split" (lineage), and each part with
 * two or more members becomes a new zone whose parent is it; single members return to being plain compounds.
 */
export async function splitZone(zone: ZoneRecord, parts: { name: string; members: string[]; geometry: Polygon | MultiPolygon; area_m2: number }[]): Promise<void> {
  const batch = pb.createBatch();
  batch.collection('design_zones').update(zone.id, { status: 'split', version: zone.version });
  for (const p of parts) {
    if (p.members.length < 2) continue;
    batch.collection('design_zones').create({
      ...p, origin: zone.origin, status: 'active', parent: zone.id, tolerance_m: zone.tolerance_m, min_cover_share: zone.min_cover_share,
    });
  }
  await batch.send().catch((err) => {
    const sub = (err as ClientResponseError).response?.data?.requests?.[0]?.response;
    if (sub?.status === 409) throw new StaleZoneError(sub.message);
    throw err;
  });
}

export type ZoneChange = { action: 'create' | 'update' | 'delete'; record: ZoneRecord };

export async function subscribeZones(onChange: (c: ZoneChange) => void): Promise<() => Promise<void>> {
  return watchCollection('design_zones', (e) => onChange({ action: e.action as ZoneChange['action'], record: e.record }));
}
