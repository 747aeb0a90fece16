// Guards the department-record form checks and which forms show (#6): required fields, dates not after today (a
// pending elevator inspection may be scheduled ahead), consent 0–100, attachment limits; writers mirror the API rules.
import { describe, expect, it } from 'vitest';
import { canWriteDepartmentRecord, checkDepartmentDraft } from '../../src/lib/data/department-records';
import type { UserRecord } from '../../src/lib/data/records';

const TODAY = '2025-06-01';
const user = (u: Partial<UserRecord>): UserRecord =>
  Object.freeze({ id: 'u', email: 'x@y', name: 'x', role: 'department', township: '', department: '', active: true, is_demo: false, ...u }) as UserRecord;

describe('checkDepartmentDraft', () => {
  it('names the first missing required field', () => {
    expect(checkDepartmentDraft('approvals', { kind: '', status: 'pending', date: TODAY }, [], TODAY)).toEqual({ field: 'kind', problem: 'required' });
    expect(checkDepartmentDraft('elevator_inspections', { kind: 'periodic', result: 'pass', date: '' }, [], TODAY)).toEqual({ field: 'date', problem: 'required' });
    expect(checkDepartmentDraft('consultations', { kind: 'meeting', date: TODAY }, [], TODAY)).toBeNull();
  });

  it('refuses dates after today, except a pending inspection', () => {
    expect(checkDepartmentDraft('approvals', { kind: 'permit', status: 'approved', date: '2025-06-02' }, [], TODAY)).toEqual({ field: 'date', problem: 'future' });
    expect(checkDepartmentDraft('elevator_inspections', { kind: 'periodic', result: 'pass', date: '2025-06-02' }, [], TODAY)).toEqual({ field: 'date', problem: 'future' });
    expect(checkDepartmentDraft('elevator_inspections', { kind: 'periodic', result: 'pending', date: '2025-07-01' }, [], TODAY)).toBeNull();
    expect(checkDepartmentDraft('consultations', { kind: 'survey', date: '2025-06-02' }, [], TODAY)).toEqual({ field: 'date', problem: 'future' });
  });

  it('checks consultation numbers and attachments', () => {
    const base = { kind: 'meeting', date: TODAY };
    expect(checkDepartmentDraft('consultations', { ...base, consent_pct: 100.5 }, [], TODAY)).toEqual({ field: 'consent_pct', problem: 'range' });
    expect(checkDepartmentDraft('consultations', { ...base, participants: 2.5 }, [], TODAY)).toEqual({ field: 'participants', problem: 'integer' });
    expect(checkDepartmentDraft('consultations', { ...base, participants: null, consent_pct: '' }, [], TODAY)).toBeNull();
    const pdf = { size: 1000, type: 'application/pdf' };
    expect(checkDepartmentDraft('consultations', base, Array(6).fill(pdf), TODAY)).toEqual({ field: 'documents', problem: 'too_many_files' });
    expect(checkDepartmentDraft('consultations', base, [{ size: 11 * 1024 * 1024, type: 'application/pdf' }], TODAY)).toEqual({ field: 'documents', problem: 'file_too_large' });
    expect(checkDepartmentDraft('consultations', base, [{ size: 10, type: 'text/plain' }], TODAY)).toEqual({ field: 'documents', problem: 'file_type' });
    expect(checkDepartmentDraft('consultations', base, [pdf], TODAY)).toBeNull();
  });
});

describe('canWriteDepartmentRecord', () => {
  it('lets the office and the matching department write, and the own township write consultations', () => {
    const cols = ['approvals', 'elevator_inspections', 'consultations'] as const;
    const row = (u: UserRecord | null) => cols.map((c) => canWriteDepartmentRecord(c, u, 'tw1'));
    expect(row(null)).toEqual([false, false, false]);
    expect(row(user({ role: 'office' }))).toEqual([true, true, true]);
    expect(row(user({ role: 'office', active: false }))).toEqual([false, false, false]);
    expect(row(user({ department: 'approval' }))).toEqual([true, false, false]);
    expect(row(user({ department: 'market' }))).toEqual([false, true, false]);
    expect(row(user({ department: 'civil' }))).toEqual([false, false, true]);
    expect(row(user({ department: 'finance' }))).toEqual([false, false, false]);
    expect(row(user({ role: 'township', township: 'tw1' }))).toEqual([false, false, true]);
    expect(row(user({ role: 'township', township: 'tw2' }))).toEqual([false, false, false]);
    expect(row(user({ role: 'planner' }))).toEqual([false, false, false]);
  });
});
