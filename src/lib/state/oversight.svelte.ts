// What supervision and the ledger's long-term management columns read besides the programme records: plan entries, when
// feedback came and was answered, 督办 items, long-term management records and the settings (weights, check
// interval). Loaded for signed-in staff; `load()` again after a change.
import { listAll, loadOversightSettings, type ArrangementRecord, type CheckRecord, type FundRecord, type OversightSettings, type SupervisionItemRecord } from '../data/oversight';
import type { PlanEntryRecord } from '../data/records';
import type * as Schema from '../data/schema.gen';
import { DEFAULT_WEIGHTS } from '../programme/supervision';
import { Loadable } from './loadable.svelte';

export interface OversightRecords {
  entries: PlanEntryRecord[];
  feedback: Schema.FeedbackTimelinessRecord[];
  items: SupervisionItemRecord[];
  arrangements: ArrangementRecord[];
  funds: FundRecord[];
  checks: CheckRecord[];
  settings: OversightSettings;
}
const NONE: OversightRecords = { entries: [], feedback: [], items: [], arrangements: [], funds: [], checks: [], settings: { weights: DEFAULT_WEIGHTS, checkIntervalMonths: 6 } };

export class Oversight extends Loadable {
  data = $state.raw<OversightRecords>(NONE);

  load() {
    return this.attempt(async () => {
      const [entries, feedback, items, arrangements, funds, checks, settings] = await Promise.all([
        listAll('plan_entries'), listAll('feedback_timeliness'), listAll('supervision_items', { sort: '-issued_date,-created', expand: 'issued_by,compound' }),
        listAll('management_arrangements', { sort: 'start_date' }), listAll('maintenance_funds'), listAll('management_checks', { sort: 'date' }),
        loadOversightSettings(),
      ]);
      return { entries, feedback, items: items as SupervisionItemRecord[], arrangements, funds, checks, settings };
    }, (v) => { this.data = v; });
  }
}

/** Per compound: the arrangement in force, the fund and the checks (for the ledger and the year-end summary). */
export interface ManagementSummary {
  mode: string; company: string; contractEnd: string;
  fundTarget: number | null; fundCollected: number | null;
  lastCheck: string; lastScore: number | null; rating: number | null; checks: number;
}
export function managementByCompound(d: Pick<OversightRecords, 'arrangements' | 'funds' | 'checks'>): Map<string, ManagementSummary> {
  const out = new Map<string, ManagementSummary>();
  const get = (id: string) => {
    let s = out.get(id);
    if (!s) out.set(id, (s = { mode: '', company: '', contractEnd: '', fundTarget: null, fundCollected: null, lastCheck: '', lastScore: null, rating: null, checks: 0 }));
    return s;
  };
  for (const a of [...d.arrangements].sort((x, y) => x.start_date.localeCompare(y.start_date))) {
    const s = get(a.compound);
    s.mode = a.mode;
    s.company = a.company;
    s.contractEnd = (a.contract_end ?? '').slice(0, 10);
  }
  for (const f of d.funds) {
    const s = get(f.compound);
    s.fundTarget = f.target_yuan;
    s.fundCollected = f.collected_yuan;
  }
  const ratings = new Map<string, number[]>();
  for (const c of d.checks) {
    const s = get(c.compound);
    s.checks++;
    if (c.date.slice(0, 10) >= s.lastCheck) {
      s.lastCheck = c.date.slice(0, 10);
      s.lastScore = c.score;
    }
    if (c.service_rating) ratings.set(c.compound, [...(ratings.get(c.compound) ?? []), c.service_rating]);
  }
  for (const [id, list] of ratings) get(id).rating = Math.round((10 * list.reduce((a, b) => a + b, 0)) / list.length) / 10;
  return out;
}
