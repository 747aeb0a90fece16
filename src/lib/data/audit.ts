// The audit trail (#6): read-only. Rows are written by server hooks only.
import { pb } from './pb';
import type { AuditLogRecord, CollectionName } from './schema.gen';

export type AuditRow = AuditLogRecord;

/** The collections whose writes the server's audit hook records (pb_hooks/audit.pb.js), for the log's filter. */
export const AUDITED_COLLECTIONS: readonly CollectionName[] = [
  'compounds', 'compound_notes', 'design_zones', 'facility_sites', 'funding', 'annual_plans', 'plan_entries',
  'stage_events', 'renovation_items', 'approvals', 'elevator_inspections', 'consultations', 'consent_surveys', 'feedback', 'users', 'programme_settings',
  'management_arrangements', 'maintenance_funds', 'management_checks', 'supervision_items', 'budget_applications', 'land_records',
  'audit_findings', 'elderly_subsidies', 'monthly_reports', 'year_summaries',
];

export interface AuditQuery {
  text?: string;
  collection?: string;
  record?: string;
  action?: string;
  from?: string; // YYYY-MM-DD
  to?: string;
  page?: number;
}

export function auditFilter(q: AuditQuery): string {
  const parts: string[] = [];
  if (q.collection) parts.push(pb.filter('collection = {:c}', { c: q.collection }));
  if (q.record) parts.push(pb.filter('record = {:r}', { r: q.record }));
  if (q.action) parts.push(pb.filter('action = {:a}', { a: q.action }));
  // Dates are chosen in Beijing time; the log stores UTC.
  const utc = (day: string, time: string) => new Date(`${day}T${time}+08:00`).toISOString().replace('T', ' ');
  if (q.from) parts.push(pb.filter('at >= {:f}', { f: utc(q.from, '00:00:00.000') }));
  if (q.to) parts.push(pb.filter('at <= {:t}', { t: utc(q.to, '23:59:59.999') }));
  if (q.text) parts.push(pb.filter('(label ~ {:q} || by_name ~ {:q} || record = {:q} || changed ~ {:q})', { q: q.text }));
  return parts.join(' && ');
}

export async function searchAudit(q: AuditQuery) {
  return pb.collection('audit_log').getList(q.page ?? 1, 50, {
    filter: auditFilter(q), sort: '-at,-id', requestKey: 'audit-search',
  });
}
