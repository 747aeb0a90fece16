// Annual plans and their entries (#5). Status changes (submit, approve, return) are plain updates; the server decides.
import { pb } from './pb';
import type { PlanEntryRecord, PlanRecord, PlanStatus } from './records';
import { listRelated } from './related';

/** @param requestKey callers that load plans side by side (deadlines, report) pass their own key so neither cancels the other */
export async function listPlans(requestKey = 'plans-all'): Promise<PlanRecord[]> {
  return pb.collection('annual_plans').getFullList({ sort: '-year,township', requestKey });
}

export const listEntries = (planId: string): Promise<PlanEntryRecord[]> =>
  listRelated('plan_entries', 'plan', planId, { sort: 'created', requestKey: 'plan-entries' });

export async function createPlan(year: number, township: string, note = ''): Promise<PlanRecord> {
  return pb.collection('annual_plans').create({ year, township, note });
}

export async function setPlanStatus(id: string, status: PlanStatus, reviewComment?: string): Promise<PlanRecord> {
  return pb.collection('annual_plans').update(id, reviewComment != null ? { status, review_comment: reviewComment } : { status });
}

export async function deletePlan(id: string): Promise<void> {
  await pb.collection('annual_plans').delete(id);
}

export async function addEntry(plan: string, compound: string, tier: string): Promise<PlanEntryRecord> {
  return pb.collection('plan_entries').create({ plan, compound, tier });
}

export async function setEntryTier(id: string, tier: string): Promise<PlanEntryRecord> {
  return pb.collection('plan_entries').update(id, { tier });
}

export async function removeEntry(id: string): Promise<void> {
  await pb.collection('plan_entries').delete(id);
}
