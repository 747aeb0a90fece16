// The compound register kept in the app: a compound's edits (its public fields with the version it was loaded at, and
// its staff-only facts, in one batch: both or neither), its contacts and internal notes (compound_notes), its resident
// consent surveys (consent_surveys: the one place a tally lands; the server sets the compound's consent from the latest)
// and its history (the audit trail). The server decides who may write; the can…() helpers only choose what to show.
import { pb } from './pb';
import { listRelated } from './related';
import type { CompoundRecord, UserRecord } from './records';
import type * as Schema from './schema.gen';
import PRIVATE from '../../../pb_hooks/lib/compound-private.json';

export type ConsentSurveyRecord = Schema.ConsentSurveysRecord;
export type CompoundNotesRecord = Schema.CompoundNotesRecord;
export type AuditRow = Schema.AuditLogRecord;

export const SURVEY_METHODS = ['door_to_door', 'meeting', 'online', 'other'] as const satisfies readonly ConsentSurveyRecord['method'][];
export const EXCLUSION_REASONS = ['shanty_town', 'self_built', 'demolish_rebuild', 'other'] as const satisfies readonly NonNullable<Schema.CompoundsRecord['exclusion_reason']>[];
export const MANAGEMENT_MODES = ['property_company', 'self', 'none'] as const;

/** Public register fields a compound edit may change. */
export const EDITABLE_FIELDS = [
  'name', 'address', 'community', 'built_year', 'buildings', 'households', 'floor_area_m2', 'land_area_m2',
] as const;
/** Staff-only facts a compound edit may change (consent comes from surveys; the implementing unit from stage events). */
export const EDITABLE_FACTS = ['property_owner', 'management', 'maintenance_fund'] as const;
/** The office's decision on the policy's exclusions. */
export const EXCLUSION_FIELDS = ['excluded', 'exclusion_reason', 'exclusion_note'] as const;

export type CompoundEdit = Partial<Pick<CompoundRecord, (typeof EDITABLE_FIELDS)[number] | (typeof EDITABLE_FACTS)[number] | (typeof EXCLUSION_FIELDS)[number]>>;

/** Office: any compound; township: its own (mirrors the update rule of compounds). */
export function canEditCompound(user: UserRecord | null, compound: Pick<CompoundRecord, 'township'>): boolean {
  if (!user || user.active === false) return false;
  return user.role === 'office' || (user.role === 'township' && !!user.township && user.township === compound.township);
}

/** Who records consent surveys: the office, the 民政局 and the compound's own township (mirrors the rules). */
export function canRecordSurvey(user: UserRecord | null, compound: Pick<CompoundRecord, 'township'>): boolean {
  if (!user || user.active === false) return false;
  return canEditCompound(user, compound) || (user.role === 'department' && user.department === 'civil');
}

/** The fields of `edit` that differ from the compound, split into public fields and staff-only facts. */
export function changedFields(compound: CompoundRecord, edit: CompoundEdit): { fields: Record<string, unknown>; facts: Record<string, unknown> } {
  const fields: Record<string, unknown> = {};
  const facts: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(edit)) {
    const cur = (compound as unknown as Record<string, unknown>)[k];
    if (v === undefined || v === cur || ((v === '' || v === null) && (cur === '' || cur == null))) continue;
    if ((PRIVATE.fields as string[]).includes(k)) facts[k] = v;
    else fields[k] = v;
  }
  return { fields, facts };
}

/**
 * Saves a compound's changes in one batch (both parts or neither): its public fields with the version it was loaded
 * at — a compound someone changed since is refused with 409 — and its staff-only facts (compound_private, upserted).
 * @returns the saved compound (with its new version), or the same one when nothing changed
 */
export async function saveCompound(compound: CompoundRecord, edit: CompoundEdit): Promise<{ changed: boolean }> {
  const { fields, facts } = changedFields(compound, edit);
  if (!Object.keys(fields).length && !Object.keys(facts).length) return { changed: false };
  const batch = pb.createBatch();
  // The version goes even when only facts change: a stale panel is refused rather than writing over newer facts.
  batch.collection('compounds').update(compound.id, { ...fields, version: compound.version });
  if (Object.keys(facts).length) batch.collection(PRIVATE.collection).upsert({ ...facts, id: compound.id, compound: compound.id });
  await batch.send({ requestKey: null });
  return { changed: true };
}

/** Saves a new outline (validated by the server like drawn zones), with the version it was loaded at. */
export async function saveCompoundOutline(compound: CompoundRecord, geometry: CompoundRecord['geometry']): Promise<CompoundRecord> {
  return pb.collection('compounds').update<CompoundRecord>(compound.id, { geometry, version: compound.version }, { requestKey: null });
}

/** The compound's history: audit rows of the compound and its staff-only facts (same id), newest first. */
export async function compoundHistory(compoundId: string, max = 30): Promise<AuditRow[]> {
  const res = await pb.collection('audit_log').getList(1, max, {
    filter: pb.filter('record = {:id} && (collection = "compounds" || collection = "compound_private")', { id: compoundId }),
    sort: '-at,-id',
    requestKey: 'compound-history',
  });
  return res.items;
}

// --- contacts and internal notes ----------------------------------------------------------------------------------

export type NotesInput = Pick<CompoundNotesRecord, 'contact_name' | 'contact_phone' | 'contact_role' | 'internal_notes'>;

/** The compound's contacts and notes record (one per compound), or null. */
export async function loadNotes(compoundId: string): Promise<CompoundNotesRecord | null> {
  const rows = await listRelated('compound_notes', 'compound', compoundId, { requestKey: 'notes-of-compound' });
  return rows[0] ?? null;
}

/** Creates the record, or updates it (the link to the compound is never sent again). */
export async function saveNotes(compoundId: string, current: CompoundNotesRecord | null, input: NotesInput): Promise<CompoundNotesRecord> {
  if (current) return pb.collection('compound_notes').update<CompoundNotesRecord>(current.id, input);
  return pb.collection('compound_notes').create<CompoundNotesRecord>({ ...input, compound: compoundId });
}

// --- consent surveys ------------------------------------------------------------------------------------------------

export interface SurveyInput {
  survey_date: string;
  method: ConsentSurveyRecord['method'];
  /** Blank: the compound's registered households. */
  households_total: number | null;
  households_surveyed: number;
  households_agreeing: number;
  note: string;
}

/** A problem with a survey draft, checked before sending (the server checks the same and says so in Chinese). */
export type SurveyProblem =
  | { field: 'survey_date'; problem: 'required' | 'future' }
  | { field: 'method'; problem: 'required' }
  | { field: 'households_total' | 'households_surveyed' | 'households_agreeing'; problem: 'integer' | 'required' }
  | { field: 'households_total'; problem: 'missing' }
  | { field: 'households_surveyed'; problem: 'over_total'; total: number }
  | { field: 'households_agreeing'; problem: 'over_surveyed' }
  | { field: 'sheet'; problem: 'required' | 'too_many' | 'too_large' | 'type' };

export const SHEET_LIMITS = { maxFiles: 5, maxBytes: 10 * 1024 * 1024, mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] } as const;

/**
 * Checks a survey draft: integers, surveyed ≤ households, agreeing ≤ surveyed, a sheet unless answered online.
 * @param households the compound's registered households (used when the draft leaves the total blank)
 * @example checkSurvey({ survey_date: '2025-05-01', method: 'meeting', households_total: null, households_surveyed: 90, households_agreeing: 95, note: '' }, 100, [], '2025-06-01')
 *   // → { field: 'households_agreeing', problem: 'over_surveyed' }
 */
export function checkSurvey(
  draft: SurveyInput, households: number, files: readonly { size: number; type: string }[], today: string,
): SurveyProblem | null {
  if (!draft.survey_date) return { field: 'survey_date', problem: 'required' };
  if (draft.survey_date.slice(0, 10) > today) return { field: 'survey_date', problem: 'future' };
  if (!draft.method) return { field: 'method', problem: 'required' };
  for (const f of ['households_total', 'households_surveyed', 'households_agreeing'] as const) {
    const v = draft[f];
    if (v === null && f === 'households_total') continue;
    if (v === null || !Number.isFinite(v)) return { field: f, problem: 'required' };
    if (!Number.isInteger(v) || v < 0) return { field: f, problem: 'integer' };
  }
  const total = draft.households_total ?? households;
  if (!(total > 0)) return { field: 'households_total', problem: 'missing' };
  if (!(draft.households_surveyed > 0)) return { field: 'households_surveyed', problem: 'required' };
  if (draft.households_surveyed > total) return { field: 'households_surveyed', problem: 'over_total', total };
  if (draft.households_agreeing > draft.households_surveyed) return { field: 'households_agreeing', problem: 'over_surveyed' };
  if (draft.method !== 'online' && files.length === 0) return { field: 'sheet', problem: 'required' };
  if (files.length > SHEET_LIMITS.maxFiles) return { field: 'sheet', problem: 'too_many' };
  for (const f of files) {
    if (f.size > SHEET_LIMITS.maxBytes) return { field: 'sheet', problem: 'too_large' };
    if (!(SHEET_LIMITS.mimeTypes as readonly string[]).includes(f.type)) return { field: 'sheet', problem: 'type' };
  }
  return null;
}

/** agreeing ÷ households in percent, to 0.01 — the figure the server will set. */
export function consentOf(agreeing: number, households: number): number {
  return Math.round((agreeing / households) * 10000) / 100;
}

export function listSurveys(compoundId: string): Promise<ConsentSurveyRecord[]> {
  return listRelated('consent_surveys', 'compound', compoundId, { sort: '-survey_date,-created', requestKey: 'surveys-of-compound' });
}

export async function recordSurvey(compoundId: string, input: SurveyInput, files: readonly File[]): Promise<ConsentSurveyRecord> {
  const fd = new FormData();
  fd.append('compound', compoundId);
  fd.append('survey_date', input.survey_date);
  fd.append('method', input.method);
  if (input.households_total !== null) fd.append('households_total', String(input.households_total));
  fd.append('households_surveyed', String(input.households_surveyed));
  fd.append('households_agreeing', String(input.households_agreeing));
  if (input.note) fd.append('note', input.note);
  for (const f of files) fd.append('sheet', f);
  return pb.collection('consent_surveys').create<ConsentSurveyRecord>(fd, { requestKey: null });
}

export async function deleteSurvey(id: string): Promise<void> {
  await pb.collection('consent_surveys').delete(id);
}

export function sheetUrl(record: ConsentSurveyRecord, name: string): string {
  return pb.files.getURL(record, name);
}

export { consentBand, CONSENT_BANDS, NEAR_POINTS, type ConsentBand } from '../programme/consent';
