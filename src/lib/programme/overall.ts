// The overall plan (总体计划) of a period and the annual plans drawn from it (policy 三(二), 四(一)): totals by year
// and by source, sums per township and year against the year's budget ceiling, and the difference between what the
// overall plan places in a year and what that year's plans list. Pure: plain records in, figures out.
import type { Tier } from '../types';

export interface OEntry { compound: string; year: number; estimate_yuan: number; funding: Record<string, number> | null; carried_from: string }
export interface OPlan { id: string; year: number; township: string; status: string }
export interface OPlanEntry { plan: string; compound: string; tier: Tier | ''; estimate_yuan: number }
export interface OCompound { id: string; township: string }
export interface OYear { year: number; budget_ceiling_yuan: number; status: string }

export interface YearTotal {
  year: number;
  compounds: number;
  estimate: number;
  /** Money expected by source, yuan. */
  bySource: Record<string, number>;
  carried: number;
}

/**
 * Totals of a period's overall plan per year, in year order, and the period's grand total (year 0).
 * @example overallByYear([{ compound: 'a', year: 2026, estimate_yuan: 100, funding: { central: 60 }, carried_from: '' }]).at(-1)!.estimate // 100
 */
export function overallByYear(entries: readonly OEntry[]): YearTotal[] {
  const by = new Map<number, YearTotal>();
  const total: YearTotal = { year: 0, compounds: 0, estimate: 0, bySource: {}, carried: 0 };
  for (const e of entries) {
    if (!by.has(e.year)) by.set(e.year, { year: e.year, compounds: 0, estimate: 0, bySource: {}, carried: 0 });
    for (const t of [by.get(e.year)!, total]) {
      t.compounds++;
      t.estimate += e.estimate_yuan;
      if (e.carried_from) t.carried++;
      for (const [s, v] of Object.entries(e.funding ?? {})) t.bySource[s] = (t.bySource[s] ?? 0) + v;
    }
  }
  return [...[...by.values()].sort((a, b) => a.year - b.year), total];
}

/** Sum of an entry's money by source (yuan). */
export const fundingTotal = (f: Record<string, number> | null | undefined) => Object.values(f ?? {}).reduce((s, v) => s + v, 0);

export interface TownshipYear {
  township: string;
  year: number;
  /** 实施一批 estimates of the township's plan for the year (any status but returned), yuan. */
  implement: number;
  status: string;
}

export interface CeilingRow {
  year: number;
  ceiling: number;
  /** 实施一批 estimates of approved plans. */
  approved: number;
  /** …and of plans still awaiting review (submitted). */
  pending: number;
  over: boolean;
  townships: TownshipYear[];
}

/**
 * The annual plans' 实施一批 estimates per township and year against each year's budget ceiling: a year is over when
 * its approved total passes a ceiling that is set (> 0).
 */
export function ceilingRows(plans: readonly OPlan[], entries: readonly OPlanEntry[], years: readonly OYear[]): CeilingRow[] {
  const implement = new Map<string, number>();
  for (const e of entries) if (e.tier === 'implement') implement.set(e.plan, (implement.get(e.plan) ?? 0) + e.estimate_yuan);
  const yearsSet = new Set([...years.map((y) => y.year), ...plans.map((p) => p.year)]);
  return [...yearsSet].sort((a, b) => a - b).map((year) => {
    const ceiling = years.find((y) => y.year === year)?.budget_ceiling_yuan ?? 0;
    const mine = plans.filter((p) => p.year === year && p.status !== 'returned');
    const sum = (status: string) => mine.filter((p) => p.status === status).reduce((s, p) => s + (implement.get(p.id) ?? 0), 0);
    const approved = sum('approved');
    return {
      year, ceiling, approved, pending: sum('submitted'), over: ceiling > 0 && approved > ceiling,
      townships: mine.map((p) => ({ township: p.township, year, implement: implement.get(p.id) ?? 0, status: p.status }))
        .sort((a, b) => a.township.localeCompare(b.township)),
    };
  });
}

export interface YearDiff {
  year: number;
  /** Compounds the overall plan places in the year. */
  overall: string[];
  /** Compounds the year's plans list as 实施一批 (plans not returned). */
  annual: string[];
  /** In the overall plan for the year, not in its plans. */
  notDeclared: string[];
  /** In the year's plans, placed elsewhere (or nowhere) in the overall plan. */
  notInOverall: string[];
  overallEstimate: number;
  annualEstimate: number;
}

/**
 * What the overall plan places in each year against what the year's plans list (实施一批), for the years of a period.
 * @example planVsOverall(entries, plans, planEntries, [2026, 2027])[0].notDeclared // compounds still to declare for 2026
 */
export function planVsOverall(entries: readonly OEntry[], plans: readonly OPlan[], planEntries: readonly OPlanEntry[], years: readonly number[]): YearDiff[] {
  const planOf = new Map(plans.map((p) => [p.id, p]));
  return years.map((year) => {
    const o = entries.filter((e) => e.year === year);
    const a = planEntries.filter((e) => e.tier === 'implement' && planOf.get(e.plan)?.year === year && planOf.get(e.plan)?.status !== 'returned');
    const oSet = new Set(o.map((e) => e.compound));
    const aSet = new Set(a.map((e) => e.compound));
    return {
      year,
      overall: [...oSet],
      annual: [...aSet],
      notDeclared: [...oSet].filter((c) => !aSet.has(c)),
      notInOverall: [...aSet].filter((c) => !oSet.has(c)),
      overallEstimate: o.reduce((s, e) => s + e.estimate_yuan, 0),
      annualEstimate: a.reduce((s, e) => s + e.estimate_yuan, 0),
    };
  });
}

/**
 * Compounds to carry over into a period: declared in the period before it and not finished (accepted or later).
 * @param stageOf compound id → stage
 */
export function carryOverCandidates(previous: readonly OEntry[], current: readonly OEntry[], stageOf: ReadonlyMap<string, string>): OEntry[] {
  const have = new Set(current.map((e) => e.compound));
  return previous.filter((e) => !have.has(e.compound) && !['accepted', 'maintained'].includes(stageOf.get(e.compound) ?? ''));
}
