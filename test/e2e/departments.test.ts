// Guards the departments' own records in the compound panel (#6): 市场监管局 adds an elevator inspection and sees it
// listed (stored through the API as sent), a future date is refused in Chinese naming the field, 行政审批局 adds an
// approval with a PDF (a false PDF is refused by the server and its message shown), and 财政局 sees the records but
// no add form — no console errors.
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn, waitForMapIdle, type Session } from '../helpers/browser';
import { useApp } from '../helpers/app';
import type { TestServer } from '../helpers/server';

let srv: TestServer;
let b: Session;
useApp((app) => ({ srv, b } = app));
let fy005: { id: string; name: string };
/** Approvals of FY-005 already on file in the demo (the simplified approval routes have demo records too). */
let priorApprovals = 0;

// A date a few days back, in Beijing, as the form wants it.
const daysAgo = (n: number) => new Date(Date.now() + 8 * 3600_000 - n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  fy005 = await srv.admin.collection('compounds').getFirstListItem('code = "FY-005"');
});

describe('department records', () => {
  it('market@ adds an elevator inspection; a future date is refused first', async () => {
    const page = b.page;
    await page.goto(`${srv.url}/?c=FY-005`);
    await waitForMapIdle(page);
    await expect.poll(() => page.textContent('[data-testid=compound-name]')).toBe(fy005.name);
    await signIn(page, 'market@demo.fenyang');
    await page.waitForSelector('[data-testid=department-records]');
    expect(await page.locator('[data-testid=dept-add-elevator_inspections]').count()).toBe(1);
    expect(await page.locator('[data-testid=dept-add-approvals]').count()).toBe(0);
    expect(await page.locator('[data-testid=dept-add-consultations]').count()).toBe(0);

    await page.click('[data-testid=dept-add-elevator_inspections]');
    // Kind missing: the message names the field.
    await page.click('[data-testid=dept-save-elevator_inspections]');
    expect(await page.textContent('[data-testid=dept-error-elevator_inspections]')).toBe('请填写「类别」');
    // A passed inspection cannot lie in the future.
    await page.selectOption('[data-testid=dept-elevator_inspections-kind]', 'installation');
    await page.selectOption('[data-testid=dept-elevator_inspections-result]', 'pass');
    await page.fill('[data-testid=dept-elevator_inspections-date]', daysAgo(-10));
    await page.click('[data-testid=dept-save-elevator_inspections]');
    expect(await page.textContent('[data-testid=dept-error-elevator_inspections]')).toBe('「日期」不能晚于今天');

    const date = daysAgo(3);
    await page.fill('[data-testid=dept-elevator_inspections-date]', date);
    await page.fill('[data-testid=dept-elevator_inspections-building]', '3号楼');
    await page.fill('[data-testid=dept-elevator_inspections-certificate]', 'DT-2025-0815');
    await page.fill('[data-testid=dept-elevator_inspections-note]', '加装电梯安装监督检验');
    await page.click('[data-testid=dept-save-elevator_inspections]');
    const row = page.locator('[data-testid=dept-list-elevator_inspections] [data-testid=dept-row]');
    await expect.poll(() => row.count()).toBe(1);
    const text = await row.first().textContent();
    expect(text).toContain(date);
    expect(text).toContain('安装监督检验');
    expect(text).toContain('3号楼');
    expect(text).toContain('DT-2025-0815');
    expect(await page.locator('[data-testid=dept-form-elevator_inspections]').count()).toBe(0);

    const stored = await (await srv.as('office@demo.fenyang')).collection('elevator_inspections')
      .getFullList({ filter: `compound = "${fy005.id}"` });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ kind: 'installation', result: 'pass', building: '3号楼', certificate: 'DT-2025-0815', note: '加装电梯安装监督检验' });
    expect(stored[0].date.slice(0, 10)).toBe(date);
    expect(await row.first().getAttribute('data-id')).toBe(stored[0].id);
  });

  it('approval@ adds an approval with a PDF, listed newest first; the server refusal of a false PDF is shown', async () => {
    // Its own page, so the one refused upload (Chromium logs every 400) is counted here, not in the shared page.
    const { page, errors } = await b.newPage();
    await page.goto(`${srv.url}/?c=FY-005`);
    await waitForMapIdle(page);
    // An older approval already on file, through the API.
    const approval = await srv.as('approval@demo.fenyang');
    priorApprovals = (await srv.admin.collection('approvals').getFullList({ filter: `compound = "${fy005.id}"` })).length;
    const older = await approval.collection('approvals').create({ compound: fy005.id, kind: 'joint_review', date: daysAgo(40), status: 'approved', number: '汾审批〔2025〕1号' });
    await signIn(page, 'approval@demo.fenyang');
    await page.waitForSelector('[data-testid=dept-add-approvals]');
    expect(await page.locator('[data-testid=dept-add-elevator_inspections]').count()).toBe(0);
    await page.click('[data-testid=dept-add-approvals]');
    await page.selectOption('[data-testid=dept-approvals-kind]', 'permit');
    await page.selectOption('[data-testid=dept-approvals-status]', 'pending');
    await page.fill('[data-testid=dept-approvals-date]', daysAgo(1));
    const file = '[data-testid=dept-form-approvals] input[name=documents]';
    await page.setInputFiles(file, { name: '施工许可.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf at all') });
    await page.click('[data-testid=dept-save-approvals]');
    // The server's refusal, in Chinese, naming the field.
    await expect.poll(() => page.textContent('[data-testid=dept-error-approvals]')).toContain('附件');
    await page.setInputFiles(file, { name: '施工许可.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') });
    await page.click('[data-testid=dept-save-approvals]');
    const rows = page.locator('[data-testid=dept-list-approvals] [data-testid=dept-row]');
    await expect.poll(() => rows.count()).toBe(priorApprovals + 2);
    const stored = await approval.collection('approvals').getFullList({ filter: `compound = "${fy005.id}" && kind = "permit" && is_demo = false` });
    expect(stored).toHaveLength(1);
    expect(stored[0].documents).toHaveLength(1);
    // Newest first: the permit of yesterday above the approval of 40 days ago.
    const ids = await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-id')));
    expect(ids.indexOf(stored[0].id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(stored[0].id)).toBeLessThan(ids.indexOf(older.id));
    const permitRow = rows.nth(ids.indexOf(stored[0].id));
    expect(await permitRow.textContent()).toContain('施工许可');
    expect(await rows.nth(ids.indexOf(older.id)).textContent()).toContain('汾审批〔2025〕1号');
    const link = permitRow.locator('[data-testid=dept-doc]');
    expect(await link.count()).toBe(1);
    const res = await fetch(new URL((await link.getAttribute('href'))!, srv.url));
    expect(res.status).toBe(200);
    expect((await res.text()).startsWith('%PDF-')).toBe(true);
    expect(errors).toEqual([expect.stringContaining('status of 400')]);
    await page.close();
  });

  it('finance@ reads the records but sees no add form', async () => {
    const page = b.page;
    await signIn(page, 'finance@demo.fenyang');
    await page.waitForSelector('[data-testid=department-records]');
    await expect.poll(() => page.locator('[data-testid=dept-list-elevator_inspections] [data-testid=dept-row]').count()).toBe(1);
    await expect.poll(() => page.locator('[data-testid=dept-list-approvals] [data-testid=dept-row]').count()).toBe(priorApprovals + 2);
    expect(await page.locator('[data-testid^=dept-add-]').count()).toBe(0);
    expect(await page.locator('[data-testid=department-records] form').count()).toBe(0);
  });

  it('logged no console errors', () => {
    expect(b.errors).toEqual([]);
  });
});
