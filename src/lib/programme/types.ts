// The programme's word lists (#5) in the order screens and reports show them; each is checked against the values the
// migrations allow (the record types in lib/data), so a new source or status cannot be forgotten here.
import type { FundingKind, FundingSource, ItemClass, PlanStatus } from '../data/records';

export const ITEM_CLASSES = ['basic', 'improvement', 'enhancement'] as const satisfies readonly ItemClass[];

export const FUNDING_SOURCES = [
  'central', 'provincial', 'municipal', 'special_bonds', 'resident_housing_fund', 'resident_maintenance_fund',
  'resident_direct', 'property_unit', 'utilities', 'social_capital', 'bank_credit',
] as const satisfies readonly FundingSource[];

export const FUNDING_KINDS = ['planned', 'received', 'spent'] as const satisfies readonly FundingKind[];

export const PLAN_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const satisfies readonly PlanStatus[];

export const INDICATORS = ['pipes_km', 'elevators', 'parking_spaces', 'chargers', 'elderly_facilities', 'childcare_facilities'] as const;
export type Indicator = (typeof INDICATORS)[number];

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
