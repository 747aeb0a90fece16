// Facility sites (#4): the one write path for facility_sites. The server recomputes the permit verdict (permit_exempt,
// land_use_deferred, reasons) from the site's facts, so those are never sent; the saved record carries the server's.
import type { MultiPolygon, Point, Polygon } from 'geojson';
import { pb } from './pb';
import { watchCollection } from './realtime';
import type { BaseRecord } from './records';

export type SiteSource = 'idle_land' | 'idle_building' | 'new';
export type SiteStage = 'proposed' | 'planned' | 'construction' | 'built';

export interface SiteReasons {
  zh: string[];
  en: string[];
  rule?: string;
}

export interface SiteRecord extends BaseRecord {
  facility_type: string;
  name: string;
  zone: string;
  compound: string;
  geometry: Polygon | MultiPolygon | Point;
  area_m2: number;
  building_area_m2: number;
  source: SiteSource;
  source_feature: string;
  changes_land_rights: boolean;
  high_risk_work: boolean;
  permit_exempt: boolean;
  land_use_deferred: boolean;
  reasons: SiteReasons | null;
  households_covered: number;
  stage: SiteStage;
  is_demo: boolean;
  created_by: string;
}

export type NewSite = Pick<SiteRecord, 'facility_type' | 'name' | 'geometry' | 'area_m2' | 'building_area_m2' | 'source' |
  'changes_land_rights' | 'high_risk_work' | 'households_covered'> &
  Partial<Pick<SiteRecord, 'zone' | 'compound' | 'source_feature' | 'stage'>>;

export async function listSites(): Promise<SiteRecord[]> {
  return pb.collection('facility_sites').getFullList<SiteRecord>({ sort: 'created', requestKey: 'sites-all' });
}

/** Creates one site; the answer holds the server's permit verdict. */
export async function createSite(site: NewSite): Promise<SiteRecord> {
  return pb.collection('facility_sites').create<SiteRecord>({ stage: 'proposed', ...site });
}

export async function deleteSite(id: string): Promise<void> {
  await pb.collection('facility_sites').delete(id);
}

export type SiteChange = { action: 'create' | 'update' | 'delete'; record: SiteRecord };

export async function subscribeSites(onChange: (c: SiteChange) => void): Promise<() => Promise<void>> {
  return watchCollection<SiteRecord>('facility_sites', (e) => onChange({ action: e.action as SiteChange['action'], record: e.record }));
}
