// The 调度台账 (policy §七(一)): one row per compound with stage, plan, consent, money and deadlines, and the ledger as
// CSV and XLSX tables (Chinese headers, typed columns, the note). Pure: no svelte, no PocketBase.
import type { Stage, Tier } from '../types';
import type { CompoundMoney } from './report';
import type { CompoundRecord } from '../data/records';
import { csvTable } from '../export/csv';
import { AUDIENCE_TEXT, beijingTime, DEMO_TEXT } from '../export/note';
import { CODE_LABELS, labelOf, type Audience } from '../export/schema';
import type { XlsxColumn, XlsxSheet, XlsxValue } from '../export/xlsx';

export interface LedgerRow {
  id: string;
  code: string;
  name: string;
  township: string;
  community: string;
  stage: Stage;
  plan_year: number | null;
  tier: Tier | '';
  /** Null when not readable (public) or never surveyed — never 0. */
  consent_pct: number | null;
  /** The date of the survey the figure comes from ('' when none). */
  consent_date: string;
  households: number;
  buildings: number;
  /** Money in yuan; null while the money records are not loaded (unknown is never shown as 0). */
  estimate: number | null;
  planned: number | null;
  received: number | null;
  spent: number | null;
  gap: number | null;
  construction_start: string;
  construction_end_planned: string;
  overdue: boolean;
  last_event: string;
  /** Long-term management (staff): the arrangement in force, the fund's collection, the last check and the rating. */
  mgmt_mode: string;
  mgmt_company: string;
  contract_end: string;
  fund_pct: number | null;
  last_check: string;
  check_score: number | null;
  service_rating: number | null;
}

/** What the ledger shows of a compound's long-term management. */
export interface LedgerManagement {
  mode: string; company: string; contractEnd: string; fundTarget: number | null; fundCollected: number | null;
  lastCheck: string; lastScore: number | null; rating: number | null;
}
export const MANAGEMENT_MODE_ZH: Record<string, string> = { property_company: '专业物业', owners_committee: '业委会自管', self: '居民自管', community: '社区托管' };

export function ledgerRows(
  compounds: readonly CompoundRecord[],
  /** Money by compound id; null when not (yet) known. */
  money: ReadonlyMap<string, CompoundMoney> | null,
  lastEvent: ReadonlyMap<string, string>,
  overdue: ReadonlySet<string>,
  townshipName: ReadonlyMap<string, string>,
  communityName: ReadonlyMap<string, string>,
  management: ReadonlyMap<string, LedgerManagement> = new Map(),
): LedgerRow[] {
  return compounds.map((c) => {
    const m = money?.get(c.id);
    const g = management.get(c.id);
    const yuan = (v: number | undefined) => (money ? v ?? 0 : null);
    return {
      id: c.id, code: c.code, name: c.name,
      township: townshipName.get(c.township) ?? '', community: communityName.get(c.community) ?? '',
      stage: c.stage, plan_year: c.plan_year || null, tier: c.tier ?? '',
      consent_pct: c.consent_date ? c.consent_pct ?? null : null, consent_date: (c.consent_date ?? '').slice(0, 10),
      households: c.households, buildings: c.buildings,
      estimate: yuan(m?.estimate), planned: yuan(m?.planned), received: yuan(m?.received), spent: yuan(m?.spent), gap: yuan(m?.gap),
      construction_start: (c.construction_start ?? '').slice(0, 10), construction_end_planned: (c.construction_end_planned ?? '').slice(0, 10),
      overdue: overdue.has(c.id), last_event: (lastEvent.get(c.id) ?? '').slice(0, 10),
      mgmt_mode: g?.mode ?? '', mgmt_company: g?.company ?? '', contract_end: g?.contractEnd ?? '',
      fund_pct: g?.fundTarget ? Math.round((1000 * (g.fundCollected ?? 0)) / g.fundTarget) / 10 : null,
      last_check: g?.lastCheck ?? '', check_score: g?.lastScore ?? null, service_rating: g?.rating ?? null,
    };
  });
}

export type SortKey = keyof LedgerRow;
export function sortRows(rows: readonly LedgerRow[], key: SortKey, dir: 1 | -1, stageOrder: readonly string[]): LedgerRow[] {
  const val = (r: LedgerRow) => (key === 'stage' ? stageOrder.indexOf(r.stage) : r[key]);
  return [...rows].sort((a, b) => {
    const x = val(a), y = val(b);
    if (x === y) return a.code.localeCompare(b.code);
    if (x == null || x === '') return 1;
    if (y == null || y === '') return -1;
    return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh')) * dir;
  });
}

/** A table as CSV: the one formula-safe writer every CSV goes through (see src/lib/export/csv.ts). */
export const toCsv = csvTable;

/** A ledger column as files show it: Chinese header, how the value is stored, and whether only staff may read it. */
interface LedgerFileColumn extends XlsxColumn {
  value: (r: LedgerRow) => XlsxValue;
  staff?: boolean;
}

const LEDGER_FILE_COLUMNS: LedgerFileColumn[] = [
  { header: '小区编码', kind: 'text', value: (r) => r.code },
  { header: '小区名称', kind: 'text', value: (r) => r.name },
  { header: '街道（乡镇）', kind: 'text', value: (r) => r.township },
  { header: '社区', kind: 'text', value: (r) => r.community },
  { header: '改造阶段', kind: 'text', value: (r) => labelOf(CODE_LABELS.stage, r.stage) },
  { header: '计划年度', kind: 'year', value: (r) => r.plan_year },
  { header: '计划批次', kind: 'text', value: (r) => labelOf(CODE_LABELS.tier, r.tier) },
  { header: '居民同意率', kind: 'pct', decimals: 1, staff: true, value: (r) => r.consent_pct },
  { header: '同意率调查日期', kind: 'date', staff: true, value: (r) => r.consent_date || null },
  { header: '户数', kind: 'int', unit: '户', value: (r) => r.households },
  { header: '楼栋数', kind: 'int', unit: '栋', value: (r) => r.buildings },
  { header: '项目估算（元）', kind: 'number', decimals: 2, unit: '元', value: (r) => r.estimate },
  { header: '计划资金（元）', kind: 'number', decimals: 2, unit: '元', value: (r) => r.planned },
  { header: '到位资金（元）', kind: 'number', decimals: 2, unit: '元', value: (r) => r.received },
  { header: '已支出（元）', kind: 'number', decimals: 2, unit: '元', value: (r) => r.spent },
  { header: '资金缺口（元）', kind: 'number', decimals: 2, unit: '元', value: (r) => r.gap },
  { header: '开工日期', kind: 'date', value: (r) => r.construction_start },
  { header: '计划竣工日期', kind: 'date', value: (r) => r.construction_end_planned },
  { header: '是否逾期', kind: 'text', value: (r) => (r.overdue ? '逾期' : '') },
  { header: '最近变更日期', kind: 'date', value: (r) => r.last_event },
  { header: '管理模式', kind: 'text', staff: true, value: (r) => MANAGEMENT_MODE_ZH[r.mgmt_mode] ?? '' },
  { header: '物业企业', kind: 'text', staff: true, value: (r) => r.mgmt_company },
  { header: '物业合同截止', kind: 'date', staff: true, value: (r) => r.contract_end },
  { header: '维修资金归集率', kind: 'pct', decimals: 1, staff: true, value: (r) => r.fund_pct },
  { header: '最近检查日期', kind: 'date', staff: true, value: (r) => r.last_check },
  { header: '检查得分', kind: 'number', decimals: 1, staff: true, value: (r) => r.check_score },
  { header: '服务评价', kind: 'number', decimals: 1, staff: true, value: (r) => r.service_rating },
];

/** What a ledger file says about itself. */
export interface LedgerNote {
  audience: Audience;
  dataTime: Date;
  demo: boolean;
}

/**
 * The ledger as a file table: Chinese headers, typed columns (dates as dates, money in yuan), the rows in the order
 * shown; the consent column only when the compounds were read as staff (absent, not blank, otherwise).
 */
export function ledgerTable(rows: readonly LedgerRow[], audience: Audience): { columns: XlsxColumn[]; rows: XlsxValue[][] } {
  const cols = LEDGER_FILE_COLUMNS.filter((c) => audience === 'staff' || !c.staff);
  return { columns: cols.map(({ value: _v, staff: _s, ...c }) => c), rows: rows.map((r) => cols.map((c) => c.value(r))) };
}

/** The ledger as CSV: header first, then the rows; every row ends with the data range and data time (and 示例数据). */
export function ledgerCsv(rows: readonly LedgerRow[], note: LedgerNote): string {
  const t = ledgerTable(rows, note.audience);
  const extra = [AUDIENCE_TEXT[note.audience], beijingTime(note.dataTime), ...(note.demo ? ['示例数据'] : [])];
  const header = [...t.columns.map((c) => c.header), '数据范围', '数据时间', ...(note.demo ? ['示例数据'] : [])];
  return csvTable(header, t.rows.map((r) => [...r, ...extra]));
}

/** The ledger as an XLSX sheet: title, data range, data time and 示例数据 above a frozen header. */
export function ledgerSheet(rows: readonly LedgerRow[], note: LedgerNote): XlsxSheet {
  const t = ledgerTable(rows, note.audience);
  return {
    name: '调度台账', title: `汾阳市老旧小区改造调度台账${note.demo ? '(示例数据)' : ''}`,
    notes: [`数据范围：${AUDIENCE_TEXT[note.audience]}`, `数据时间：${beijingTime(note.dataTime)}`, ...(note.demo ? [DEMO_TEXT] : [])],
    columns: t.columns, rows: t.rows, freezeColumns: 2,
  };
}
