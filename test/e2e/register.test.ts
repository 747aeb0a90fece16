// The compound register in the app, as a township uses it: 文峰街道 signs in, edits a compound's households and drags
// a vertex of its outline (both saved, with the version moving on), records a door-to-door consent survey with its PDF
// sheet, sees the compound change colour on the consent layer (below the threshold → above), and finds the new figure
// and survey date in the ledger — no console errors.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signIn, waitForMapIdle, type Session } from '../helpers/browser';
import { useApp } from '../helpers/app';
import type { TestServer } from '../helpers/server';

let srv: TestServer;
let b: Session;
useApp((app) => ({ srv, b } = app));

type MapWindow = { __map: import('maplibre-gl').Map };

async function toScreen(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  const p = await page.evaluate((ll) => (window as unknown as MapWindow).__map.project(ll), lngLat);
  const box = (await page.locator('[data-testid=map] canvas').boundingBox())!;
  return { x: box.x + p.x, y: box.y + p.y };
}

/** The consent layer's fill colour of one compound as rendered, or null when it is not drawn. */
async function consentColour(page: Page, id: string): Promise<string | null> {
  return page.evaluate((cid) => {
    const map = (window as unknown as MapWindow).__map;
    if (!map.getLayer('consent-fill')) return null;
    const f = map.queryRenderedFeatures({ layers: ['consent-fill'] }).find((x) => String(x.id) === cid);
    const c = (f?.layer.paint as Record<string, unknown> | undefined)?.['fill-color'] as { r: number; g: number; b: number } | undefined;
    return c ? '#' + [c.r, c.g, c.b].map((v) => Math.round(v * 255).toString(16).padStart(2, '0')).join('') : null;
  }, id);
}

describe('the compound register, as a township keeps it', () => {
  it('edits households and outline, records a consent survey with its sheet, and sees the map and ledger follow', async () => {
    const page = b.page;
    const before = await srv.admin.collection('compounds').getFirstListItem('code = "FY-001"');
    expect(before.geometry.type).toBe('Polygon');
    await page.goto(`${srv.url}/?c=FY-001`);
    await waitForMapIdle(page);
    await signIn(page, 'wenfeng@demo.fenyang');
    await page.waitForSelector('[data-testid=compound-edit]');

    // Households.
    await page.click('[data-testid=compound-edit]');
    await page.fill('[data-testid=edit-households]', String(before.households + 6));
    await page.click('[data-testid=edit-save]');
    await expect.poll(() => page.textContent('[data-testid=edit-message]')).toBe('已保存');
    const edited = await srv.admin.collection('compounds').getOne(before.id);
    expect(edited.households).toBe(before.households + 6);
    expect(edited.version).toBe(before.version + 1);

    // Outline: drag the first vertex outward (away from the compound's centre) and save.
    await page.evaluate((g) => {
      const ring = g.coordinates[0] as [number, number][];
      const xs = ring.map((p) => p[0]);
      const ys = ring.map((p) => p[1]);
      (window as unknown as MapWindow).__map.fitBounds([[Math.min(...xs), Math.min(...ys)], [Math.max(...xs), Math.max(...ys)]],
        { padding: { top: 160, bottom: 160, left: 360, right: 420 }, duration: 0 });
    }, before.geometry);
    await waitForMapIdle(page);
    await page.click('[data-testid=compound-edit-outline]');
    await page.waitForSelector('[data-testid=outline-editor]');
    const ring = before.geometry.coordinates[0] as [number, number][];
    const cx = ring.slice(0, -1).reduce((s, p) => s + p[0], 0) / (ring.length - 1);
    const cy = ring.slice(0, -1).reduce((s, p) => s + p[1], 0) / (ring.length - 1);
    const from = await toScreen(page, ring[0]);
    const centre = await toScreen(page, [cx, cy]);
    const len = Math.hypot(from.x - centre.x, from.y - centre.y);
    const to = { x: from.x + ((from.x - centre.x) / len) * 25, y: from.y + ((from.y - centre.y) / len) * 25 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 10 });
    await page.mouse.up();
    await page.click('[data-testid=outline-save]');
    await expect.poll(() => page.textContent('[data-testid=edit-message]')).toBe('边界已保存');
    const outlined = await srv.admin.collection('compounds').getOne(before.id);
    expect(outlined.version).toBe(before.version + 2);
    expect(JSON.stringify(outlined.geometry)).not.toBe(JSON.stringify(before.geometry));

    // Consent layer: below the threshold before the survey.
    await page.click('[data-testid=consent-layer-toggle]');
    await waitForMapIdle(page);
    await expect.poll(() => consentColour(page, before.id)).toBe('#dc2626');

    // A door-to-door survey with its PDF sheet: 90% of households agree.
    const households = before.households + 6;
    const agreeing = Math.ceil(households * 0.9);
    await page.click('[data-testid=survey-add]');
    await page.selectOption('[data-testid=survey-method]', 'door_to_door');
    await page.fill('[data-testid=survey-surveyed]', String(households));
    await page.fill('[data-testid=survey-agreeing]', String(agreeing));
    // Without its sheet a paper survey is refused before sending.
    await page.click('[data-testid=survey-save]');
    expect(await page.textContent('[data-testid=survey-error]')).toBe('入户、会议等线下调查须上传调查表');
    await page.setInputFiles('[data-testid=survey-sheet]', { name: '意愿调查表.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%test\n') });
    await page.click('[data-testid=survey-save]');
    await expect.poll(() => page.locator('[data-testid=survey-row]').count()).toBe(2);
    const pct = Math.round((agreeing / households) * 10000) / 100;
    const facts = await srv.admin.collection('compound_private').getOne(before.id);
    expect(facts.consent_pct).toBeCloseTo(pct, 2);
    const survey = await srv.admin.collection('consent_surveys').getFirstListItem(`compound = "${before.id}" && is_demo = false`);
    expect(survey.sheet).toHaveLength(1);
    expect(survey.method).toBe('door_to_door');
    await expect.poll(() => consentColour(page, before.id)).toBe('#16a34a');

    // The ledger shows the new figure and the survey date.
    await page.goto(`${srv.url}/ledger?c=FY-001`);
    const row = page.locator('tr[data-code="FY-001"]');
    await row.waitFor();
    const shown = pct.toLocaleString('zh-CN', { maximumFractionDigits: 1 });
    await expect.poll(async () => (await page.locator('tr[data-code="FY-001"] td.num').first().textContent())?.trim()).toBe(shown);
    expect(await row.textContent()).toContain(survey.survey_date.slice(0, 10));
    expect(b.errors).toEqual([]);
  });
});
