// Guards the programme screens: a township submits its annual plan in /plans, the office approves it, and once the
// year's plan is issued the compound turns "planned" on the live map; the ledger exports an XLSX that opens with one row per compound; the
// compound panel moves a compound forward with evidence; the monthly report renders with its charts — no console errors.
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsx, records } from '../helpers/xlsx';
import { STAGE_COLORS } from '../../src/lib/map/palette';
import { openBrowser, renderedCompounds, waitForMapIdle, type Session, signIn } from '../helpers/browser';
import { useApp } from '../helpers/app';
import type { TestServer } from '../helpers/server';

let srv: TestServer;
let b: Session;
useApp((app) => ({ srv, b } = app));
let fy018: { id: string; name: string };
// A plan year whose deadline (31 August of the year before) has not passed, whenever this runs.
const ON_TIME = new Date().getFullYear() + 2;

/** The office reviews the year's plan, records the city's consent and the joint document (today, with a PDF each). */
async function issueYear(year: number) {
  const office = await srv.as('office@demo.fenyang');
  const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
  const pdf = () => new Blob(['%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'], { type: 'application/pdf' });
  const py = await srv.admin.collection('plan_years').getFirstListItem(`year = ${year}`);
  await office.collection('plan_years').update(py.id, { status: 'reviewed', review_opinion: '同意' });
  const consent = new FormData();
  for (const [k, v] of Object.entries({ status: 'city_approved', city_consent_date: today })) consent.append(k, v);
  consent.append('city_consent_file', pdf(), 'consent.pdf');
  await office.collection('plan_years').update(py.id, consent);
  const joint = new FormData();
  for (const [k, v] of Object.entries({ status: 'issued', joint_doc_date: today, joint_doc_number: `汾住建发〔${year - 1}〕1号` })) joint.append(k, v);
  for (const k of ['housing', 'development', 'finance']) joint.append('joint_doc_issuers', k);
  joint.append('joint_doc_file', pdf(), 'joint.pdf');
  await office.collection('plan_years').update(py.id, joint);
}

beforeAll(async () => {
  // FY-018 (太和桥, consent 79.1%) gets its preliminary scheme through the API, so it can enter 实施一批.
  const taihe = await srv.as('taihe@demo.fenyang');
  fy018 = await srv.admin.collection('compounds').getFirstListItem('code = "FY-018"');
  await taihe.collection('stage_events').create({ compound: fy018.id, to: 'scheme', scheme_summary: '管网、屋面、加装电梯', budget_estimate_yuan: 3_200_000 });
});

describe('annual plan to map', () => {
  it('a township submits, the office approves, the compound turns planned on the open map', async () => {
    // The observer is another browser (its own storage), as a colleague's screen would be.
    const observer = await openBrowser();
    const { page: map, errors: mapErrors } = observer;
    await map.goto(`${srv.url}/`);
    await waitForMapIdle(map);
    await map.waitForFunction(() => document.querySelector('[data-testid=progress] .live') !== null);
    expect((await renderedCompounds(map)).find((f) => f.code === 'FY-018')?.color).toBe(STAGE_COLORS.scheme);

    const page = b.page;
    await page.goto(`${srv.url}/plans`);
    await signIn(page, 'taihe@demo.fenyang');
    await page.fill('[data-testid=new-plan-year]', String(ON_TIME));
    await page.click('[data-testid=new-plan]');
    await page.waitForSelector('[data-testid=plan-title]');
    expect(await page.textContent('[data-testid=plan-title]')).toContain(String(ON_TIME));
    await page.selectOption('[data-testid=add-compound]', 'FY-018');
    await page.selectOption('[data-testid=add-tier]', 'implement');
    await page.click('[data-testid=add-entry]');
    await page.waitForSelector('[data-testid=plan-entries] tr[data-code="FY-018"]');
    await page.click('[data-testid=submit-plan]');
    await expect.poll(() => page.textContent('[data-testid=plan-status]')).toBe('已提交');
    expect(await page.textContent('[data-testid=plan-late]')).toBe('按时提交');
    expect(await page.locator('[data-testid=approve-plan]').count()).toBe(0);

    await signIn(page, 'office@demo.fenyang');
    await page.waitForSelector('[data-testid=approve-plan]');
    await page.fill('[data-testid=review-comment]', '同意列入实施一批');
    await page.click('[data-testid=approve-plan]');
    await expect.poll(() => page.textContent('[data-testid=plan-status]')).toBe('已审批');
    // The year's chain (guarded in procedure.test.ts) is taken through the API: the joint document moves 实施一批
    // into the plan.
    await issueYear(ON_TIME);

    await map.waitForFunction((id) => {
      const m = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
      return m.querySourceFeatures('src-compounds').find((x) => String(x.id) === id)?.properties.stage === 'planned';
    }, fy018.id, { timeout: 10_000 });
    await waitForMapIdle(map);
    expect((await renderedCompounds(map)).find((f) => f.code === 'FY-018')?.color).toBe(STAGE_COLORS.planned);
    expect(mapErrors).toEqual([]);
    await observer.close();
  });
});

describe('ledger', () => {
  it('asks a visitor to sign in instead of showing the ledger or the report with zeros, then shows them', async () => {
    // A browser of its own: nobody is signed in there.
    const visitor = await openBrowser();
    try {
      const { page, errors } = visitor;
      for (const path of ['/ledger', '/report', '/plans']) {
        await page.goto(`${srv.url}${path}`);
        await page.waitForSelector('[data-testid=sign-in-required]');
        expect(await page.locator('[data-testid=ledger], [data-testid=report-table], [data-testid=plan-list]').count(), path).toBe(0);
      }
      await page.goto(`${srv.url}/ledger`);
      await page.fill('[data-testid=sign-in-required-form] input[type=email]', 'office@demo.fenyang');
      await page.fill('[data-testid=sign-in-required-form] input[type=password]', 'fenyang2025');
      await page.click('[data-testid=sign-in-required-form] button[type=submit]');
      await page.waitForSelector('[data-testid=ledger] tr[data-code="FY-002"]');
      expect(await page.locator('[data-testid=sign-in-required]').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await visitor.close();
    }
  });

  it('exports an XLSX with one row per compound, and reads ?c=', async () => {
    const page = b.page;
    await page.goto(`${srv.url}/ledger?c=FY-018`);
    await page.waitForSelector('[data-testid=ledger] tr[data-code="FY-049"]');
    await expect.poll(() => page.locator('tr.selected').getAttribute('data-code')).toBe('FY-018');
    await page.waitForSelector('[data-testid=export-xlsx]:not([disabled])');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-xlsx]')]);
    const file = await download.path();
    const [sheet] = await readXlsx(fs.readFileSync(file!));
    const { rows } = records(sheet, '小区编码');
    expect(rows).toHaveLength(49);
    const row = rows.find((r) => r['小区编码'] === 'FY-018')!;
    expect(row['改造阶段']).toBe('纳入年度计划');
    expect(row['计划年度']).toBe(ON_TIME);
    const compounds = await srv.admin.collection('compounds').getFullList({ sort: 'code' });
    expect(rows.map((r) => r['小区编码']).sort()).toEqual(compounds.map((c) => c.code));
    const funding = await srv.admin.collection('funding').getFullList({ filter: `compound.code = "FY-002" && kind = "received"` });
    expect(rows.find((r) => r['小区编码'] === 'FY-002')!['到位资金（元）']).toBe(funding.reduce((s, f) => s + f.amount_yuan, 0));
  });

  it('a row link opens the compound on the map', async () => {
    const page = b.page;
    await page.click('tr[data-code="FY-002"] [data-testid=row-map]');
    await page.waitForSelector('[data-testid=compound-panel]');
    expect(new URL(page.url()).searchParams.get('c')).toBe('FY-002');
  });
});

describe('compound panel', () => {
  it('moves a planned compound to construction with its evidence, and shows the server refusal without it', async () => {
    const { page, errors } = await b.newPage(); // signed in as the office (same browser profile)
    await page.goto(`${srv.url}/?c=FY-018`);
    await waitForMapIdle(page);
    await page.waitForSelector('[data-testid=stage-forward]');
    await page.click('[data-testid=stage-forward]');
    await page.click('[data-testid=stage-save]');
    await expect.poll(() => page.textContent('[data-testid=stage-error]')).toMatch(/缺少证明材料/);
    await page.fill('[data-testid=f-end]', '2027-09-30');
    await page.fill('[data-testid=f-unit]', '汾阳市城市建设发展有限公司');
    await page.click('[data-testid=stage-save]');
    await expect.poll(() => page.textContent('[data-testid=compound-stage]')).toBe('施工中');
    // The timeline reloads after the save and after each live update (the compound, its staff-only facts): on a busy
    // machine that takes more than the default second.
    await expect.poll(() => page.locator('[data-testid=stage-event][data-to=construction]').count()).toBe(1);
    // The one refused request is the only console error (Chromium logs every 400 response).
    expect(errors).toEqual([expect.stringContaining('status of 400')]);
    await page.close();
  });
});

describe('item filter', () => {
  it('shows only the compounds adding lifts on the map', async () => {
    const page = b.page;
    await page.goto(`${srv.url}/`);
    await waitForMapIdle(page);
    const items = await srv.admin.collection('renovation_items').getFullList({ filter: 'item = "elevator"', expand: 'compound' });
    const expected = [...new Set(items.map((i) => i.expand!.compound.code as string))].sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(49);
    await page.selectOption('[data-testid=filter-item]', 'elevator');
    await expect.poll(() => page.textContent('[data-testid=shown-count]')).toContain(`${expected.length} / 49`);
    await waitForMapIdle(page);
    expect((await renderedCompounds(page)).map((f) => f.code).sort()).toEqual(expected);
    await page.selectOption('[data-testid=filter-item]', '');
    await waitForMapIdle(page);
    expect(await renderedCompounds(page)).toHaveLength(49);
  });

  it('outlines overdue construction in red above the compound outlines', async () => {
    const page = b.page;
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const late = (await srv.admin.collection('compounds').getFullList({ filter: `stage = "construction" && construction_end_planned < "${today}"` }))
      .map((c) => c.code);
    expect(late.length).toBeGreaterThan(0);
    const state = await page.evaluate(() => {
      const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
      const ids = map.getStyle().layers.map((l) => l.id);
      const codes = [...new Set(map.queryRenderedFeatures({ layers: ['overdue-line'] }).map((f) => String(f.properties.code)))];
      return { above: ids.indexOf('overdue-line') === ids.indexOf('compounds-line') + 1, codes };
    });
    expect(state.above).toBe(true);
    expect(state.codes).toEqual(expect.arrayContaining(late));
  });
});

describe('monthly report', () => {
  it('renders the table and both charts for a month of the demo', async () => {
    const page = b.page;
    await page.goto(`${srv.url}/report?m=2023-05`);
    await page.waitForSelector('[data-testid=report-table] tr[data-township="文峰街道"]');
    await page.waitForSelector('[data-testid=report-xlsx]:not([disabled])');
    await expect.poll(() => page.locator('[data-testid=chart-progress] rect').count()).toBeGreaterThan(10);
    expect(await page.locator('[data-testid=chart-money] rect').count()).toBeGreaterThan(5);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=report-xlsx]')]);
    const sheets = await readXlsx(fs.readFileSync((await download.path())!));
    expect(sheets.map((s) => s.name)).toEqual(['月报表', '主要指标', '资金来源']);
  });

  it('logged no console errors', () => {
    expect(b.errors).toEqual([]);
  });
});
