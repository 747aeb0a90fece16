// Domain types shared by the SPA, the data builders and the tests.
// Field names match the PocketBase collections (pb_migrations) one to one.
import type { Feature, FeatureCollection, MultiPolygon, Polygon, LineString, Point } from 'geojson';

/** The six stages of the policy's procedure (§四), in order. */
export const STAGES = ['demand', 'scheme', 'planned', 'construction', 'accepted', 'maintained'] as const;
export type Stage = (typeof STAGES)[number];

/** 实施一批 / 谋划一批 / 储备一批 */
export const TIERS = ['implement', 'prepare', 'reserve'] as const;
export type Tier = (typeof TIERS)[number];

export const MANAGEMENT_MODES = ['property_company', 'self', 'none'] as const;
export type ManagementMode = (typeof MANAGEMENT_MODES)[number];

export const CONTEXT_KINDS = ['road', 'facility', 'idle_building', 'idle_land', 'water', 'green'] as const;
export type ContextKind = (typeof CONTEXT_KINDS)[number];

export const ROLES = ['office', 'township', 'department', 'planner'] as const;
export type Role = (typeof ROLES)[number];

export type AreaGeometry = Polygon | MultiPolygon;

export interface Township {
  id: string;
  code: string; // 9 digits, e.g. 141182001
  name: string;
  kind: 'subdistrict' | 'town';
}

export interface Community {
  id: string;
  code: string; // 12 digits
  name: string;
  township: string; // → townships.id
}

export interface Compound {
  id: string;
  code: string; // FY-001 …
  name: string;
  township: string; // → townships.id
  community: string; // → communities.id
  address: string;
  built_year: number;
  buildings: number;
  households: number;
  floor_area_m2: number;
  land_area_m2: number;
  property_owner: string;
  management: ManagementMode;
  maintenance_fund: boolean;
  consent_pct: number; // 0–100
  consent_date?: string;
  geometry: AreaGeometry;
  stage: Stage;
  plan_year: number | null; // 2021–2025, null before it enters a plan
  tier: Tier | '';
  is_demo: boolean;
  updated?: string;
}

export interface Building {
  id: string;
  compound: string;
  geometry: Polygon;
  floors: number;
  built_year: number;
  households: number;
  has_elevator: boolean;
  is_demo: boolean;
}

export interface ContextFeature {
  id: string;
  kind: ContextKind;
  subtype: string; // road: 'arterial' | 'secondary' | 'lane'; facility: catalogue type; idle_building: 'boiler_room' | 'bike_shed' | 'public_house'; idle_land: 'vacant' | 'waste' | 'demolished'
  name: string;
  geometry: Polygon | MultiPolygon | LineString | Point;
  area_m2: number;
  width_m: number; // roads: carriageway width
  compound: string; // optional → compounds.id
  is_demo: boolean;
}

export type CompoundFeature = Feature<AreaGeometry, Omit<Compound, 'geometry'>>;
export type CompoundCollection = FeatureCollection<AreaGeometry, Omit<Compound, 'geometry'>>;
