// Guards the one value rule (pb_hooks/lib/values.js): money, percentages, counts and dates that are not plain numbers
// or ISO dates in range are refused with the field named in Chinese — never coerced to 0 or blank — in single
// requests, form uploads and batches alike, and nothing is written; names are trimmed and may not be blank or hold
// control characters. Also the request limits: anonymous bodies, batches and PocketBase's default rate limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type PocketBase from 'pocketbase';
import { startServer, statusOf, type TestServer } from '../helpers/server';

let srv: TestServer;
let office: PocketBase;
let compound: { id: string; township: string };
beforeAll(async () => {
  srv = await startServer({ seed: true });
  office = await srv.as('office@demo.fenyang');
  compound = await srv.admin.collection('compounds').getFirstListItem('code = "FY-003"');
});
afterAll(async () => srv?.stop());

const square = (lon: number, lat: number, d = 0.0005) => ({
  type: 'Polygon', coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]],
});

interface Refusal { status: number; message: string; fields: Record<string, string> }
async function refusal(p: Promise<unknown>): Promise<Refusal> {
  try {
    await p;
  } catch (err) {
    const e = err as { status: number; response: { message: string; data: Record<string, { message: string }> } };
    return { status: e.status, message: e.response?.message ?? '', fields: Object.fromEntries(Object.entries(e.response?.data ?? {}).map(([k, v]) => [k, v?.message])) };
  }
  return { status: 0, message: '', fields: {} };
}

const count = async (collection: string) => (await srv.admin.collection(collection).getList(1, 1)).totalItems;

describe('numbers', () => {
  const funding = () => ({ compound: compound.id, source: 'municipal', kind: 'planned', date: '2025-03-01' });
  it.each([
    ['"1,000"', '1,000', /须为数字/],
    ['"1000元"', '1000元', /须为数字/],
    ['""', '', /不能为空/],
    ['null', null, /不能为空/],
    ['"abc"', 'abc', /须为数字/],
    ['true', true, /须为数字/],
    ['1e308', 1e308, /须在 0–1,000,000,000 元 之间/],
    ['-1', -1, /须在 0–1,000,000,000 元 之间/],
  ])('an amount of %s yuan is refused, naming the field, and nothing is written', async (_label, amount, reason) => {
    const before = await count('funding');
    const r = await refusal(office.collection('funding').create({ ...funding(), amount_yuan: amount }));
    expect(r.status).toBe(400);
    expect(r.fields.amount_yuan).toMatch(/^「金额」/);
    expect(r.fields.amount_yuan).toMatch(reason);
    expect(await count('funding')).toBe(before);
  });

  it('accepts plain numbers, as numbers or as text (forms send text)', async () => {
    for (const amount of [1000, 1000.5, '2500', '2500.75', 0]) {
      const rec = await office.collection('funding').create({ ...funding(), amount_yuan: amount });
      expect(rec.amount_yuan).toBe(Number(amount));
    }
  });

  it('refuses an amount on update and keeps the stored one', async () => {
    const rec = await office.collection('funding').create({ ...funding(), amount_yuan: 800 });
    const r = await refusal(office.collection('funding').update(rec.id, { amount_yuan: '1,200' }));
    expect(r.fields.amount_yuan).toMatch(/须为数字/);
    expect((await office.collection('funding').getOne(rec.id)).amount_yuan).toBe(800);
  });

  it('refuses a bad value in a form upload (multipart) too', async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ ...funding(), amount_yuan: '1,000' })) form.append(k, String(v));
    const r = await refusal(office.collection('funding').create(form));
    expect(r.fields.amount_yuan).toMatch(/须为数字/);
  });

  it('refuses a batch whole, naming the request and the field', async () => {
    const before = await count('funding');
    const batch = office.createBatch();
    batch.collection('funding').create({ ...funding(), amount_yuan: 100 });
    batch.collection('funding').create({ ...funding(), amount_yuan: '1000元' });
    const err = await batch.send().then(() => null, (e) => e);
    expect(err?.status).toBe(400);
    expect(err.response.message).toMatch(/第 2 项/);
    expect(err.response.data.requests['1'].response.data.amount_yuan.message).toMatch(/^「金额」须为数字/);
    expect(await count('funding')).toBe(before);
  });

  it.each([
    ['compound_private', 'consent_pct', '85%', /^「居民同意率」须为数字/],
    ['compound_private', 'consent_pct', 101, /^「居民同意率」须在 0–100%/],
    ['consultations', 'consent_pct', '85%', /^「同意率」须为数字/],
    ['consultations', 'participants', 1.5, /^「参与人数」须为整数/],
    ['renovation_items', 'estimate_yuan', '￥3000', /^「估算金额」须为数字/],
    ['renovation_items', 'quantity', '3 km', /^「数量」须为数字/],
    ['plan_entries', 'estimate_yuan', '', /^「估算金额」不能为空/],
    ['stage_events', 'budget_estimate_yuan', '100万', /^「预算估算」须为数字/],
    ['compounds', 'households', '120户', /^「户数」须为数字/],
    ['compounds', 'households', 12.5, /^「户数」须为整数/],
    ['compounds', 'built_year', 1850, /^「建成年代」须在 1900–2000/],
    ['buildings', 'floors', '六', /^「层数」须为数字/],
    ['programme_settings', 'consent_threshold_pct', '66.7%', /^「居民同意率门槛」须为数字/],
  ])('%s.%s = %j is refused', async (collection, field, value, reason) => {
    const targets: Record<string, () => Promise<[string, Record<string, unknown>]>> = {
      compound_private: async () => [compound.id, {}],
      consultations: async () => [(await office.collection('consultations').create({ compound: compound.id, kind: 'meeting', date: '2025-01-01' })).id, {}],
      renovation_items: async () => [(await office.collection('renovation_items').create({ compound: compound.id, class: 'basic', item: 'drainage', quantity: 1, unit: 'km', estimate_yuan: 1 })).id, {}],
      plan_entries: async () => ['', {}],
      stage_events: async () => ['', { compound: compound.id, to: 'scheme', scheme_summary: '方案' }],
      compounds: async () => [compound.id, {}],
      buildings: async () => [(await office.collection('buildings').getFirstListItem(`compound = "${compound.id}"`)).id, {}],
      programme_settings: async () => ['settings0000001', {}],
    };
    const [id, base] = await targets[collection]();
    const body = { ...base, [field]: value };
    const r = await refusal(id ? office.collection(collection).update(id, body) : office.collection(collection).create({ plan: 'x', compound: compound.id, ...body }));
    expect(r.status).toBe(400);
    expect(r.fields[field]).toMatch(reason);
  });
});

describe('dates', () => {
  const funding = () => ({ compound: compound.id, source: 'municipal', kind: 'planned', amount_yuan: 100 });
  it.each([
    ['2024年5月1日', /须为 年-月-日 格式/],
    ['5/1/2024', /须为 年-月-日 格式/],
    ['2024-02-30', /须为 年-月-日 格式/],
    ['2099-01-01', /须在 2000-01-01 至/],
    ['1999-12-31', /须在 2000-01-01 至/],
    ['', /不能为空/],
  ])('a funding date of %j is refused, not cleared', async (date, reason) => {
    const r = await refusal(office.collection('funding').create({ ...funding(), date }));
    expect(r.status).toBe(400);
    expect(r.fields.date).toMatch(/^「日期」/);
    expect(r.fields.date).toMatch(reason);
  });

  it('accepts ISO dates, with or without a time', async () => {
    for (const date of ['2025-05-01', '2025-05-01 00:00:00.000Z', '2025-05-01T08:30:00+08:00']) {
      expect(await statusOf(office.collection('funding').create({ ...funding(), date }))).toBe(0);
    }
  });

  it('refuses a consent survey date that is not a date, and keeps the compound’s figure', async () => {
    const before = await office.collection('compound_private').getOne(compound.id).catch(() => null);
    const r = await refusal(office.collection('consent_surveys').create({
      compound: compound.id, survey_date: '2025年4月1日', households_total: 10, households_surveyed: 10, households_agreeing: 9, method: 'online',
    }));
    expect(r.fields.survey_date).toMatch(/^「调查日期」须为 年-月-日 格式/);
    expect((await office.collection('compound_private').getOne(compound.id).catch(() => null))?.consent_date).toBe(before?.consent_date);
  });
});

describe('names', () => {
  it('are trimmed, may not be only spaces, and may not hold control characters', async () => {
    const tw = compound.township;
    const make = (name: string, code: string) => office.collection('compounds').create({ code, name, township: tw, stage: 'demand', geometry: square(111.791, 37.271) });
    expect((await refusal(make('   ', 'N-1'))).fields.name).toMatch(/^「小区名称」不能为空/);
    expect((await refusal(make('东关\u0000小区', 'N-2'))).fields.name).toMatch(/^「小区名称」含有不可见的控制字符/);
    expect((await refusal(make('东关\n小区', 'N-3'))).fields.name).toMatch(/控制字符/);
    const ok = await make('  东关新村  ', 'N-4');
    expect(ok.name).toBe('东关新村');
    const zone = await refusal(office.collection('design_zones').create({ name: ' \t ', geometry: square(111.792, 37.272), origin: 'drawn', status: 'active' }));
    expect(zone.fields.name).toMatch(/^「设计单元名称」/);
    // Free text may hold line breaks, but not a NUL.
    const fb = await refusal(srv.anon().collection('feedback').create({ compound: compound.id, category: 'other', message: '留言\u0000内容' }));
    expect(fb.fields.message).toMatch(/^「留言内容」含有不可见的控制字符/);
  });
});

describe('request limits', () => {
  const big = (mb: number) => JSON.stringify({ compound: compound.id, category: 'other', message: 'x'.repeat(mb * 1024 * 1024) });

  it('refuses an anonymous 10 MB body at once, in Chinese', async () => {
    for (const path of ['/api/collections/feedback/records', '/api/collections/compounds/records', '/api/collections/users/auth-with-password']) {
      const res = await fetch(`${srv.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big(10) });
      expect(res.status, path).toBe(413);
      expect((await res.json()).message, path).toMatch(/请求内容过大/);
    }
  });

  it('refuses an anonymous body sent without a length (chunked), which could not be judged before it is read', async () => {
    // Valid JSON of 2 MB, so the server must read on until a limit stops it.
    const send = (headers: Record<string, string>) => {
      const enc = new TextEncoder();
      const parts = [enc.encode('{"name":"'), ...Array.from({ length: 8 }, () => enc.encode('x'.repeat(256 * 1024))), enc.encode('"}')];
      const body = new ReadableStream<Uint8Array>({
        pull(c) {
          const next = parts.shift();
          if (next) c.enqueue(next);
          else c.close();
        },
      });
      return fetch(`${srv.url}/api/collections/compounds/records`, {
        method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, duplex: 'half',
      } as RequestInit);
    };
    const anon = await send({});
    expect(anon.status).toBe(411);
    expect((await anon.json()).message).toMatch(/须注明内容长度/);
    // Staff are held to PocketBase's own (larger) limit: the same body is read and judged on its content.
    const staff = await send({ Authorization: office.authStore.token });
    expect(staff.status).toBe(400);
  });

  it('refuses batches from anyone but signed-in staff', async () => {
    const res = await fetch(`${srv.url}/api/batch`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ requests: [{ method: 'POST', url: '/api/collections/feedback/records', body: { compound: compound.id, category: 'other', message: '批量留言' } }] }),
    });
    expect(res.status).toBe(403);
    expect((await res.json()).message).toMatch(/批量提交仅限/);
  });

  it("keeps PocketBase's default limits for anonymous clients beside the project's own", async () => {
    const settings = await srv.admin.settings.getAll();
    const rules = settings.rateLimits.rules as { label: string; audience: string; maxRequests: number; duration: number }[];
    const has = (label: string, audience: string) => rules.some((r) => r.label === label && r.audience === audience);
    for (const label of ['/api/', '*:create', '/api/batch']) expect(has(label, '@guest'), label).toBe(true);
    for (const label of ['feedback:create', '*:auth', '*:requestPasswordReset']) expect(rules.some((r) => r.label === label), label).toBe(true);
    expect(settings.batch.maxBodySize).toBeLessThanOrEqual(64 * 1024 * 1024);
    // And they bite: an anonymous client asking 300+ times within ten seconds is slowed down.
    const statuses = await Promise.all(Array.from({ length: 320 }, () => fetch(`${srv.url}/api/collections/townships/records?perPage=1`).then((r) => r.status)));
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(300);
  });
});

describe('forms', () => {
  it('take digits in text fields (a phone number sent from a form is text, not a number)', async () => {
    const form = new FormData();
    form.append('compound', compound.id);
    form.append('category', 'other');
    form.append('message', '表单留言');
    form.append('contact', '13512345678');
    const sent = await srv.anon().collection('feedback').create(form);
    expect((await srv.admin.collection('feedback').getOne(sent.id)).contact).toBe('13512345678');
  });
});
