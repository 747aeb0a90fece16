// The acceptance checklist of a compound (policy 四(五)): each renovation item done (with its date and a photo) or
// waived with a reason, items done after the planned completion marked late, and the five parties suggested from
// what is recorded (the implementing body builds; the winners of the design, construction and supervision tenders).
// Mirrors the server's rule (pb_hooks/lib/stages.js checkChecklist), which decides. Pure.

export interface CItem { id: string; item: string; status: string; done_date?: string; photos?: readonly string[]; waive_reason?: string }
export type CheckState = 'done' | 'waived' | 'open' | 'no_photo' | 'no_date' | 'no_reason';

export interface CheckRow {
  id: string;
  item: string;
  state: CheckState;
  /** Done after the planned completion date. */
  late: boolean;
  doneDate: string;
}

const day = (s: string | undefined) => (s ?? '').slice(0, 10);

/**
 * The checklist rows of a compound's items and whether it may be accepted.
 * @param plannedEnd the construction's planned completion date ('' when unknown)
 * @example checklist([{ id: 'a', item: 'lighting', status: 'done', done_date: '2026-05-02', photos: ['p.png'] }], '2026-04-30').rows[0].late // true
 */
export function checklist(items: readonly CItem[], plannedEnd: string): { rows: CheckRow[]; ready: boolean; open: number; late: number } {
  const end = day(plannedEnd);
  const rows = items.map((it): CheckRow => {
    const doneDate = day(it.done_date);
    let state: CheckState;
    if (it.status === 'done') state = !doneDate ? 'no_date' : (it.photos?.length ?? 0) === 0 ? 'no_photo' : 'done';
    else if (it.status === 'waived') state = (it.waive_reason ?? '').trim() ? 'waived' : 'no_reason';
    else state = 'open';
    return { id: it.id, item: it.item, state, doneDate, late: it.status === 'done' && !!end && !!doneDate && doneDate > end };
  });
  const open = rows.filter((r) => r.state !== 'done' && r.state !== 'waived').length;
  return { rows, ready: open === 0, open, late: rows.filter((r) => r.late).length };
}

export interface Parties { builder_unit: string; design_unit: string; construction_unit: string; supervision_unit: string }

/**
 * The parties to name at acceptance, from the records: the implementing body as builder (建设单位), and the winning
 * units of the awarded design, construction (or design-build) and supervision tenders — the latest of each.
 */
export function suggestParties(body: { body_name: string } | null, procurements: readonly { scope: string; status: string; winning_unit: string; result_date: string }[]): Parties {
  const winner = (...scopes: string[]) => procurements
    .filter((p) => scopes.includes(p.scope) && p.status === 'awarded' && p.winning_unit)
    .sort((a, b) => day(b.result_date).localeCompare(day(a.result_date)))[0]?.winning_unit ?? '';
  return {
    builder_unit: body?.body_name ?? '',
    design_unit: winner('design', 'design_build'),
    construction_unit: winner('construction', 'design_build'),
    supervision_unit: winner('supervision'),
  };
}
