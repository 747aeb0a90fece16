// Guards what a user reads when PocketBase itself refuses (not the project's hooks, which answer in Chinese already):
// its English messages and field validation codes are said in Chinese through the one error path of lib/data/pb.ts —
// "Failed to create record.", "Too Many Requests.", validation_required, validation_not_unique … — naming the field,
// and every validation code the server sends here has a message of its own (none falls back to the generic one).
import { ClientResponseError } from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeError } from '../../src/lib/data/pb';
import { hasMessage, i18n } from '../../src/lib/i18n/index.svelte';
import { startServer, type TestServer } from '../helpers/server';

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer({ seed: true });
});
afterAll(async () => srv?.stop());

/** The refusal of a request, as the SDK throws it. */
async function refusal(p: Promise<unknown>): Promise<ClientResponseError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(ClientResponseError);
  return err as ClientResponseError;
}
const hasLatinSentence = (s: string) => /[A-Za-z]{3,} [A-Za-z]{3,}/.test(s);

describe('PocketBase refusals in Chinese', () => {
  it('names the non-unique and the missing field of a failed create', async () => {
    const office = await srv.as('office@demo.fenyang');
    const tw = await office.collection('townships').getFirstListItem('code = "141182001"');
    const fy001 = await office.collection('compounds').getFirstListItem('code = "FY-001"');
    // A duplicate code passes the project's own checks and is refused by PocketBase itself.
    const taken = await refusal(office.collection('compounds').create({ township: tw.id, geometry: fy001.geometry, name: '新的小区', code: 'FY-001', stage: 'demand' }));
    expect(taken.response.message).toBe('Failed to create record.');
    expect(Object.values(taken.response.data as Record<string, { code: string }>).map((f) => f.code)).toEqual(['validation_not_unique']);
    expect(describeError(taken)).toBe('保存失败（编码：已存在相同的值）');
    const missing = await refusal(office.collection('approvals').create({ compound: fy001.id, kind: 'permit', status: 'pending' }));
    expect(Object.values(missing.response.data as Record<string, { code: string }>).map((f) => f.code)).toContain('validation_required');
    const text = describeError(missing);
    expect(text).toMatch(/^保存失败（/);
    expect(text).toContain('日期：不能为空');
    expect(hasLatinSentence(text)).toBe(false);

    const dup = await refusal(office.collection('users').create({
      email: 'office@demo.fenyang', name: '重复', role: 'planner', password: 'long-enough-1', passwordConfirm: 'long-enough-1',
    }));
    expect(Object.values(dup.response.data as Record<string, { code: string }>).map((f) => f.code)).toContain('validation_not_unique');
    expect(describeError(dup)).toContain('邮箱：已存在相同的值');
  });

  it('says every validation code the server sends for bad values in words of its own', async () => {
    const office = await srv.as('office@demo.fenyang');
    const fy001 = await office.collection('compounds').getFirstListItem('code = "FY-001"');
    const refusals = [
      await refusal(office.collection('funding').create({ compound: fy001.id, source: 'bogus', kind: 'planned', amount_yuan: 1 })),
      await refusal(office.collection('approvals').create({ compound: fy001.id, kind: 'zzz', status: 'q' })),
      await refusal(office.collection('users').create({ email: 'new@demo.fenyang', name: 'x', role: 'planner', password: 'long-enough-1', passwordConfirm: 'other-one-22' })),
    ];
    const codes = new Set(refusals.flatMap((e) => Object.values(e.response.data as Record<string, { code: string }>).map((f) => f.code)));
    expect([...codes].sort()).toEqual(expect.arrayContaining(['validation_invalid_value', 'validation_required', 'validation_values_mismatch']));
    for (const code of codes) expect(hasMessage(`err.field.${code}`), code).toBe(true);
    for (const e of refusals) {
      const text = describeError(e);
      expect(text).not.toContain('不符合要求');
      expect(hasLatinSentence(text), text).toBe(false);
    }
  });

  it('says "Too Many Requests." in Chinese when anonymous feedback comes too often', async () => {
    const anon = srv.anon();
    const compoundId = (await anon.collection('compounds').getFirstListItem('code = "FY-001"')).id;
    let limited: ClientResponseError | null = null;
    for (let i = 0; i < 10 && !limited; i++) {
      await anon.collection('feedback').create({ compound: compoundId, category: 'other', message: `测试 ${i}` }).catch((e) => {
        if (e instanceof ClientResponseError && e.status === 429) limited = e;
        else throw e;
      });
    }
    expect(limited).not.toBeNull();
    expect(limited!.response.message).toBe('Too Many Requests.');
    expect(describeError(limited)).toBe('请求过于频繁，请稍后再试');
  });

  it("says a hook's own refusal in the user's language and a missing record by its status", async () => {
    const anon = srv.anon();
    const office = await srv.as('office@demo.fenyang'); // not held by the anonymous feedback limit above
    const hook = await refusal(office.collection('feedback').create({ category: 'other', message: '没有位置' }));
    expect(hook.response.message).toMatch(/[\u4e00-\u9fff].* \/ [a-z]/);
    expect(describeError(hook)).toBe(hook.response.message.split(' / ')[0]);
    const notFound = await refusal(anon.collection('compounds').getOne('nosuchrecord0000'));
    expect(notFound.status).toBe(404);
    expect(describeError(notFound)).toBe('找不到该记录，或没有权限访问');
    i18n.set('en');
    try {
      expect(describeError(notFound)).toBe('Not found, or not yours to see');
    } finally {
      i18n.set('zh');
    }
  });
});
