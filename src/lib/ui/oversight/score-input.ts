// The score's input from what the pages load: the programme's compounds and townships, the programme records and the
// supervision records (one mapping, shared by the supervision page and the 通报).
import type { Programme } from '../../state/programme.svelte';
import type { ProgrammeRecords } from '../../state/programme-records.svelte';
import type { OversightRecords } from '../../state/oversight.svelte';
import type { ScoreInput, Weights } from '../../programme/supervision';
import { todayBeijing } from '../../programme/deadlines';

export function scoreInput(month: string, programme: Programme, records: ProgrammeRecords, o: OversightRecords, weights: Weights): ScoreInput {
  return {
    month,
    townships: programme.townships.map((tw) => ({ id: tw.id, name: tw.name })),
    compounds: programme.compounds.map((c) => ({
      id: c.id, code: c.code, name: c.name, township: c.township, households: c.households, buildings: c.buildings, stage: c.stage,
      construction_end_planned: c.construction_end_planned,
    })),
    events: records.events,
    plans: records.plans.map((p) => ({ id: p.id, year: p.year, township: p.township, status: p.status, submitted_at: p.submitted_at })),
    entries: o.entries,
    funding: records.funding,
    feedback: o.feedback.map((f) => ({ township: f.township, created: f.created, replied_at: f.replied_at, due_at: f.due_at, answered_at: f.answered_at })),
    items: o.items.map((i) => ({ id: i.id, township: i.township, title: i.title, deadline: i.deadline, status: i.status, rectified_date: i.rectified_date, closed_date: i.closed_date })),
    weights,
    today: todayBeijing(),
  };
}
