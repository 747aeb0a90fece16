// The compound register kept alive in the app: township edits of its own compounds (audited) and not of others,
// stale saves refused (409), consent only from survey records (a direct write refused; a survey — or a 民政局
// consultation of kind survey — sets the figure and moves the annual-plan gate), bad tallies refused with the field
// named, and excluded compounds kept out of annual plans.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type PocketBase from 'pocketbase';
import { startServer, statusOf, type TestServer } from '../helpers/server';

let srv: TestServer;
let office: PocketBase;
let wenfeng: PocketBase;
let civil: PocketBase;
beforeAll(async () => {
  srv = await startServer({ seed: true });
  office = await srv.as('office@demo.fenyang');
  wenfeng = await srv.as('wenfeng@demo.fenyang');
  civil = await srv.as('civil@demo.fenyang');
});
afterAll(async () => srv?.stop());

const ON_TIME = new Date().getFullYear() + 2;
const byCode = (code: string) => srv.admin.collection('compounds').getFirstListItem(`code = "${code}"`);
const privateOf = (id: string) => srv.admin.collection('compound_private').getOne(id);
const twId = async (code: string) => (await srv.admin.collection('townships').getFirstListItem(`code = "${code}"`)).id;

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

describe('editing a compound', () => {
  it('lets a township edit its own compound (audited) and refuses another township’s', async () => {
    const own = await srv.admin.collection('compounds').getFirstListItem('township.code = "141182001"');
    const saved = await wenfeng.collection('compounds').update(own.id, { households: own.households + 3, version: own.version });
    expect(saved.households).toBe(own.households + 3);
    expect(saved.version).toBe(own.version + 1);
    const rows = await srv.admin.collection('audit_log').getFullList({ filter: `record = "${own.id}" && action = "update"`, sort: '-at' });
    expect(rows[0].changed).toContain('households');
    expect(rows[0].before.households).toBe(own.households);
    expect(rows[0].after.households).toBe(own.households + 3);
    expect(rows[0].by).toBe(wenfeng.authStore.record!.id);

    const other = await srv.admin.collection('compounds').getFirstListItem('township.code = "141182002"');
    // PocketBase answers a write outside the update rule as 404 (the record is not found for this account).
    expect([403, 404]).toContain(await statusOf(wenfeng.collection('compounds').update(other.id, { households: 1, version: other.version })));
    expect((await byCode(other.code)).households).toBe(other.households);
  });

  it('refuses a stale save with 409 and a save without its version', async () => {
    const c = await srv.admin.collection('compounds').getFirstListItem('township.code = "141182001"');
    await office.collection('compounds').update(c.id, { address: `${c.address}(核)`, version: c.version });
    const r = await refusal(wenfeng.collection('compounds').update(c.id, { households: 1, version: c.version }));
    expect(r.status).toBe(409);
    expect(r.message).toMatch(/已被他人修改/);
    expect((await refusal(wenfeng.collection('compounds').update(c.id, { households: 1 }))).status).toBe(409);
    expect((await byCode(c.code)).households).toBe(c.households);
  });

  it('keeps the community within the township and exclusions with the office', async () => {
    const c = await srv.admin.collection('compounds').getFirstListItem('township.code = "141182001"');
    const foreign = await srv.admin.collection('communities').getFirstListItem('township.code = "141182002"');
    let r = await refusal(wenfeng.collection('compounds').update(c.id, { community: foreign.id, version: c.version }));
    expect(r.fields.community).toMatch(/不属于该小区所在的街道/);
    const mine = await srv.admin.collection('communities').getFirstListItem(`township.code = "141182001" && id != "${c.community}"`);
    const moved = await wenfeng.collection('compounds').update(c.id, { community: mine.id, version: c.version });
    expect(moved.community).toBe(mine.id);
    r = await refusal(wenfeng.collection('compounds').update(c.id, { excluded: true, exclusion_reason: 'self_built', version: moved.version }));
    expect(r.status).toBe(403);
    r = await refusal(office.collection('compounds').update(c.id, { excluded: true, version: moved.version }));
    expect(r.fields.exclusion_reason).toMatch(/须选择原因/);
  });
});

describe('consent from evidence', () => {
  it('refuses a direct consent write, from staff and superusers alike', async () => {
    const c = await byCode('FY-001');
    expect(await statusOf(wenfeng.collection('compound_private').update(c.id, { consent_pct: 99 }))).not.toBe(0);
    expect(await statusOf(office.collection('compound_private').update(c.id, { consent_date: '2025-01-01' }))).not.toBe(0);
    const r = await refusal(srv.admin.collection('compound_private').update(c.id, { consent_pct: 99 }));
    expect(r.fields.consent_pct).toMatch(/由居民意愿调查记录计算/);
    expect((await privateOf(c.id)).consent_pct).not.toBe(99);
  });

  it('refuses bad tallies naming the field, and a paper survey without its sheet', async () => {
    const c = await byCode('FY-001');
    const base = { compound: c.id, survey_date: '2026-10-20', method: 'door_to_door' };
    let r = await refusal(wenfeng.collection('consent_surveys').create(form({ ...base, households_surveyed: c.households + 1, households_agreeing: 1 }, { sheet: pdf() })));
    expect(r.fields.households_surveyed).toMatch(/多于总户数/);
    r = await refusal(wenfeng.collection('consent_surveys').create(form({ ...base, households_surveyed: 10, households_agreeing: 11 }, { sheet: pdf() })));
    expect(r.fields.households_agreeing).toMatch(/同意户数.*多于调查户数/);
    r = await refusal(wenfeng.collection('consent_surveys').create(form({ ...base, households_surveyed: 10, households_agreeing: 5 })));
    expect(r.fields.sheet).toMatch(/调查表/);
    r = await refusal(wenfeng.collection('consent_surveys').create(form({ ...base, households_surveyed: 10, households_agreeing: 5, consent_pct: 100 }, { sheet: pdf() })));
    expect(r.status).toBe(400);
    r = await refusal(wenfeng.collection('consent_surveys').create(form({ ...base, households_surveyed: '十', households_agreeing: 5 }, { sheet: pdf() })));
    expect(r.fields.households_surveyed).toMatch(/调查户数/);
    expect(await srv.admin.collection('consent_surveys').getList(1, 1, { filter: `compound = "${c.id}" && is_demo = false` }).then((l) => l.totalItems)).toBe(0);
  });

  it('a survey record sets consent and moves the plan gate', async () => {
    const c = await byCode('FY-001'); // scheme, demo consent below two thirds
    const plan = await wenfeng.collection('annual_plans').create({ year: ON_TIME, township: await twId('141182001') });
    const r = await refusal(wenfeng.collection('plan_entries').create({ plan: plan.id, compound: c.id, tier: 'implement' }));
    expect(r.fields.compound).toMatch(/居民同意率 .*低于 66\.7%/);

    const agreeing = Math.ceil(c.households * 0.8);
    const survey = await wenfeng.collection('consent_surveys').create(form({
      compound: c.id, survey_date: '2026-10-20', method: 'meeting', households_surveyed: c.households, households_agreeing: agreeing,
    }, { sheet: pdf() }));
    expect(survey.households_total).toBe(c.households);
    expect(survey.recorded_by).toBe(wenfeng.authStore.record!.id);
    expect(survey.consent_pct).toBeCloseTo((agreeing / c.households) * 100, 2);
    const facts = await privateOf(c.id);
    expect(facts.consent_pct).toBeCloseTo((agreeing / c.households) * 100, 2);
    expect(facts.consent_date).toMatch(/^2026-10-20/);
    // Staff read the figure on the compound itself.
    expect((await wenfeng.collection('compounds').getOne(c.id)).consent_pct).toBeCloseTo(facts.consent_pct, 5);
    // The figure's change is audited with the survey as its cause.
    const rows = await srv.admin.collection('audit_log').getFullList({ filter: `collection = "compound_private" && record = "${c.id}"`, sort: '-at' });
    expect(rows[0].cause).toBe(`create consent_surveys ${survey.id}`);

    await wenfeng.collection('plan_entries').create({ plan: plan.id, compound: c.id, tier: 'implement' });

    // An older survey recorded later does not replace the latest figure; deleting the latest falls back.
    await wenfeng.collection('consent_surveys').create(form({
      compound: c.id, survey_date: '2026-01-05', method: 'door_to_door', households_surveyed: 10, households_agreeing: 1,
    }, { sheet: pdf() }));
    expect((await privateOf(c.id)).consent_date).toMatch(/^2026-10-20/);
    await office.collection('consent_surveys').delete(survey.id);
    expect((await privateOf(c.id)).consent_date).not.toMatch(/^2026-10-20/);
  });

  it('a 民政局 consultation of kind survey is a survey record', async () => {
    const c = await byCode('FY-002');
    let r = await refusal(civil.collection('consultations').create(form({ compound: c.id, kind: 'survey', date: '2026-11-02', households_surveyed: 10 })));
    expect(r.fields.documents).toMatch(/调查表/);
    r = await refusal(civil.collection('consultations').create(form({ compound: c.id, kind: 'survey', date: '2026-11-02', consent_pct: 90 }, { documents: pdf() })));
    expect(r.status).toBe(400);
    const agreeing = Math.floor(c.households * 0.5);
    const cons = await civil.collection('consultations').create(form({
      compound: c.id, kind: 'survey', date: '2026-11-02', households_surveyed: c.households, households_agreeing: agreeing,
    }, { documents: pdf() }));
    expect(cons.consent_pct).toBeCloseTo((agreeing / c.households) * 100, 2);
    const linked = await srv.admin.collection('consent_surveys').getFirstListItem(`consultation = "${cons.id}"`);
    expect(linked).toMatchObject({ compound: c.id, households_agreeing: agreeing, method: 'meeting' });
    expect((await privateOf(c.id)).consent_pct).toBeCloseTo((agreeing / c.households) * 100, 2);
    // The linked survey is changed through its consultation only.
    expect((await refusal(civil.collection('consent_surveys').delete(linked.id))).fields.consultation).toMatch(/协商记录/);
    await civil.collection('consultations').update(cons.id, { households_agreeing: agreeing + 1 });
    expect((await privateOf(c.id)).consent_pct).toBeCloseTo(((agreeing + 1) / c.households) * 100, 2);
    await civil.collection('consultations').delete(cons.id);
    expect(await statusOf(srv.admin.collection('consent_surveys').getOne(linked.id))).toBe(404);
    expect((await privateOf(c.id)).consent_date).not.toMatch(/^2026-11-02/);
  });
});

describe('exclusions', () => {
  it('keeps an excluded compound out of annual plans', async () => {
    const c = await srv.admin.collection('compounds').getFirstListItem('township.code = "141182002" && (stage = "demand" || stage = "scheme")');
    await office.collection('compounds').update(c.id, { excluded: true, exclusion_reason: 'shanty_town', exclusion_note: '纳入棚户区改造', version: c.version });
    const plan = await office.collection('annual_plans').create({ year: ON_TIME, township: c.township });
    const r = await refusal(office.collection('plan_entries').create({ plan: plan.id, compound: c.id, tier: 'reserve' }));
    expect(r.fields.compound).toMatch(/不纳入改造范围\(棚户区\)/);
  });
});
