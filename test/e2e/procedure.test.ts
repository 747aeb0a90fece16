// Guards the procedure screens in the built app: the office takes a year's plan through its four steps (office review,
// 市政府同意, 联合发文, 报吕梁市备案) with their documents, prints the plan (the A4 sheet has the table, the issuing bodies
// and the joint document's number) and exports it as XLSX (read back) and PDF; a township records a tender and completes
// the acceptance checklist (the server's refusal while an item is open is shown, naming it); the public page shows the
// tender result and the acceptance date — no console errors beyond the one refusal.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../helpers/xlsx';
import { openBrowser, signIn, waitForMapIdle, type Session } from '../helpers/browser';
import { useApp } from '../helpers/app';
import type { TestServer } from '../helpers/server';

let srv: TestServer;
let b: Session;
useApp((app) => ({ srv, b } = app));

/** A plan year of the second period whose deadline has not passed and for which the demo has no plan. */
const YEAR = new Date().getFullYear() + 3;
const TODAY = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
const dayOffset = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86400e3).toISOString().slice(0, 10);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
const pdfFile = (name: string) => ({ name, mimeType: 'application/pdf', buffer: PDF });
const JOINT_NUMBER = `汾住建发〔${YEAR - 1}〕42号`;
const WINNER = '山西汾州建设工程有限公司';

beforeAll(async () => {
  // 西河街道 declares FY-049 (consent 93.3%) in 实施一批 of YEAR with its scheme and two items; the office accepts the
  // declaration into the year's plan. The year's chain itself is taken in the browser.
  const xihe = await srv.as('xihe@demo.fenyang');
  const office = await srv.as('office@demo.fenyang');
  const fy049 = await srv.admin.collection('compounds').getFirstListItem('code = "FY-049"');
  const township = fy049.township as string;
  await xihe.collection('stage_events').create({ compound: fy049.id, to: 'scheme', scheme_summary: '管网、屋面', budget_estimate_yuan: 3_000_000 });
  await xihe.collection('renovation_items').create({ compound: fy049.id, class: 'basic', item: 'water_supply', quantity: 1.5, estimate_yuan: 1_800_000 });
  await xihe.collection('renovation_items').create({ compound: fy049.id, class: 'basic', item: 'lighting', quantity: 40, estimate_yuan: 100_000 });
  const plan = await xihe.collection('annual_plans').create({ year: YEAR, township });
  await xihe.collection('plan_entries').create({ plan: plan.id, compound: fy049.id, tier: 'implement' });
  await xihe.collection('annual_plans').update(plan.id, { status: 'submitted' });
  await office.collection('annual_plans').update(plan.id, { status: 'approved' });
});

describe('the year\'s plan through its chain', () => {
  it('the office takes review, city consent, joint document and filing, each with its evidence', async () => {
    const page = b.page;
    await page.goto(`${srv.url}/plans?y=${YEAR}`);
    await signIn(page, 'office@demo.fenyang');
    await page.waitForSelector(`[data-testid=year-panel][data-status=open]`);
    await page.waitForSelector('[data-testid=year-table] tr[data-code="FY-049"]');

    // 办公室审查
    await page.waitForSelector('[data-testid=year-step-form][data-step=review]');
    await page.fill('[data-testid=f-review-opinion]', '经审查,同意报市政府');
    await page.click('[data-testid=year-step-save]');
    await page.waitForSelector('[data-testid=year-panel][data-status=reviewed]');

    // 市政府同意: the date, the document number and the document (PDF).
    await page.waitForSelector('[data-testid=year-step-form][data-step=city_consent]');
    await page.fill('[data-testid=f-step-date]', TODAY);
    await page.fill('[data-testid=f-step-number]', `汾政函〔${YEAR - 1}〕12号`);
    await page.setInputFiles('[data-testid=f-city_consent_file]', pdfFile('市政府同意.pdf'));
    await page.click('[data-testid=year-step-save]');
    await page.waitForSelector('[data-testid=year-panel][data-status=city_approved]');

    // 联合发文: without the document the server refuses, naming it, and the screen shows its message.
    await page.waitForSelector('[data-testid=year-step-form][data-step=joint_doc]');
    await page.fill('[data-testid=f-step-date]', TODAY);
    await page.fill('[data-testid=f-step-number]', JOINT_NUMBER);
    expect(await page.isChecked('[data-testid=f-issuer-finance]')).toBe(true);
    await page.click('[data-testid=year-step-save]');
    await expect.poll(() => page.textContent('[data-testid=year-error]')).toMatch(/联合发文/);
    expect(await page.getAttribute('[data-testid=year-panel]', 'data-status')).toBe('city_approved');
    await page.setInputFiles('[data-testid=f-joint_doc_file]', pdfFile('联合发文.pdf'));
    await page.click('[data-testid=year-step-save]');
    await page.waitForSelector('[data-testid=year-panel][data-status=issued]');
    expect(await page.textContent('[data-testid=joint-doc-number]')).toBe(JOINT_NUMBER);
    // The joint document moves 实施一批 into the plan.
    await expect.poll(async () => (await srv.admin.collection('compounds').getFirstListItem('code = "FY-049"')).stage).toBe('planned');

    // 报吕梁市备案
    await page.waitForSelector('[data-testid=year-step-form][data-step=filing]');
    await page.fill('[data-testid=f-step-date]', TODAY);
    await page.fill('[data-testid=f-step-number]', `吕住建备〔${YEAR - 1}〕3号`);
    await page.setInputFiles('[data-testid=f-filing_receipt]', pdfFile('备案回执.pdf'));
    await page.click('[data-testid=year-step-save]');
    await page.waitForSelector('[data-testid=year-panel][data-status=filed]');
    expect(await page.locator('[data-testid=year-step-form]').count()).toBe(0);
    expect(await page.locator('[data-testid=year-chain] li.done').count()).toBe(4);
    expect(await page.textContent(`[data-testid=year-link][data-year="${YEAR}"] + .status`)).toBe('已报吕梁市备案');

    const year = await srv.admin.collection('plan_years').getFirstListItem(`year = ${YEAR}`);
    expect(year).toMatchObject({ status: 'filed', joint_doc_number: JOINT_NUMBER, joint_doc_issuers: ['housing', 'development', 'finance'] });
    expect(year.joint_doc_file).not.toBe('');
    expect(year.filing_receipt).not.toBe('');
    // The one refused request is the only console error so far (Chromium logs every 400 response).
    expect(b.errors).toEqual([expect.stringContaining('status of 400')]);
    b.errors.length = 0;
  });

  it('prints as the table the joint document attaches, with its issuing bodies and number', async () => {
    const page = b.page;
    await page.click('[data-testid=plan-print]');
    await page.waitForSelector('[data-testid=plan-sheet][data-ready=true]');
    expect(new URL(page.url()).pathname).toBe('/plans/print');
    expect(await page.textContent('[data-testid=sheet-title]')).toBe(`汾阳市${YEAR}年度老旧小区改造计划`);
    const lines = await page.textContent('[data-testid=sheet-lines]');
    expect(lines).toContain(`联合发文:${JOINT_NUMBER}(${TODAY})`);
    expect(lines).toContain('发文单位:汾阳市住房和城乡建设局、汾阳市发展和改革局、汾阳市财政局');
    expect(lines).toContain('已报吕梁市住建、发改、财政部门备案');
    const headers = await page.locator('[data-testid=sheet-table] thead th').allTextContents();
    expect(headers).toEqual(expect.arrayContaining(['序号', '批次', '小区编码', '小区名称', '户数', '估算投资(万元)']));
    const row = await page.locator('[data-testid=sheet-table] tr[data-code="FY-049"] td').allTextContents();
    expect(row).toEqual(expect.arrayContaining(['1', '实施一批', '西河街道', 'FY-049', '190.00']));
    expect(await page.locator('[data-testid=sheet-table] tr.sub').last().textContent()).toContain('合计');
    // On paper: A4 portrait, the tool bar left off, the sheet fits the page's width.
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.locator('.tools').isVisible()).toBe(false);
      const mm = await page.evaluate(() => {
        const el = document.querySelector('[data-testid=plan-sheet]') as HTMLElement;
        return el.getBoundingClientRect().width / (96 / 25.4);
      });
      expect(mm).toBeLessThanOrEqual(210.5);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('exports XLSX (read back: title, the joint document, the row and the total) and a PDF', async () => {
    const page = b.page;
    await page.waitForSelector('[data-testid=print-xlsx]:not([disabled])');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=print-xlsx]')]);
    // FY-049 is a demo compound: the document is marked as demo data, in its name too.
    expect(download.suggestedFilename()).toBe(`汾阳市${YEAR}年度老旧小区改造计划-示例数据.xlsx`);
    const [sheet] = await readXlsx(fs.readFileSync((await download.path())!));
    expect(sheet.name).toBe(`${YEAR}年度计划`);
    const text = sheet.rows.flat().filter((v): v is string => typeof v === 'string');
    expect(text).toContain(`汾阳市${YEAR}年度老旧小区改造计划`);
    expect(text).toContain(`联合发文:${JOINT_NUMBER}(${TODAY})`);
    const row = sheet.rows.find((r) => r[3] === 'FY-049')!;
    expect(row.slice(0, 5)).toEqual([1, '实施一批', '西河街道', 'FY-049', expect.any(String)]);
    expect(row[9]).toBe(190);
    expect(sheet.rows.find((r) => r[1] === '合计')?.[9]).toBe(190);

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=print-pdf]')]);
    expect(pdf.suggestedFilename()).toBe(`汾阳市${YEAR}年度老旧小区改造计划-示例数据.pdf`);
    const bytes = fs.readFileSync((await pdf.path())!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1')).toMatch(/\/Type\s*\/Page\b/);
  });
});

describe('a township records a tender and completes the acceptance checklist', () => {
  // The township works in its own browser, as on its own computer.
  let tw: Session;
  afterAll(async () => tw?.close());
  beforeAll(async () => {
    tw = await openBrowser();
    // 西河街道 starts the works (the stage form is guarded elsewhere).
    const xihe = await srv.as('xihe@demo.fenyang');
    const fy049 = await srv.admin.collection('compounds').getFirstListItem('code = "FY-049"');
    await xihe.collection('stage_events').create({
      compound: fy049.id, to: 'construction', start_date: TODAY, planned_end_date: dayOffset(TODAY, 180), implementing_unit: '西河街道办事处',
    });
  });

  it('records the tender result', async () => {
    const page = tw.page;
    await page.goto(`${srv.url}/?c=FY-049`);
    await signIn(page, 'xihe@demo.fenyang');
    await waitForMapIdle(page);
    await page.waitForSelector('[data-testid=implementation]');
    await page.click('[data-testid=impl-add-procurement]');
    await page.selectOption('[data-testid=proc-scope]', 'construction');
    await page.selectOption('[data-testid=proc-method]', 'open_tender');
    await page.selectOption('[data-testid=proc-status]', 'awarded');
    await page.fill('[data-testid=proc-announce]', dayOffset(TODAY, -20));
    await page.fill('[data-testid=proc-result-date]', TODAY);
    await page.fill('[data-testid=proc-winner]', WINNER);
    await page.fill('[data-testid=proc-amount]', '1850000');
    await page.click('[data-testid=impl-save-procurement]');
    await page.waitForSelector('[data-testid=impl-procurements] tr[data-status=awarded]');
    expect(await page.textContent('[data-testid=impl-procurements] tr[data-status=awarded]')).toContain(WINNER);
  });

  it('is refused while an item is open (naming it), then accepted with every item done or waived and the five parties', async () => {
    const page = tw.page;
    await page.waitForSelector('[data-testid=acceptance-form]');
    // The construction unit is suggested from the awarded tender.
    await expect.poll(() => page.inputValue('[data-testid=acc-construction_unit]')).toBe(WINNER);
    await page.fill('[data-testid=acc-builder_unit]', '西河街道办事处');
    await page.fill('[data-testid=acc-design_unit]', '汾阳市城乡规划设计院');
    await page.fill('[data-testid=acc-supervision_unit]', '山西诚信工程监理有限公司');
    await page.check('[data-testid=acc-residents-present]');
    await page.fill('[data-testid=acc-reps]', '居民代表张三、李四');
    await page.setInputFiles('[data-testid=acc-record]', pdfFile('竣工验收记录.pdf'));
    await page.click('[data-testid=acc-save]');
    await expect.poll(() => page.textContent('[data-testid=checklist-error]')).toMatch(/验收清单未完成.*「[^」]+」/);
    expect(tw.errors).toEqual([expect.stringContaining('status of 400')]);
    tw.errors.length = 0;

    // One item waived with its reason, every other one done with its date and a photo.
    const list = page.locator('[data-testid=acceptance-checklist] ul.items > li');
    const total = await list.count();
    expect(total).toBeGreaterThanOrEqual(2);
    await page.locator('[data-testid=item-waive]').first().click();
    await page.fill('[data-testid=item-reason]', '居民意见未统一,暂缓实施');
    await page.click('[data-testid=item-save]');
    await page.waitForSelector('[data-testid=acceptance-checklist] li[data-state=waived]');
    while (await page.locator('[data-testid=item-done]').count()) {
      const before = await page.locator('[data-testid=acceptance-checklist] li[data-state=done]').count();
      await page.locator('[data-testid=item-done]').first().click();
      await page.fill('[data-testid=item-done-date]', TODAY);
      await page.setInputFiles('[data-testid=item-photo]', { name: '完成.png', mimeType: 'image/png', buffer: PNG });
      await page.click('[data-testid=item-save]');
      await expect.poll(() => page.locator('[data-testid=acceptance-checklist] li[data-state=done]').count()).toBe(before + 1);
    }
    expect(await page.locator('[data-testid=acceptance-checklist] li[data-state=done], [data-testid=acceptance-checklist] li[data-state=waived]').count()).toBe(total);

    // The form kept what was typed; the record is attached again (file inputs do not survive a reload of the list).
    await page.setInputFiles('[data-testid=acc-record]', pdfFile('竣工验收记录.pdf'));
    if (!(await page.isChecked('[data-testid=acc-residents-present]'))) await page.check('[data-testid=acc-residents-present]');
    await page.click('[data-testid=acc-save]');
    await page.waitForSelector('[data-testid=acceptance-done]');
    await expect.poll(() => page.textContent('[data-testid=compound-stage]')).toBe('已竣工验收');
    const ev = await srv.admin.collection('stage_events').getFirstListItem('compound.code = "FY-049" && to = "accepted"');
    expect(ev).toMatchObject({ construction_unit: WINNER, supervision_unit: '山西诚信工程监理有限公司', resident_reps: '居民代表张三、李四' });
    expect(ev.acceptance_date.slice(0, 10)).toBe(TODAY);
    expect(ev.documents).toHaveLength(1);
  });

  it('prints the acceptance form with the items and the parties', async () => {
    const page = tw.page;
    await page.click('[data-testid=acceptance-print]');
    await page.waitForSelector('[data-testid=acceptance-sheet][data-ready=true]');
    expect(await page.textContent('[data-testid=sheet-compound]')).toContain('FY-049');
    expect(await page.textContent('[data-testid=sheet-acceptance-date]')).toBe(TODAY);
    expect(await page.textContent('[data-testid=sheet-parties]')).toContain(WINNER);
    expect(await page.textContent('[data-testid=sheet-items]')).toContain('居民意见未统一,暂缓实施');
    expect(tw.errors).toEqual([]);
  });
});

describe('the public page', () => {
  it('shows the plan year, the tender result (winning unit and amount) and the acceptance date', async () => {
    const { page, errors } = await b.newPage();
    try {
      await page.goto(`${srv.url}/public/c/FY-049`);
      await page.waitForSelector('[data-testid=public-tenders] tr[data-status=awarded]');
      const tender = await page.textContent('[data-testid=public-tenders] tr[data-status=awarded]');
      expect(tender).toContain(WINNER);
      expect(tender).toContain('185 万元');
      expect(await page.textContent('[data-testid=public-plan-year]')).toContain(String(YEAR));
      await expect.poll(() => page.textContent('[data-testid=public-acceptance-date]')).toBe(TODAY);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('logged no other console errors', () => {
    expect(b.errors).toEqual([]);
  });
});
