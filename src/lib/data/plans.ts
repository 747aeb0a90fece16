// Annual plans and their entries (#5). Status changes (submit, approve, return) are plain updates; the server decides.
import { pb } from './pb';
import type { PlanEntryRecord, PlanRecord, PlanStatus, PlanYearRecord } from './records';
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

export async function setPlanStatus(id: string, status: PlanStatus, reviewComment?: string, overCeilingReason?: string): Promise<PlanRecord> {
  const body: Record<string, string> = { status };
  if (reviewComment != null) body.review_comment = reviewComment;
  if (overCeilingReason) body.over_ceiling_reason = overCeilingReason;
  return pb.collection('annual_plans').update(id, body);
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

/** The estimate of an entry in yuan (its default came from the compound's items). */
export async function setEntryEstimate(id: string, estimate: number): Promise<PlanEntryRecord> {
  return pb.collection('plan_entries').update(id, { estimate_yuan: estimate });
}

/** Every entry of the given plans (a year's table). */
export async function listEntriesOfPlans(planIds: readonly string[], requestKey = 'entries-of-plans'): Promise<PlanEntryRecord[]> {
  if (!planIds.length) return [];
  const filter = planIds.map((id, i) => pb.filter(`plan = {:p${i}}`, { [`p${i}`]: id })).join(' || ');
  return pb.collection('plan_entries').getFullList({ filter, sort: 'created', requestKey, batch: 2000 });
}

/** The city's plan for each year (status of its chain, budget ceiling). */
export async function listPlanYears(requestKey = 'plan-years'): Promise<PlanYearRecord[]> {
  return pb.collection('plan_years').getFullList({ sort: '-year', requestKey });
}

export async function createPlanYear(year: number, budgetCeiling: number): Promise<PlanYearRecord> {
  return pb.collection('plan_years').create({ year, budget_ceiling_yuan: budgetCeiling });
}

export async function setYearCeiling(id: string, budgetCeiling: number): Promise<PlanYearRecord> {
  return pb.collection('plan_years').update(id, { budget_ceiling_yuan: budgetCeiling });
}

/** One step of the year's chain (or a return): the new status and its evidence, files as multipart. */
export async function takeYearStep(id: string, body: FormData): Promise<PlanYearRecord> {
  return pb.collection('plan_years').update(id, body);
}

export function planYearFileUrl(record: PlanYearRecord, name: string): string {
  return pb.files.getURL(record, name);
}

export async function removeEntry(id: string): Promise<void> {
  await pb.collection('plan_entries').delete(id);
}
