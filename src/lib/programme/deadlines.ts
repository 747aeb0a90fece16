// What is overdue (policy §四(三), §七(二)): a township's next-year plan not submitted by 31 August, and construction
// past its planned completion date. Pure; `today` is 'YYYY-MM-DD' (Beijing).
import type { PlanStatus } from '../data/records';

export interface DCompound { id: string; code: string; name: string; township: string; stage: string; construction_end_planned?: string }
export interface DPlan { year: number; township: string; status: PlanStatus; submitted_at?: string; late?: boolean }
export interface Overdue {
  kind: 'plan_missing' | 'construction_late';
  township: string;
  compound?: string; // id
  year?: number; // plan year
  due: string; // YYYY-MM-DD
  days: number; // days past due
}

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** Plans for year Y are due on Y-1-08-31. */
export const planDue = (year: number) => `${year - 1}-08-31`;

/** Today in Beijing as YYYY-MM-DD. */
export function todayBeijing(now = Date.now()): string {
  return new Date(now + 8 * 3600_000).toISOString().slice(0, 10);
}

export function overdueList(compounds: readonly DCompound[], plans: readonly DPlan[], townships: readonly string[], today: string): Overdue[] {
  const out: Overdue[] = [];
  for (const c of compounds) {
    const end = (c.construction_end_planned ?? '').slice(0, 10);
    if (c.stage === 'construction' && end && end < today) {
      out.push({ kind: 'construction_late', township: c.township, compound: c.id, due: end, days: daysBetween(end, today) });
    }
  }
  const year = Number(today.slice(0, 4)) + 1;
  const due = planDue(year);
  if (today > due) {
    for (const t of townships) {
      const p = plans.find((x) => x.township === t && x.year === year);
      if (!p || p.status === 'draft' || p.status === 'returned') {
        out.push({ kind: 'plan_missing', township: t, year, due, days: daysBetween(due, today) });
      }
    }
  }
  return out;
}

/**
 * Compound ids to outline on the map: late construction, and in townships whose plan is missing the compounds
 * waiting for it (demand or scheme).
 */
export function overdueCompoundIds(list: readonly Overdue[], compounds: readonly DCompound[]): string[] {
  const ids = new Set<string>();
  const missing = new Set(list.filter((o) => o.kind === 'plan_missing').map((o) => o.township));
  for (const o of list) if (o.compound) ids.add(o.compound);
  for (const c of compounds) if (missing.has(c.township) && (c.stage === 'demand' || c.stage === 'scheme')) ids.add(c.id);
  return [...ids].sort();
}
