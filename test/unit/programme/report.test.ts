// Guards the pure programme computations (#5): stage at a date, the monthly report's counts and money, the funding gap,
// deadlines (plan due 31 August of the year before; late construction), ledger CSV, and the catalogue's provenance.
import { describe, expect, it } from 'vitest';
import raw from '../../../data/renovation-items.json';
import { monthBounds, monthlyReport, monthRange, moneyByCompound, progressSeries, stageAt, type RCompound, type REvent } from '../../../src/lib/programme/report';
import { overdueCompoundIds, overdueList, planDue } from '../../../src/lib/programme/deadlines';
import { toCsv } from '../../../src/lib/programme/ledger';

const c = (id: string, township: string, stage: RCompound['stage'], households = 100, buildings = 2): RCompound =>
  Object.freeze({ id, code: id.toUpperCase(), township, households, buildings, stage });
const ev = (compound: string, to: REvent['to'], date: string, kind: REvent['kind'] = 'forward'): REvent => Object.freeze({ compound, to, date, kind });

const compounds = [c('a', 't1', 'construction', 300, 5), c('b', 't1', 'planned', 200, 3), c('c', 't2', 'accepted', 150, 2), c('d', 't2', 'demand')];
const events = [
  ev('a', 'demand', '2023-01-05'), ev('a', 'scheme', '2023-02-01'), ev('a', 'planned', '2023-03-01'), ev('a', 'construction', '2023-05-10'),
  ev('b', 'demand', '2023-01-05'), ev('b', 'scheme', '2023-02-01'), ev('b', 'planned', '2023-03-01'), ev('b', 'construction', '2023-05-20'),
  ev('b', 'planned', '2023-05-25', 'back'),
  ev('c', 'demand', '2022-01-05'), ev('c', 'scheme', '2022-02-01'), ev('c', 'planned', '2022-03-01'), ev('c', 'construction', '2022-04-01'),
  ev('c', 'accepted', '2023-05-31'),
  ev('d', 'demand', '2023-06-01'),
];
const items = [
  { compound: 'a', item: 'elevator', quantity: 2, estimate_yuan: 900_000 },
  { compound: 'a', item: 'water_supply', quantity: 1.25, estimate_yuan: 1_500_000 },
  { compound: 'b', item: 'elevator', quantity: 5, estimate_yuan: 2_250_000 }, // b stepped back: not started by May
  { compound: 'c', item: 'drainage', quantity: 0.5, estimate_yuan: 750_000 },
  { compound: 'c', item: 'parking', quantity: 40, estimate_yuan: 240_000 },
];
const funding = [
  { compound: 'a', source: 'central', kind: 'planned', amount_yuan: 2_000_000, date: '2023-03-01' },
  { compound: 'a', source: 'central', kind: 'received', amount_yuan: 1_000_000, date: '2023-05-15' },
  { compound: 'a', source: 'municipal', kind: 'received', amount_yuan: 500_000, date: '2023-06-02' }, // after May
  { compound: 'c', source: 'resident_direct', kind: 'spent', amount_yuan: 300_000, date: '2023-04-30' },
] as const;
const townships = [{ id: 't1', name: '甲街道' }, { id: 't2', name: '乙镇' }];

describe('stageAt', () => {
  it('takes the last event on or before the day, follows steps back, and is null before the first event', () => {
    expect(stageAt(compounds[1], events.filter((e) => e.compound === 'b'), '2023-05-21')).toBe('construction');
    expect(stageAt(compounds[1], events.filter((e) => e.compound === 'b'), '2023-05-31')).toBe('planned');
    expect(stageAt(compounds[3], events.filter((e) => e.compound === 'd'), '2023-05-31')).toBeNull();
    expect(stageAt(compounds[3], [], '2023-05-31')).toBe('demand');
  });
});

describe('monthlyReport', () => {
  const rep = monthlyReport({ month: '2023-05', townships, compounds, events, items: items as never, funding: funding as never });
  const t1 = rep.rows.find((r) => r.township === 't1')!;
  const t2 = rep.rows.find((r) => r.township === 't2')!;

  it('counts compounds by stage at month end and this month\'s starts and acceptances', () => {
    expect(monthBounds('2023-02')).toEqual({ start: '2023-02-01', end: '2023-02-28' });
    expect(t1.byStage).toMatchObject({ construction: 1, planned: 1 });
    expect(t1.startedThisMonth).toBe(2); // a and b both started in May (b stepped back later in May)
    expect(t1.startedToDate).toBe(1);
    expect(t2.acceptedThisMonth).toBe(1);
    expect(t2.compounds).toBe(1); // d enters in June
    expect(rep.total.compounds).toBe(3);
  });

  it('sums households of started compounds, money to month end, and indicators from items of started compounds', () => {
    expect(t1.households).toBe(300);
    expect(t1.householdsThisMonth).toBe(500);
    expect(t2.households).toBe(150);
    expect(rep.total.money).toEqual({ planned: 2_000_000, received: 1_000_000, spent: 300_000 });
    expect(rep.total.moneyThisMonth.received).toBe(1_000_000);
    expect(rep.total.bySource.resident_direct.spent).toBe(300_000);
    expect(rep.total.indicators.elevators).toBe(2);
    expect(rep.total.indicators.pipes_km).toBe(1.75);
    expect(rep.total.indicators.parking_spaces).toBe(40);
  });

  it('gives a progress series per month end', () => {
    expect(monthRange('2022-11', '2023-02')).toEqual(['2022-11', '2022-12', '2023-01', '2023-02']);
    const s = progressSeries(['2023-04', '2023-06'], compounds, events);
    expect(s[0].byStage).toMatchObject({ planned: 2, construction: 1, demand: 0 });
    expect(s[1].byStage).toMatchObject({ construction: 1, planned: 1, accepted: 1, demand: 1 });
  });
});

describe('moneyByCompound', () => {
  it('takes need = max(estimate, planned) and gap = need − received, never below zero', () => {
    const m = moneyByCompound(items as never, funding as never);
    expect(m.get('a')).toMatchObject({ estimate: 2_400_000, planned: 2_000_000, received: 1_500_000, need: 2_400_000, gap: 900_000 });
    expect(m.get('c')).toMatchObject({ estimate: 990_000, spent: 300_000, gap: 990_000 });
  });
});

describe('deadlines', () => {
  const dc = [
    { id: 'a', code: 'A', name: '甲', township: 't1', stage: 'construction', construction_end_planned: '2026-10-31 00:00:00.000Z' },
    { id: 'b', code: 'B', name: '乙', township: 't1', stage: 'scheme' },
    { id: 'c', code: 'C', name: '丙', township: 't2', stage: 'scheme' },
  ];
  it('lists plans missing after 31 August and construction past its planned end', () => {
    expect(planDue(2027)).toBe('2026-08-31');
    const plans = [{ year: 2027, township: 't2', status: 'submitted' as const }];
    const list = overdueList(dc, plans, ['t1', 't2'], '2026-11-27');
    expect(list).toEqual([
      { kind: 'construction_late', township: 't1', compound: 'a', due: '2026-10-31', days: 27 },
      { kind: 'plan_missing', township: 't1', year: 2027, due: '2026-08-31', days: 88 },
    ]);
    expect(overdueCompoundIds(list, dc)).toEqual(['a', 'b']);
    expect(overdueList(dc, [], ['t1'], '2026-08-31').filter((o) => o.kind === 'plan_missing')).toEqual([]);
  });
});

describe('ledger CSV and catalogue', () => {
  it('writes a BOM, quotes commas and quotes', () => {
    expect(toCsv(['编码', '名称'], [['FY-1', '东关,"新"村']])).toBe('\ufeff编码,名称\r\nFY-1,"东关,""新""村"\r\n');
  });
  it('names each item by a term that occurs in the policy excerpt, with unique keys and known indicators', () => {
    const keys = new Set(raw.items.map((i) => i.key));
    expect(keys.size).toBe(raw.items.length);
    for (const i of raw.items) {
      expect(raw.source.excerpt, i.key).toContain(i.policy_term);
      expect(['basic', 'improvement', 'enhancement']).toContain(i.class);
      if (i.indicator) expect(raw.indicators.map((d) => d.key)).toContain(i.indicator);
    }
    expect(raw.items.filter((i) => i.indicator === 'pipes_km').every((i) => i.unit === 'km')).toBe(true);
  });
});
