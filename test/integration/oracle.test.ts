// Guards "hidden means unreachable" (DESIGN.md §8): a value some caller must not see cannot be recovered by that caller
// through any query door. For every hidden value, every door — list filter, sort, back-relation filter, filters chained
// through public collections and views, expand, view by id, batch, realtime subscription filters, the whole-layer
// route — is asked the same question twice, once with a true guess and once with a false one, anonymously and as each
// role that must not see it: the two answers must be identical (zero bits recovered). Each door is first asked about a
// public fact the same way, and there the answers must differ — proof that the door is live and the test could fail.
import type PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';

let srv: TestServer;
/** A compound with every staff-only fact recorded, its values, and a building, stage event, item and funding row. */
let target: { id: string; code: string; facts: Record<string, unknown> };
let deactivated: PocketBase;
let feedbackContact = '';
let noteContact = '';
let internalNote = '';
let paymentYuan = 0;

const PRIVATE_FIELDS = ['property_owner', 'management', 'maintenance_fund', 'consent_pct', 'consent_date', 'implementing_unit'];

/** A true and a false guess about one field of the target, as filter expressions on `path` (e.g. a back-relation). */
function guesses(field: string, value: unknown, path: string): [string, string] {
  const p = path ? `${path}.${field}` : field;
  const q = (v: unknown) => JSON.stringify(v);
  if (typeof value === 'boolean') return [`${p} ?= ${value}`, `${p} ?= ${!value}`];
  if (typeof value === 'number') return [`${p} ?= ${value}`, `${p} ?= ${value + 0.1}`];
  return [`${p} ?= ${q(value)}`, `${p} ?= ${q(`${String(value)}-不是`)}`];
}

/** JSON with object keys sorted (PocketBase writes them in random order), so equal answers compare equal. */
function canonical(text: string): string {
  const sort = (v: unknown): unknown => Array.isArray(v) ? v.map(sort)
    : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])])) : v;
  try {
    return JSON.stringify(sort(JSON.parse(text)));
  } catch {
    return text;
  }
}

/** What a caller observes of one list request: status and the whole body. */
async function observe(pb: PocketBase, collection: string, query: Record<string, string>): Promise<string> {
  const url = `${pb.baseURL}/api/collections/${collection}/records?${new URLSearchParams({ perPage: '500', ...query })}`;
  const res = await fetch(url, { headers: pb.authStore.token ? { Authorization: pb.authStore.token } : {} });
  // A refusal for rate would make both answers equal for the wrong reason.
  if (res.status === 429) throw new Error(`rate-limited: ${collection} ${JSON.stringify(query)}`);
  return `${res.status} ${canonical(await res.text())}`;
}

/** The two answers of a door to a true and a false guess. */
async function ask(pb: PocketBase, collection: string, [yes, no]: [string, string], extra: Record<string, string> = {}, scope = '') {
  const wrap = (f: string) => (scope ? `${scope} && (${f})` : f);
  return [await observe(pb, collection, { filter: wrap(yes), ...extra }), await observe(pb, collection, { filter: wrap(no), ...extra })];
}

/** Doors reaching a compound's related records, as [collection, scope filter, path from that collection to the compound]. */
const COMPOUND_DOORS = (id: string): [string, string, string][] => [
  ['compounds', `id = "${id}"`, ''],
  ['buildings', `compound = "${id}"`, 'compound.'],
  ['context_features', `compound = "${id}"`, 'compound.'],
  ['public_stage_events', `compound = "${id}"`, 'compound.'],
  ['public_items', `compound = "${id}"`, 'compound.'],
  ['public_funding_totals', `compound = "${id}"`, 'compound.'],
  ['public_feedback', `compound = "${id}"`, 'compound.'],
];

beforeAll(async () => {
  srv = await startServer({ seed: true });
  const A = srv.admin;
  // A demo compound that has every fact, a building, a stage event, items, funding and context features.
  const rows = await A.collection('compound_private').getFullList({
    filter: 'property_owner != "" && implementing_unit != "" && consent_date != "" && management != "" && ' +
      '(compound.township.code = "141182001" || compound.township.code = "141182002" || compound.township.code = "141182003")',
    sort: 'id',
  });
  let chosen: (typeof rows)[number] | undefined;
  for (const r of rows) {
    const hasContext = (await A.collection('context_features').getList(1, 1, { filter: `compound = "${r.id}"` })).totalItems > 0;
    const hasFunding = (await A.collection('funding').getList(1, 1, { filter: `compound = "${r.id}"` })).totalItems > 0;
    const hasBuilding = (await A.collection('buildings').getList(1, 1, { filter: `compound = "${r.id}"` })).totalItems > 0;
    if (hasContext && hasFunding && hasBuilding) {
      chosen = r;
      break;
    }
  }
  expect(chosen, 'a demo compound with every fact and related rows').toBeTruthy();
  const c = await A.collection('compounds').getOne(chosen!.id);
  target = { id: c.id, code: c.code, facts: Object.fromEntries(PRIVATE_FIELDS.map((f) => [f, chosen![f]])) };

  // Other hidden values about the same compound: a resident's contact (answered feedback, so the public view has a row),
  // a contact in the staff notes, an internal note on a stage event, one single payment.
  feedbackContact = '13912345678';
  const fb = await A.collection('feedback').create({ compound: c.id, category: 'quality', message: '单元门禁损坏', contact: feedbackContact });
  await A.collection('feedback').update(fb.id, { public_reply: '已报修' });
  noteContact = '13087654321';
  // One notes record per compound: the demo may already have given this one a contact.
  const notes = { contact_name: '王主任', contact_phone: noteContact, internal_notes: '仅内部' };
  const had = (await A.collection('compound_notes').getList(1, 1, { filter: `compound = "${c.id}"` })).items[0];
  if (had) await A.collection('compound_notes').update(had.id, notes);
  else await A.collection('compound_notes').create({ compound: c.id, ...notes });
  const ev = (await A.collection('stage_events').getFullList({ filter: `compound = "${c.id}"`, sort: 'date' }))[0];
  internalNote = `内部备注-${ev.id}`;
  await A.collection('stage_events').update(ev.id, { internal_note: internalNote });
  paymentYuan = (await A.collection('funding').getFirstListItem(`compound = "${c.id}"`)).amount_yuan;

  // A township account deactivated after signing in: its token still authenticates, its role must no longer see.
  const tw = await A.collection('townships').getOne(c.township);
  await A.collection('users').create({
    email: 'gone@test.local', password: 'fenyang2025', passwordConfirm: 'fenyang2025', name: '已停用', role: 'township',
    township: tw.id, active: true,
  });
  deactivated = await srv.as('gone@test.local');
  const gone = await A.collection('users').getFirstListItem('email = "gone@test.local"');
  await A.collection('users').update(gone.id, { active: false });
});
afterAll(async () => srv?.stop());

/** Callers that must not see a compound's staff-only facts. */
const outsiders = (): [string, PocketBase][] => [['anonymous', srv.anon()], ['deactivated staff', deactivated]];

describe('the doors are live (the test can fail)', () => {
  it('a true and a false guess about a public fact get different answers at every door', async () => {
    const pb = srv.anon();
    for (const [collection, scope, path] of COMPOUND_DOORS(target.id)) {
      const [yes, no] = await ask(pb, collection, [`${path}code = "${target.code}"`, `${path}code = "${target.code}-x"`], {}, scope);
      expect(yes, collection).not.toBe(no);
    }
    // Sorting by a public field answers in a different order each way.
    const up = await observe(pb, 'compounds', { sort: 'households', fields: 'id' });
    const down = await observe(pb, 'compounds', { sort: '-households', fields: 'id' });
    expect(up).not.toBe(down);
    // Staff do see the facts, through the compound and the private record.
    const staff = await srv.as('planner@demo.fenyang');
    const seen = await staff.collection('compounds').getOne(target.id);
    for (const f of PRIVATE_FIELDS) expect(seen[f], f).toEqual(target.facts[f]);
    const [yes, no] = await ask(staff, 'compounds', guesses('consent_pct', target.facts.consent_pct, 'compound_private_via_compound'), {}, `id = "${target.id}"`);
    expect(yes).not.toBe(no);
  });
});

describe("a compound's staff-only facts", () => {
  it.each(PRIVATE_FIELDS)('%s: zero bits through every filter door, anonymously and as a deactivated account', async (field) => {
    const value = target.facts[field];
    for (const [who, pb] of outsiders()) {
      for (const [collection, scope, path] of COMPOUND_DOORS(target.id)) {
        // Through the private record's back-relation; on compounds also the field itself (gone from the collection).
        const vias = [`${path}compound_private_via_compound`, ...(collection === 'compounds' ? [''] : [])];
        for (const via of vias) {
          const [yes, no] = await ask(pb, collection, guesses(field, value, via), {}, scope);
          expect(yes, `${who} ${collection} ${via}`).toBe(no);
        }
      }
    }
  });

  it('zero bits through sorting, directly and through the back-relation', async () => {
    for (const [who, pb] of outsiders()) {
      for (const field of PRIVATE_FIELDS) {
        for (const key of [field, `compound_private_via_compound.${field}`]) {
          const up = await observe(pb, 'compounds', { sort: key, fields: 'id' });
          const down = await observe(pb, 'compounds', { sort: `-${key}`, fields: 'id' });
          expect(up, `${who} sort ${key}`).toBe(down);
        }
      }
    }
  });

  it('never appear in a response: records, expand, view by id, the whole layer', async () => {
    const secrets = [String(target.facts.property_owner), String(target.facts.implementing_unit)];
    for (const [who, pb] of outsiders()) {
      const bodies = [
        await observe(pb, 'compounds', { filter: `id = "${target.id}"`, expand: 'compound_private_via_compound' }),
        await observe(pb, 'compounds', { filter: `id = "${target.id}"`, fields: '*,expand.compound_private_via_compound.*', expand: 'compound_private_via_compound' }),
        await observe(pb, 'public_stage_events', { filter: `compound = "${target.id}"`, expand: 'compound,compound.compound_private_via_compound' }),
        await observe(pb, 'buildings', { filter: `compound = "${target.id}"`, expand: 'compound.compound_private_via_compound' }),
        await observe(pb, 'compound_private', {}),
        await (await fetch(`${srv.url}/api/fy/compounds.geojson`, { headers: pb.authStore.token ? { Authorization: pb.authStore.token } : {} })).text(),
      ];
      for (const body of bodies) {
        for (const s of secrets) expect(body, who).not.toContain(s);
        for (const f of PRIVATE_FIELDS) expect(body, `${who} ${f}`).not.toContain(`"${f}"`);
      }
      const compound = await pb.collection('compounds').getOne(target.id);
      for (const f of PRIVATE_FIELDS) expect(Object.keys(compound), `${who} ${f}`).not.toContain(f);
    }
  });

  it('cannot be probed for existence: view, update, delete and batch answer alike for a compound with and without facts', async () => {
    const bare = await srv.admin.collection('compounds').create({
      code: 'ORACLE-1', name: '无内部信息小区', township: (await srv.admin.collection('compounds').getOne(target.id)).township, stage: 'demand',
      geometry: { type: 'Polygon', coordinates: [[[111.79, 37.27], [111.7905, 37.27], [111.7905, 37.2705], [111.79, 37.2705], [111.79, 37.27]]] },
    });
    const call = async (pb: PocketBase, method: string, path: string, body?: unknown) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (pb.authStore.token) headers.Authorization = pb.authStore.token;
      const res = await fetch(`${srv.url}${path}`, { method, headers, body: body ? JSON.stringify(body) : undefined });
      return `${res.status} ${canonical(await res.text())}`;
    };
    for (const [who, pb] of outsiders()) {
      for (const [method, path, body] of [
        ['GET', (id: string) => `/api/collections/compound_private/records/${id}`, () => undefined],
        ['PATCH', (id: string) => `/api/collections/compound_private/records/${id}`, () => ({ consent_pct: 1 })],
        ['DELETE', (id: string) => `/api/collections/compound_private/records/${id}`, () => undefined],
        ['POST', () => '/api/collections/compound_private/records', (id: string) => ({ id, compound: id, consent_pct: 1 })],
        ['POST', () => '/api/batch', (id: string) => ({ requests: [{ method: 'PUT', url: '/api/collections/compound_private/records', body: { id, compound: id, consent_pct: 1 } }] })],
      ] as [string, (id: string) => string, (id: string) => unknown][]) {
        const withFacts = await call(pb, method, path(target.id), body(target.id));
        const without = await call(pb, method, path(bare.id), body(bare.id));
        expect(withFacts.replaceAll(target.id, 'ID'), `${who} ${method} ${path('ID')}`).toBe(without.replaceAll(bare.id, 'ID'));
      }
    }
    expect((await srv.admin.collection('compound_private').getOne(target.id)).consent_pct).toBe(target.facts.consent_pct);
  });

  it('zero bits through realtime subscription filters; no messages from the private collection', async () => {
    for (const [who, pb] of outsiders()) {
      const fired = new Map<string, number>();
      const subscribe = async (key: string, collection: string, topic: string, filter?: string) => {
        fired.set(key, 0);
        await pb.collection(collection).subscribe(topic, () => fired.set(key, fired.get(key)! + 1), filter ? { filter } : {});
      };
      // Controls: a true and a false guess about a public fact.
      await subscribe('public-yes', 'compounds', target.id, `code = "${target.code}"`);
      await subscribe('public-no', 'compounds', target.id, `code = "${target.code}-x"`);
      for (const field of PRIVATE_FIELDS) {
        const [yes, no] = guesses(field, target.facts[field], 'compound_private_via_compound');
        await subscribe(`${field}-yes`, 'compounds', target.id, yes);
        await subscribe(`${field}-no`, 'compounds', target.id, no);
      }
      await subscribe('private-record', 'compound_private', target.id);
      await subscribe('private-all', 'compound_private', '*');
      let last = '';
      const done = new Promise<void>((resolve) => {
        pb.collection('compounds').subscribe(target.id, (e) => {
          if (e.record.address === last) resolve();
        });
      });
      // Change the compound and its facts; then a last change whose message, when it arrives, comes after all others.
      const before = await srv.admin.collection('compounds').getOne(target.id);
      await srv.admin.collection('compounds').update(target.id, { address: `${before.address}·1` });
      await srv.admin.collection('compound_private').update(target.id, { property_owner: `${target.facts.property_owner}` });
      last = `${before.address}·2`;
      await srv.admin.collection('compounds').update(target.id, { address: last });
      await done;
      await srv.admin.collection('compounds').update(target.id, { address: before.address });
      await pb.realtime.unsubscribe();
      expect(fired.get('public-yes'), who).toBeGreaterThan(0);
      expect(fired.get('public-no'), who).toBe(0);
      for (const field of PRIVATE_FIELDS) expect(fired.get(`${field}-yes`), `${who} ${field}`).toBe(fired.get(`${field}-no`));
      expect(fired.get('private-record'), who).toBe(0);
      expect(fired.get('private-all'), who).toBe(0);
    }
  });
});

describe('other hidden values', () => {
  it("a resident's contact: zero bits for the public, planners and another township", async () => {
    const callers: [string, PocketBase][] = [
      ['anonymous', srv.anon()], ['planner', await srv.as('planner@demo.fenyang')],
      ['other township', await srv.as((await otherTownshipEmail()))],
    ];
    for (const [who, pb] of callers) {
      for (const [collection, scope, path] of COMPOUND_DOORS(target.id)) {
        const pair: [string, string] = [`${path}feedback_via_compound.contact ?= "${feedbackContact}"`, `${path}feedback_via_compound.contact ?= "${feedbackContact}0"`];
        const [yes, no] = await ask(pb, collection, pair, {}, scope);
        expect(yes, `${who} ${collection}`).toBe(no);
      }
      const [yes, no] = await ask(pb, 'public_feedback', [`contact = "${feedbackContact}"`, `contact = "x"`], {}, `compound = "${target.id}"`);
      expect(yes, who).toBe(no);
    }
    // The own township does see it (the door is live for it).
    const own = await srv.as(await ownTownshipEmail());
    const [yes, no] = await ask(own, 'compounds', [`feedback_via_compound.contact ?= "${feedbackContact}"`, `feedback_via_compound.contact ?= "x"`], {}, `id = "${target.id}"`);
    expect(yes).not.toBe(no);
  });

  it('staff notes, internal notes of the timeline and single payments: zero bits for the public', async () => {
    const pb = srv.anon();
    const pairs: [string, string][] = [
      [`compound_notes_via_compound.contact_phone ?= "${noteContact}"`, `compound_notes_via_compound.contact_phone ?= "${noteContact}0"`],
      [`stage_events_via_compound.internal_note ?= "${internalNote}"`, `stage_events_via_compound.internal_note ?= "${internalNote}0"`],
      [`funding_via_compound.amount_yuan ?= ${paymentYuan}`, `funding_via_compound.amount_yuan ?= ${paymentYuan + 0.5}`],
    ];
    for (const pair of pairs) {
      for (const [collection, scope, path] of COMPOUND_DOORS(target.id)) {
        const [yes, no] = await ask(pb, collection, [path + pair[0], path + pair[1]], {}, scope);
        expect(yes, `${collection} ${pair[0]}`).toBe(no);
      }
    }
    const [yes, no] = await ask(pb, 'public_stage_events', [`internal_note = "${internalNote}"`, `internal_note = "x"`], {}, `compound = "${target.id}"`);
    expect(yes).toBe(no);
    const body = await observe(pb, 'public_stage_events', { filter: `compound = "${target.id}"` });
    expect(body).not.toContain(internalNote);
  });

  it("the audit trail of feedback: zero bits for staff who may not read it", async () => {
    const planner = await srv.as('planner@demo.fenyang');
    const scope = 'collection = "feedback"';
    const [yes, no] = await ask(planner, 'audit_log', [`after.message ~ "单元门禁"`, `after.message ~ "不存在的留言"`], {}, scope);
    expect(yes).toBe(no);
    const office = await srv.as('office@demo.fenyang');
    const [y2, n2] = await ask(office, 'audit_log', [`after.message ~ "单元门禁"`, `after.message ~ "不存在的留言"`], {}, scope);
    expect(y2).not.toBe(n2);
  });
});

async function townshipEmails(): Promise<{ own: string; other: string }> {
  const c = await srv.admin.collection('compounds').getOne(target.id, { expand: 'township' });
  const byCode: Record<string, string> = { '141182001': 'wenfeng@demo.fenyang', '141182002': 'taihe@demo.fenyang', '141182003': 'xihe@demo.fenyang' };
  const own = byCode[c.expand!.township.code];
  return { own, other: Object.values(byCode).find((e) => e !== own)! };
}
const ownTownshipEmail = async () => (await townshipEmails()).own;
const otherTownshipEmail = async () => (await townshipEmails()).other;
