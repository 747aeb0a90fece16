// Township scores for supervision (督导考核, policy 七(二)): per month, computed from the ledger's records, with the
// weights of the one settings record. Pure: no svelte, no PocketBase. Dates are 'YYYY-MM-DD' strings.
//
// Six parts, each 0–100, weighted; a part a township has nothing to be scored on (no plan declared, no task this year,
// no feedback this month, no money received) is left out and the others' weights count in its place:
//   plan      the next plan submitted by its deadline (31 August): on time 100, late 50, not submitted 0;
//   started   开工率 — the year's 实施一批 compounds started (construction or later) by month end, of the task;
//   accepted  完工率 — the same, accepted by month end;
//   overdue   100 − 20 per item overdue at month end (construction past its planned completion, 督办 past its deadline);
//   feedback  feedback received in the month answered by its deadline (`due_at`, else created + N days; answered at
//             `answered_at`, else `replied_at`), of that received;
//   funds     money spent of money received to month end, at most 100.
import { STAGES, type Stage } from '../types';
import { eventsByCompound, monthBounds, stageAt, type RCompound, type REvent, type RFunding, type RTownship } from './report';
import { planDue } from './deadlines';

export const SCORE_PARTS = ['plan', 'started', 'accepted', 'overdue', 'feedback', 'funds'] as const;
export type ScorePart = (typeof SCORE_PARTS)[number];
export type Weights = Record<ScorePart, number>;
export const DEFAULT_WEIGHTS: Weights = { plan: 15, started: 25, accepted: 25, overdue: 15, feedback: 10, funds: 10 };
/** Points taken off the overdue part per overdue item. */
export const OVERDUE_PENALTY = 20;
/** Days to answer feedback when a record carries no deadline of its own. */
export const DEFAULT_FEEDBACK_DAYS = 7;

export interface SCompound extends RCompound { name: string; construction_end_planned?: string }
export interface SPlan { id: string; year: number; township: string; status: string; submitted_at?: string }
export interface SEntry { plan: string; compound: string; tier: string }
export interface SFeedback { township?: string; created: string; replied_at?: string; answered_at?: string; due_at?: string }
export interface SItem { id: string; township: string; title: string; deadline: string; status: string; rectified_date?: string; closed_date?: string }

export interface ScoreInput {
  month: string;
  townships: readonly RTownship[];
  compounds: readonly SCompound[];
  events: readonly REvent[];
  plans: readonly SPlan[];
  entries: readonly SEntry[];
  funding: readonly RFunding[];
  feedback: readonly SFeedback[];
  items: readonly SItem[];
  weights: Weights;
  feedbackDays?: number;
  /** Today (Beijing): for the current month, what is overdue is judged today, not at month end. */
  today?: string;
}

export interface OverdueEntry { kind: 'construction' | 'supervision'; township: string; id: string; label: string; due: string }
export interface TownshipScore {
  township: string;
  name: string;
  /** Each part 0–100, or null when not applicable. */
  parts: Record<ScorePart, number | null>;
  /** Figures behind the parts. */
  task: number; started: number; accepted: number;
  planYear: number; planSubmitted: string; planDue: string;
  overdue: OverdueEntry[];
  feedbackReceived: number; feedbackInTime: number;
  received: number; spent: number;
  total: number;
  rank: number;
}

const day = (d?: string) => (d ?? '').slice(0, 10);
const STARTED = STAGES.indexOf('construction');
const ACCEPTED = STAGES.indexOf('accepted');
const reached = (s: Stage | null, i: number) => s != null && STAGES.indexOf(s) >= i;
const round1 = (v: number) => Math.round(v * 10) / 10;

function addDays(date: string, n: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

/** The plan year whose declaration is scored in `month`: next year's from September, this year's before. */
export function scoredPlanYear(month: string): number {
  const [y, m] = month.split('-').map(Number);
  return m >= 9 ? y + 1 : y;
}

/** Weights must be numbers ≥ 0 that add up to 100 (the server refuses anything else). */
export function weightsProblem(w: Weights): string | null {
  for (const k of SCORE_PARTS) if (!Number.isFinite(w[k]) || w[k] < 0 || w[k] > 100) return k;
  const sum = SCORE_PARTS.reduce((s, k) => s + w[k], 0);
  return Math.abs(sum - 100) > 1e-6 ? 'sum' : null;
}

/**
 * Scores of every township that has compounds, ranked (1 = best; equal totals share a rank).
 * @example townshipScores({ month: '2026-11', townships, compounds, events, plans, entries, funding, feedback, items, weights: DEFAULT_WEIGHTS })[0].rank // 1
 */
export function townshipScores(input: ScoreInput): TownshipScore[] {
  const { start, end: monthEnd } = monthBounds(input.month);
  // Stages, plans and money to month end; overdue and deadlines as of today when the month has not ended.
  const end = monthEnd;
  const cut = input.today && input.today < monthEnd ? input.today : monthEnd;
  const byCompound = eventsByCompound(input.events);
  const worksYear = Number(input.month.slice(0, 4));
  const planYear = scoredPlanYear(input.month);
  const due = planDue(planYear);
  const days = input.feedbackDays ?? DEFAULT_FEEDBACK_DAYS;
  const out: TownshipScore[] = [];

  for (const tw of input.townships) {
    const mine = input.compounds.filter((c) => c.township === tw.id);
    if (!mine.length) continue;
    const ids = new Set(mine.map((c) => c.id));
    const stageOf = new Map(mine.map((c) => [c.id, stageAt(c, byCompound.get(c.id), end)]));

    // Plan declared on time.
    const plan = input.plans.find((p) => p.township === tw.id && p.year === planYear);
    const submitted = day(plan?.submitted_at);
    let planPart: number | null = null;
    if (plan) planPart = submitted && submitted <= due && submitted <= end ? 100 : submitted && submitted <= end ? 50 : cut > due ? 0 : null;

    // The year's task: 实施一批 of the township's approved plan for the works year.
    const worksPlans = new Set(input.plans.filter((p) => p.township === tw.id && p.year === worksYear && p.status === 'approved').map((p) => p.id));
    const task = [...new Set(input.entries.filter((e) => worksPlans.has(e.plan) && e.tier === 'implement' && ids.has(e.compound)).map((e) => e.compound))];
    const started = task.filter((c) => reached(stageOf.get(c) ?? null, STARTED)).length;
    const accepted = task.filter((c) => reached(stageOf.get(c) ?? null, ACCEPTED)).length;

    // Overdue at month end.
    const overdue: OverdueEntry[] = [];
    for (const c of mine) {
      const planned = day(c.construction_end_planned);
      const s = stageOf.get(c.id) ?? null;
      if (s === 'construction' && planned && planned < cut) {
        overdue.push({ kind: 'construction', township: tw.id, id: c.id, label: `${c.name}(${c.code})`, due: planned });
      }
    }
    for (const it of input.items) {
      if (it.township !== tw.id) continue;
      const answered = day(it.rectified_date) || day(it.closed_date);
      const deadline = day(it.deadline);
      if (deadline < cut && (!answered || answered > cut) && deadline < (answered || '9999')) {
        overdue.push({ kind: 'supervision', township: tw.id, id: it.id, label: it.title, due: deadline });
      }
    }

    // Feedback received in the month, answered by its deadline.
    const fb = input.feedback.filter((f) => f.township === tw.id && day(f.created) >= start && day(f.created) <= end);
    const inTime = fb.filter((f) => {
      const answered = day(f.answered_at) || day(f.replied_at);
      const deadline = day(f.due_at) || addDays(day(f.created), days);
      return !!answered && answered <= deadline;
    }).length;

    // Money to month end.
    let received = 0;
    let spent = 0;
    for (const f of input.funding) {
      if (!ids.has(f.compound) || day(f.date) > end) continue;
      if (f.kind === 'received') received += f.amount_yuan;
      if (f.kind === 'spent') spent += f.amount_yuan;
    }

    const parts: Record<ScorePart, number | null> = {
      plan: planPart,
      started: task.length ? round1((100 * started) / task.length) : null,
      accepted: task.length ? round1((100 * accepted) / task.length) : null,
      overdue: Math.max(0, 100 - OVERDUE_PENALTY * overdue.length),
      feedback: fb.length ? round1((100 * inTime) / fb.length) : null,
      funds: received > 0 ? round1(Math.min(100, (100 * spent) / received)) : null,
    };
    let weightSum = 0;
    let points = 0;
    for (const k of SCORE_PARTS) {
      const v = parts[k];
      if (v == null) continue;
      weightSum += input.weights[k];
      points += input.weights[k] * v;
    }
    out.push({
      township: tw.id, name: tw.name, parts, task: task.length, started, accepted,
      planYear, planSubmitted: submitted, planDue: due, overdue, feedbackReceived: fb.length, feedbackInTime: inTime,
      received, spent, total: weightSum ? round1(points / weightSum) : 0, rank: 0,
    });
  }
  out.sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh'));
  out.forEach((s, i) => { s.rank = i > 0 && out[i - 1].total === s.total ? out[i - 1].rank : i + 1; });
  return out;
}

/** Compounds whose last management check is older than the interval (or that were never checked), after acceptance. */
export interface CheckDue { compound: string; lastCheck: string; due: string }
export function checksOverdue(
  compounds: readonly { id: string; stage: string }[], checks: readonly { compound: string; date: string }[],
  acceptedOn: ReadonlyMap<string, string>, intervalMonths: number, today: string,
): CheckDue[] {
  const last = new Map<string, string>();
  for (const c of checks) if (day(c.date) > (last.get(c.compound) ?? '')) last.set(c.compound, day(c.date));
  const out: CheckDue[] = [];
  for (const c of compounds) {
    if (c.stage !== 'accepted' && c.stage !== 'maintained') continue;
    const from = last.get(c.id) ?? acceptedOn.get(c.id) ?? '';
    if (!from) continue;
    const due = addMonths(from, intervalMonths);
    if (due < today) out.push({ compound: c.id, lastCheck: last.get(c.id) ?? '', due });
  }
  return out.sort((a, b) => a.due.localeCompare(b.due));
}

/** 'YYYY-MM-DD' plus n months (the day clamped to the month's last). */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate();
  t.setUTCDate(Math.min(d, last));
  return t.toISOString().slice(0, 10);
}
