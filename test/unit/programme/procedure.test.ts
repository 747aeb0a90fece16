// Guards the pure procedure computations: the year's chain as the screens offer it (who may take which step), the
// overall plan's yearly totals, ceilings and its difference from the annual plans, carry-over candidates, the year's
// plan document (rows, totals, the A4 layout with the joint document's number and issuers, the XLSX sheet) and the
// acceptance checklist (done with photo, waived with reason, late items, suggested parties) — against hand counts.
import { describe, expect, it } from 'vitest';
import { mayReturn, mayTake, nextStep, stepDates, YEAR_STEPS } from '../../../src/lib/programme/chain';
import { carryOverCandidates, ceilingRows, overallByYear, planVsOverall, type OEntry } from '../../../src/lib/programme/overall';
import { documentLines, fitText, planDocument, planDocumentPages, planDocumentSheet, type DocCompound, type DocYear } from '../../../src/lib/programme/plan-document';
import { checklist, suggestParties } from '../../../src/lib/programme/acceptance';
import type { PlanYearRecord } from '../../../src/lib/data/records';

const office = { role: 'office' as const, department: '' as const };
const finance = { role: 'department' as const, department: 'finance' as const };
const township = { role: 'township' as const, department: '' as const };

describe('the year\'s chain', () => {
  it('offers each step to the role that holds it, in order', () => {
    expect(YEAR_STEPS.map((s) => s.step)).toEqual(['review', 'city_consent', 'joint_doc', 'filing']);
    expect(nextStep('open')?.step).toBe('review');
    expect(nextStep('filed')).toBeNull();
    expect(mayTake(nextStep('open')!, office)).toBe(true);
    expect(mayTake(nextStep('open')!, finance)).toBe(false);
    expect(mayTake(nextStep('city_approved')!, finance)).toBe(true);
    expect(mayTake(nextStep('city_approved')!, township)).toBe(false);
    expect(mayReturn({ status: 'reviewed' }, office)).toBe(true);
    expect(mayReturn({ status: 'issued' }, office)).toBe(false);
    expect(mayReturn({ status: 'reviewed' }, finance)).toBe(false);
  });

  it('dates only the steps taken', () => {
    const y = { status: 'city_approved', reviewed_at: '2026-09-25 03:00:00.000Z', city_consent_date: '2026-10-20 00:00:00.000Z', joint_doc_date: '', filed_date: '' } as PlanYearRecord;
    expect(stepDates(y)).toEqual({ review: '2026-09-25', city_consent: '2026-10-20', joint_doc: '', filing: '' });
  });
});

describe('overall plan', () => {
  const e = (compound: string, year: number, estimate: number, funding: Record<string, number> | null = null, carried = ''): OEntry =>
    Object.freeze({ compound, year, estimate_yuan: estimate, funding, carried_from: carried });
  const entries = [e('a', 2026, 100, { central: 60, municipal: 40 }), e('b', 2026, 50, { central: 50 }, 'p1'), e('c', 2027, 30)];

  it('totals by year and source, with the period total last', () => {
    const t = overallByYear(entries);
    expect(t.map((x) => x.year)).toEqual([2026, 2027, 0]);
    expect(t[0]).toMatchObject({ compounds: 2, estimate: 150, carried: 1, bySource: { central: 110, municipal: 40 } });
    expect(t[2]).toMatchObject({ compounds: 3, estimate: 180 });
  });

  it('weighs each year\'s approved 实施一批 against its ceiling, township by township', () => {
    const plans = [{ id: 'p1', year: 2026, township: 't1', status: 'approved' }, { id: 'p2', year: 2026, township: 't2', status: 'submitted' },
      { id: 'p3', year: 2026, township: 't3', status: 'returned' }];
    const pe = [
      { plan: 'p1', compound: 'a', tier: 'implement' as const, estimate_yuan: 100 }, { plan: 'p1', compound: 'x', tier: 'reserve' as const, estimate_yuan: 999 },
      { plan: 'p2', compound: 'b', tier: 'implement' as const, estimate_yuan: 50 }, { plan: 'p3', compound: 'z', tier: 'implement' as const, estimate_yuan: 7 },
    ];
    const [row] = ceilingRows(plans, pe, [{ year: 2026, budget_ceiling_yuan: 90, status: 'open' }]);
    expect(row).toMatchObject({ year: 2026, ceiling: 90, approved: 100, pending: 50, over: true });
    expect(row.townships.map((x) => [x.township, x.implement])).toEqual([['t1', 100], ['t2', 50]]);
    expect(ceilingRows(plans, pe, [{ year: 2026, budget_ceiling_yuan: 0, status: 'open' }])[0].over).toBe(false);
    // Against the overall plan: a is in both, b only in the annual plans for 2026 (its overall year is 2026 too) …
    const [d] = planVsOverall([e('a', 2026, 100), e('c', 2026, 30)], plans, pe, [2026]);
    expect(d.notDeclared).toEqual(['c']);
    expect(d.notInOverall).toEqual(['b']);
    expect([d.overallEstimate, d.annualEstimate]).toEqual([130, 150]);
  });

  it('carries over the unfinished compounds not yet in the period', () => {
    const stage = new Map([['a', 'construction'], ['b', 'accepted'], ['c', 'planned']]);
    expect(carryOverCandidates(entries, [e('c', 2027, 30)], stage).map((x) => x.compound)).toEqual(['a']);
  });
});

describe('the year\'s plan document', () => {
  const year: DocYear = {
    year: 2027, status: 'issued', city_consent_number: '汾政函〔2026〕12号', city_consent_date: '2026-10-20 00:00:00.000Z',
    joint_doc_number: '汾住建发〔2026〕42号', joint_doc_date: '2026-11-20 00:00:00.000Z', joint_doc_issuers: ['housing', 'development', 'finance'],
    filed_date: '', filing_number: '', is_demo: true,
  };
  const comp = (id: string, code: string, township: string, households: number): DocCompound =>
    ({ id, code, name: `${code}小区`, township, address: '汾阳市', households, buildings: 5, floor_area_m2: 10000, is_demo: true });
  const compounds = new Map([comp('a', 'FY-002', 'tw1', 100), comp('b', 'FY-001', 'tw2', 200), comp('c', 'FY-003', 'tw1', 50)].map((c) => [c.id, c]));
  const plans = [{ id: 'p1', township: 'tw1', status: 'approved' }, { id: 'p2', township: 'tw2', status: 'approved' }, { id: 'p3', township: 'tw3', status: 'submitted' }];
  const entries = [
    { plan: 'p1', compound: 'a', tier: 'implement' as const, estimate_yuan: 3_000_000 }, { plan: 'p2', compound: 'b', tier: 'implement' as const, estimate_yuan: 2_500_000 },
    { plan: 'p1', compound: 'c', tier: 'reserve' as const, estimate_yuan: 500_000 }, { plan: 'p3', compound: 'c', tier: 'implement' as const, estimate_yuan: 1 },
  ];
  const names = new Map([['tw1', '文峰街道'], ['tw2', '太和桥街道']]);
  const doc = planDocument(year, plans, entries, compounds, names);

  it('lists the approved plans\' entries by tier, township and code, with totals', () => {
    expect(doc.rows.map((r) => [r.no, r.tier, r.code])).toEqual([[1, 'implement', 'FY-001'], [2, 'implement', 'FY-002'], [3, 'reserve', 'FY-003']]);
    expect(doc.byTier.implement).toMatchObject({ compounds: 2, households: 300, estimateYuan: 5_500_000 });
    expect(doc.total).toMatchObject({ compounds: 3, households: 350, estimateYuan: 6_000_000 });
    expect(doc.issuers).toEqual(['汾阳市住房和城乡建设局', '汾阳市发展和改革局', '汾阳市财政局']);
    expect(doc.draftNote).toBe('');
    expect(doc.demo).toBe(true);
    expect(documentLines(doc)[0]).toBe('联合发文:汾住建发〔2026〕42号(2026-11-20)');
    expect(planDocument({ ...year, status: 'reviewed', joint_doc_number: '' }, plans, entries, compounds, names).draftNote).toMatch(/草案/);
  });

  it('lays out A4 pages with the title, the joint document, the issuers and every row, the header repeated', () => {
    const many = new Map([...Array(80)].map((_, i) => [`c${i}`, comp(`c${i}`, `FY-${100 + i}`, 'tw1', 10)]));
    const long = planDocument(year, plans, [...many.keys()].map((id) => ({ plan: 'p1', compound: id, tier: 'implement' as const, estimate_yuan: 1000 })), many, names);
    const pages = planDocumentPages(long, { dataTime: '数据时间:2026-12-02', demoLabel: '示例数据' });
    expect(pages.length).toBeGreaterThan(1);
    const text = (i: number) => pages[i].filter((o) => o.op === 'text').map((o) => (o as { text: string }).text);
    expect(text(0)).toEqual(expect.arrayContaining(['附件', '汾阳市2027年度老旧小区改造计划', '联合发文:汾住建发〔2026〕42号(2026-11-20)',
      '发文单位:汾阳市住房和城乡建设局、汾阳市发展和改革局、汾阳市财政局']));
    for (let i = 0; i < pages.length; i++) {
      expect(text(i)).toContain('小区编码');
      expect(text(i)).toContain(`第 ${i + 1} 页 / 共 ${pages.length} 页`);
      expect(text(i)).toContain('示例数据');
      for (const o of pages[i]) if (o.op === 'text') expect(o.y).toBeLessThanOrEqual(297);
    }
    const codes = pages.flatMap((p, i) => text(i).filter((s) => /^FY-1\d\d$/.test(s)));
    expect(codes).toHaveLength(80);
    expect(pages.flatMap((_, i) => text(i))).toContain('合计');
  });

  it('cuts text that would overflow its column', () => {
    expect(fitText('短', 20, 8.5)).toBe('短');
    const cut = fitText('非常非常非常非常非常长的小区名称', 20, 8.5);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length).toBeLessThan(16);
  });

  it('is an XLSX sheet with the document lines, money in 万元 as numbers and the total', () => {
    const sheet = planDocumentSheet(doc, ['数据时间:x']);
    expect(sheet.title).toBe('汾阳市2027年度老旧小区改造计划');
    expect(sheet.notes).toEqual(expect.arrayContaining(['联合发文:汾住建发〔2026〕42号(2026-11-20)', '数据时间:x']));
    expect(sheet.rows[0]).toEqual([1, '实施一批', '太和桥街道', 'FY-001', 'FY-001小区', '汾阳市', 200, 5, 10000, 250]);
    expect(sheet.rows.at(-1)![9]).toBe(600);
  });
});

describe('acceptance checklist', () => {
  const items = [
    { id: '1', item: 'lighting', status: 'done', done_date: '2026-05-02', photos: ['p.png'] },
    { id: '2', item: 'greening', status: 'done', done_date: '2026-04-02', photos: [] },
    { id: '3', item: 'elevator', status: 'waived', waive_reason: '居民意见不一' },
    { id: '4', item: 'parking', status: 'waived', waive_reason: ' ' },
    { id: '5', item: 'drainage', status: 'in_progress' },
  ];

  it('is ready only when every item is done with a photo or waived with a reason; late items are marked', () => {
    const c = checklist(items, '2026-04-30');
    expect(c.rows.map((r) => r.state)).toEqual(['done', 'no_photo', 'waived', 'no_reason', 'open']);
    expect(c.rows.map((r) => r.late)).toEqual([true, false, false, false, false]);
    expect([c.ready, c.open, c.late]).toEqual([false, 3, 1]);
    expect(checklist(items.slice(0, 1), '').ready).toBe(true);
  });

  it('suggests the parties from the implementing body and the latest awarded tenders', () => {
    const p = suggestParties({ body_name: '某社区' }, [
      { scope: 'construction', status: 'awarded', winning_unit: '甲公司', result_date: '2026-03-01' },
      { scope: 'construction', status: 'awarded', winning_unit: '乙公司', result_date: '2026-04-01' },
      { scope: 'construction', status: 'failed', winning_unit: '', result_date: '2026-05-01' },
      { scope: 'supervision', status: 'awarded', winning_unit: '监理公司', result_date: '2026-03-02' },
    ]);
    expect(p).toEqual({ builder_unit: '某社区', design_unit: '', construction_unit: '乙公司', supervision_unit: '监理公司' });
  });
});
