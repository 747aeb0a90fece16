// Guards the pure parts of supervision and reports on record: a township's score for a hand-made month (each part and the
// weighted total with a part left out), the ranking with ties, weights that must add up to 100, long-term management
// checks overdue, the monthly report's floor area, 开工率/完工率 against the year's task and items recorded on a zone,
// and the 通报 pages (A4, table header, overdue items named, 示例数据 mark).
import { describe, expect, it } from 'vitest';
import { addMonths, checksOverdue, DEFAULT_WEIGHTS, scoredPlanYear, townshipScores, weightsProblem, type ScoreInput } from '../../../src/lib/programme/supervision';
import { monthlyReport, type RCompound, type REvent } from '../../../src/lib/programme/report';
import { circularOf, circularPages } from '../../../src/lib/programme/circular';
import { A4_PORTRAIT } from '../../../src/lib/programme/plan-document';

const c = (id: string, township: string, stage: RCompound['stage'], more: Record<string, unknown> = {}) =>
  ({ id, code: id.toUpperCase(), name: `小区${id}`, township, households: 100, buildings: 2, stage, floor_area_m2: 1000, ...more });
const ev = (compound: string, to: REvent['to'], date: string): REvent => ({ compound, to, date, kind: 'forward' });

// Township t1: task a, b, c (approved plan 2026); a accepted, b started, c planned; b past its planned end (overdue);
// next year's plan submitted late (2026-09-03 > 2026-08-31); feedback 2 in the month, 1 answered in time; funds spent
// 60 of 100 received. Township t2: nothing to score but overdue (100) and its plan on time.
const input: ScoreInput = {
  month: '2026-11',
  townships: [{ id: 't1', name: '甲街道' }, { id: 't2', name: '乙镇' }],
  compounds: [
    c('a', 't1', 'accepted'), c('b', 't1', 'construction', { construction_end_planned: '2026-10-01' }), c('c', 't1', 'planned'), c('d', 't2', 'demand'),
  ],
  events: [ev('a', 'planned', '2025-12-01'), ev('a', 'construction', '2026-04-01'), ev('a', 'accepted', '2026-10-20'),
    ev('b', 'planned', '2025-12-01'), ev('b', 'construction', '2026-05-01'), ev('c', 'planned', '2025-12-01'), ev('d', 'demand', '2026-01-01')],
  plans: [
    { id: 'p1', year: 2026, township: 't1', status: 'approved', submitted_at: '2025-08-20' },
    { id: 'p2', year: 2027, township: 't1', status: 'submitted', submitted_at: '2026-09-03' },
    { id: 'p3', year: 2027, township: 't2', status: 'submitted', submitted_at: '2026-08-30' },
  ],
  entries: [{ plan: 'p1', compound: 'a', tier: 'implement' }, { plan: 'p1', compound: 'b', tier: 'implement' }, { plan: 'p1', compound: 'c', tier: 'implement' }],
  funding: [
    { compound: 'a', source: 'central', kind: 'received', amount_yuan: 100, date: '2026-05-01' },
    { compound: 'a', source: 'central', kind: 'spent', amount_yuan: 60, date: '2026-06-01' },
    { compound: 'a', source: 'central', kind: 'spent', amount_yuan: 1000, date: '2026-12-01' }, // after the month
  ],
  feedback: [
    { township: 't1', created: '2026-11-02 08:00:00.000Z', replied_at: '2026-11-05 10:00:00.000Z' },
    { township: 't1', created: '2026-11-10 08:00:00.000Z', replied_at: '2026-11-25 10:00:00.000Z' },
    { township: 't1', created: '2026-10-10 08:00:00.000Z' }, // last month: not counted
  ],
  items: [{ id: 'i1', township: 't2', title: '旧督办', deadline: '2026-10-01', status: 'closed', rectified_date: '2026-09-20' }],
  weights: DEFAULT_WEIGHTS,
};

describe('township scores', () => {
  it('score a hand-made month part by part, leaving out what a township has nothing to be scored on', () => {
    const [t1, t2] = ['t1', 't2'].map((id) => townshipScores(input).find((s) => s.township === id)!);
    expect(t1.parts).toEqual({ plan: 50, started: 66.7, accepted: 33.3, overdue: 80, feedback: 50, funds: 60 });
    expect([t1.task, t1.started, t1.accepted]).toEqual([3, 2, 1]);
    expect(t1.overdue.map((o) => o.label)).toEqual(['小区b(B)']);
    // 15·50 + 25·66.7 + 25·33.3 + 15·80 + 10·50 + 10·60 = 5550 → 55.5
    expect(t1.total).toBe(55.5);
    expect(t2.parts).toEqual({ plan: 100, started: null, accepted: null, overdue: 100, feedback: null, funds: null });
    expect(t2.total).toBe(100);
    expect(townshipScores(input).map((s) => [s.name, s.rank])).toEqual([['乙镇', 1], ['甲街道', 2]]);
  });

  it('count a 督办 item past its deadline and not answered by month end as overdue; equal totals share a rank', () => {
    const more = { ...input, items: [...input.items, { id: 'i2', township: 't2', title: '新督办', deadline: '2026-11-10', status: 'open' }] };
    const t2 = townshipScores(more).find((s) => s.township === 't2')!;
    expect(t2.overdue.map((o) => o.label)).toEqual(['新督办']);
    expect(t2.parts.overdue).toBe(80);
    const tie = townshipScores({ ...input, townships: [{ id: 't2', name: '乙镇' }, { id: 't3', name: '丙镇' }], compounds: [...input.compounds, c('e', 't3', 'demand')],
      plans: [...input.plans, { id: 'p4', year: 2027, township: 't3', status: 'submitted', submitted_at: '2026-08-01' }] });
    expect(tie.map((s) => s.rank)).toEqual([1, 1]);
  });

  it('judge overdue as of today while the month runs', () => {
    const running = { ...input, compounds: input.compounds.map((x) => (x.id === 'b' ? { ...x, construction_end_planned: '2026-11-20' } : x)) };
    expect(townshipScores({ ...running, today: '2026-11-15' }).find((s) => s.township === 't1')!.overdue).toEqual([]);
    expect(townshipScores({ ...running, today: '2026-11-25' }).find((s) => s.township === 't1')!.overdue).toHaveLength(1);
  });

  it('read the plan of next year from September, this year before', () => {
    expect([scoredPlanYear('2026-08'), scoredPlanYear('2026-09')]).toEqual([2026, 2027]);
  });

  it('want weights that add up to 100', () => {
    expect(weightsProblem(DEFAULT_WEIGHTS)).toBeNull();
    expect(weightsProblem({ ...DEFAULT_WEIGHTS, plan: 16 })).toBe('sum');
    expect(weightsProblem({ ...DEFAULT_WEIGHTS, plan: -5, started: 45 })).toBe('plan');
  });
});

describe('long-term management checks', () => {
  it('list accepted compounds whose last check (or acceptance) is older than the interval', () => {
    const compounds = [{ id: 'a', stage: 'accepted' }, { id: 'b', stage: 'maintained' }, { id: 'c', stage: 'construction' }, { id: 'd', stage: 'accepted' }];
    const checks = [{ compound: 'a', date: '2026-01-10' }, { compound: 'b', date: '2026-09-01' }];
    const accepted = new Map([['a', '2025-10-01'], ['b', '2025-10-01'], ['d', '2026-01-31']]);
    expect(checksOverdue(compounds, checks, accepted, 6, '2026-12-02')).toEqual([
      { compound: 'a', lastCheck: '2026-01-10', due: '2026-07-10' },
      { compound: 'd', lastCheck: '', due: '2026-07-31' },
    ]);
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
  });
});

describe('monthly report on record', () => {
  it('add floor area, the task rates and items recorded on a design zone', () => {
    const r = monthlyReport({
      month: '2026-11', townships: [{ id: 't1', name: '甲街道' }],
      compounds: input.compounds.filter((x) => x.township === 't1') as RCompound[], events: input.events,
      items: [{ compound: '', zone: 'z1', item: 'elevator', quantity: 3, estimate_yuan: 1 }, { compound: '', zone: 'z2', item: 'elevator', quantity: 7, estimate_yuan: 1 }],
      funding: [], task: new Set(['a', 'b', 'c']), zones: [{ id: 'z1', members: ['c', 'a'] }, { id: 'z2', members: ['c'] }],
    });
    expect(r.total.floorArea).toBe(2000);
    expect([r.total.task, r.total.taskStarted, r.total.taskAccepted, r.total.startRate, r.total.completionRate]).toEqual([3, 2, 1, 66.7, 33.3]);
    // z1 has a started member (a): counted; z2's only member has not started.
    expect(r.total.indicators.elevators).toBe(3);
    expect(r.rows[0].indicators.elevators).toBe(3);
  });
});

describe('the 通报', () => {
  it('lays out A4 pages with the ranking header, the overdue items named and the 示例数据 mark', () => {
    const circ = circularOf('2026-11', townshipScores(input), DEFAULT_WEIGHTS, true);
    expect(circ.title).toBe('关于2026年11月全市老旧小区改造工作督导考核情况的通报(示例数据)');
    const pages = circularPages(circ, { dataTime: '数据时间：2026-12-02', demoLabel: '示例数据' });
    const texts = pages.flat().filter((o) => o.op === 'text').map((o) => (o as { text: string }).text);
    expect(texts).toContain('总分');
    expect(texts.some((s) => s.includes('小区b(B)'))).toBe(true);
    expect(texts.filter((s) => s === '示例数据')).toHaveLength(pages.length);
    for (const p of pages) for (const o of p) if (o.op === 'text') expect((o as { y: number }).y).toBeLessThanOrEqual(A4_PORTRAIT.h);
  });
});
