// The monthly report (月报表, policy 附件 二.4) and the ledger's money columns, computed from plain records.
// Pure: no svelte, no PocketBase. Dates are compared as 'YYYY-MM-DD' strings (PocketBase dates start with them).
import { STAGES, type Stage } from '../types';
import { CATALOGUE_BY_KEY } from './catalogue';
import type { FundingKind, FundingSource } from '../data/records';
import { FUNDING_KINDS, FUNDING_SOURCES, INDICATORS, type Indicator } from './types';

export interface RCompound { id: string; code: string; township: string; households: number; buildings: number; stage: Stage; floor_area_m2?: number }
export interface REvent { compound: string; to: Stage; kind: 'forward' | 'back'; date: string; created?: string }
export interface RItem { compound: string; item: string; quantity: number; estimate_yuan: number; class?: string; zone?: string }
/** A design zone's members (items recorded on a zone count where its members are). */
export interface RZone { id: string; members: readonly string[] }
export interface RFunding { compound: string; source: FundingSource; kind: FundingKind; amount_yuan: number; date: string }
export interface RTownship { id: string; name: string }

export type Money = Record<FundingKind, number>;
export interface ReportRow {
  township: string; // id, or '' for the total
  name: string;
  compounds: number;
  byStage: Record<Stage, number>;
  startedThisMonth: number;
  acceptedThisMonth: number;
  startedToDate: number;
  acceptedToDate: number;
  households: number; // in compounds started (construction or later) by month end
  buildings: number;
  householdsThisMonth: number; // in compounds started this month
  buildingsThisMonth: number;
  floorArea: number; // m², compounds started by month end
  floorAreaThisMonth: number;
  task: number; // the year's 实施一批 compounds
  taskStarted: number; // of them, started by month end
  taskAccepted: number;
  startRate: number | null; // 开工率, % of the task (null: no task)
  completionRate: number | null; // 完工率
  money: Money; // to month end
  moneyThisMonth: Money;
  bySource: Record<FundingSource, Money>; // to month end
  indicators: Record<Indicator, number>; // items of compounds started by month end
}
export interface MonthlyReport { month: string; monthStart: string; monthEnd: string; rows: ReportRow[]; total: ReportRow }

const day = (d: string) => (d ?? '').slice(0, 10);

/** First and last day of 'YYYY-MM'. */
export function monthBounds(month: string): { start: string; end: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  return { start: `${y}-${mm}-01`, end: `${y}-${mm}-${String(last).padStart(2, '0')}` };
}

/** Events of each compound in order (date, then creation). */
export function eventsByCompound(events: readonly REvent[]): Map<string, REvent[]> {
  const by = new Map<string, REvent[]>();
  for (const e of events) {
    if (!by.has(e.compound)) by.set(e.compound, []);
    by.get(e.compound)!.push(e);
  }
  for (const list of by.values()) {
    list.sort((a, b) => day(a.date).localeCompare(day(b.date)) || (a.created ?? '').localeCompare(b.created ?? ''));
  }
  return by;
}

/**
 * The stage a compound was at on `date` (inclusive): the target of its last event on or before that day; a compound
 * with no events at all is at its current stage; one whose events all come later was not yet in the programme (null).
 */
export function stageAt(c: RCompound, events: readonly REvent[] | undefined, date: string): Stage | null {
  if (!events || events.length === 0) return c.stage;
  let stage: Stage | null = null;
  for (const e of events) {
    if (day(e.date) > date) break;
    stage = e.to;
  }
  return stage;
}

const zeroMoney = (): Money => ({ planned: 0, received: 0, spent: 0 });
function emptyRow(township: string, name: string): ReportRow {
  return {
    township, name, compounds: 0,
    byStage: Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>,
    startedThisMonth: 0, acceptedThisMonth: 0, startedToDate: 0, acceptedToDate: 0,
    households: 0, buildings: 0, householdsThisMonth: 0, buildingsThisMonth: 0,
    floorArea: 0, floorAreaThisMonth: 0, task: 0, taskStarted: 0, taskAccepted: 0, startRate: null, completionRate: null,
    money: zeroMoney(), moneyThisMonth: zeroMoney(),
    bySource: Object.fromEntries(FUNDING_SOURCES.map((s) => [s, zeroMoney()])) as Record<FundingSource, Money>,
    indicators: Object.fromEntries(INDICATORS.map((k) => [k, 0])) as Record<Indicator, number>,
  };
}

const STARTED = STAGES.indexOf('construction');
const ACCEPTED = STAGES.indexOf('accepted');

/** The monthly report for 'YYYY-MM': one row per township that has compounds, plus the total. */
export function monthlyReport(input: {
  month: string;
  townships: readonly RTownship[];
  compounds: readonly RCompound[];
  events: readonly REvent[];
  items: readonly RItem[];
  funding: readonly RFunding[];
  /** The year's 实施一批 compounds (the task 开工率/完工率 are measured against). */
  task?: ReadonlySet<string>;
  zones?: readonly RZone[];
}): MonthlyReport {
  const { start, end } = monthBounds(input.month);
  const byCompound = eventsByCompound(input.events);
  const rows = new Map<string, ReportRow>();
  for (const t of input.townships) rows.set(t.id, emptyRow(t.id, t.name));
  const total = emptyRow('', '合计');
  const rowOf = new Map<string, ReportRow>(); // compound id → its township row
  const startedBy = new Set<string>();

  for (const c of input.compounds) {
    const row = rows.get(c.township);
    if (!row) continue;
    rowOf.set(c.id, row);
    const evs = byCompound.get(c.id);
    const stage = stageAt(c, evs, end);
    const started = stage != null && STAGES.indexOf(stage) >= STARTED;
    const startedThisMonth = (evs ?? []).some((e) => e.kind === 'forward' && e.to === 'construction' && day(e.date) >= start && day(e.date) <= end);
    const acceptedThisMonth = (evs ?? []).some((e) => e.kind === 'forward' && e.to === 'accepted' && day(e.date) >= start && day(e.date) <= end);
    for (const r of [row, total]) {
      if (stage) { r.compounds++; r.byStage[stage]++; }
      if (started) { r.startedToDate++; r.households += c.households; r.buildings += c.buildings; r.floorArea += c.floor_area_m2 ?? 0; }
      if (input.task?.has(c.id)) {
        r.task++;
        if (started) r.taskStarted++;
        if (stage != null && STAGES.indexOf(stage) >= ACCEPTED) r.taskAccepted++;
      }
      if (stage != null && STAGES.indexOf(stage) >= ACCEPTED) r.acceptedToDate++;
      if (startedThisMonth) { r.startedThisMonth++; r.householdsThisMonth += c.households; r.buildingsThisMonth += c.buildings; r.floorAreaThisMonth += c.floor_area_m2 ?? 0; }
      if (acceptedThisMonth) r.acceptedThisMonth++;
    }
    if (started) startedBy.add(c.id);
  }

  // Items recorded on a design zone count once the zone has a started member, in that member's township.
  const zoneAnchor = new Map<string, string>();
  for (const z of input.zones ?? []) {
    const m = z.members.find((id) => startedBy.has(id));
    if (m) zoneAnchor.set(z.id, m);
  }
  for (const it of input.items) {
    const anchor = it.compound ? it.compound : zoneAnchor.get(it.zone ?? '');
    if (!anchor || !startedBy.has(anchor)) continue;
    const ind = CATALOGUE_BY_KEY.get(it.item)?.indicator;
    if (!ind) continue;
    for (const r of [rowOf.get(anchor)!, total]) r.indicators[ind] += it.quantity;
  }

  for (const f of input.funding) {
    const d = day(f.date);
    if (d > end) continue;
    const row = rowOf.get(f.compound);
    for (const r of row ? [row, total] : [total]) {
      r.money[f.kind] += f.amount_yuan;
      r.bySource[f.source][f.kind] += f.amount_yuan;
      if (d >= start) r.moneyThisMonth[f.kind] += f.amount_yuan;
    }
  }
  for (const r of [...rows.values(), total]) {
    r.indicators.pipes_km = Math.round(r.indicators.pipes_km * 100) / 100;
    r.floorArea = Math.round(r.floorArea * 100) / 100;
    r.floorAreaThisMonth = Math.round(r.floorAreaThisMonth * 100) / 100;
    r.startRate = r.task ? Math.round((1000 * r.taskStarted) / r.task) / 10 : null;
    r.completionRate = r.task ? Math.round((1000 * r.taskAccepted) / r.task) / 10 : null;
  }

  return {
    month: input.month, monthStart: start, monthEnd: end,
    rows: [...rows.values()].filter((r) => input.compounds.some((c) => c.township === r.township)),
    total,
  };
}

/** Compounds by stage at the end of each month (for the progress chart). */
export function progressSeries(
  months: readonly string[], compounds: readonly RCompound[], events: readonly REvent[],
): { month: string; byStage: Record<Stage, number> }[] {
  const byCompound = eventsByCompound(events);
  return months.map((month) => {
    const { end } = monthBounds(month);
    const byStage = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
    for (const c of compounds) {
      const s = stageAt(c, byCompound.get(c.id), end);
      if (s) byStage[s]++;
    }
    return { month, byStage };
  });
}

/** 'YYYY-MM' from first to last inclusive. */
export function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number);
  const [ly, lm] = last.split('-').map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) { m = 1; y++; }
  }
  return out;
}

export interface CompoundMoney extends Money { estimate: number; need: number; gap: number }

/**
 * Money per compound: planned / received / spent by funding records, the items' estimate, and the funding gap:
 * need = max(items estimate, planned funding); gap = max(0, need − received).
 */
export function moneyByCompound(items: readonly RItem[], funding: readonly RFunding[]): Map<string, CompoundMoney> {
  const out = new Map<string, CompoundMoney>();
  const get = (id: string) => {
    let m = out.get(id);
    if (!m) out.set(id, (m = { planned: 0, received: 0, spent: 0, estimate: 0, need: 0, gap: 0 }));
    return m;
  };
  for (const it of items) if (it.compound) get(it.compound).estimate += it.estimate_yuan;
  for (const f of funding) if (f.compound) get(f.compound)[f.kind] += f.amount_yuan;
  for (const m of out.values()) {
    m.need = Math.max(m.estimate, m.planned);
    m.gap = Math.max(0, m.need - m.received);
  }
  return out;
}

export const FUNDING_KIND_LIST = FUNDING_KINDS;
