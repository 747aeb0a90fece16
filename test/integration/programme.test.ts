// Guards the programme (#5): the stage machine (order, evidence, roles, step back with reason), the consent gate,
// the annual-plan flow across township and office accounts (deadline from the plan's year), the demo seed's history,
// and the monthly report's figures against hand counts from the raw records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type PocketBase from 'pocketbase';
import { startServer, statusOf, type TestServer } from '../helpers/server';
import { monthlyReport } from '../../src/lib/programme/report';
import data from '../../data/demo/compounds.geojson?raw';

let srv: TestServer;
let office: PocketBase;
let wenfeng: PocketBase;
let taihe: PocketBase;
beforeAll(async () => {
  srv = await startServer({ seed: true });
  office = await srv.as('office@demo.fenyang');
  wenfeng = await srv.as('wenfeng@demo.fenyang');
  taihe = await srv.as('taihe@demo.fenyang');
  LATE = Math.min(...(await srv.admin.collection('plan_years').getFullList()).map((y) => y.year)) - 1;
  expect(LATE).toBeGreaterThanOrEqual(2021);
});
afterAll(async () => srv?.stop());

// Years relative to today, so the deadline checks hold whenever the suite runs: a plan for ON_TIME is due on
// 31 August of next year (not yet passed); LATE, the year before the demo's first plan year (its plans are all past
// review), was due long ago.
const ON_TIME = new Date().getFullYear() + 2;
let LATE = 0;
const byCode = (code: string) => srv.admin.collection('compounds').getFirstListItem(`code = "${code}"`);
/** 'YYYY-MM-DD' n days from `date`. */
const dayOffset = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86400e3).toISOString().slice(0, 10);
const TODAY = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
const IN_200 = dayOffset(TODAY, 200);
const AGO_30 = dayOffset(TODAY, -30);
const PARTIES = { builder_unit: '汾阳市城市建设发展有限公司', design_unit: '汾阳市城乡规划设计院', construction_unit: '山西汾州建设工程有限公司', supervision_unit: '山西诚信工程监理有限公司' };
/** A 1×1 PNG. */
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64'));
const twId = async (code: string) => (await srv.admin.collection('townships').getFirstListItem(`code = "${code}"`)).id;

/** The refusal of a call: status, message and field errors. */
async function refusal(p: Promise<unknown>): Promise<{ status: number; message: string; fields: Record<string, string> }> {
  try {
    await p;
  } catch (err) {
    const e = err as { status: number; response: { message: string; data?: Record<string, { message: string }> } };
    const fields = Object.fromEntries(Object.entries(e.response?.data ?? {}).map(([k, v]) => [k, v.message]));
    return { status: e.status, message: e.response?.message ?? '', fields };
  }
  throw new Error('expected a refusal, the call succeeded');
}
const pdf = () => new Blob(['%PDF-1.4\n%test\n'], { type: 'application/pdf' });
function form(fields: Record<string, string | number | boolean>, files: Record<string, Blob> = {}): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, String(v));
  for (const [k, b] of Object.entries(files)) fd.append(k, b, `${k}.pdf`);
  return fd;
}
async function eventCount(compoundId: string) {
  return (await srv.admin.collection('stage_events').getList(1, 1, { filter: `compound = "${compoundId}"` })).totalItems;
}

describe('demo seed', () => {
  it('writes one event per stage each compound passed, and township plans matching plan years', async () => {
    const features = JSON.parse(data).features as { properties: { code: string; stage: string; plan_offset: number | null; tier: string; township_code: string } }[];
    const events = await srv.admin.collection('stage_events').getFullList();
    const stageIndex = (s: string) => ['demand', 'scheme', 'planned', 'construction', 'accepted', 'maintained'].indexOf(s);
    expect(events).toHaveLength(features.reduce((s, f) => s + stageIndex(f.properties.stage) + 1, 0));
    expect(events.filter((e) => e.imported)).toHaveLength(0);
    const compounds = await srv.admin.collection('compounds').getFullList();
    const last = new Map<string, string>();
    for (const e of events.sort((a, b) => a.date.localeCompare(b.date) || a.created.localeCompare(b.created))) last.set(e.compound, e.to);
    for (const c of compounds) expect(last.get(c.id), c.code).toBe(c.stage);
    const plans = await srv.admin.collection('annual_plans').getFullList({ expand: 'township' });
    const tw = new Map(features.map((f) => [f.properties.code, f.properties.township_code]));
    const expected = new Set(compounds.filter((c) => c.plan_year).map((c) => `${tw.get(c.code)}:${c.plan_year}`));
    const planned = new Set(plans.map((p) => `${p.expand!.township.code}:${p.year}`));
    for (const k of expected) expect(planned.has(k), k).toBe(true);
    expect(plans.every((p) => p.status === 'approved')).toBe(true);
    const entries = await srv.admin.collection('plan_entries').getFullList({ expand: 'compound,plan' });
    for (const en of entries) if (en.tier === 'implement') expect(en.expand!.compound.plan_year, en.expand!.compound.code).toBe(en.expand!.plan.year);
    expect((await srv.admin.collection('renovation_items').getList(1, 1)).totalItems).toBeGreaterThan(100);
    expect((await srv.admin.collection('funding').getList(1, 1)).totalItems).toBeGreaterThan(100);
  });

  it('refuses an imported event from staff', async () => {
    const c = await byCode('FY-018');
    const r = await refusal(office.collection('stage_events').create({ compound: c.id, to: 'scheme', imported: true, scheme_summary: 'x', budget_estimate_yuan: 1 }));
    expect(r.status).toBe(403);
    expect(r.message).toMatch(/只有系统管理员/);
  });
});

describe('stage machine', () => {
  it('refuses skipping a step and entering planned outside an annual plan', async () => {
    const c = await byCode('FY-018'); // demand
    let r = await refusal(office.collection('stage_events').create({ compound: c.id, to: 'construction', start_date: '2026-01-01', planned_end_date: '2026-06-01', implementing_unit: 'x' }));
    expect(r.status).toBe(400);
    expect(r.message).toMatch(/只能逐级推进.*下一阶段是「初步方案」/);
    const s = await byCode('FY-001'); // scheme
    r = await refusal(office.collection('stage_events').create({ compound: s.id, to: 'planned' }));
    expect(r.message).toMatch(/只能通过年度计划审批/);
    expect(await eventCount(c.id)).toBe((await srv.admin.collection('stage_events').getFullList({ filter: `compound = "${c.id}"` })).length);
    expect((await byCode('FY-018')).stage).toBe('demand');
  });

  it.each([
    ['scheme', 'FY-042', { scheme_summary: '方案' }, 'budget_estimate_yuan', /预算估算/],
    ['scheme', 'FY-042', { budget_estimate_yuan: 100000 }, 'scheme_summary', /初步改造方案/],
    ['construction', 'FY-006', { implementing_unit: '某公司', planned_end_date: IN_200 }, 'start_date', /开工日期/],
    ['construction', 'FY-006', { start_date: TODAY, planned_end_date: IN_200 }, 'implementing_unit', /实施单位/],
    ['construction', 'FY-006', { start_date: TODAY, implementing_unit: '某公司' }, 'planned_end_date', /计划竣工日期/],
    ['construction', 'FY-006', { start_date: TODAY, implementing_unit: '某公司', planned_end_date: AGO_30 }, 'planned_end_date', /早于开工日期/],
    ['accepted', 'FY-004', { acceptance_date: TODAY, residents_present: true, resident_reps: '张三' }, 'documents', /验收记录/],
    ['accepted', 'FY-004', { acceptance_date: TODAY, resident_reps: '张三', documents: 'file' }, 'residents_present', /居民代表参与/],
    ['accepted', 'FY-004', { acceptance_date: TODAY, residents_present: true, documents: 'file' }, 'resident_reps', /居民代表姓名/],
    ['accepted', 'FY-004', { residents_present: true, resident_reps: '张三', documents: 'file' }, 'acceptance_date', /验收日期/],
    ['accepted', 'FY-004', { acceptance_date: TODAY, residents_present: true, resident_reps: '张三', documents: 'file' }, 'supervision_unit', /监理单位/],
    ['maintained', 'FY-002', { maintenance_fund_status: 'collecting' }, 'management', /管理模式/],
    ['maintained', 'FY-002', { management: 'self' }, 'maintenance_fund_status', /维修资金/],
  ] as const)('refuses entering %s without its evidence (%s, missing %s)', async (to, code, given, missing, message) => {
    const c = await byCode(code);
    const before = await eventCount(c.id);
    const { documents, ...fields } = given as Record<string, string | number | boolean>;
    const body = form({ compound: c.id, to, ...fields }, documents ? { documents: pdf() } : {});
    const r = await refusal(office.collection('stage_events').create(body));
    expect(r.status).toBe(400);
    expect(r.fields[missing]).toMatch(message);
    expect(r.message).toMatch(/缺少证明材料|早于/);
    expect(await eventCount(c.id)).toBe(before);
    expect((await byCode(code)).stage).toBe(c.stage);
  });

  it('refuses the wrong role: a department, a planner, another township', async () => {
    const c = await byCode('FY-042'); // 西河 (003), demand
    const body = { compound: c.id, to: 'scheme', scheme_summary: '方案', budget_estimate_yuan: 100000 };
    for (const who of ['finance@demo.fenyang', 'planner@demo.fenyang', 'wenfeng@demo.fenyang']) {
      const r = await refusal((await srv.as(who)).collection('stage_events').create(body));
      expect(r.status, who).toBe(403);
      expect(r.message, who).toMatch(/只有市改造办或小区所在街道\/镇/);
    }
    expect((await byCode('FY-042')).stage).toBe('demand');
  });

  it('refuses a date in the future or before the last event', async () => {
    const c = await byCode('FY-042'); // demand (its need collected on a day of the demo's history)
    const since = (await srv.admin.collection('stage_events').getFirstListItem(`compound = "${c.id}"`, { sort: '-date' })).date.slice(0, 10);
    const body = { compound: c.id, to: 'scheme', scheme_summary: '方案', budget_estimate_yuan: 100000 };
    const tomorrow = new Date(Date.now() + 8 * 3600e3 + 24 * 3600e3).toISOString().slice(0, 10);
    expect((await refusal(office.collection('stage_events').create({ ...body, date: tomorrow }))).fields.date).toMatch(/晚于今天/);
    expect((await refusal(office.collection('stage_events').create({ ...body, date: '2099-01-01' }))).fields.date).toMatch(/须在 2000-01-01 至/);
    const before = dayOffset(since, -30);
    expect((await refusal(office.collection('stage_events').create({ ...body, date: before }))).fields.date).toMatch(new RegExp(`早于该小区上一条阶段记录\\(${since}\\)`));
  });

  it('moves a compound forward with evidence, by its own township, recording who and when', async () => {
    const xihe = await srv.as('xihe@demo.fenyang');
    const c = await byCode('FY-042');
    const ev = await xihe.collection('stage_events').create({ compound: c.id, to: 'scheme', scheme_summary: '屋面维修、管网改造', budget_estimate_yuan: 2_400_000, note: '完成初步方案' });
    expect(ev.from).toBe('demand');
    expect(ev.kind).toBe('forward');
    expect(ev.by).toBe(xihe.authStore.record!.id);
    expect((await byCode('FY-042')).stage).toBe('scheme');
  });

  it('moves to construction, accepted (with the record attached) and maintained, updating the compound', async () => {
    const c = await byCode('FY-006'); // planned
    await office.collection('stage_events').create({ compound: c.id, to: 'construction', start_date: TODAY, planned_end_date: IN_200, implementing_unit: '汾阳市城市建设发展有限公司' });
    let now = await byCode('FY-006');
    expect(now.stage).toBe('construction');
    expect(now.construction_end_planned.slice(0, 10)).toBe(IN_200);
    // The acceptance checklist: every item done with a photo (or waived with a reason) first.
    for (const it of await srv.admin.collection('renovation_items').getFullList({ filter: `compound = "${c.id}"` })) {
      const fd = new FormData();
      fd.append('status', 'done');
      fd.append('done_date', TODAY);
      fd.append('photos', new Blob([PNG], { type: 'image/png' }), 'done.png');
      await office.collection('renovation_items').update(it.id, fd);
    }
    await office.collection('stage_events').create(form(
      { compound: c.id, to: 'accepted', acceptance_date: TODAY, residents_present: true, resident_reps: '业委会主任李四', ...PARTIES },
      { documents: pdf() },
    ));
    await office.collection('stage_events').create({ compound: c.id, to: 'maintained', management: 'property_company', maintenance_fund_status: 'established' });
    now = await byCode('FY-006');
    expect(now.stage).toBe('maintained');
    expect(now.management).toBe('property_company');
    expect(now.maintenance_fund).toBe(true);
    const r = await refusal(office.collection('stage_events').create({ compound: c.id, to: 'maintained', management: 'self', maintenance_fund_status: 'none' }));
    expect(r.message).toMatch(/最后阶段/);
  });

  it('steps back only by the office, one step, with a reason', async () => {
    const c = await byCode('FY-013'); // construction, 文峰
    let r = await refusal(office.collection('stage_events').create({ compound: c.id, to: 'planned', kind: 'back', note: '  ' }));
    expect(r.status).toBe(400);
    expect(r.fields.note).toMatch(/须填写原因/);
    r = await refusal(wenfeng.collection('stage_events').create({ compound: c.id, to: 'planned', kind: 'back', note: '施工单位变更' }));
    expect(r.status).toBe(403);
    expect(r.message).toMatch(/只有市改造办可以退回/);
    r = await refusal(office.collection('stage_events').create({ compound: c.id, to: 'scheme', kind: 'back', note: '重做方案' }));
    expect(r.message).toMatch(/只能退回一级/);
    expect((await byCode('FY-013')).stage).toBe('construction');
    const ev = await office.collection('stage_events').create({ compound: c.id, to: 'planned', kind: 'back', note: '施工单位变更,重新招标' });
    expect(ev.from).toBe('construction');
    const now = await byCode('FY-013');
    expect(now.stage).toBe('planned');
    expect(now.construction_start).toBe('');
  });

  it('refuses a stale from and a direct stage edit by staff, but lets a superuser repair data', async () => {
    const c = await byCode('FY-016'); // planned
    const r = await refusal(office.collection('stage_events').create({ compound: c.id, from: 'scheme', to: 'planned' }));
    expect(r.message).toMatch(/当前阶段为「纳入年度计划」/);
    const r2 = await refusal(office.collection('compounds').update(c.id, { stage: 'construction', version: c.version }));
    expect(r2.status).toBe(400);
    expect(r2.fields.stage).toMatch(/阶段记录/);
    const r3 = await refusal(wenfeng.collection('compounds').update(c.id, { plan_year: 2026, version: c.version }));
    expect(r3.fields.plan_year).toMatch(/不能直接修改/);
    expect(await statusOf(wenfeng.collection('compounds').update(c.id, { address: c.address + '号', version: c.version }))).toBe(0);
    expect(await statusOf(srv.admin.collection('compounds').update(c.id, { stage: 'planned' }))).toBe(0);
  });
});

describe('annual plans', () => {
  let plan: { id: string };
  let fy001: { id: string };

  it('refuses a plan for another township and a plan by a department', async () => {
    const r = await refusal(wenfeng.collection('annual_plans').create({ year: ON_TIME, township: await twId('141182002') }));
    expect(r.status).toBe(403);
    expect(r.message).toMatch(/其他街道\/镇/);
    const fin = await srv.as('finance@demo.fenyang');
    expect((await refusal(fin.collection('annual_plans').create({ year: ON_TIME, township: await twId('141182001') }))).status).toBe(403);
  });

  it('gates entries on resident consent with the configured threshold', async () => {
    const wf = await twId('141182001');
    expect((await refusal(wenfeng.collection('annual_plans').create({ year: ON_TIME, township: wf, status: 'submitted' }))).message).toMatch(/只能是草稿/);
    plan = await wenfeng.collection('annual_plans').create({ year: ON_TIME, township: wf, late: true, submitted_at: '2027-01-01' });
    const p = await wenfeng.collection('annual_plans').getOne(plan.id);
    expect(p.status).toBe('draft');
    expect(p.late).toBe(false);
    expect(p.submitted_at).toBe('');
    fy001 = await byCode('FY-001'); // scheme, consent 62.4
    let r = await refusal(wenfeng.collection('plan_entries').create({ plan: plan.id, compound: fy001.id, tier: 'implement' }));
    expect(r.status).toBe(400);
    expect(r.fields.compound).toMatch(/居民同意率 62\.\d% 低于 66\.7%/);
    const other = await byCode('FY-033'); // 太和桥
    r = await refusal(wenfeng.collection('plan_entries').create({ plan: plan.id, compound: other.id }));
    expect(r.fields.compound).toMatch(/不属于该街道/);
    const done = await byCode('FY-003'); // maintained
    r = await refusal(wenfeng.collection('plan_entries').create({ plan: plan.id, compound: done.id }));
    expect(r.fields.compound).toMatch(/已处于「长效管理」/);
    // A new survey raises consent above two thirds; the office raises the threshold, then restores it.
    const households = (await byCode('FY-001')).households;
    await wenfeng.collection('consent_surveys').create(form({
      compound: fy001.id, survey_date: '2026-10-20', method: 'door_to_door', households_surveyed: households, households_agreeing: Math.round(households * 0.75),
    }, { sheet: pdf() }));
    await office.collection('programme_settings').update('settings0000001', { consent_threshold_pct: 80 });
    r = await refusal(wenfeng.collection('plan_entries').create({ plan: plan.id, compound: fy001.id }));
    expect(r.fields.compound).toMatch(/7[45]\.\d% 低于 80\.0%/);
    expect(await statusOf(wenfeng.collection('programme_settings').update('settings0000001', { consent_threshold_pct: 10 }))).not.toBe(0);
    await office.collection('programme_settings').update('settings0000001', { consent_threshold_pct: 200 / 3 });
    await wenfeng.collection('plan_entries').create({ plan: plan.id, compound: fy001.id, tier: 'implement' });
  });

  it('lets only the own township submit, on time for a future year, and only the office approve', async () => {
    expect((await refusal(taihe.collection('annual_plans').update(plan.id, { status: 'submitted' }))).status).toBe(403);
    const sub = await wenfeng.collection('annual_plans').update(plan.id, { status: 'submitted' });
    expect(sub.submitted_at).not.toBe('');
    expect(sub.late).toBe(false); // due 31 August of next year
    expect(sub.submitted_by).toBe(wenfeng.authStore.record!.id);
    const r = await refusal(wenfeng.collection('annual_plans').update(plan.id, { status: 'approved' }));
    expect(r.status).toBe(403);
    expect(r.message).toMatch(/只有市改造办可以审批/);
    expect((await refusal(wenfeng.collection('plan_entries').create({ plan: plan.id, compound: (await byCode('FY-016')).id }))).message).toMatch(/计划已提交/);
    expect((await byCode('FY-001')).stage).toBe('scheme');
  });

  it('approval accepts the declaration into the year\'s plan; compounds move only when the year is issued', async () => {
    const before = await eventCount(fy001.id);
    const ok = await office.collection('annual_plans').update(plan.id, { status: 'approved' });
    expect(ok.reviewed_by).toBe(office.authStore.record!.id);
    const c = await byCode('FY-001');
    expect(c.stage).toBe('scheme');
    expect(c.tier).toBe('');
    expect(await eventCount(fy001.id)).toBe(before);
    const r = await refusal(wenfeng.collection('annual_plans').update(plan.id, { note: '改一下' }));
    expect(r.message).toMatch(/已审核通过/);
  });

  it('marks a late submission by the plan year, returns with comments, and refuses approving a compound without a scheme', async () => {
    // A plan for this year was due on 31 August of last year: submitting now is late.
    const p = await taihe.collection('annual_plans').create({ year: LATE, township: await twId('141182002') });
    const fy018 = await byCode('FY-018'); // demand, consent 79.1
    await taihe.collection('plan_entries').create({ plan: p.id, compound: fy018.id, tier: 'implement' });
    const sub = await taihe.collection('annual_plans').update(p.id, { status: 'submitted' });
    expect(sub.late).toBe(true);
    let r = await refusal(office.collection('annual_plans').update(p.id, { status: 'approved' }));
    expect(r.message).toMatch(/尚无初步方案及预算.*不能列入实施一批/);
    r = await refusal(office.collection('annual_plans').update(p.id, { status: 'returned' }));
    expect(r.fields.review_comment).toMatch(/审核意见/);
    const ret = await office.collection('annual_plans').update(p.id, { status: 'returned', review_comment: '请先完成初步方案,或列入储备一批' });
    expect(ret.status).toBe('returned');
    expect((await byCode('FY-018')).stage).toBe('demand');
    r = await refusal(taihe.collection('annual_plans').update(p.id, { review_comment: '我们自己写' }));
    expect(r.status).toBe(403);
    const entry = await taihe.collection('plan_entries').getFirstListItem(`plan = "${p.id}"`);
    await taihe.collection('plan_entries').update(entry.id, { tier: 'reserve' });
    await taihe.collection('annual_plans').update(p.id, { status: 'submitted' });
    expect((await office.collection('annual_plans').update(p.id, { status: 'approved' })).status).toBe('approved');
    expect((await byCode('FY-018')).stage).toBe('demand');
  });

  it('refuses a second plan for the same township and year, and an event without a compound', async () => {
    const r = await refusal(wenfeng.collection('annual_plans').create({ year: ON_TIME, township: await twId('141182001') }));
    expect(r.fields.year).toMatch(new RegExp(`${ON_TIME} 年度计划已存在`));
    expect((await refusal(office.collection('stage_events').create({ to: 'scheme' }))).fields.compound).toMatch(/须指定小区/);
  });

  it('refuses submitting an empty plan and an unknown transition', async () => {
    const p = await srv.as('xihe@demo.fenyang').then(async (x) => [x, await x.collection('annual_plans').create({ year: ON_TIME + 1, township: await twId('141182003') })] as const);
    const r = await refusal(p[0].collection('annual_plans').update(p[1].id, { status: 'submitted' }));
    expect(r.message).toMatch(/没有小区/);
    const r2 = await refusal(office.collection('annual_plans').update(p[1].id, { status: 'approved' }));
    expect(r2.message).toMatch(/不允许的状态变更:「草稿」→「已审核」/);
  });
});

describe('items and funding', () => {
  it('checks catalogue, class, unit, one target and non-negative amounts', async () => {
    const c = await byCode('FY-042');
    const base = { compound: c.id, class: 'improvement', item: 'elevator', quantity: 2, estimate_yuan: 900000 };
    const ok = await office.collection('renovation_items').create(base);
    expect(ok.unit).toBe('unit');
    expect((await refusal(office.collection('renovation_items').create({ ...base, item: 'teleporter' }))).fields.item).toMatch(/不在改造内容清单/);
    expect((await refusal(office.collection('renovation_items').create({ ...base, class: 'basic' }))).fields.class).toMatch(/完善类/);
    expect((await refusal(office.collection('renovation_items').create({ ...base, unit: 'km' }))).fields.unit).toMatch(/部/);
    expect((await refusal(office.collection('renovation_items').create({ ...base, compound: '' }))).fields.compound).toMatch(/小区或设计单元/);
    const f = { compound: c.id, source: 'central', kind: 'planned', amount_yuan: 500000, date: '2026-11-01' };
    expect(await statusOf(office.collection('funding').create(f))).toBe(0);
    expect((await refusal(office.collection('funding').create({ ...f, amount_yuan: -1 }))).fields.amount_yuan).toMatch(/「金额」须在 0–1,000,000,000 元/);
    const fin = await srv.as('finance@demo.fenyang');
    expect(await statusOf(fin.collection('funding').create({ ...f, kind: 'received' }))).toBe(0);
    expect(await statusOf(wenfeng.collection('funding').create(f))).toBe(400); // 西河's compound: not wenfeng's
    const audit = await srv.as('audit@demo.fenyang');
    expect(await statusOf(audit.collection('funding').create(f))).toBe(400);
  });

  it('records items and money on a design zone, never on a zone and a compound at once', async () => {
    const planner = await srv.as('planner@demo.fenyang');
    const c = await byCode('FY-042');
    const zone = await planner.collection('design_zones').create({
      name: '测试单元', origin: 'drawn', status: 'active', members: [c.id],
      geometry: { type: 'Polygon', coordinates: [[[111.78, 37.26], [111.781, 37.26], [111.781, 37.261], [111.78, 37.261], [111.78, 37.26]]] },
    });
    const it1 = await planner.collection('renovation_items').create({ zone: zone.id, class: 'enhancement', item: 'elderly_care', quantity: 1, estimate_yuan: 600000 });
    expect(it1.unit).toBe('site');
    const both = await refusal(planner.collection('renovation_items').create({ zone: zone.id, compound: c.id, class: 'enhancement', item: 'childcare', quantity: 1, estimate_yuan: 1 }));
    expect(both.fields.zone).toMatch(/只能指定小区或设计单元之一/);
    expect(await statusOf(office.collection('funding').create({ zone: zone.id, source: 'special_bonds', kind: 'planned', amount_yuan: 600000, date: '2026-11-01' }))).toBe(0);
    const wf = await refusal(wenfeng.collection('funding').create({ zone: zone.id, source: 'municipal', kind: 'planned', amount_yuan: 1, date: '2026-11-01' }));
    expect(wf.status).toBe(400); // a township records money only on its own compounds
  });
});

describe('monthly report', () => {
  it('equals hand counts from the raw records for a month of the demo with starts', async () => {
    const [townships, compounds, events, items, funding] = await Promise.all([
      srv.admin.collection('townships').getFullList(),
      srv.admin.collection('compounds').getFullList(),
      srv.admin.collection('stage_events').getFullList(),
      srv.admin.collection('renovation_items').getFullList(),
      srv.admin.collection('funding').getFullList(),
    ]);
    // The demo's history ends on the day it is seeded: take the month of its second construction start.
    const MONTH = events.filter((e) => e.to === 'construction').map((e) => e.date.slice(0, 7)).sort()[1];
    const END = `${MONTH}-${String(new Date(Date.UTC(Number(MONTH.slice(0, 4)), Number(MONTH.slice(5, 7)), 0)).getUTCDate()).padStart(2, '0')}`;
    const rep = monthlyReport({
      month: MONTH,
      townships: townships.map((t) => ({ id: t.id, name: t.name })),
      compounds: compounds as never, events: events as never, items: items as never, funding: funding as never,
    });
    // Hand counts, straight from the records.
    const inMay = (d: string) => d.slice(0, 7) === MONTH;
    const started = events.filter((e) => e.kind === 'forward' && e.to === 'construction' && inMay(e.date)).map((e) => e.compound);
    const accepted = events.filter((e) => e.kind === 'forward' && e.to === 'accepted' && inMay(e.date));
    expect(rep.total.startedThisMonth).toBe(new Set(started).size);
    expect(rep.total.startedThisMonth).toBeGreaterThan(0);
    expect(rep.total.acceptedThisMonth).toBe(accepted.length);
    const startedIds = new Set(events.filter((e) => e.to === 'construction' && e.date.slice(0, 10) <= END).map((e) => e.compound));
    // (no step back in the demo, so "started by May" = "has a construction event by May")
    expect(rep.total.startedToDate).toBe(startedIds.size);
    expect(rep.total.households).toBe(compounds.filter((c) => startedIds.has(c.id)).reduce((s, c) => s + c.households, 0));
    expect(rep.total.householdsThisMonth).toBe(compounds.filter((c) => started.includes(c.id)).reduce((s, c) => s + c.households, 0));
    const recv = funding.filter((f) => f.kind === 'received' && f.date.slice(0, 10) <= END).reduce((s, f) => s + f.amount_yuan, 0);
    expect(rep.total.money.received).toBe(recv);
    const elevators = items.filter((i) => i.item === 'elevator' && startedIds.has(i.compound)).reduce((s, i) => s + i.quantity, 0);
    expect(rep.total.indicators.elevators).toBe(elevators);
    const pipes = items.filter((i) => ['water_supply', 'drainage', 'power', 'gas', 'heating', 'telecom', 'rain_sewage'].includes(i.item) && startedIds.has(i.compound))
      .reduce((s, i) => s + i.quantity, 0);
    expect(rep.total.indicators.pipes_km).toBeCloseTo(pipes, 2);
    // Per township rows add up to the total; compounds by stage cover every compound listed by then.
    const wf = rep.rows.find((r) => r.name === '文峰街道')!;
    const wfId = townships.find((t) => t.name === '文峰街道')!.id;
    expect(wf.startedThisMonth).toBe(new Set(started.filter((id) => compounds.find((c) => c.id === id)!.township === wfId)).size);
    expect(rep.rows.reduce((s, r) => s + r.compounds, 0)).toBe(rep.total.compounds);
    expect(Object.values(rep.total.byStage).reduce((a, b) => a + b, 0)).toBe(rep.total.compounds);
    const listed = new Set(events.filter((e) => e.date.slice(0, 10) <= END).map((e) => e.compound));
    expect(rep.total.compounds).toBe(listed.size);
  });
});
