// After the works and above them, in the built app: the 督查室 issues a 督办 item to a township, the township records
// its rectification with evidence, the issuer closes it; the office prints the month's 通报 (A4 sheet, PDF) and the
// year-end summary (text blocks it edits, XLSX titled 示例数据); the ledger shows the long-term management columns;
// the office submits the month's report, which then shows as a frozen version. No console errors.
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { signIn, type Session } from '../helpers/browser';
import { readPdf } from '../helpers/pdf';
import { useApp } from '../helpers/app';
import type { TestServer } from '../helpers/server';

let srv: TestServer;
let b: Session;
useApp((app) => ({ srv, b } = app));

const TODAY = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
const MONTH = TODAY.slice(0, 7);
const inDays = (n: number) => new Date(Date.now() + 8 * 3600e3 + n * 86400e3).toISOString().slice(0, 10);
const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
let taihe = '';

beforeAll(async () => {
  taihe = (await srv.admin.collection('townships').getFirstListItem('code = "141182002"')).id;
});

describe('supervision', () => {
  it('督查室 issues a 督办 item, the township rectifies with evidence, the issuer closes it', async () => {
    const page = b.page;
    await page.goto(`${srv.url}/supervision`);
    await signIn(page, 'inspection@demo.fenyang');
    await page.waitForSelector('[data-testid=ranking] tbody tr');
    await page.click('[data-testid=item-new]');
    await page.selectOption('[data-testid=item-township]', taihe);
    await page.fill('[data-testid=item-title]', '浏览器测试督办事项');
    await page.fill('[data-testid=item-deadline]', inDays(14));
    await page.fill('[data-testid=item-requirement]', '一周内报送整改情况');
    await page.click('[data-testid=item-issue]');
    const item = page.locator('[data-testid=item][data-title="浏览器测试督办事项"]');
    await expect.poll(() => item.getAttribute('data-status')).toBe('open');

    await signIn(page, 'taihe@demo.fenyang');
    await item.locator('[data-testid=rectify-text]').waitFor();
    await item.locator('[data-testid=rectify-text]').fill('已完成整改,附照片');
    await item.locator('[data-testid=rectify-files]').setInputFiles({ name: '整改佐证.pdf', mimeType: 'application/pdf', buffer: PDF_BYTES });
    await item.locator('[data-testid=rectify-submit]').click();
    await expect.poll(() => item.getAttribute('data-status')).toBe('rectified');
    expect(await item.locator('[data-testid=item-close]').count()).toBe(0);

    await signIn(page, 'inspection@demo.fenyang');
    await item.locator('[data-testid=item-close]').waitFor();
    await item.locator('[data-testid=close-comment]').fill('整改到位');
    await item.locator('[data-testid=item-close]').click();
    await expect.poll(() => item.getAttribute('data-status')).toBe('closed');

    const stored = await srv.admin.collection('supervision_items').getFirstListItem('title = "浏览器测试督办事项"');
    const users = await srv.admin.collection('users').getFullList({ filter: 'email = "inspection@demo.fenyang" || email = "taihe@demo.fenyang"' });
    const id = (email: string) => users.find((u) => u.email === email)!.id;
    expect(stored).toMatchObject({ status: 'closed', township: taihe, rectification: '已完成整改,附照片', issuer_comment: '整改到位',
      issued_by: id('inspection@demo.fenyang'), rectified_by: id('taihe@demo.fenyang'), closed_by: id('inspection@demo.fenyang') });
    expect(stored.evidence).toHaveLength(1);
    expect(b.errors).toEqual([]);
  });

  it('the office prints the month\'s 通报: ranking, overdue items named, PDF of A4 pages marked 示例数据', async () => {
    const page = b.page;
    await signIn(page, 'office@demo.fenyang');
    await page.goto(`${srv.url}/supervision/circular?m=${MONTH}`);
    await page.waitForSelector('[data-testid=circular-table] tbody tr');
    expect(await page.textContent('[data-testid=circular-title]')).toContain('示例数据');
    const rows = await page.locator('[data-testid=circular-table] tbody tr').count();
    expect(rows).toBeGreaterThanOrEqual(3);
    // The demo's open 督办 item past its deadline is named.
    expect(await page.textContent('[data-testid=circular-overdue]')).toContain('施工进度滞后督办');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.tools').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=circular-pdf]')]);
    expect(download.suggestedFilename()).toBe(`督导考核通报-${MONTH}-示例数据.pdf`);
    const pdf = await readPdf(new Uint8Array(fs.readFileSync((await download.path())!)));
    // A4 portrait (595 × 842 pt), the title and the ranking as text, the 示例数据 mark.
    expect(Math.round(pdf.widthPt)).toBe(595);
    expect(Math.round(pdf.heightPt)).toBe(842);
    expect(pdf.text).toContain('督导考核情况的通报');
    expect(pdf.text).toContain('总分');
    expect(pdf.text).toContain('示例数据');
    expect(b.errors).toEqual([]);
  });
});

describe('year-end summary and the ledger', () => {
  it('the office edits a text block of the year-end summary, prints it and exports XLSX titled 示例数据', async () => {
    const page = b.page;
    const year = Number(TODAY.slice(0, 4)) - 1;
    await page.goto(`${srv.url}/summary?y=${year}`);
    await page.waitForSelector('[data-testid=summary-table] tbody tr');
    await expect.poll(() => page.textContent('[data-testid=text-overview]')).toContain('示例');
    await page.click('[data-testid=summary-edit]');
    await page.fill('[data-testid=block-problems]', '个别小区维修资金归集偏慢(测试)');
    await page.click('[data-testid=summary-save]');
    await expect.poll(() => page.textContent('[data-testid=text-problems]')).toBe('个别小区维修资金归集偏慢(测试)');
    const stored = await srv.admin.collection('year_summaries').getFirstListItem(`year = ${year}`);
    expect(stored.problems).toBe('个别小区维修资金归集偏慢(测试)');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('[data-testid=summary]').isVisible()).toBe(true);
    expect(await page.locator('[data-testid=summary-print]').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=summary-xlsx]')]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
    expect(String(wb.worksheets[0].getCell('A1').value)).toContain('示例数据');
    expect(b.errors).toEqual([]);
  });

  it('the ledger shows the long-term management columns, filled for accepted demo compounds', async () => {
    const page = b.page;
    await page.goto(`${srv.url}/ledger`);
    await page.waitForSelector('[data-testid=ledger] tbody tr');
    const head = await page.textContent('[data-testid=ledger] thead');
    for (const h of ['管理模式', '物业企业', '维修资金归集率', '最近检查', '检查得分', '服务评价']) expect(head).toContain(h);
    await expect.poll(() => page.locator('[data-testid=ledger] tbody td', { hasText: '专业物业' }).count()).toBeGreaterThan(0);
  });

  it("the compound's long-term management shows the residents' own rating of the property service", async () => {
    const page = b.page;
    // The demo's open rating round: five residents rated 物业服务 4, 3, 4, 3, 5.
    const round = await srv.admin.collection('rating_campaigns').getFirstListItem('mode = "open"', { expand: 'compound' });
    await page.goto(`${srv.url}/?c=${round.expand!.compound.code}`);
    await signIn(page, 'office@demo.fenyang');
    const line = page.locator('[data-testid=mgmt-resident-rating]');
    await expect.poll(() => line.count()).toBe(1);
    expect(await line.textContent()).toMatch(/平均 3\.8 分,5 份/);
    expect(b.errors).toEqual([]);
  });
});

describe('reports on record', () => {
  it('the office submits the month; the version is listed and shows its frozen figures', async () => {
    const page = b.page;
    await page.goto(`${srv.url}/report?m=${MONTH}`);
    await page.waitForSelector('[data-testid=not-submitted]');
    await page.click('[data-testid=report-submit]');
    await page.waitForSelector('[data-testid=report-version][data-version="1"]');
    await page.waitForSelector('[data-testid=frozen-note]');
    const stored = await srv.admin.collection('monthly_reports').getFirstListItem(`month = "${MONTH}"`);
    expect(stored.version).toBe(1);
    expect(stored.workbook).toMatch(/\.xlsx$/);
    expect((stored.figures as { total: { compounds: number } }).total.compounds).toBeGreaterThan(0);
    expect(b.errors).toEqual([]);
  });
});

describe('department duties', () => {
  it('the audit bureau records a finding: one about money without its amount is refused naming the field, then saved', async () => {
    const page = b.page;
    await page.goto(`${srv.url}/duties`);
    await signIn(page, 'audit@demo.fenyang');
    const box = page.locator('[data-testid=duty-audit_findings]');
    await box.locator('[data-testid=duty-audit_findings-add]').click();
    expect(await page.locator('[data-testid=duty-land_records-add]').count()).toBe(0);
    const form = box.locator('[data-testid=duty-audit_findings-form]');
    await form.locator('input[name=date]').fill(TODAY);
    await form.locator('select[name=category]').selectOption('misused_funds');
    await form.locator('select[name=compound]').selectOption({ index: 1 });
    await form.locator('textarea[name=finding]').fill('浏览器测试:专项资金挪作他用');
    await box.locator('[data-testid=duty-audit_findings-save]').click();
    await expect.poll(() => box.locator('[data-testid=duty-audit_findings-error]').textContent()).toContain('涉及金额');
    await form.locator('input[name=amount_yuan]').fill('12000');
    await box.locator('[data-testid=duty-audit_findings-save]').click();
    await expect.poll(() => box.locator('tbody tr', { hasText: '专项资金挪作他用' }).count()).toBe(1);
    const stored = await srv.admin.collection('audit_findings').getFirstListItem('finding ~ "专项资金挪作他用"');
    expect(stored).toMatchObject({ category: 'misused_funds', amount_yuan: 12000 });
  });
});

describe('narrow screens', () => {
  it('fit the new screens into 360 px: tables scroll inside their own box, the page does not', async () => {
    const { page, errors } = await b.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${srv.url}/supervision`);
    await signIn(page, 'office@demo.fenyang');
    for (const [path, ready] of [['/supervision', '[data-testid=ranking] tbody tr'], ['/duties', '[data-testid=duty-land_records] tbody tr'],
      ['/summary', '[data-testid=summary-table] tbody tr'], [`/supervision/circular?m=${MONTH}`, '[data-testid=circular-table] tbody tr']] as const) {
      await page.goto(`${srv.url}${path}`);
      await page.waitForSelector(ready);
      const overflow = await page.evaluate(() => {
        const main = document.querySelector('main') ?? document.body;
        return [...main.querySelectorAll<HTMLElement>('section, article, form, h2, p')].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1).length;
      });
      expect(overflow, path).toBe(0);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
