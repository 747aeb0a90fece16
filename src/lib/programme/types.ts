// Record shapes of the programme collections (#5), as the API returns them. Kept here (not in src/lib/types.ts).
import type { Stage, Tier } from '../types';
import type { BaseRecord, CompoundRecord } from '../data/records';

export const ITEM_CLASSES = ['basic', 'improvement', 'enhancement'] as const;
export type ItemClass = (typeof ITEM_CLASSES)[number];

export const FUNDING_SOURCES = [
  'central', 'provincial', 'municipal', 'special_bonds', 'resident_housing_fund', 'resident_maintenance_fund',
  'resident_direct', 'property_unit', 'utilities', 'social_capital', 'bank_credit',
] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

export const FUNDING_KINDS = ['planned', 'received', 'spent'] as const;
export type FundingKind = (typeof FUNDING_KINDS)[number];

export const PLAN_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const INDICATORS = ['pipes_km', 'elevators', 'parking_spaces', 'chargers', 'elderly_facilities', 'childcare_facilities'] as const;
export type Indicator = (typeof INDICATORS)[number];

/** A compound with the construction facts the stage machine keeps on it. */
export type ProgrammeCompound = CompoundRecord & {
  construction_start?: string;
  construction_end_planned?: string;
  implementing_unit?: string;
};

export interface StageEventRecord extends BaseRecord {
  compound: string;
  from: Stage | '';
  to: Stage;
  kind: 'forward' | 'back';
  date: string;
  note: string;
  internal_note?: string;
  by: string;
  imported: boolean;
  plan_entry: string;
  scheme_summary: string;
  budget_estimate_yuan: number;
  start_date: string;
  planned_end_date: string;
  implementing_unit: string;
  acceptance_date: string;
  residents_present: boolean;
  resident_reps: string;
  management: 'property_company' | 'self' | '';
  maintenance_fund_status: 'established' | 'collecting' | 'none' | '';
  photos_before: string[];
  photos_after: string[];
  documents: string[];
  is_demo: boolean;
  expand?: { by?: { name: string } };
}

export interface PlanRecord extends BaseRecord {
  year: number;
  township: string;
  status: PlanStatus;
  submitted_at: string;
  late: boolean;
  submitted_by: string;
  reviewed_at: string;
  reviewed_by: string;
  review_comment: string;
  note: string;
  is_demo: boolean;
}

export interface PlanEntryRecord extends BaseRecord {
  plan: string;
  compound: string;
  tier: Tier | '';
  estimate_yuan: number;
  note: string;
  is_demo: boolean;
}

export interface ItemRecord extends BaseRecord {
  compound: string;
  zone: string;
  class: ItemClass;
  item: string;
  quantity: number;
  unit: string;
  estimate_yuan: number;
  status: 'planned' | 'in_progress' | 'done' | '';
  note: string;
  internal_note?: string;
  is_demo: boolean;
}

export interface FundingRecord extends BaseRecord {
  compound: string;
  zone: string;
  source: FundingSource;
  kind: FundingKind;
  amount_yuan: number;
  date: string;
  document: string;
  note: string;
  internal_note?: string;
  is_demo: boolean;
}

export interface CatalogueItem {
  key: string;
  class: ItemClass;
  zh: string;
  en: string;
  unit: string;
  unit_zh: string;
  indicator: Indicator | '';
  unit_cost_yuan: number;
  policy_term: string;
}
