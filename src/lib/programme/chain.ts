// The city's chain for a year's plan (policy 四(三)), as the server's transition table has it (pb_hooks/lib/plans.js
// YEAR_STEPS): the steps in order, who takes each, and what evidence it asks for — so screens offer only the step that
// can succeed. The server decides; its message is what the user reads when it refuses. Pure.
import type { PlanYearRecord, PlanYearStatus, UserRecord } from '../data/records';

export const YEAR_STATUSES = ['open', 'reviewed', 'city_approved', 'issued', 'filed'] as const satisfies readonly PlanYearStatus[];

export type YearStep = 'review' | 'city_consent' | 'joint_doc' | 'filing';

export interface StepDef {
  step: YearStep;
  from: PlanYearStatus;
  to: PlanYearStatus;
  /** 'office', or 'department:finance' for a department account. */
  roles: readonly string[];
  /** Fields the step writes (files as file inputs). */
  fields: readonly string[];
  files: readonly string[];
}

export const YEAR_STEPS: readonly StepDef[] = [
  { step: 'review', from: 'open', to: 'reviewed', roles: ['office'], fields: ['review_opinion', 'over_ceiling_reason'], files: [] },
  { step: 'city_consent', from: 'reviewed', to: 'city_approved', roles: ['office'], fields: ['city_consent_date', 'city_consent_number'], files: ['city_consent_file'] },
  { step: 'joint_doc', from: 'city_approved', to: 'issued', roles: ['office', 'department:development', 'department:finance'],
    fields: ['joint_doc_number', 'joint_doc_date', 'joint_doc_issuers'], files: ['joint_doc_file'] },
  { step: 'filing', from: 'issued', to: 'filed', roles: ['office'], fields: ['filed_date', 'filing_number'], files: ['filing_receipt'] },
];

/** The three bodies that issue the joint document (住建局、发改委、财政局) and their full names. */
export const ISSUERS = ['housing', 'development', 'finance'] as const;
export const ISSUER_NAMES: Record<(typeof ISSUERS)[number], string> = {
  housing: '汾阳市住房和城乡建设局',
  development: '汾阳市发展和改革局',
  finance: '汾阳市财政局',
};

/** The step that takes a year's plan on from its status (null when filed). */
export function nextStep(status: PlanYearStatus): StepDef | null {
  return YEAR_STEPS.find((s) => s.from === status) ?? null;
}

/** How far a status is along the chain (0 = open … 4 = filed). */
export function stepIndex(status: PlanYearStatus): number {
  return YEAR_STATUSES.indexOf(status);
}

/** 'office', 'township', 'department:finance' … for a user. */
export function roleKey(user: Pick<UserRecord, 'role' | 'department'> | null): string {
  if (!user) return '';
  return user.role === 'department' ? `department:${user.department}` : user.role;
}

/** Whether this user may take the step (mirrors the server's table). */
export function mayTake(step: StepDef, user: Pick<UserRecord, 'role' | 'department'> | null): boolean {
  return step.roles.includes(roleKey(user));
}

/** A return sends a reviewed or city-approved year back to open, by the office, with a reason. */
export function mayReturn(year: Pick<PlanYearRecord, 'status'>, user: Pick<UserRecord, 'role' | 'department'> | null): boolean {
  return (year.status === 'reviewed' || year.status === 'city_approved') && roleKey(user) === 'office';
}

/** The dates of the steps a year has taken, for a timeline: step → YYYY-MM-DD ('' when not taken). */
export function stepDates(y: PlanYearRecord): Record<YearStep, string> {
  const d = (s: string) => (s ?? '').slice(0, 10);
  const at = stepIndex(y.status);
  return {
    review: at >= 1 ? d(y.reviewed_at) : '',
    city_consent: at >= 2 ? d(y.city_consent_date) : '',
    joint_doc: at >= 3 ? d(y.joint_doc_date) : '',
    filing: at >= 4 ? d(y.filed_date) : '',
  };
}
