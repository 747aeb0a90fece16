// The 调度台账 (policy §七(一)): one row per compound with stage, plan, consent, money and deadlines; CSV with a BOM so
// Excel opens the Chinese correctly. Pure: no svelte, no PocketBase.
import type { Stage, Tier } from '../types';
import type { CompoundMoney } from './report';
import type { CompoundRecord } from '../data/records';

export interface LedgerRow {
  id: string;
  code: string;
  name: string;
  township: string;
  community: string;
  stage: Stage;
  plan_year: number | null;
  tier: Tier | '';
  consent_pct: number | null;
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
}

export function ledgerRows(
  compounds: readonly CompoundRecord[],
  /** Money by compound id; null when not (yet) known. */
  money: ReadonlyMap<string, CompoundMoney> | null,
  lastEvent: ReadonlyMap<string, string>,
  overdue: ReadonlySet<string>,
  townshipName: ReadonlyMap<string, string>,
  communityName: ReadonlyMap<string, string>,
): LedgerRow[] {
  return compounds.map((c) => {
    const m = money?.get(c.id);
    const yuan = (v: number | undefined) => (money ? v ?? 0 : null);
    return {
      id: c.id, code: c.code, name: c.name,
      township: townshipName.get(c.township) ?? '', community: communityName.get(c.community) ?? '',
      stage: c.stage, plan_year: c.plan_year || null, tier: c.tier ?? '', consent_pct: c.consent_pct ?? null,
      households: c.households, buildings: c.buildings,
      estimate: yuan(m?.estimate), planned: yuan(m?.planned), received: yuan(m?.received), spent: yuan(m?.spent), gap: yuan(m?.gap),
      construction_start: (c.construction_start ?? '').slice(0, 10), construction_end_planned: (c.construction_end_planned ?? '').slice(0, 10),
      overdue: overdue.has(c.id), last_event: (lastEvent.get(c.id) ?? '').slice(0, 10),
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

/** A table as CSV (RFC 4180 quoting) with a UTF-8 byte-order mark. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const cell = (v: string | number | null) => {
    const s = v == null ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return '\ufeff' + [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
