// Guards the demo's truth about its own clock and rules: it is loaded through the server's hooks like any user's
// records (a tampered demo record is refused by the server, naming the rule, and nothing of its batch is written); its
// history ends on the day it is seeded, with construction under way partly on time and partly overdue; no compound sits
// in a plan tier the consent rule forbids; every accepted compound has its checklist complete and its five parties;
// every year's plan has the evidence of each step it has taken; every step of the chain appears somewhere.
import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startServer, type TestServer } from '../helpers/server';
import { DEMO_PASSWORD, DEMO_USERS, batchWrite, beijingToday, demoItems, seed, stableId } from '../../scripts/lib/seed.mjs';

const TODAY = beijingToday();

describe('the seeded demo', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startServer({ seed: true });
  });
  afterAll(async () => srv?.stop());

  it('ends on the day it was seeded: nothing dated later, construction partly on time and partly overdue', async () => {
    const events = await srv.admin.collection('stage_events').getFullList();
    expect(events.every((e) => e.date.slice(0, 10) <= TODAY)).toBe(true);
    expect(events.filter((e) => e.imported)).toHaveLength(0);
    const building = await srv.admin.collection('compounds').getFullList({ filter: 'stage = "construction"' });
    const overdue = building.filter((c) => c.construction_end_planned.slice(0, 10) < TODAY);
    expect(building.length).toBeGreaterThan(3);
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.length).toBeLessThan(building.length / 2);
    // The latest starts are this year's or last year's, not years ago.
    const latest = building.map((c) => c.construction_start.slice(0, 10)).sort().at(-1)!;
    expect(Date.parse(TODAY) - Date.parse(latest)).toBeLessThan(400 * 86400e3);
    for (const kind of ['funding', 'renovation_items']) {
      const rows = await srv.admin.collection(kind).getFullList({ fields: 'date,done_date' });
      for (const r of rows) for (const d of [r.date, r.done_date]) if (d) expect(d.slice(0, 10) <= TODAY, kind).toBe(true);
    }
  });

  it('keeps every compound below the consent threshold out of every plan and tier', async () => {
    const threshold = (await srv.admin.collection('programme_settings').getOne('settings0000001')).consent_threshold_pct;
    const facts = new Map((await srv.admin.collection('compound_private').getFullList()).map((f) => [f.id, f]));
    const compounds = await srv.admin.collection('compounds').getFullList();
    const low = compounds.filter((c) => facts.get(c.id)!.consent_pct < threshold);
    expect(low.length).toBeGreaterThanOrEqual(3);
    for (const c of low) expect(c.tier, c.code).toBe('');
    const entries = await srv.admin.collection('plan_entries').getFullList();
    for (const en of entries) expect(facts.get(en.compound)!.consent_pct, en.compound).toBeGreaterThanOrEqual(threshold);
    // Every tier was set by an approved plan.
    for (const c of compounds.filter((x) => x.tier)) expect(entries.some((en) => en.compound === c.id && en.tier === c.tier), c.code).toBe(true);
  });

  it('accepted compounds have their checklist complete and the five parties named', async () => {
    const accepted = await srv.admin.collection('stage_events').getFullList({ filter: 'to = "accepted" && kind = "forward"' });
    expect(accepted.length).toBeGreaterThan(20);
    for (const ev of accepted) {
      for (const f of ['builder_unit', 'design_unit', 'construction_unit', 'supervision_unit', 'resident_reps']) expect(ev[f], f).not.toBe('');
      expect(ev.documents.length).toBe(1);
      const items = await srv.admin.collection('renovation_items').getFullList({ filter: `compound = "${ev.compound}"` });
      for (const it of items) {
        if (it.status === 'waived') expect(it.waive_reason).not.toBe('');
        else {
          expect(it.status).toBe('done');
          expect(it.photos.length).toBeGreaterThan(0);
          expect(it.done_date.slice(0, 10) <= ev.acceptance_date.slice(0, 10)).toBe(true);
        }
      }
    }
  });

  it('fills every step of the procedure: periods, the chain of each year, procurement, reviews, approvals, 拆违', async () => {
    const years = await srv.admin.collection('plan_years').getFullList({ sort: 'year' });
    const order = ['open', 'reviewed', 'city_approved', 'issued', 'filed'];
    for (const y of years) {
      const at = order.indexOf(y.status);
      if (at >= 1) expect(y.review_opinion, `${y.year}`).not.toBe('');
      if (at >= 2) expect([y.city_consent_date, y.city_consent_file].every(Boolean), `${y.year}`).toBe(true);
      if (at >= 3) expect(y.joint_doc_issuers.sort()).toEqual(['development', 'finance', 'housing']);
      if (at >= 4) expect(y.filing_receipt, `${y.year}`).not.toBe('');
    }
    expect(years.filter((y) => y.status === 'filed').length).toBeGreaterThanOrEqual(4);
    expect(years.some((y) => y.over_ceiling)).toBe(true);
    expect((await srv.admin.collection('annual_plans').getFullList()).some((p) => p.late)).toBe(true);
    expect((await srv.admin.collection('periods').getFullList()).length).toBeGreaterThanOrEqual(2);
    expect(await srv.admin.collection('overall_plan_entries').getFullList({ filter: 'carried_from != ""' })).not.toHaveLength(0);
    const procurements = await srv.admin.collection('procurements').getFullList();
    for (const s of ['awarded', 'announced', 'failed']) expect(procurements.some((p) => p.status === s), s).toBe(true);
    const approvals = await srv.admin.collection('approvals').getFullList();
    for (const k of ['merged', 'notification_commitment', 'fee_waiver_filing']) expect(approvals.some((a) => a.kind === k), k).toBe(true);
    for (const c of ['design_reviews', 'demolitions', 'implementing_bodies']) expect((await srv.admin.collection(c).getList(1, 1)).totalItems, c).toBeGreaterThan(5);
    for (const c of ['plan_years', 'procurements', 'implementing_bodies', 'overall_plan_entries']) {
      expect((await srv.admin.collection(c).getFullList()).every((r) => r.is_demo), c).toBe(true);
    }
  });
});

describe('loading the demo through the hooks', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startServer();
  });
  afterAll(async () => srv?.stop());

  it('is refused by the server when a demo record breaks a rule, naming it, and nothing of that batch is written', async () => {
    // Divisions and demo accounts as the seed makes them.
    await seed({ url: srv.url, ...ADMIN, demo: false });
    const townships = new Map((await srv.admin.collection('townships').getFullList()).map((t) => [t.code, t.id]));
    const pb = new PocketBase(srv.url);
    pb.autoCancellation(false);
    await pb.collection('_superusers').authWithPassword(ADMIN.email, ADMIN.password);
    await batchWrite(pb, DEMO_USERS.map((u) => ({
      collection: 'users',
      body: {
        id: stableId('user', u.email), email: u.email, name: u.name, role: u.role, township: u.township_code ? townships.get(u.township_code) : '',
        department: u.department ?? '', password: DEMO_PASSWORD, passwordConfirm: DEMO_PASSWORD, active: true, is_demo: true,
      },
    })));
    const { items } = demoItems(townships);
    // The tampered record: FY-001 (文峰, consent 62.4 %, below two thirds) listed in its township's first plan.
    const wenfeng = townships.get('141182001');
    const plan = items.find((it) => it.collection === 'annual_plans' && !it.update && it.body.township === wenfeng)!.body.id;
    const i = items.findIndex((it) => it.collection === 'plan_entries' && it.body.plan === plan);
    const entry = items[i].body as { plan: string };
    const tampered = [...items.slice(0, i + 1), {
      collection: 'plan_entries', body: { id: stableId('tampered', '1'), plan: entry.plan, compound: stableId('compound', 'FY-001'), tier: 'prepare', is_demo: true },
    }, ...items.slice(i + 1)];
    await expect(batchWrite(pb, tampered)).rejects.toThrow(/plan_entries .*居民同意率 62\.4% 低于 66\.7%/);
    expect((await srv.admin.collection('plan_entries').getList(1, 1, { filter: `id = "${stableId('tampered', '1')}"` })).totalItems).toBe(0);
    // Records of earlier batches stand; the refused batch left nothing behind.
    expect((await srv.admin.collection('compounds').getList(1, 1)).totalItems).toBe(49);
    expect((await srv.admin.collection('plan_entries').getList(1, 1, { filter: `plan = "${entry.plan}"` })).totalItems).toBeLessThanOrEqual(
      items.filter((it) => it.collection === 'plan_entries' && (it.body as { plan: string }).plan === entry.plan).length,
    );
  });

  it('is deterministic for a day and dated relative to it', () => {
    const tw = new Map([['141182001', 'a'], ['141182002', 'b'], ['141182003', 'c']]);
    const a = demoItems(tw, '2027-03-10');
    const b = demoItems(tw, '2027-03-10');
    expect(JSON.stringify(a.items.map((x) => x.body), (_k, v) => (v instanceof Blob ? `blob:${v.size}` : v)))
      .toBe(JSON.stringify(b.items.map((x) => x.body), (_k, v) => (v instanceof Blob ? `blob:${v.size}` : v)));
    const dated = (items: typeof a.items) => items.flatMap((x) => Object.entries(x.body)).filter(([k, v]) => /date|_at$/.test(k) && k !== 'planned_end_date' && typeof v === 'string' && v).map(([, v]) => String(v).slice(0, 10));
    expect(dated(a.items).every((d) => d <= '2027-03-10')).toBe(true);
    const later = demoItems(tw, '2029-09-01');
    expect(dated(later.items).every((d) => d <= '2029-09-01')).toBe(true);
    expect(later.timeline.worksYear).toBe(2029);
  });
});
