// Record shapes as the API returns them, by the names the app uses. The fields come from the migrated schema
// (schema.gen.ts, `npm run types`); only expansions the app requests are added here.
import type * as Schema from './schema.gen';

export type { BaseRecord, CollectionName, CollectionRecords } from './schema.gen';
export { Collections } from './schema.gen';

/**
 * A compound's staff-only facts (compound_private, one record per compound): the server adds them to every compound it
 * returns to staff and leaves them out for the public, so they are optional here — absent, never 0 or false.
 */
export type CompoundFacts = Omit<Schema.CompoundPrivateRecord, keyof Schema.BaseRecord | 'compound' | 'created' | 'updated'>;
export type CompoundRecord = Schema.CompoundsRecord & Partial<CompoundFacts>;
export type BuildingRecord = Schema.BuildingsRecord;
export type ContextRecord = Schema.ContextFeaturesRecord;
export type TownshipRecord = Schema.TownshipsRecord;
export type CommunityRecord = Schema.CommunitiesRecord;
export type UserRecord = Schema.UsersRecord;
export type ZoneRecord = Schema.DesignZonesRecord;
export type SiteRecord = Schema.FacilitySitesRecord;

// The programme (#5): stage events, annual plans and their entries, renovation items, funding.
export type StageEventRecord = Schema.StageEventsRecord & { expand?: { by?: { name: string } } };
export type PlanRecord = Schema.AnnualPlansRecord;
export type PlanEntryRecord = Schema.PlanEntriesRecord;
export type ItemRecord = Schema.RenovationItemsRecord;
export type FundingRecord = Schema.FundingRecord;
export type PlanStatus = PlanRecord['status'];
export type FundingSource = FundingRecord['source'];
export type FundingKind = FundingRecord['kind'];
export type ItemClass = ItemRecord['class'];

// The procedure around the stage machine: periods and overall plans, the year's plan and its chain, implementation
// records (implementing body, procurement, design review, 拆违).
export type PeriodRecord = Schema.PeriodsRecord;
export type OverallEntryRecord = Schema.OverallPlanEntriesRecord;
export type PlanYearRecord = Schema.PlanYearsRecord;
export type PlanYearStatus = PlanYearRecord['status'];
export type BodyRecord = Schema.ImplementingBodiesRecord;
export type ProcurementRecord = Schema.ProcurementsRecord;
export type DesignReviewRecord = Schema.DesignReviewsRecord;
export type DemolitionRecord = Schema.DemolitionsRecord;
