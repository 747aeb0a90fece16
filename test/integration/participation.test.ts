// Residents take part: complaint receipts (sequential per year, deadline in working days, public lookup without private
// data, due/overdue lists), household codes (used once, unknown 404 without hints, stored only as HMACs, no API or
// audit row pairs a code with its answer; the closed round sets the compound's consent), scheme publication (comments
// close with the period, answers counted, a consultation record written) and ratings after acceptance.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type PocketBase from 'pocketbase';
import { startServer, statusOf, type TestServer } from '../helpers/server';

let srv: TestServer;
let taihe: PocketBase;
let wenfeng: PocketBase;
let office: PocketBase;
type Rec = { id: string; code: string; name: string; township: string; households: number; stage: string };
let compound: Rec;
let other: Rec;

async function api(pb: PocketBase | null, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(srv.url + path, {
    method,
    headers: { 'content-type': 'application/json', ...(pb?.authStore.token ? { Authorization: pb.authStore.token } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

beforeAll(async () => {
  srv = await startServer({ seed: true });
  [taihe, wenfeng, office] = await Promise.all([srv.as('taihe@demo.fenyang'), srv.as('wenfeng@demo.fenyang'), srv.as('office@demo.fenyang')]);
  const tw = await srv.admin.collection('townships').getFirstListItem('code = "141182002"');
  const list = await srv.admin.collection('compounds').getFullList<Rec>({ filter: srv.admin.filter('township = {:t} && households > 20', { t: tw.id }), sort: 'code' });
  // Compounds the demo's participation records (示例数据) leave alone.
  const busy = new Set([
    ...(await srv.admin.collection('scheme_publications').getFullList({ fields: 'compound' })).map((r) => r.compound),
    ...(await srv.admin.collection('consent_campaigns').getFullList({ fields: 'compound' })).map((r) => r.compound),
  ]);
  const free = list.filter((c) => !busy.has(c.id));
  compound = free.find((c) => c.stage === 'demand' || c.stage === 'scheme') ?? free[0];
  other = list.find((c) => c.id !== compound.id)!;
});
afterAll(async () => srv?.stop());

describe('complaint receipts', () => {
  it('are unique and sequential per year, with a deadline in working days', async () => {
    const anon = srv.anon();
    const sent = await Promise.all([1, 2, 3, 4].map((i) => anon.collection('feedback').create({
      compound: compound.id, category: 'quality', message: `楼道灯坏了 ${i}`, contact: '13600000000', receipt_no: 'FY-2026-999999',
    })));
    const stored = await Promise.all(sent.map((s) => srv.admin.collection('feedback').getOne(s.id)));
    const nos = stored.map((s) => s.receipt_no as string).sort();
    const year = new Date(Date.now() + 8 * 3600e3).getUTCFullYear();
    for (const n of nos) expect(n).toMatch(new RegExp(`^FY-${year}-\\d{6}$`));
    const seq = nos.map((n) => Number(n.slice(-6)));
    expect(new Set(seq).size).toBe(4);
    expect(seq[3] - seq[0]).toBe(3);
    // The sender sees the number in the create response.
    expect(sent.map((s) => s.receipt_no).sort()).toEqual(nos);
    for (const s of stored) {
      const days = (Date.parse(s.due_at) - Date.parse(s.created)) / 86400e3;
      expect(days).toBeGreaterThan(4); // 5 working days: at least a week minus the day it came in
      expect(days).toBeLessThan(12);
      expect(new Date(Date.parse(s.due_at) + 8 * 3600e3).getUTCDay()).not.toBe(0);
      expect(s.answered_at).toBe('');
    }
  });

  it('can be looked up by anyone by number, without message or contact; unknown numbers are 404', async () => {
    const rec = await srv.anon().collection('feedback').create({ compound: compound.id, category: 'disturbance', message: '半夜施工<b>噪音</b>', contact: '13911112222' });
    const found = await api(null, 'GET', `/api/fy/receipts/${rec.receipt_no}`);
    expect(found.status).toBe(200);
    expect(found.json).toMatchObject({ receipt_no: rec.receipt_no, status: 'new', compound_code: compound.code, overdue: false });
    expect(JSON.stringify(found.json)).not.toContain('13911112222');
    expect(JSON.stringify(found.json)).not.toContain('噪音');
    expect((await api(null, 'GET', `/api/fy/receipts/${rec.receipt_no.toLowerCase()}`)).status).toBe(200);
    const missing = await api(null, 'GET', '/api/fy/receipts/FY-2031-000001');
    expect(missing.status).toBe(404);
    expect(missing.json.message).toContain('FY-2031-000001');
    expect((await api(null, 'GET', '/api/fy/receipts/123')).status).toBe(400);

    // Staff cannot move the number or the deadline; the first answer sets answered_at once.
    const moved = await taihe.collection('feedback').update(rec.id, { receipt_no: 'FY-2026-000001', due_at: '2030-01-01 00:00:00Z' });
    expect(moved.receipt_no).toBe(rec.receipt_no);
    expect(moved.due_at).toBe(rec.due_at);
    const answered = await taihe.collection('feedback').update(rec.id, { public_reply: '已协调施工单位' });
    expect(answered.answered_at).not.toBe('');
    const again = await taihe.collection('feedback').update(rec.id, { public_reply: '已协调施工单位,22 点后停工', status: 'resolved' });
    expect(again.answered_at).toBe(answered.answered_at);
    const after = await api(null, 'GET', `/api/fy/receipts/${rec.receipt_no}`);
    expect(after.json).toMatchObject({ status: 'resolved', public_reply: '已协调施工单位,22 点后停工' });
    expect(after.json.answered_at).not.toBe('');
  });

  it('lists what is overdue and due for the own township only', async () => {
    const late = await office.collection('feedback').create({ compound: compound.id, category: 'progress', message: '工期拖延' });
    await srv.admin.collection('feedback').update(late.id, { due_at: '2025-01-06 15:59:59.000Z' });
    const overdue = srv.admin.filter('answered_at = "" && due_at != "" && due_at < {:now}', { now: new Date() });
    const own = await taihe.collection('feedback').getFullList({ filter: overdue });
    expect(own.map((r) => r.id)).toContain(late.id);
    expect((await wenfeng.collection('feedback').getFullList({ filter: overdue })).map((r) => r.id)).not.toContain(late.id);
    expect((await api(null, 'GET', `/api/fy/receipts/${late.receipt_no}`)).json.overdue).toBe(true);
  });
});

describe('household codes for consent', () => {
  let round: { id: string };
  let slips: { household: string; code: string }[];

  it('are printed by the own township only, stored as hashes nobody can list', async () => {
    expect(await statusOf(wenfeng.collection('consent_campaigns').create({ compound: compound.id }))).toBe(400);
    round = await taihe.collection('consent_campaigns').create({ compound: compound.id, online_agree: 50 });
    expect(round).toMatchObject({ status: 'open', online_agree: 0, codes_issued: 0 });
    expect((await api(wenfeng, 'POST', '/api/fy/codes', { kind: 'consent', campaign: round.id, households: ['1-101'] })).status).toBe(403);
    expect((await api(null, 'POST', '/api/fy/codes', { kind: 'consent', campaign: round.id, households: ['1-101'] })).status).toBe(401);
    const dup = await api(taihe, 'POST', '/api/fy/codes', { kind: 'consent', campaign: round.id, households: ['1-101', '1-101'] });
    expect(dup.status).toBe(400);
    const households = ['1-101', '1-102', '1-201', '1-202', '2-101', '2-102'];
    const printed = await api(taihe, 'POST', '/api/fy/codes', { kind: 'consent', campaign: round.id, households });
    expect(printed.status).toBe(200);
    slips = printed.json.slips;
    expect(slips.map((s) => s.household)).toEqual(households);
    expect(new Set(slips.map((s) => s.code)).size).toBe(6);
    for (const s of slips) expect(s.code).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
    expect((await taihe.collection('consent_campaigns').getOne(round.id)).codes_issued).toBe(6);

    // No role can read the codes' records; a superuser sees hashes only, with no household and no time.
    for (const pb of [office, taihe, srv.anon()]) expect(await statusOf(pb.collection('household_codes').getList(1, 1))).toBe(403);
    const stored = await srv.admin.collection('household_codes').getFullList({ filter: srv.admin.filter('campaign = {:c}', { c: round.id }) });
    expect(stored).toHaveLength(6);
    const dump = JSON.stringify(stored);
    for (const s of slips) {
      expect(dump).not.toContain(s.code);
      expect(dump).not.toContain(s.household);
    }
    for (const r of stored) {
      expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(r).not.toHaveProperty('created');
      expect(r).not.toHaveProperty('updated');
    }
  });

  it('answer once; unknown codes are 404 without a hint; another compound’s code is refused', async () => {
    const first = await api(null, 'POST', '/api/fy/answers/consent', { compound: compound.code, code: slips[0].code.toLowerCase(), answer: 'agree' });
    expect(first.status).toBe(200);
    const second = await api(null, 'POST', '/api/fy/answers/consent', { compound: compound.code, code: slips[0].code, answer: 'disagree' });
    expect(second.status).toBe(409);
    const unknown = await api(null, 'POST', '/api/fy/answers/consent', { compound: compound.code, code: 'ZZZZZZZZZZ', answer: 'agree' });
    const garbage = await api(null, 'POST', '/api/fy/answers/consent', { compound: compound.code, code: 'x', answer: 'agree' });
    expect(unknown.status).toBe(404);
    expect(garbage.status).toBe(404);
    expect(unknown.json.message).toBe(garbage.json.message);
    expect(JSON.stringify(unknown.json)).not.toMatch(/[2-9A-HJKMNP-Z]{10}/);
    const elsewhere = await api(null, 'POST', '/api/fy/answers/consent', { compound: other.code, code: slips[1].code, answer: 'agree' });
    expect(elsewhere.status).toBe(400);
    const check = await api(null, 'GET', `/api/fy/codes/check?compound=${encodeURIComponent(compound.code)}&code=${slips[1].code}`);
    expect(check.json).toMatchObject({ kind: 'consent', compound: { code: compound.code } });
    expect((await api(null, 'POST', '/api/fy/answers/consent', { compound: compound.code, code: slips[1].code, answer: 'disagree' })).status).toBe(200);
    expect((await api(null, 'POST', '/api/fy/answers/consent', { compound: compound.code, code: slips[2].code, answer: 'maybe' })).status).toBe(400);

    // Paper answers: the township enters the returned slip's code; it counts once, online or on paper.
    expect((await api(taihe, 'POST', '/api/fy/answers/paper', { compound: compound.code, code: slips[2].code, answer: 'agree' })).status).toBe(200);
    expect((await api(taihe, 'POST', '/api/fy/answers/paper', { compound: compound.code, code: slips[0].code, answer: 'agree' })).status).toBe(409);
    expect((await api(wenfeng, 'POST', '/api/fy/answers/paper', { compound: compound.code, code: slips[3].code, answer: 'agree' })).status).toBe(403);
    expect((await api(taihe, 'POST', '/api/fy/answers/paper', { compound: compound.code, code: slips[3].code, answer: 'agree' })).status).toBe(200);

    // While the round is open staff see how many answered online, not how (the split waits in a tally nobody reads).
    const r = await taihe.collection('consent_campaigns').getOne(round.id);
    expect(r).toMatchObject({ online_answers: 2, online_agree: 0, online_disagree: 0, paper_agree: 2, paper_disagree: 0 });
    expect(await statusOf(office.collection('round_tallies').getOne(round.id))).toBe(403);
    expect((await taihe.collection('consent_campaigns').getList(1, 1, { filter: taihe.filter('id = {:id} && online_agree > 0', { id: round.id }) })).totalItems).toBe(0);
    // Staff cannot type a tally.
    const typed = await taihe.collection('consent_campaigns').update(round.id, { online_agree: 99 });
    expect(typed.online_agree).toBe(0);
  });

  it('leave no trace pairing a code with an answer, and the closed round sets the compound’s consent', async () => {
    const log = await srv.admin.collection('audit_log').getFullList({ filter: 'collection = "household_codes"' });
    expect(log).toHaveLength(0);
    const roundLog = await srv.admin.collection('audit_log').getFullList({ filter: srv.admin.filter('record = {:r}', { r: round.id }) });
    expect(roundLog.length).toBeGreaterThan(0);
    // Only staff writes (create, the rejected tally edit changed nothing) — the answers wrote no rows.
    expect(roundLog.every((row) => row.by_kind === 'user')).toBe(true);
    const text = JSON.stringify(roundLog);
    for (const s of slips) expect(text).not.toContain(s.code);

    const closed = await taihe.collection('consent_campaigns').update(round.id, { status: 'closed' });
    expect(closed).toMatchObject({ online_agree: 1, online_disagree: 1, paper_agree: 2, result_collection: 'consent_surveys' });
    const survey = await office.collection('consent_surveys').getOne(closed.result_id);
    expect(survey).toMatchObject({ method: 'online', households_surveyed: 4, households_agreeing: 3, households_total: compound.households });
    const priv = await office.collection('compound_private').getOne(compound.id);
    expect(priv.consent_pct).toBeCloseTo((3 / compound.households) * 100, 2);
    expect((await api(null, 'POST', '/api/fy/answers/consent', { compound: compound.code, code: slips[4].code, answer: 'agree' })).status).toBe(409);
    expect(await statusOf(taihe.collection('consent_campaigns').update(round.id, { status: 'open' }))).toBe(400);
  });
});

describe('scheme publication', () => {
  it('takes comments during its period, is answered, and closes into a consultation record', async () => {
    const until = new Date(Date.now() + 3 * 86400e3).toISOString();
    expect(await statusOf(wenfeng.collection('scheme_publications').create({ compound: compound.id, summary: '方案', ends_at: until }))).toBe(400);
    const pub = await taihe.collection('scheme_publications').create({ compound: compound.id, summary: '屋面防水、雨污分流、加装照明', ends_at: until, closed: true });
    expect(pub.closed).toBe(false);
    expect(await statusOf(taihe.collection('scheme_publications').create({ compound: compound.id, summary: '重复', ends_at: until }))).toBe(400);
    const seen = await srv.anon().collection('scheme_publications').getOne(pub.id);
    expect(seen.summary).toBe('屋面防水、雨污分流、加装照明');

    const anon = srv.anon();
    const c1 = await anon.collection('scheme_comments').create({ publication: pub.id, message: '<script>alert(1)</script>希望增加停车位', contact: '13700000000', answer: '假答复' });
    expect(c1.answer).toBe('');
    await anon.collection('scheme_comments').create({ publication: pub.id, message: '同意方案', nickname: '3号楼住户' });
    expect((await anon.collection('scheme_comments').getList(1, 10)).totalItems).toBe(0);
    const pubComments = await anon.collection('public_scheme_comments').getFullList({ filter: anon.filter('publication = {:p}', { p: pub.id }) });
    expect(pubComments).toHaveLength(2);
    expect(JSON.stringify(pubComments)).not.toContain('13700000000');
    expect(pubComments.find((c) => c.id === c1.id)!.message).toBe('<script>alert(1)</script>希望增加停车位');

    expect(await statusOf(taihe.collection('scheme_comments').update(c1.id, { message: '改写' }))).toBe(400);
    const ans = await taihe.collection('scheme_comments').update(c1.id, { answer: '将利用闲置空地增设 20 个车位' });
    expect(ans.answered_at).not.toBe('');

    // The township ends the publication (an end date now or earlier): comments close, the counts are kept.
    const ended = await taihe.collection('scheme_publications').update(pub.id, { ends_at: '2025-01-01 00:00:00Z' });
    expect(ended).toMatchObject({ closed: true, comment_count: 2, answer_count: 1 });
    const consultation = await office.collection('consultations').getOne(ended.consultation);
    expect(consultation).toMatchObject({ kind: 'publication', participants: 2, compound: compound.id });
    expect(consultation.summary).toContain('2 条');
    const late = await api(null, 'POST', '/api/collections/scheme_comments/records', { publication: pub.id, message: '还来得及吗' });
    expect(late.status).toBe(400);
    const endDay = new Date(Date.parse(ended.ends_at) + 8 * 3600e3).toISOString().slice(0, 10);
    expect(late.json.message).toContain(endDay);
    expect(await statusOf(taihe.collection('scheme_publications').update(pub.id, { summary: '改' }))).toBe(400);
  });
});

describe('satisfaction ratings', () => {
  it('start after acceptance; open rounds take anyone, values 1–5 only; public sees averages', async () => {
    expect(await statusOf(taihe.collection('rating_campaigns').create({ compound: compound.id, mode: 'open' }))).toBe(400);
    const rated = new Set((await srv.admin.collection('rating_campaigns').getFullList({ fields: 'compound' })).map((r) => r.compound));
    const accepted = (await srv.admin.collection('compounds').getFullList<Rec>({ filter: 'stage = "accepted" || stage = "maintained"' })).find((c) => !rated.has(c.id))!;
    const round = await office.collection('rating_campaigns').create({ compound: accepted.id, mode: 'open', responses: 9 });
    expect(round.responses).toBe(0);
    const good = await api(null, 'POST', '/api/fy/answers/rating', { compound: accepted.code, quality: 5, management: 4, property: 3, comment: '电梯很好' });
    expect(good.status).toBe(200);
    expect((await api(null, 'POST', '/api/fy/answers/rating', { compound: accepted.code, quality: 6, management: 4, property: 3 })).status).toBe(400);
    expect((await api(null, 'POST', '/api/fy/answers/rating', { compound: accepted.code, quality: '5', management: 4, property: 3 })).status).toBe(400);
    const pub = await srv.anon().collection('public_ratings').getOne(round.id);
    expect(pub).toMatchObject({ responses: 1, avg_quality: 5, avg_management: 4, avg_property: 3 });
    const comments = await office.collection('rating_comments').getFullList({ filter: office.filter('campaign = {:c}', { c: round.id }) });
    expect(comments.map((c) => c.message)).toEqual(['电梯很好']);
  });

  it('floods from one client are refused (rate limit)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) statuses.push((await api(null, 'POST', '/api/fy/answers/consent', { compound: compound.code, code: 'ZZZZZZZZZZ', answer: 'agree' })).status);
    expect(statuses).toContain(429);
    // A lookup flood too: 20 a minute per client.
    const lookups: number[] = [];
    for (let i = 0; i < 24; i++) lookups.push((await api(null, 'GET', '/api/fy/receipts/FY-2031-000001')).status);
    expect(lookups).toContain(429);
  });
});
