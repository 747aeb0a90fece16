// After the works and above them: long-term management per compound, supervision (督办 items, the score's weights),
// the departments' duty records and reports on record. Collections and rules: pb_migrations/17337000xx_*.js; the rules
// that depend on each other: pb_hooks/lib/oversight.js. The server decides who writes; the UI only chooses which
// forms to show and says the server's message when it refuses.
import { pb } from './pb';
import type * as Schema from './schema.gen';
import type { CollectionName, CollectionRecords } from './schema.gen';
import { DEFAULT_WEIGHTS, SCORE_PARTS, type Weights } from '../programme/supervision';

export type ArrangementRecord = Schema.ManagementArrangementsRecord;
export type FundRecord = Schema.MaintenanceFundsRecord;
export type CheckRecord = Schema.ManagementChecksRecord;
export type SupervisionItemRecord = Schema.SupervisionItemsRecord & { expand?: { issued_by?: { name: string }; compound?: { name: string; code: string } } };
export type BudgetApplicationRecord = Schema.BudgetApplicationsRecord;
export type LandRecord = Schema.LandRecordsRecord;
export type AuditFindingRecord = Schema.AuditFindingsRecord;
export type ElderlySubsidyRecord = Schema.ElderlySubsidiesRecord;
export type MonthlyReportRecord = Schema.MonthlyReportsRecord & { expand?: { submitted_by?: { name: string } } };
export type YearSummaryRecord = Schema.YearSummariesRecord;

export const MANAGEMENT_COLLECTIONS = ['management_arrangements', 'maintenance_funds', 'management_checks'] as const;
export type ManagementCollection = (typeof MANAGEMENT_COLLECTIONS)[number];
export const DUTY_COLLECTIONS = ['budget_applications', 'land_records', 'audit_findings', 'elderly_subsidies'] as const;
export type DutyCollection = (typeof DUTY_COLLECTIONS)[number];
/** The department (users.department) that alone writes each duty collection. */
export const DUTY_DEPARTMENT: Record<DutyCollection, string> = {
  budget_applications: 'development', land_records: 'resources', audit_findings: 'audit', elderly_subsidies: 'civil',
};

/** Fields as sent: files under their field name, blank optional values left out (the server refuses a blank number). */
export function formBody(fields: Record<string, unknown>, files: Record<string, readonly File[]> = {}): FormData | Record<string, unknown> {
  const clean: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== '' && v !== undefined) clean[k] = v;
  const fileEntries = Object.entries(files).filter(([, f]) => f.length);
  if (!fileEntries.length) return clean;
  const fd = new FormData();
  for (const [k, v] of Object.entries(clean)) {
    if (v == null) continue;
    for (const x of Array.isArray(v) ? v : [v]) fd.append(k, typeof x === 'object' ? JSON.stringify(x) : String(x));
  }
  for (const [k, list] of fileEntries) for (const f of list) fd.append(k, f);
  return fd;
}

export async function listAll<K extends CollectionName>(collection: K, opts: { filter?: string; sort?: string; expand?: string } = {}): Promise<CollectionRecords[K][]> {
  return pb.collection(collection).getFullList({ batch: 1000, requestKey: `oversight-${collection}-${opts.filter ?? ''}`, ...opts });
}

export async function createIn<K extends CollectionName>(collection: K, fields: Record<string, unknown>, files: Record<string, readonly File[]> = {}): Promise<CollectionRecords[K]> {
  return pb.collection(collection).create(formBody(fields, files));
}

export async function updateIn<K extends CollectionName>(collection: K, id: string, fields: Record<string, unknown>, files: Record<string, readonly File[]> = {}): Promise<CollectionRecords[K]> {
  return pb.collection(collection).update(id, formBody(fields, files));
}

export async function deleteIn(collection: CollectionName, id: string): Promise<void> {
  await pb.collection(collection).delete(id);
}

export function fileUrl(record: { id: string; collectionName?: string }, name: string): string {
  return pb.files.getURL(record as { id: string; collectionName: string }, name);
}

// ---- settings -----------------------------------------------------------------------------------------------------------

const SETTINGS_ID = 'settings0000001';
export interface OversightSettings { weights: Weights; checkIntervalMonths: number }

export async function loadOversightSettings(): Promise<OversightSettings> {
  const r = await pb.collection('programme_settings').getOne(SETTINGS_ID, { requestKey: 'oversight-settings' });
  const weights = { ...DEFAULT_WEIGHTS };
  for (const k of SCORE_PARTS) weights[k] = Number(r[`weight_${k}`] ?? DEFAULT_WEIGHTS[k]);
  return { weights, checkIntervalMonths: r.check_interval_months || 6 };
}

export async function saveWeights(w: Weights): Promise<void> {
  await pb.collection('programme_settings').update(SETTINGS_ID, Object.fromEntries(SCORE_PARTS.map((k) => [`weight_${k}`, w[k]])));
}

export async function saveCheckInterval(months: number): Promise<void> {
  await pb.collection('programme_settings').update(SETTINGS_ID, { check_interval_months: months });
}

// ---- reports on record ------------------------------------------------------------------------------------------------

/** Every submitted version of every month (newest first), with who submitted. */
export async function listMonthlyReports(): Promise<MonthlyReportRecord[]> {
  return pb.collection('monthly_reports').getFullList({ sort: '-month,-version', expand: 'submitted_by', requestKey: 'monthly-reports' });
}

/** Freezes a month: the figures as shown and the XLSX as made. A correction carries its reason. */
export async function submitMonthlyReport(input: { month: string; period: string; figures: unknown; workbook: Blob; fileName: string; reason?: string; isDemo: boolean }): Promise<MonthlyReportRecord> {
  const fd = new FormData();
  fd.append('month', input.month);
  if (input.period) fd.append('period', input.period);
  fd.append('figures', JSON.stringify(input.figures));
  if (input.reason) fd.append('reason', input.reason);
  fd.append('is_demo', String(input.isDemo));
  fd.append('workbook', new File([input.workbook], input.fileName, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  return pb.collection('monthly_reports').create(fd, { expand: 'submitted_by' });
}

export async function loadYearSummary(year: number): Promise<YearSummaryRecord | null> {
  const rows = await pb.collection('year_summaries').getFullList({ filter: pb.filter('year = {:y}', { y: year }), requestKey: 'year-summary' });
  return rows[0] ?? null;
}

export async function saveYearSummary(year: number, id: string | null, blocks: Record<string, string>, isDemo = false): Promise<YearSummaryRecord> {
  return id ? pb.collection('year_summaries').update(id, blocks) : pb.collection('year_summaries').create({ year, ...blocks, is_demo: isDemo });
}
