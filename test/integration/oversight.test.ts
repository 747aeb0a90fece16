// After the works and above them, against a real server with the demo: long-term management (fund not above its
// target, ratings in range, the own township writes), the score's weights (sum 100, nothing half-written), the 督办
// lifecycle (督查室 issues, the township rectifies with evidence, the issuer closes; a closed item is final), department
// duty records (finding about money needs its amount), reports on record (a submitted month is frozen: later edits of
// the ledger leave it unchanged, a correction is a new version with a reason) and a township's score for the current
// month equal to a count made with the server's own filters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type PocketBase from 'pocketbase';
import ExcelJS from 'exceljs';
import { startServer, statusOf, type TestServer } from '../helpers/server';
import { townshipScores, scoredPlanYear, type Weights, SCORE_PARTS } from '../../src/lib/programme/supervision';

let srv: TestServer;
let office: PocketBase;
let inspection: PocketBase;
let taihe: PocketBase;
let wenfeng: PocketBase;
let audit: PocketBase;

const TODAY = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
const MONTH = TODAY.slice(0, 7);
const dayOffset = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86400e3).toISOString().slice(0, 10);
const PDF_BYTES = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function refusal(p: Promise<unknown>): Promise<{ status: number; message: string; fields: Record<string, string> }> {
  try {
    await p;
  } catch (err) {
    const e = err as { status: number; response: { message: string; data?: Record<string, { message: string }> } };
    return { status: e.status, message: e.response?.message ?? '', fields: Object.fromEntries(Object.entries(e.response?.data ?? {}).map(([k, v]) => [k, v?.message ?? ''])) };
  }
  throw new Error('expected a refusal, the call succeeded');
}
const twId = async (code: string) => (await srv.admin.collection('townships').getFirstListItem(`code = "${code}"`)).id;
const compoundOf = async (township: string, filter = '') =>
  srv.admin.collection('compounds').getFirstListItem(srv.admin.filter(`township = {:t}${filter ? ` && ${filter}` : ''}`, { t: township }));

beforeAll(async () => {
  srv = await startServer({ seed: true });
  office = await srv.as('office@demo.fenyang');
  inspection = await srv.as('inspection@demo.fenyang');
  taihe = await srv.as('taihe@demo.fenyang');
  wenfeng = await srv.as('wenfeng@demo.fenyang');
  audit = await srv.as('audit@demo.fenyang');
});
afterAll(async () => srv?.stop());

describe('long-term management', () => {
  it('refuses a fund collected above its target and a rating out of range, naming the field; the own township writes', async () => {
    const tw = await twId('141182002');
    const c = await compoundOf(tw);
    const other = await compoundOf(await twId('141182001'));
    await srv.admin.collection('maintenance_funds').getFullList({ filter: `compound = "${c.id}"` }).then((rows) => Promise.all(rows.map((r) => srv.admin.collection('maintenance_funds').delete(r.id))));
    const over = await refusal(taihe.collection('maintenance_funds').create({ compound: c.id, target_yuan: 100000, collected_yuan: 120000, date: TODAY }));
    expect(over.status).toBe(400);
    expect(over.fields.collected_yuan).toContain('维修资金归集目标');
    expect((await srv.admin.collection('maintenance_funds').getList(1, 1, { filter: `compound = "${c.id}"` })).totalItems).toBe(0);
    await taihe.collection('maintenance_funds').create({ compound: c.id, target_yuan: 100000, collected_yuan: 40000, date: TODAY });
    expect(await statusOf(taihe.collection('maintenance_funds').create({ compound: other.id, target_yuan: 1, collected_yuan: 0, date: TODAY }))).toBe(400);

    const rating = await refusal(taihe.collection('management_checks').create({ compound: c.id, date: TODAY, inspector: '检查员', score: 90, service_rating: 6 }));
    expect(rating.fields.service_rating).toContain('居民服务评价');
    const score = await refusal(taihe.collection('management_checks').create({ compound: c.id, date: TODAY, inspector: '检查员', score: 101 }));
    expect(score.fields.score).toContain('检查得分');
    const ok = await taihe.collection('management_checks').create({ compound: c.id, date: TODAY, inspector: '检查员', score: 88, service_rating: 4 });
    expect(ok.checked_by).toBe(taihe.authStore.record!.id);
    const noCompany = await refusal(taihe.collection('management_arrangements').create({ compound: c.id, mode: 'property_company', start_date: TODAY }));
    expect(noCompany.fields.company).toContain('物业企业');
  });
});

describe('supervision', () => {
  it('refuses weights that do not add up to 100 and keeps the old ones', async () => {
    const before = await office.collection('programme_settings').getOne('settings0000001');
    const bad = await refusal(office.collection('programme_settings').update('settings0000001', { weight_plan: 30 }));
    expect(bad.status).toBe(400);
    expect(bad.message).toContain('权重之和须为 100');
    expect(bad.fields.weight_plan).toBeTruthy();
    const after = await office.collection('programme_settings').getOne('settings0000001');
    expect(after.weight_plan).toBe(before.weight_plan);
    await office.collection('programme_settings').update('settings0000001', { weight_plan: 20, weight_funds: 5 });
    await office.collection('programme_settings').update('settings0000001', { weight_plan: before.weight_plan, weight_funds: before.weight_funds });
    // Only the office changes settings: the 督查室 reads them.
    expect(await statusOf(inspection.collection('programme_settings').update('settings0000001', { weight_plan: 15 }))).toBe(404);
  });

  it('runs a 督办 item: issued by the 督查室, rectified by the township with evidence, closed by the issuer, then final', async () => {
    const tw = await twId('141182002');
    const item = await inspection.collection('supervision_items').create({ township: tw, title: '测试督办', requirement: '限期整改', deadline: dayOffset(TODAY, 10), status: 'open' });
    expect(item.issued_by).toBe(inspection.authStore.record!.id);
    expect(item.issued_date.slice(0, 10)).toBe(TODAY);
    // A township may not issue, another township may not answer.
    expect(await statusOf(taihe.collection('supervision_items').create({ township: tw, title: 'x', deadline: dayOffset(TODAY, 3), status: 'open' }))).toBe(400);
    expect(await statusOf(wenfeng.collection('supervision_items').update(item.id, { rectification: '别人的', status: 'rectified' }))).toBe(404);
    // Rectification needs its text and evidence; the township cannot move the deadline or close it.
    expect((await refusal(taihe.collection('supervision_items').update(item.id, { rectification: '已整改', status: 'rectified' }))).fields.evidence).toContain('整改佐证');
    expect((await refusal(taihe.collection('supervision_items').update(item.id, { deadline: dayOffset(TODAY, 60) }))).fields.deadline).toBeTruthy();
    const fd = new FormData();
    fd.append('rectification', '已整改完毕');
    fd.append('status', 'rectified');
    fd.append('evidence', new Blob([PDF_BYTES], { type: 'application/pdf' }), 'evidence.pdf');
    const rectified = await taihe.collection('supervision_items').update(item.id, fd);
    expect(rectified.status).toBe('rectified');
    expect(rectified.rectified_by).toBe(taihe.authStore.record!.id);
    expect(await statusOf(taihe.collection('supervision_items').update(item.id, { status: 'closed' }))).toBe(400);
    const closed = await inspection.collection('supervision_items').update(item.id, { status: 'closed', issuer_comment: '整改到位' });
    expect(closed.closed_by).toBe(inspection.authStore.record!.id);
    expect((await refusal(inspection.collection('supervision_items').update(item.id, { status: 'open' }))).message).toContain('已销号');
    expect(await statusOf(inspection.collection('supervision_items').delete(item.id))).not.toBe(0);
    // An open item due within 7 days is on the township's to-do list.
    const todoCount = async () =>
      ((await taihe.send('/api/fy/todo', {})) as { items: { kind: string; n: number }[] }).items.find((i) => i.kind === 'supervision_due')?.n ?? 0;
    const before = await todoCount();
    await inspection.collection('supervision_items').create({ township: tw, title: '临期督办', requirement: '三日内整改', deadline: dayOffset(TODAY, 3), status: 'open' });
    expect(await todoCount()).toBe(before + 1);
  });

  it('scores a township for the current month as a count with the server\'s own filters', async () => {
    const A = srv.admin;
    const T = await twId('141182002');
    const settings = await A.collection('programme_settings').getOne('settings0000001');
    const weights = Object.fromEntries(SCORE_PARTS.map((k) => [k, settings[`weight_${k}`]])) as Weights;
    const [townships, compounds, events, plans, entries, funding, feedback, items] = await Promise.all([
      A.collection('townships').getFullList(), A.collection('compounds').getFullList(), A.collection('stage_events').getFullList(),
      A.collection('annual_plans').getFullList(), A.collection('plan_entries').getFullList(), A.collection('funding').getFullList(),
      A.collection('feedback').getFullList(), A.collection('supervision_items').getFullList(),
    ]);
    const scores = townshipScores({
      month: MONTH, townships: townships.map((t) => ({ id: t.id, name: t.name })),
      compounds: compounds.map((c) => ({ id: c.id, code: c.code, name: c.name, township: c.township, households: c.households, buildings: c.buildings, stage: c.stage, construction_end_planned: c.construction_end_planned })),
      events: events.map((e) => ({ compound: e.compound, to: e.to, kind: e.kind, date: e.date, created: e.created })),
      plans: plans.map((p) => ({ id: p.id, year: p.year, township: p.township, status: p.status, submitted_at: p.submitted_at })),
      entries: entries.map((e) => ({ plan: e.plan, compound: e.compound, tier: e.tier })),
      funding: funding.map((f) => ({ compound: f.compound, source: f.source, kind: f.kind, amount_yuan: f.amount_yuan, date: f.date })),
      feedback: feedback.map((f) => ({ township: f.township, created: f.created, replied_at: f.replied_at })),
      items: items.map((i) => ({ id: i.id, township: i.township, title: i.title, deadline: i.deadline, status: i.status, rectified_date: i.rectified_date, closed_date: i.closed_date })),
      weights, today: TODAY,
    });
    const mine = scores.find((s) => s.township === T)!;

    // The count, with filters: the works year's approved 实施一批 of the township, started and accepted now.
    const Y = Number(MONTH.slice(0, 4));
    const taskFilter = A.filter('plan.township = {:t} && plan.year = {:y} && plan.status = "approved" && tier = "implement"', { t: T, y: Y });
    const task = (await A.collection('plan_entries').getFullList({ filter: taskFilter })).length;
    const started = (await A.collection('plan_entries').getFullList({ filter: `${taskFilter} && (compound.stage = "construction" || compound.stage = "accepted" || compound.stage = "maintained")` })).length;
    const accepted = (await A.collection('plan_entries').getFullList({ filter: `${taskFilter} && (compound.stage = "accepted" || compound.stage = "maintained")` })).length;
    expect(task).toBeGreaterThan(0);
    expect([mine.task, mine.started, mine.accepted]).toEqual([task, started, accepted]);
    const monthEnd = `${MONTH}-31`; // money to month end (nothing is dated after today)
    const late = (await A.collection('compounds').getFullList({ filter: A.filter('township = {:t} && stage = "construction" && construction_end_planned != "" && construction_end_planned < {:d}', { t: T, d: TODAY }) })).length;
    const supLate = (await A.collection('supervision_items').getFullList({ filter: A.filter('township = {:t} && deadline < {:d} && status = "open"', { t: T, d: TODAY }) })).length;
    const received = (await A.collection('funding').getFullList({ filter: A.filter('compound.township = {:t} && kind = "received" && date <= {:d}', { t: T, d: `${monthEnd} 23:59:59` }) })).reduce((s, f) => s + f.amount_yuan, 0);
    const spent = (await A.collection('funding').getFullList({ filter: A.filter('compound.township = {:t} && kind = "spent" && date <= {:d}', { t: T, d: `${monthEnd} 23:59:59` }) })).reduce((s, f) => s + f.amount_yuan, 0);
    const planYear = scoredPlanYear(MONTH);
    const plan = (await A.collection('annual_plans').getFullList({ filter: A.filter('township = {:t} && year = {:y}', { t: T, y: planYear }) }))[0];
    const due = `${planYear - 1}-08-31`;
    const planPart = !plan ? null : plan.submitted_at && plan.submitted_at.slice(0, 10) <= due ? 100 : plan.submitted_at ? 50 : TODAY > due ? 0 : null;
    const fb = feedback.filter((f) => f.township === T && f.created.slice(0, 7) === MONTH);
    const parts = {
      plan: planPart,
      started: Math.round((1000 * started) / task) / 10,
      accepted: Math.round((1000 * accepted) / task) / 10,
      overdue: Math.max(0, 100 - 20 * (late + supLate)),
      feedback: fb.length ? mine.parts.feedback : null,
      funds: received ? Math.round(10 * Math.min(100, (100 * spent) / received)) / 10 : null,
    };
    expect(mine.parts).toEqual(parts);
    let w = 0;
    let pts = 0;
    for (const k of SCORE_PARTS) if (parts[k] != null) { w += weights[k]; pts += weights[k] * parts[k]!; }
    expect(mine.total).toBe(Math.round((10 * pts) / w) / 10);
    expect(scores.map((s) => s.rank)[0]).toBe(1);
  });
});

describe('department duties', () => {
  it('lets each department write only its own records, and wants an amount on a finding about money', async () => {
    const c = await compoundOf(await twId('141182002'));
    const noAmount = await refusal(audit.collection('audit_findings').create({ compound: c.id, date: TODAY, category: 'misused_funds', finding: '挪用资金' }));
    expect(noAmount.fields.amount_yuan).toContain('涉及金额');
    const ok = await audit.collection('audit_findings').create({ compound: c.id, date: TODAY, category: 'misused_funds', finding: '挪用资金', amount_yuan: 5000 });
    expect(ok.amount_yuan).toBe(5000);
    expect(await statusOf(office.collection('audit_findings').update(ok.id, { rectification: 'x' }))).toBe(404);
    const dev = await srv.as('development@demo.fenyang');
    const over = await refusal(dev.collection('budget_applications').create({ year: 2027, title: '申报', status: 'granted', requested_yuan: 100, granted_yuan: 200 }));
    expect(over.fields.granted_yuan).toContain('下达金额');
    const res = await srv.as('resources@demo.fenyang');
    const noTransfer = await refusal(res.collection('land_records').create({ compound: c.id, parcel: 'P-1', land_use: 'idle_land', right_holder: '某单位' }));
    expect(noTransfer.fields.transfer_status).toBeTruthy();
    const civil = await srv.as('civil@demo.fenyang');
    const site = (await srv.admin.collection('facility_sites').getFullList({ filter: 'facility_type = "elderly_station"' }))[0];
    expect(site).toBeTruthy();
    await civil.collection('elderly_subsidies').create({ site: site.id, year: 2026, kind: 'operation', amount_yuan: 30000, date: TODAY });
    expect(await statusOf(dev.collection('elderly_subsidies').create({ site: site.id, year: 2026, kind: 'operation', amount_yuan: 1, date: TODAY }))).toBe(400);
  });
});

describe('reports on record', () => {
  it('freezes a submitted month: later ledger edits leave it unchanged; a correction is a new version with its reason', async () => {
    const month = `${Number(MONTH.slice(0, 4)) - 1}-06`;
    const figures = { month, rows: [{ township: 'x', name: '太和桥街道', compounds: 3 }], total: { compounds: 3, floorArea: 1234.5 } };
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('月报表').addRow(['示例数据']);
    const xlsx = new Blob([await wb.xlsx.writeBuffer()], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const fd = new FormData();
    fd.append('month', month);
    fd.append('figures', JSON.stringify(figures));
    fd.append('workbook', xlsx, 'report.xlsx');
    fd.append('version', '7');
    const v1 = await office.collection('monthly_reports').create(fd);
    expect([v1.version, v1.submitted_by, v1.supersedes]).toEqual([1, office.authStore.record!.id, '']);
    expect(await statusOf(office.collection('monthly_reports').update(v1.id, { reason: 'x' }))).toBe(403);
    expect(await statusOf(office.collection('monthly_reports').delete(v1.id))).toBe(403);
    expect(await statusOf(taihe.collection('monthly_reports').create({ month, figures }))).toBe(400);
    // A later edit of the ledger (a compound's floor area) does not reach the frozen figures.
    const c = await compoundOf(await twId('141182002'));
    await office.collection('compounds').update(c.id, { floor_area_m2: (c.floor_area_m2 || 0) + 1000, version: c.version });
    const again = await office.collection('monthly_reports').getOne(v1.id);
    expect(again.figures).toEqual(figures);
    const noReason = await refusal(office.collection('monthly_reports').create({ month, figures }));
    expect(noReason.fields.reason).toContain('更正原因');
    const v2 = await office.collection('monthly_reports').create({ month, figures: { ...figures, total: { compounds: 4 } }, reason: '补报一个小区' });
    expect([v2.version, v2.supersedes]).toEqual([2, v1.id]);
    const future = await refusal(office.collection('monthly_reports').create({ month: `${Number(MONTH.slice(0, 4)) + 1}-01`, figures: { ...figures, month: undefined } }));
    expect(future.fields.month).toBeTruthy();
  });
});
