// Guards the procedure around the stage machine, as the action plan writes it (§三(二), 四, 六), against a real server:
// a year's plan goes office review → 市政府同意 → 联合发文 → 报吕梁市备案, each step by its role with its evidence, in
// order (a skipped step names what is missing), returnable with a reason, and only the joint document moves 实施一批
// compounds to planned; the budget ceiling flags an approval and asks for a reason; a compound is accepted only with
// its checklist complete and the five parties named; procurement results name the winner and the amount; periods and
// overall plans keep their years; bad dates, amounts and files are refused with the field named and nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type PocketBase from 'pocketbase';
import { startServer, statusOf, type TestServer } from '../helpers/server';

let srv: TestServer;
let office: PocketBase;
let xihe: PocketBase;
let taihe: PocketBase;
let finance: PocketBase;
let planner: PocketBase;

const TODAY = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
const dayOffset = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86400e3).toISOString().slice(0, 10);
/** A plan year of the second period far enough ahead that its deadline has not passed and the demo has no plan for it. */
const YEAR = new Date().getFullYear() + 3;
const PDF_BYTES = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64'));
const pdf = () => new Blob([PDF_BYTES], { type: 'application/pdf' });
const notPdf = () => new Blob(['#!/bin/sh\necho this is not a pdf\n'], { type: 'application/pdf' });

interface Refusal { status: number; message: string; fields: Record<string, string> }
async function refusal(p: Promise<unknown>): Promise<Refusal> {
  try {
    await p;
  } catch (err) {
    const e = err as { status: number; response: { message: string; data?: Record<string, { message: string; code?: string }> } };
    return { status: e.status, message: e.response?.message ?? '', fields: Object.fromEntries(Object.entries(e.response?.data ?? {}).map(([k, v]) => [k, v?.message ?? v?.code ?? ''])) };
  }
  throw new Error('expected a refusal, the call succeeded');
}
function form(fields: Record<string, string | number | boolean | string[]>, files: Record<string, Blob | Blob[]> = {}): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, String(x));
  for (const [k, b] of Object.entries(files)) for (const x of Array.isArray(b) ? b : [b]) fd.append(k, x, `${k}.${x.type === 'image/png' ? 'png' : 'pdf'}`);
  return fd;
}
const byCode = (code: string) => srv.admin.collection('compounds').getFirstListItem<{ id: string; code: string; stage: string; construction_start: string; tier: string; plan_year: number }>(`code = "${code}"`);
const twId = async (code: string) => (await srv.admin.collection('townships').getFirstListItem(`code = "${code}"`)).id;
const count = async (collection: string, filter = '') => (await srv.admin.collection(collection).getList(1, 1, { filter })).totalItems;

beforeAll(async () => {
  srv = await startServer({ seed: true });
  office = await srv.as('office@demo.fenyang');
  xihe = await srv.as('xihe@demo.fenyang');
  taihe = await srv.as('taihe@demo.fenyang');
  finance = await srv.as('finance@demo.fenyang');
  planner = await srv.as('planner@demo.fenyang');
});
afterAll(async () => srv?.stop());

describe('the year\'s approval chain', () => {
  let year: { id: string };
  let xPlan: { id: string };
  let tPlan: { id: string };
  let fy049: { id: string; code: string };

  it('township plans: a plan for a year no period covers is refused, estimates come from the items', async () => {
    const r = await refusal(xihe.collection('annual_plans').create({ year: 2099, township: await twId('141182003') }));
    expect(r.status).toBe(400);
    expect(r.fields.year).toMatch(/没有涵盖 2099 年的规划期/);
    // FY-049 (西河, demand, consent 93.3) gets its preliminary scheme, then enters 实施一批 of YEAR.
    fy049 = await byCode('FY-049');
    await xihe.collection('stage_events').create({ compound: fy049.id, to: 'scheme', scheme_summary: '管网、屋面', budget_estimate_yuan: 3_000_000 });
    await xihe.collection('renovation_items').create({ compound: fy049.id, class: 'basic', item: 'water_supply', quantity: 1.5, estimate_yuan: 1_800_000 });
    await xihe.collection('renovation_items').create({ compound: fy049.id, class: 'basic', item: 'lighting', quantity: 40, estimate_yuan: 100_000 });
    xPlan = await xihe.collection('annual_plans').create({ year: YEAR, township: await twId('141182003') });
    const entry = await xihe.collection('plan_entries').create({ plan: xPlan.id, compound: fy049.id, tier: 'implement' });
    expect(entry.estimate_yuan).toBe(1_900_000);
    await xihe.collection('annual_plans').update(xPlan.id, { status: 'submitted' });
    tPlan = await taihe.collection('annual_plans').create({ year: YEAR, township: await twId('141182002') });
    await taihe.collection('plan_entries').create({ plan: tPlan.id, compound: (await byCode('FY-018')).id, tier: 'reserve', estimate_yuan: 500_000 });
    await taihe.collection('annual_plans').update(tPlan.id, { status: 'submitted' });
    year = await srv.admin.collection('plan_years').getFirstListItem(`year = ${YEAR}`);
    expect(year).toMatchObject({ status: 'open' });
  });

  it('an approval over the year\'s budget ceiling is flagged and needs a reason', async () => {
    expect(await statusOf(taihe.collection('plan_years').update(year.id, { budget_ceiling_yuan: 1_000_000 }))).toBe(403);
    await office.collection('plan_years').update(year.id, { budget_ceiling_yuan: 1_500_000 });
    expect((await office.collection('annual_plans').update(tPlan.id, { status: 'approved' })).over_ceiling).toBe(false);
    const r = await refusal(office.collection('annual_plans').update(xPlan.id, { status: 'approved' }));
    expect(r.status).toBe(400);
    expect(r.fields.over_ceiling_reason).toMatch(/实施一批估算合计 190\.00 万元,超出年度预算上限 150\.00 万元,须填写超出的理由/);
    expect((await srv.admin.collection('annual_plans').getOne(xPlan.id)).status).toBe('submitted');
    const ok = await office.collection('annual_plans').update(xPlan.id, { status: 'approved', over_ceiling_reason: '中央预算内资金追加' });
    expect(ok).toMatchObject({ status: 'approved', over_ceiling: true, over_ceiling_reason: '中央预算内资金追加' });
  });

  it('refuses the wrong role (403) and a skipped step (400 naming the missing steps)', async () => {
    for (const who of [xihe, finance, planner]) {
      const r = await refusal(who.collection('plan_years').update(year.id, { status: 'reviewed', review_opinion: '同意', over_ceiling_reason: 'x' }));
      expect(r.status).toBe(403);
    }
    const skip = await refusal(office.collection('plan_years').update(year.id, form(
      { status: 'issued', joint_doc_number: '汾住建发〔2030〕1号', joint_doc_date: TODAY, joint_doc_issuers: ['housing', 'development', 'finance'] },
      { joint_doc_file: pdf() },
    )));
    expect(skip.status).toBe(400);
    expect(skip.fields.status).toMatch(/须先完成「办公室审查」、「市政府同意」/);
    expect((await srv.admin.collection('plan_years').getOne(year.id)).status).toBe('open');
  });

  it('office review: needs its opinion and (over the ceiling) a reason; township plans of the year are then frozen', async () => {
    let r = await refusal(office.collection('plan_years').update(year.id, { status: 'reviewed' }));
    expect(r.fields.review_opinion).toMatch(/审查意见/);
    r = await refusal(office.collection('plan_years').update(year.id, { status: 'reviewed', review_opinion: '同意' }));
    expect(r.fields.over_ceiling_reason).toMatch(/超出年度预算上限/);
    const reviewed = await office.collection('plan_years').update(year.id, { status: 'reviewed', review_opinion: '经审查同意', over_ceiling_reason: '中央预算内资金追加' });
    expect(reviewed).toMatchObject({ status: 'reviewed', over_ceiling: true, reviewed_by: office.authStore.record!.id });
    r = await refusal(taihe.collection('plan_entries').create({ plan: tPlan.id, compound: (await byCode('FY-018')).id, tier: 'prepare' }));
    expect(r.message).toMatch(/年度计划已审查/);
    r = await refusal(srv.as('wenfeng@demo.fenyang').then(async (w) => w.collection('annual_plans').create({ year: YEAR, township: await twId('141182001') })));
    expect(r.fields.year).toMatch(/年度计划已审查/);
  });

  it('市政府同意: date and document, not in the future, not before the review; the finance bureau may not take it', async () => {
    expect((await refusal(finance.collection('plan_years').update(year.id, form({ status: 'city_approved', city_consent_date: TODAY }, { city_consent_file: pdf() })))).status).toBe(403);
    let r = await refusal(office.collection('plan_years').update(year.id, { status: 'city_approved', city_consent_date: TODAY }));
    expect(r.status).toBe(400);
    expect(r.fields.city_consent_file).toMatch(/市政府同意文件/);
    r = await refusal(office.collection('plan_years').update(year.id, form({ status: 'city_approved', city_consent_date: dayOffset(TODAY, 1) }, { city_consent_file: pdf() })));
    expect(r.fields.city_consent_date).toMatch(/晚于今天/);
    r = await refusal(office.collection('plan_years').update(year.id, form({ status: 'city_approved', city_consent_date: dayOffset(TODAY, -400) }, { city_consent_file: pdf() })));
    expect(r.fields.city_consent_date).toMatch(/早于「办公室审查日期」/);
    // A file that is not a PDF is refused by the upload check, naming the field; nothing changes.
    r = await refusal(office.collection('plan_years').update(year.id, form({ status: 'city_approved', city_consent_date: TODAY }, { city_consent_file: notPdf() })));
    expect(r.status).toBe(400);
    expect(Object.keys(r.fields)).toContain('city_consent_file');
    expect((await srv.admin.collection('plan_years').getOne(year.id)).status).toBe('reviewed');
    const ok = await office.collection('plan_years').update(year.id, form({ status: 'city_approved', city_consent_date: TODAY, city_consent_number: '汾政函〔2030〕3号' }, { city_consent_file: pdf() }));
    expect(ok.status).toBe('city_approved');
    expect(ok.city_consent_file).not.toBe('');
  });

  it('returns with a reason: back to open, the review to be taken again', async () => {
    const r = await refusal(office.collection('plan_years').update(year.id, { status: 'open' }));
    expect(r.fields.return_reason).toMatch(/退回原因/);
    expect((await refusal(finance.collection('plan_years').update(year.id, { status: 'open', return_reason: 'x' }))).status).toBe(403);
    const back = await office.collection('plan_years').update(year.id, { status: 'open', return_reason: '市政府常务会议要求补充资金来源说明' });
    expect(back).toMatchObject({ status: 'open', returned_from: 'city_approved', review_opinion: '', city_consent_date: '' });
    await office.collection('plan_years').update(year.id, { status: 'reviewed', review_opinion: '补充资金来源后同意', over_ceiling_reason: '中央预算内资金追加' });
    await office.collection('plan_years').update(year.id, form({ status: 'city_approved', city_consent_date: TODAY, city_consent_number: '汾政函〔2030〕5号' }, { city_consent_file: pdf() }));
  });

  it('联合发文: number, date not before the consent, PDF and all three issuers; then 实施一批 compounds enter planned', async () => {
    const base = { status: 'issued', joint_doc_number: '汾住建发〔2030〕12号', joint_doc_date: TODAY, joint_doc_issuers: ['housing', 'development', 'finance'] };
    let r = await refusal(finance.collection('plan_years').update(year.id, form({ ...base, joint_doc_date: dayOffset(TODAY, -500) }, { joint_doc_file: pdf() })));
    expect(r.fields.joint_doc_date).toMatch(/早于「市政府同意日期」/);
    r = await refusal(finance.collection('plan_years').update(year.id, form({ ...base, joint_doc_issuers: ['housing', 'finance'] }, { joint_doc_file: pdf() })));
    expect(r.fields.joint_doc_issuers).toMatch(/住建局、发改委、财政局三家/);
    r = await refusal(finance.collection('plan_years').update(year.id, form({ ...base, joint_doc_number: '' }, { joint_doc_file: pdf() })));
    expect(r.fields.joint_doc_number).toMatch(/联合发文文号/);
    expect((await byCode('FY-049')).stage).toBe('scheme');
    // The finance bureau, one of the three issuers, records it.
    const issued = await finance.collection('plan_years').update(year.id, form(base, { joint_doc_file: pdf() }));
    expect(issued).toMatchObject({ status: 'issued', joint_doc_by: finance.authStore.record!.id });
    const c = await byCode('FY-049');
    expect(c).toMatchObject({ stage: 'planned', plan_year: YEAR, tier: 'implement' });
    const ev = await srv.admin.collection('stage_events').getFirstListItem(`compound = "${c.id}" && to = "planned"`);
    expect(ev.date.slice(0, 10)).toBe(TODAY);
    expect((await byCode('FY-018')).tier).toBe('reserve');
    expect((await refusal(office.collection('plan_years').update(year.id, { status: 'open', return_reason: '撤回' }))).fields.status).toMatch(/不允许的状态变更/);
  });

  it('报吕梁市备案: date not before the joint document, a receipt; by the office', async () => {
    expect((await refusal(finance.collection('plan_years').update(year.id, form({ status: 'filed', filed_date: TODAY }, { filing_receipt: pdf() })))).status).toBe(403);
    const r = await refusal(office.collection('plan_years').update(year.id, { status: 'filed', filed_date: TODAY }));
    expect(r.fields.filing_receipt).toMatch(/备案回执/);
    const filed = await office.collection('plan_years').update(year.id, form({ status: 'filed', filed_date: TODAY, filing_number: '吕住建备〔2030〕2号' }, { filing_receipt: pdf() }));
    expect(filed.status).toBe('filed');
    // Evidence of an earlier step cannot be rewritten afterwards.
    expect((await refusal(office.collection('plan_years').update(year.id, { joint_doc_number: '改号' }))).fields.joint_doc_number).toMatch(/只能在办理「联合发文」时填写/);
  });
});

describe('acceptance checklist', () => {
  let c: { id: string; construction_start: string };
  const parties = { builder_unit: '汾阳市城市建设发展有限公司', design_unit: '汾阳市城乡规划设计院', construction_unit: '山西汾州建设工程有限公司', supervision_unit: '山西诚信工程监理有限公司' };
  const accept = (extra: Record<string, string | boolean> = {}) => office.collection('stage_events').create(form(
    { compound: c.id, to: 'accepted', acceptance_date: TODAY, residents_present: true, resident_reps: '业委会主任李四', ...parties, ...extra },
    { documents: pdf() },
  ));

  it('is refused while an item is not done, naming the item; the five parties are required', async () => {
    c = await byCode('FY-004'); // construction, 文峰
    const items = await srv.admin.collection('renovation_items').getFullList({ filter: `compound = "${c.id}"` });
    expect(items.some((i) => i.status !== 'done')).toBe(true);
    let r = await refusal(accept({ supervision_unit: '' }));
    expect(r.fields.supervision_unit).toMatch(/监理单位/);
    r = await refusal(accept());
    expect(r.status).toBe(400);
    expect(r.fields.items).toMatch(/^验收清单未完成:「[^」]+」仍为(实施中|计划)/);
    r = await refusal(accept({ acceptance_date: dayOffset(c.construction_start.slice(0, 10), -1) }));
    expect(r.fields.acceptance_date).toMatch(/早于开工日期/);
    expect((await byCode('FY-004')).stage).toBe('construction');
  });

  it('an item is done with its date and a photo, or waived with a reason', async () => {
    const [first] = await srv.admin.collection('renovation_items').getFullList({ filter: `compound = "${c.id}" && status != "done"`, sort: 'item' });
    let r = await refusal(office.collection('renovation_items').update(first.id, { status: 'done', done_date: TODAY }));
    expect(r.fields.photos).toMatch(/须附完成照片/);
    r = await refusal(office.collection('renovation_items').update(first.id, form({ status: 'done' }, { photos: new Blob([PNG], { type: 'image/png' }) })));
    expect(r.fields.done_date).toMatch(/须填写完成日期/);
    r = await refusal(office.collection('renovation_items').update(first.id, { status: 'waived' }));
    expect(r.fields.waive_reason).toMatch(/须填写理由/);
    r = await refusal(office.collection('renovation_items').update(first.id, form({ status: 'done', done_date: TODAY }, { photos: notPdf() })));
    expect(Object.keys(r.fields)).toContain('photos');
    expect((await srv.admin.collection('renovation_items').getOne(first.id)).status).toBe(first.status);
  });

  it('is accepted once every item is done or waived', async () => {
    const open = await srv.admin.collection('renovation_items').getFullList({ filter: `compound = "${c.id}" && status != "done"`, sort: 'item' });
    const [waive, ...rest] = open;
    await office.collection('renovation_items').update(waive.id, { status: 'waived', waive_reason: '居民意见未统一,暂缓实施' });
    for (const it of rest) await office.collection('renovation_items').update(it.id, form({ status: 'done', done_date: TODAY }, { photos: new Blob([PNG], { type: 'image/png' }) }));
    const ev = await accept();
    expect(ev).toMatchObject({ to: 'accepted', ...parties });
    expect((await byCode('FY-004')).stage).toBe('accepted');
  });
});

describe('procurement and the other implementation records', () => {
  let c: { id: string };
  beforeAll(async () => {
    c = await byCode('FY-006'); // planned, 文峰
  });
  const base = () => ({ compound: c.id, scope: 'construction', method: 'open_tender', announce_date: dayOffset(TODAY, -30) });

  it('a recorded result needs the winning unit, the amount (0 to 100 million yuan) and its date', async () => {
    const wenfeng = await srv.as('wenfeng@demo.fenyang');
    const before = await count('procurements', `compound = "${c.id}"`);
    let r = await refusal(wenfeng.collection('procurements').create({ ...base(), status: 'awarded', contract_amount_yuan: 5_000_000, result_date: TODAY }));
    expect(r.fields.winning_unit).toMatch(/中标\(成交\)单位/);
    r = await refusal(wenfeng.collection('procurements').create({ ...base(), status: 'awarded', winning_unit: '某公司', result_date: TODAY }));
    expect(r.fields.contract_amount_yuan).toMatch(/合同金额/);
    r = await refusal(wenfeng.collection('procurements').create({ ...base(), status: 'awarded', winning_unit: '某公司', contract_amount_yuan: -1, result_date: TODAY }));
    expect(r.fields.contract_amount_yuan).toMatch(/「合同金额」须在 0–100,000,000 元 之间/);
    r = await refusal(wenfeng.collection('procurements').create({ ...base(), status: 'awarded', winning_unit: '某公司', contract_amount_yuan: 150_000_000, result_date: TODAY }));
    expect(r.fields.contract_amount_yuan).toMatch(/须在 0–100,000,000 元/);
    r = await refusal(wenfeng.collection('procurements').create({ ...base(), status: 'announced', winning_unit: '某公司' }));
    expect(r.fields.status).toMatch(/已定标/);
    r = await refusal(wenfeng.collection('procurements').create({ ...base(), status: 'awarded', winning_unit: '某公司', contract_amount_yuan: 1, result_date: dayOffset(TODAY, -40) }));
    expect(r.fields.result_date).toMatch(/早于公告日期/);
    expect(await count('procurements', `compound = "${c.id}"`)).toBe(before);
    expect(await statusOf(taihe.collection('procurements').create({ ...base(), status: 'announced' }))).toBe(400); // not its compound
    const ok = await wenfeng.collection('procurements').create({ ...base(), status: 'awarded', winning_unit: '山西汾州建设工程有限公司', contract_amount_yuan: 0, result_date: TODAY });
    expect(ok.contract_amount_yuan).toBe(0);
    // The public sees who won and for how much.
    const pub = await srv.anon().collection('public_tenders').getFullList({ filter: `compound = "${c.id}"` });
    expect(pub.map((p) => p.winning_unit)).toContain('山西汾州建设工程有限公司');
    expect(Object.keys(pub[0])).not.toContain('documents');
    expect(Object.keys(pub[0])).not.toContain('note');
  });

  it('a design review states its opinion; 拆违 states how much; one implementing body per compound', async () => {
    const approval = await srv.admin.collection('users').create({
      email: 'approval-proc@test.local', password: 'fenyang2025', passwordConfirm: 'fenyang2025', name: '审批局', role: 'department', department: 'approval', active: true,
    });
    const ap = await srv.as('approval-proc@test.local');
    expect(approval.id).not.toBe('');
    let r = await refusal(ap.collection('design_reviews').create({ compound: c.id, kind: 'joint', date: TODAY, result: 'passed', opinion: ' ' }));
    expect(r.fields.opinion).toMatch(/审查意见/);
    expect(await statusOf(ap.collection('design_reviews').create({ compound: c.id, kind: 'joint', date: TODAY, result: 'passed', opinion: '同意实施' }))).toBe(0);
    r = await refusal(office.collection('demolitions').create({ compound: c.id, date: TODAY, structures: 0, area_m2: 0 }));
    expect(r.fields.structures).toMatch(/拆除处数或拆除面积/);
    expect(await statusOf(office.collection('demolitions').create(form({ compound: c.id, date: TODAY, structures: 3, area_m2: 45.5 }, { photos: new Blob([PNG], { type: 'image/png' }) })))).toBe(0);
    r = await refusal(office.collection('implementing_bodies').create({ compound: c.id, body_type: 'community', body_name: '东关社区' }));
    expect(r.fields.compound).toMatch(/已确定实施主体/);
    const pub = await srv.anon().collection('public_implementing_bodies').getFullList({ filter: `compound = "${c.id}"` });
    expect(pub).toHaveLength(1);
  });

  it('approval routes: 合并审批 names the merged documents, 告知承诺 attaches the letter, 备案 names the waived fees', async () => {
    const body = { compound: c.id, date: TODAY, status: 'approved' };
    let r = await refusal(office.collection('approvals').create({ ...body, kind: 'merged', merged_documents: ['proposal'] }));
    expect(r.fields.merged_documents).toMatch(/至少两项/);
    expect(await statusOf(office.collection('approvals').create({ ...body, kind: 'merged', merged_documents: ['proposal', 'feasibility', 'preliminary_design', 'budget_estimate'] }))).toBe(0);
    r = await refusal(office.collection('approvals').create({ ...body, kind: 'notification_commitment' }));
    expect(r.fields.documents).toMatch(/承诺书/);
    expect(await statusOf(office.collection('approvals').create(form({ ...body, kind: 'notification_commitment' }, { documents: pdf() })))).toBe(0);
    r = await refusal(office.collection('approvals').create({ ...body, kind: 'fee_waiver_filing' }));
    expect(r.fields.waiver_items).toMatch(/管网接口、道路开挖/);
    r = await refusal(office.collection('approvals').create({ ...body, kind: 'fee_waiver_filing', waiver_items: ['road_opening'], waived_fees_yuan: -5 }));
    expect(r.fields.waived_fees_yuan).toMatch(/「减免费用」须在/);
    expect(await statusOf(office.collection('approvals').create({ ...body, kind: 'fee_waiver_filing', waiver_items: ['pipe_connection', 'road_opening'], waived_fees_yuan: 36000 }))).toBe(0);
  });
});

describe('periods and the overall plan', () => {
  it('a period covers whole years without overlapping another; only the office creates one', async () => {
    let r = await refusal(office.collection('periods').create({ name: '重叠', first_year: 2028, last_year: 2032 }));
    expect(r.fields.first_year).toMatch(/年度重叠/);
    r = await refusal(office.collection('periods').create({ name: '倒序', first_year: 2040, last_year: 2036 }));
    expect(r.fields.last_year).toMatch(/早于起始年度/);
    expect(await statusOf(taihe.collection('periods').create({ name: '街道', first_year: 2041, last_year: 2045 }))).toBe(400); // PocketBase: a create rule refuses with 400
    const p = await office.collection('periods').create({ name: '汾阳市老旧小区改造(2041—2045年)', first_year: 2041, last_year: 2045, target_compounds: 12 });
    expect(p.first_year).toBe(2041);
    const pub = await srv.anon().collection('periods').getFullList();
    expect(pub.map((x) => x.first_year)).toEqual(expect.arrayContaining([2021, 2026, 2041]));
  });

  it('overall-plan entries keep their year in their period, state money by known source, carry over only the unfinished', async () => {
    const p1 = await srv.admin.collection('periods').getFirstListItem('first_year = 2021');
    const p2 = await srv.admin.collection('periods').getFirstListItem('first_year = 2026');
    const p3 = await srv.admin.collection('periods').getFirstListItem('first_year = 2041');
    const waiting = await byCode('FY-042'); // demand, declared in 2021–2025, carried into 2026–2030 by the demo
    let r = await refusal(office.collection('overall_plan_entries').create({ period: p3.id, compound: waiting.id, year: 2040 }));
    expect(r.fields.year).toMatch(/计划年度 2040 不在规划期/);
    r = await refusal(office.collection('overall_plan_entries').create({ period: p3.id, compound: waiting.id, year: 2041, funding: { central: '1,000' } }));
    expect(r.fields.funding).toMatch(/「中央补助资金」须为数字/);
    r = await refusal(office.collection('overall_plan_entries').create({ period: p3.id, compound: waiting.id, year: 2041, funding: { teleport: 1 } }));
    expect(r.fields.funding).toMatch(/不在资金来源清单/);
    r = await refusal(office.collection('overall_plan_entries').create({ period: p3.id, compound: waiting.id, year: 2041, estimate_yuan: 2e8 }));
    expect(r.fields.estimate_yuan).toMatch(/须在 0–100,000,000 元/);
    const done = await byCode('FY-003'); // maintained
    r = await refusal(office.collection('overall_plan_entries').create({ period: p3.id, compound: done.id, year: 2041, carried_from: p2.id }));
    expect(r.fields.carried_from).toMatch(/未列入|已竣工验收/);
    r = await refusal(office.collection('overall_plan_entries').create({ period: p2.id, compound: done.id, year: 2027, carried_from: p1.id }));
    expect(r.fields.carried_from).toMatch(/已竣工验收,无需结转/);
    const ok = await office.collection('overall_plan_entries').create({ period: p3.id, compound: waiting.id, year: 2042, carried_from: p2.id, funding: { central: 1_000_000, municipal: 200_000 } });
    expect(ok.funding).toEqual({ central: 1_000_000, municipal: 200_000 });
    expect(await statusOf(xihe.collection('overall_plan_entries').update(ok.id, { year: 2043 }))).toBe(404);
    // A period with entries is not deleted.
    r = await refusal(office.collection('periods').delete(p3.id));
    expect(r.message).toMatch(/不能删除/);
  });
});
