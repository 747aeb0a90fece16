// Facility sites (#4): the one write path for facility_sites. The server recomputes the permit verdict (permit_exempt,
// land_use_deferred, reasons) from the site's facts, so those are never sent; the saved record carries the server's.
import { pb } from './pb';
import { watchCollection } from './realtime';
import type { SiteRecord } from './records';

export type { SiteRecord };
export type SiteSource = SiteRecord['source'];
export type SiteStage = SiteRecord['stage'];

export type NewSite = Pick<SiteRecord, 'facility_type' | 'name' | 'geometry' | 'area_m2' | 'building_area_m2' | 'source' |
  'changes_land_rights' | 'high_risk_work' | 'households_covered'> &
  Partial<Pick<SiteRecord, 'zone' | 'compound' | 'source_feature' | 'stage'>>;

export async function listSites(): Promise<SiteRecord[]> {
  return pb.collection('facility_sites').getFullList({ sort: 'created', requestKey: 'sites-all' });
}

/** Creates one site; the answer holds the server's permit verdict. */
export async function createSite(site: NewSite): Promise<SiteRecord> {
  return pb.collection('facility_sites').create({ stage: 'proposed', ...site });
}

export async function deleteSite(id: string): Promise<void> {
  await pb.collection('facility_sites').delete(id);
}

export type SiteChange = { action: 'create' | 'update' | 'delete'; record: SiteRecord };

export async function subscribeSites(onChange: (c: SiteChange) => void): Promise<() => Promise<void>> {
  return watchCollection('facility_sites', (e) => onChange({ action: e.action as SiteChange['action'], record: e.record }));
}
