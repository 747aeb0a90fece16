// Programme periods (规划期) and their overall plans (总体计划). Periods are public; overall-plan entries are staff
// records (money), the public reads which compounds belong to which period from `public_period_compounds`.
import { pb } from './pb';
import type { OverallEntryRecord, PeriodRecord } from './records';
import type * as Schema from './schema.gen';

export type PeriodInput = Pick<PeriodRecord, 'name' | 'first_year' | 'last_year'> & Partial<Pick<PeriodRecord, 'document' | 'target_compounds' | 'target_households' | 'target_investment_yuan' | 'note'>>;
export type OverallEntryInput = Pick<OverallEntryRecord, 'period' | 'compound' | 'year'> & Partial<Pick<OverallEntryRecord, 'estimate_yuan' | 'funding' | 'carried_from' | 'note'>>;
export type PublicPeriodCompound = Schema.PublicPeriodCompoundsRecord;

export async function listPeriods(requestKey = 'periods'): Promise<PeriodRecord[]> {
  return pb.collection('periods').getFullList({ sort: 'first_year', requestKey });
}

export async function createPeriod(body: PeriodInput): Promise<PeriodRecord> {
  return pb.collection('periods').create(body);
}

export async function updatePeriod(id: string, body: Partial<PeriodInput>): Promise<PeriodRecord> {
  return pb.collection('periods').update(id, body);
}

/** The overall plan of a period (every entry, or all periods' when `periodId` is empty). */
export async function listOverallEntries(periodId = '', requestKey = 'overall-entries'): Promise<OverallEntryRecord[]> {
  return pb.collection('overall_plan_entries').getFullList({
    sort: 'year,created', requestKey, batch: 2000, ...(periodId ? { filter: pb.filter('period = {:p}', { p: periodId }) } : {}),
  });
}

export async function createOverallEntry(body: OverallEntryInput): Promise<OverallEntryRecord> {
  return pb.collection('overall_plan_entries').create(body);
}

export async function updateOverallEntry(id: string, body: Partial<OverallEntryInput>): Promise<OverallEntryRecord> {
  return pb.collection('overall_plan_entries').update(id, body);
}

export async function deleteOverallEntry(id: string): Promise<void> {
  await pb.collection('overall_plan_entries').delete(id);
}

/**
 * Carries compounds over into a period in one all-or-nothing batch (the server checks each: declared in the earlier
 * period, not accepted).
 */
export async function carryOver(entries: OverallEntryInput[]): Promise<void> {
  const batch = pb.createBatch();
  for (const e of entries) batch.collection('overall_plan_entries').create(e);
  await batch.send();
}

/** Which compound belongs to which period (public, no money). */
export async function listPublicPeriodCompounds(): Promise<PublicPeriodCompound[]> {
  return pb.collection('public_period_compounds').getFullList({ batch: 2000, requestKey: 'public-period-compounds' });
}
