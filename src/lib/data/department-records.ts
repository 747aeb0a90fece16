// The records departments keep under their duty (policy 附件 三): 行政审批局 approvals, 市场监管局 elevator inspections,
// 民政局 community consultation. Collections and rules: pb_migrations/1732600310_department_records.js. The server
// decides who writes; canWriteDepartmentRecord() only chooses which forms to show.
import { pb } from './pb';
import { listRelated } from './related';
import type { BaseRecord, CollectionRecords, UserRecord } from './records';
import type * as Schema from './schema.gen';

export const DEPARTMENT_COLLECTIONS = ['approvals', 'elevator_inspections', 'consultations'] as const;
export type DepartmentCollection = (typeof DEPARTMENT_COLLECTIONS)[number];

export const APPROVAL_KINDS = ['joint_review', 'merged', 'notification_commitment', 'permit', 'permit_exempt', 'fee_waiver_filing', 'land_use', 'other'] as const satisfies readonly Schema.ApprovalsRecord['kind'][];
/** What a merged approval (合并审批) merges, and what a fee-waiver filing (备案) waives (policy 六(一), 六(三)). */
export const MERGED_DOCUMENTS = ['proposal', 'feasibility', 'preliminary_design', 'budget_estimate'] as const satisfies readonly Schema.ApprovalsRecord['merged_documents'][number][];
export const WAIVER_ITEMS = ['pipe_connection', 'road_opening'] as const satisfies readonly Schema.ApprovalsRecord['waiver_items'][number][];
export const APPROVAL_STATUSES = ['pending', 'approved', 'returned'] as const satisfies readonly Schema.ApprovalsRecord['status'][];
export const INSPECTION_KINDS = ['installation', 'periodic', 'maintenance'] as const satisfies readonly Schema.ElevatorInspectionsRecord['kind'][];
export const INSPECTION_RESULTS = ['pass', 'fail', 'pending'] as const satisfies readonly Schema.ElevatorInspectionsRecord['result'][];
export const CONSULTATION_KINDS = ['meeting', 'survey', 'hearing', 'acceptance'] as const satisfies readonly Schema.ConsultationsRecord['kind'][];

/** The department code (users.department) that writes each collection, besides the office. */
export const WRITER_DEPARTMENT: Record<DepartmentCollection, string> = {
  approvals: 'approval',
  elevator_inspections: 'market',
  consultations: 'civil',
};

/** Limits of the `documents` file field (same as the migration). */
export const DOCUMENT_LIMITS = { maxFiles: 5, maxBytes: 10 * 1024 * 1024, mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] } as const;

export type ApprovalRecord = Schema.ApprovalsRecord;
export type ElevatorInspectionRecord = Schema.ElevatorInspectionsRecord;
export type ConsultationRecord = Schema.ConsultationsRecord;

export type DepartmentRecordOf = Pick<CollectionRecords, DepartmentCollection>;
type DepartmentRecordBase = DepartmentRecordOf[DepartmentCollection];

/** What a form sends: the record's own fields (no id, files or autodates). */
export type DepartmentInput<C extends DepartmentCollection> = Omit<DepartmentRecordOf[C], keyof BaseRecord | 'documents' | 'is_demo' | 'created' | 'updated'>;

/** A compound's records of one collection, newest first. */
export async function listDepartmentRecords<C extends DepartmentCollection>(collection: C, compoundId: string): Promise<DepartmentRecordOf[C][]> {
  return listRelated(collection, 'compound', compoundId, { sort: '-date,-created', requestKey: `${collection}-of-compound` }) as Promise<DepartmentRecordOf[C][]>;
}

// Files go as multipart; plain fields alone go as JSON.
function body(fields: Record<string, unknown>, files: readonly File[], fileKey = 'documents'): FormData | Record<string, unknown> {
  if (!files.length) return fields;
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (v == null) continue;
    for (const x of Array.isArray(v) ? v : [v]) fd.append(k, String(x));
  }
  for (const f of files) fd.append(fileKey, f);
  return fd;
}

export async function createDepartmentRecord<C extends DepartmentCollection>(
  collection: C, fields: DepartmentInput<C>, files: readonly File[] = [],
): Promise<DepartmentRecordOf[C]> {
  return pb.collection(collection).create<DepartmentRecordOf[C]>(body({ ...fields }, files));
}

/** Updates fields; `files` are appended to the record's documents (PocketBase's `documents+`). */
export async function updateDepartmentRecord<C extends DepartmentCollection>(
  collection: C, id: string, fields: Partial<DepartmentInput<C>>, files: readonly File[] = [],
): Promise<DepartmentRecordOf[C]> {
  return pb.collection(collection).update<DepartmentRecordOf[C]>(id, body({ ...fields }, files, 'documents+'));
}

export async function deleteDepartmentRecord(collection: DepartmentCollection, id: string): Promise<void> {
  await pb.collection(collection).delete(id);
}

export function documentUrl(record: DepartmentRecordBase, name: string): string {
  return pb.files.getURL(record, name);
}

/**
 * Whether this user's role may write this collection for a compound in `compoundTownship` — mirrors the API rules so
 * the UI shows only forms that can succeed. Consultations are also written by the compound's own township.
 */
export function canWriteDepartmentRecord(collection: DepartmentCollection, user: UserRecord | null, compoundTownship: string): boolean {
  if (!user || user.active === false) return false;
  if (user.role === 'office') return true;
  if (user.role === 'department') return user.department === WRITER_DEPARTMENT[collection];
  return collection === 'consultations' && user.role === 'township' && !!user.township && user.township === compoundTownship;
}

/** A problem with a draft: which field, and what is wrong (the UI turns it into a sentence naming the field). */
export interface DraftProblem {
  field: string;
  problem: 'required' | 'future' | 'range' | 'integer' | 'too_many_files' | 'file_too_large' | 'file_type';
}

/**
 * Checks a draft before it is sent. `today` is 'YYYY-MM-DD' (Beijing). Dates may not lie in the future, except an
 * elevator inspection still pending (it may be scheduled).
 * @example checkDepartmentDraft('approvals', { kind: 'permit', status: 'approved', date: '2099-01-01' }, [], '2025-06-01')
 *   // → { field: 'date', problem: 'future' }
 */
export function checkDepartmentDraft(
  collection: DepartmentCollection, draft: Record<string, unknown>, files: readonly { size: number; type: string }[], today: string,
): DraftProblem | null {
  const required = collection === 'approvals' ? ['kind', 'status', 'date'] : collection === 'elevator_inspections' ? ['kind', 'result', 'date'] : ['kind', 'date'];
  for (const field of required) if (draft[field] == null || String(draft[field]).trim() === '') return { field, problem: 'required' };
  const date = String(draft.date).slice(0, 10);
  const mayBeAhead = collection === 'elevator_inspections' && draft.result === 'pending';
  if (!mayBeAhead && date > today) return { field: 'date', problem: 'future' };
  if (collection === 'consultations') {
    const p = draft.participants;
    if (p != null && p !== '') {
      if (!Number.isInteger(Number(p))) return { field: 'participants', problem: 'integer' };
      if (Number(p) < 0) return { field: 'participants', problem: 'range' };
    }
    // A consultation of kind survey carries its tally; the server computes its consent and records the survey.
    if (draft.kind === 'survey') {
      for (const field of ['households_surveyed', 'households_agreeing']) {
        const v = draft[field];
        if (v == null || v === '') return { field, problem: 'required' };
        if (!Number.isInteger(Number(v)) || Number(v) < 0) return { field, problem: 'integer' };
      }
      if (Number(draft.households_agreeing) > Number(draft.households_surveyed)) return { field: 'households_agreeing', problem: 'range' };
      if (files.length === 0) return { field: 'documents', problem: 'required' };
    }
    const c = draft.consent_pct;
    if (c != null && c !== '' && (!Number.isFinite(Number(c)) || Number(c) < 0 || Number(c) > 100)) return { field: 'consent_pct', problem: 'range' };
  }
  if (files.length > DOCUMENT_LIMITS.maxFiles) return { field: 'documents', problem: 'too_many_files' };
  for (const f of files) {
    if (f.size > DOCUMENT_LIMITS.maxBytes) return { field: 'documents', problem: 'file_too_large' };
    if (!(DOCUMENT_LIMITS.mimeTypes as readonly string[]).includes(f.type)) return { field: 'documents', problem: 'file_type' };
  }
  return null;
}
