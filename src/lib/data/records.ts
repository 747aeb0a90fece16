// Record shapes as the API returns them (PocketBase adds id, collectionId, collectionName, created, updated).
import type { Building, Community, Compound, ContextFeature, Role, Township } from '../types';

export interface BaseRecord {
  id: string;
  collectionId?: string;
  collectionName?: string;
  created?: string;
  updated?: string;
}

export type CompoundRecord = Compound & BaseRecord;
export type BuildingRecord = Building & BaseRecord & { name: string };
export type ContextRecord = ContextFeature & BaseRecord;
export type TownshipRecord = Township & BaseRecord;
export type CommunityRecord = Community & BaseRecord;

export interface UserRecord extends BaseRecord {
  email: string;
  name: string;
  role: Role;
  township: string;
  department: string;
  active: boolean;
  is_demo: boolean;
}
