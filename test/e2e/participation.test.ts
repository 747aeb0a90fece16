// Residents take part, in the built app: the township prints household slips (8 to an A4 sheet, checked in the PDF
// Chromium prints); on a phone (390 × 844) a resident opens a slip's QR link, reads the published scheme and consents
// (once); another rates a finished compound; a complainant sends feedback, gets a receipt number and looks it up; the
// township's to-do badge changes when new feedback arrives — with no console errors.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signIn, type Session } from '../helpers/browser';
import { useApp } from '../helpers/app';
import { readPdf } from '../helpers/pdf';
import type { TestServer } from '../helpers/server';

let srv: TestServer;
let b: Session;
useApp((app) => ({ srv, b } = app));
type Rec = { id: string; code: string; name: string; township: string; stage: string };
let compound: Rec;
let finished: Rec;
let phone: { page: Page; errors: string[] };
let slipUrl = '';

beforeAll(async () => {
  const tw = await srv.admin.collection('townships').getFirstListItem('code = "141182002"');
  const used = new Set([
    ...(await srv.admin.collection('scheme_publications').getFullList({ fields: 'compound' })).map((r) => r.compound),
    ...(await srv.admin.collection('consent_campaigns').getFullList({ fields: 'compound' })).map((r) => r.compound),
    ...(await srv.admin.collection('rating_campaigns').getFullList({ fields: 'compound' })).map((r) => r.compound),
  ]);
  const own = await srv.admin.collection('compounds').getFullList<Rec>({ filter: srv.admin.filter('township = {:t} && households > 20', { t: tw.id }), sort: 'code' });
  compound = own.find((c) => !used.has(c.id) && (c.stage === 'demand' || c.stage === 'scheme'))!;
  const done = await srv.admin.collection('compounds').getFullList<Rec>({ filter: 'stage = "accepted" || stage = "maintained"', sort: 'code' });
  finished = done.find((c) => !used.has(c.id))!;
  const taihe = await srv.as('taihe@demo.fenyang');
  await taihe.collection('scheme_publications').create({
    compound: compound.id, title: `${compound.name}改造方案`, summary: '屋面防水、雨污分流、增设路灯。', ends_at: new Date(Date.now() + 5 * 86400e3).toISOString(),
  });
  await srv.admin.collection('rating_campaigns').create({ compound: finished.id, mode: 'open' });
  phone = await b.newPage();
  await phone.page.setViewportSize({ width: 390, height: 844 });
  phone.page.on('dialog', (d) => void d.accept());
});

describe('residents take part', () => {
  it('the township prints household slips, 8 to an A4 sheet', async () => {
    const { page } = b;
    await page.goto(`${srv.url}/participation?c=${encodeURIComponent(compound.code)}`);
    await signIn(page, 'taihe@demo.fenyang');
    await page.waitForSelector('[data-testid=pt-open-consent]');
    await page.click('[data-testid=pt-open-consent]');
    await page.waitForSelector('[data-testid=pt-print-consent]');
    await page.fill('[data-testid=pt-households]', '1~10');
    await page.click('[data-testid=pt-print-consent]');
    await page.waitForSelector('[data-testid=slip-overlay]');
    expect(await page.locator('[data-testid=slip-sheet]').count()).toBe(2);
    expect(await page.locator('[data-testid=slip-sheet]').nth(0).locator('[data-testid=slip]').count()).toBe(8);
    expect(await page.locator('[data-testid=slip]').count()).toBe(10);
    await expect.poll(() => page.locator('[data-testid=slip] [data-testid=qr-code]').count()).toBe(10);
    const first = page.locator('[data-testid=slip]').first();
    expect(await first.textContent()).toContain(compound.name);
    expect(await first.locator('[data-testid=slip-household]').textContent()).toBe('1');
    const code = (await first.locator('[data-testid=slip-code]').textContent())!;
    slipUrl = (await first.locator('[data-testid=qr-code]').getAttribute('data-url'))!;
    expect(slipUrl).toBe(`${srv.url}/public/v/${encodeURIComponent(compound.code)}?k=${code.replace('-', '')}`);

    await page.emulateMedia({ media: 'print' });
    const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pdf = await readPdf(bytes);
    await page.emulateMedia({ media: 'screen' });
    expect(pdf.pages).toBe(2);
    expect(Math.round(pdf.widthPt)).toBe(595);
    expect(Math.round(pdf.heightPt)).toBe(842);
    expect(pdf.text.replace(/\s/g, '')).toContain(code);
    await page.click('[data-testid=slips-close]');
    await page.getByRole('button', { name: /退出|Sign out/ }).click();
  });

  it('a resident opens the slip’s QR link on a phone, reads the scheme and consents once', async () => {
    const { page, errors } = phone;
    await page.goto(slipUrl);
    await page.waitForSelector('[data-testid=scheme-summary]');
    expect(await page.textContent('[data-testid=scheme-summary]')).toBe('屋面防水、雨污分流、增设路灯。');
    expect(await page.textContent('[data-testid=answer-compound]')).toContain(compound.name);
    // Fits the phone: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.click('[data-testid=answer-agree]');
    await page.waitForSelector('[data-testid=answer-done]');
    const round = await srv.admin.collection('consent_campaigns').getFirstListItem(srv.admin.filter('compound = {:c}', { c: compound.id }));
    expect(round.online_answers).toBe(1);
    await page.goto(slipUrl);
    await expect.poll(() => page.locator('[data-testid=answer-error]').textContent()).toContain('已使用');
    // The browser logs the refused check (409) itself; nothing else may fail.
    expect(errors.filter((e) => !e.includes('409'))).toEqual([]);
  });

  it('another resident rates a finished compound on its page', async () => {
    const { page } = phone;
    await page.goto(`${srv.url}/public/c/${encodeURIComponent(finished.code)}`);
    await page.waitForSelector('[data-testid=rating-form]');
    for (const [aspect, n] of [['quality', 5], ['management', 4], ['property', 4]] as const) {
      await page.locator(`[data-testid=rating-${aspect}] input[value="${n}"]`).check();
    }
    await page.click('[data-testid=rating-send]');
    await page.waitForSelector('[data-testid=rating-sent]');
    await expect.poll(() => page.textContent('[data-testid=rating-summary]')).toContain('1 户评价');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('comments show HTML as text; a complainant gets a receipt number and looks it up', async () => {
    const { page } = phone;
    await page.goto(`${srv.url}/public/c/${encodeURIComponent(compound.code)}`);
    await page.waitForSelector('[data-testid=scheme-comment-form]');
    await page.fill('[data-testid=scheme-comment-message]', '<b>加粗</b>希望增设充电桩');
    await page.click('[data-testid=scheme-comment-send]');
    await page.waitForSelector('[data-testid=scheme-comment-sent]');
    await expect.poll(() => page.locator('[data-testid=scheme-comments] li').last().textContent()).toContain('<b>加粗</b>希望增设充电桩');
    expect(await page.locator('[data-testid=scheme-comments] b').count()).toBe(0);

    await page.fill('[data-testid=feedback-message]', '小区北门路灯不亮');
    await page.click('[data-testid=feedback-send]');
    await page.waitForSelector('[data-testid=feedback-receipt]');
    const text = (await page.textContent('[data-testid=feedback-sent]'))!;
    const no = /FY-\d{4}-\d{6}/.exec(text)![0];
    await page.click('[data-testid=feedback-receipt]');
    await page.waitForSelector('[data-testid=receipt-result]');
    expect(await page.textContent('[data-testid=receipt-status]')).toBe('待处理');
    expect(await page.textContent('[data-testid=receipt-result]')).toContain(no);
    expect(await page.textContent('[data-testid=receipt-result]')).not.toContain('路灯不亮');
    // Typed by hand, in lower case and without the zeros.
    await page.goto(`${srv.url}/public/r`);
    await page.fill('[data-testid=receipt-input]', no.toLowerCase().replace(/-0+/, '-'));
    await page.click('[data-testid=receipt-search]');
    await expect.poll(() => page.locator('[data-testid=receipt-result]').count()).toBe(1);
    await page.fill('[data-testid=receipt-input]', '12345');
    await page.click('[data-testid=receipt-search]');
    await expect.poll(() => page.locator('[data-testid=receipt-error]').textContent()).toContain('FY-');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('the township sees its to-do badge change when new feedback arrives', async () => {
    const { page } = phone;
    await page.goto(`${srv.url}/feedback`);
    await signIn(page, 'taihe@demo.fenyang');
    const badge = page.locator('[data-testid=todo-badge]');
    await badge.waitFor();
    const before = Number(await badge.getAttribute('data-count'));
    expect(before).toBeGreaterThan(0);
    const sent = await srv.anon().collection('feedback').create({ compound: compound.id, category: 'quality', message: '楼道扶手松动' });
    // One more to-do (new feedback) and one more unread notification.
    await expect.poll(async () => Number(await badge.getAttribute('data-count'))).toBe(before + 2);
    await badge.click();
    await page.waitForSelector('[data-testid=todo-list] li');
    expect(await page.textContent('[data-testid=todo-list]')).toContain('新的居民意见未处理');
    await expect.poll(() => page.textContent('[data-testid=notifications]')).toContain(sent.receipt_no);
    expect(b.errors).toEqual([]);
  });
});
