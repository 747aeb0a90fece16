// Guards the planner's shared-facility siting (#4) in the real app: choosing the elderly-care station shows exactly the
// compounds with none within 300 m (same count as coverage computed here from API data) outlined on the map; the
// idle-land finder run on a design zone lists candidates on the map and in a table; placing a station on one saves a
// facility_sites record with the server's permit verdict, shows that verdict with its reason, and the gap shrinks.
// Bad input (no selection, radius out of range) gives a Chinese message and no record. The programme-wide idle-land
// census runs every compound in the worker (progress, cancel), lists the compounds with idle land, and its count for a
// compound is what the finder finds there. No console errors.
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { coverage, type CompoundFC, type FacilityFC } from '../../src/lib/geo/coverage';
import { zoneOutline } from '../../src/lib/geo/zone-outline';
import { waitForMapIdle, type Session, signIn } from '../helpers/browser';
import { useApp } from '../helpers/app';
import type { TestServer } from '../helpers/server';
import type PocketBase from 'pocketbase';

let srv: TestServer;
let b: Session;
useApp((app) => ({ srv, b } = app));
let planner: PocketBase;
let compounds: CompoundFC;
let zoneId: string;
/** Sites the demo already has (示例数据: the two existing elderly-care stations, with their subsidies). */
let demoSites = 0;

beforeAll(async () => {
  planner = await srv.as('planner@demo.fenyang');
  demoSites = (await planner.collection('facility_sites').getFullList({ filter: 'is_demo = true' })).length;
  const rows = await planner.collection('compounds').getFullList({ sort: 'code' });
  compounds = {
    type: 'FeatureCollection',
    features: rows.map((r) => ({ type: 'Feature', geometry: r.geometry, properties: { id: r.id, households: r.households } })),
  };
  // Setup: a design zone of the first three compounds that lack a station (made through the API as a planner would).
  const gaps = new Set((await expectedCoverage()).gaps);
  const members = compounds.features.filter((f) => gaps.has(String(f.properties!.id))).slice(0, 3);
  const outline = zoneOutline({ type: 'FeatureCollection', features: members } as FeatureCollection<Polygon | MultiPolygon>, 15);
  const zone = await planner.collection('design_zones').create({
    name: '测试养老选址单元', geometry: outline.geometry, members: members.map((f) => f.properties!.id), origin: 'merged', area_m2: outline.areaM2,
  });
  zoneId = zone.id;
});

/** Elderly-station coverage from API data: existing facilities (context) and placed sites. */
async function expectedCoverage() {
  const ctx = await planner.collection('context_features').getFullList({ filter: "kind = 'facility'" });
  const sites = await planner.collection('facility_sites').getFullList();
  const facilities: FacilityFC = {
    type: 'FeatureCollection',
    features: [
      ...ctx.map((r) => ({ type: 'Feature', geometry: r.geometry, properties: { type: r.subtype } }) as Feature<Point | Polygon | MultiPolygon>),
      ...sites.map((r) => ({ type: 'Feature', geometry: r.geometry, properties: { type: r.facility_type } }) as Feature<Point | Polygon | MultiPolygon>),
    ],
  };
  return coverage(compounds, facilities, { types: ['elderly_station'] }).byType.elderly_station;
}

async function gapCount(page: Page): Promise<number> {
  return Number(await page.getAttribute('[data-testid=coverage-gaps]', 'data-count'));
}

/** Features of a GeoJSON source on the map (its data, not only what is rendered). */
async function sourceFeatures(page: Page, id: string): Promise<Feature[]> {
  return page.evaluate(async (sid) => {
    const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
    const src = map.getSource(sid) as import('maplibre-gl').GeoJSONSource | undefined;
    if (!src) return [];
    const data = (await src.getData()) as FeatureCollection;
    return data.features;
  }, id);
}

/**
 * Clicks `<prefix>-run` and its cancel button in one turn of the page's event loop (the worker's answer is a message,
 * so it cannot arrive in between); true when the progress bar was showing.
 */
function runAndCancel(page: Page, prefix: 'finder' | 'census'): Promise<boolean> {
  return page.evaluate(async (prefix) => {
    (document.querySelector(`[data-testid=${prefix}-run]`) as HTMLButtonElement).click();
    for (let i = 0; i < 50 && !document.querySelector(`[data-testid=${prefix}-cancel]`); i++) await Promise.resolve();
    const bar = !!document.querySelector(`[data-testid=${prefix}-progress] progress`);
    (document.querySelector(`[data-testid=${prefix}-cancel]`) as HTMLButtonElement | null)?.click();
    return bar;
  }, prefix);
}

describe('shared facility siting', () => {
  it('shows elderly-station gaps, finds idle land in a zone, places a station and the gap closes', async () => {
    const page = b.page;
    page.setDefaultTimeout(45_000); // the machine is shared: be patient under load, never sleep
    const before = await expectedCoverage();
    expect(before.gaps.length).toBeGreaterThan(0);

    await page.goto(srv.url + '/');
    await waitForMapIdle(page);
    await signIn(page, 'planner@demo.fenyang');
    await page.click('[data-testid=tab-sites]');
    await page.selectOption('[data-testid=site-type]', 'elderly_station');
    await page.waitForFunction((n) => document.querySelector('[data-testid=coverage-gaps]')?.getAttribute('data-count') === String(n),
      before.gaps.length);
    expect(await gapCount(page)).toBe(before.gaps.length);
    expect(await page.locator('[data-testid=coverage-row]').count()).toBeGreaterThan(0);
    await page.click('[data-testid=gap-list-toggle]');
    expect(await page.locator('[data-testid=gap-list] li').count()).toBe(before.gaps.length);

    // The map's coverage source marks exactly those compounds as gaps, and the red outline layer is drawn.
    await waitForMapIdle(page);
    const cov = await sourceFeatures(page, 'src-coverage');
    const uncovered = cov.filter((f) => f.properties?.covered === false).map((f) => String(f.properties?.id)).sort();
    expect(uncovered).toEqual([...before.gaps].sort());
    const drawn = await page.evaluate(() => (window as unknown as { __map: import('maplibre-gl').Map }).__map
      .queryRenderedFeatures({ layers: ['coverage-gap'] }).length);
    expect(drawn).toBeGreaterThan(0);
    expect((await sourceFeatures(page, 'src-coverage-radius')).length).toBeGreaterThan(0);

    // Bad input: an empty selection and an out-of-range radius get a Chinese message and start nothing.
    await page.check('[data-testid=finder-scope-selection]');
    await page.click('[data-testid=finder-run]');
    await expect.poll(() => page.textContent('[data-testid=finder-error]')).toContain('没有选中小区');
    await page.fill('[data-testid=site-radius]', '0');
    await page.waitForSelector('[data-testid=site-radius-error]');
    expect(await page.textContent('[data-testid=site-radius-error]')).toContain('服务半径须在10–5000米之间');
    expect(await page.isDisabled('[data-testid=finder-run]')).toBe(true);
    await page.fill('[data-testid=site-radius]', '300');
    await page.waitForSelector('[data-testid=coverage-gaps]');

    // A run on a township shows its progress bar and can be cancelled: nothing is listed. (Click and cancel in one
    // turn of the page's event loop — the worker's answer is a message, so it cannot arrive in between.)
    await page.check('[data-testid=finder-scope-township]');
    expect(await runAndCancel(page, 'finder')).toBe(true);
    await expect.poll(() => page.textContent('[data-testid=finder-notice]')).toContain('已取消');
    expect(await page.locator('[data-testid=candidate-row]').count()).toBe(0);

    // The finder on the zone made in setup.
    await page.check('[data-testid=finder-scope-zone]');
    await page.selectOption('[data-testid=finder-zone]', zoneId);
    await page.click('[data-testid=finder-run]');
    await page.waitForSelector('[data-testid=candidate-row]');
    const rows = page.locator('[data-testid=candidate-row]');
    expect(await rows.count()).toBeGreaterThan(0);
    expect((await sourceFeatures(page, 'src-sites-candidates')).length).toBe(await rows.count());

    // Place a station on the best-ranked piece of idle land, as a 280 m² new building.
    const land = rows.filter({ hasText: '空地' }).first();
    await land.click();
    await page.waitForSelector('[data-testid=place-form]');
    await page.fill('[data-testid=place-building-area]', '280');
    await expect.poll(() => page.textContent('[data-testid=site-verdict-preview]')).toContain('免办施工许可');
    await page.click('[data-testid=place-submit]');
    await page.waitForSelector('[data-testid=site-verdict]');
    const verdict = await page.textContent('[data-testid=site-verdict]');
    expect(verdict).toContain('免办施工许可');
    expect(verdict).toContain('在300平方米以内');
    expect(verdict).toContain('依据');

    // Persisted with the server's verdict, and counted as a planned facility: the gap shrinks at once.
    // The demo's own sites (示例数据: two existing stations) are not this test's.
    const saved = await planner.collection('facility_sites').getFullList({ filter: 'is_demo = false' });
    expect(saved).toHaveLength(1);
    expect(saved[0].facility_type).toBe('elderly_station');
    expect(saved[0].zone).toBe(zoneId);
    expect(saved[0].source).toBe('idle_land');
    expect(saved[0].building_area_m2).toBe(280);
    expect(saved[0].permit_exempt).toBe(true);
    expect(saved[0].households_covered).toBeGreaterThan(0);
    expect(saved[0].reasons.zh[0]).toMatch(/^可不办理施工许可证/);
    const after = await expectedCoverage();
    expect(after.gaps.length).toBeLessThan(before.gaps.length);
    await page.waitForFunction((n) => document.querySelector('[data-testid=coverage-gaps]')?.getAttribute('data-count') === String(n),
      after.gaps.length);
    expect(await gapCount(page)).toBe(after.gaps.length);
    expect(await page.locator('[data-testid=site-item]').count()).toBe(demoSites + 1);
    await waitForMapIdle(page);
    expect((await sourceFeatures(page, 'src-sites')).length).toBe(demoSites + 1);

    // An idle building converted to a station (§六(五)): nothing newly built, and the land-use change may be deferred.
    const building = page.locator('[data-testid=candidate-row]').filter({ hasText: '闲置用房' }).first();
    await building.click();
    await page.waitForSelector('[data-testid=place-form]');
    await page.click('[data-testid=place-submit]');
    await expect.poll(async () => (await planner.collection('facility_sites').getFullList({ filter: 'is_demo = false' })).length).toBe(2);
    await expect.poll(() => page.getAttribute('[data-testid=site-verdict]', 'data-deferred')).toBe('true');
    expect(await page.textContent('[data-testid=site-verdict]')).toContain('暂不办理变更用地主体和土地使用性质');
    const conversion = (await planner.collection('facility_sites').getFullList({ filter: "source = 'idle_building' && is_demo = false" }))[0];
    expect(conversion.land_use_deferred).toBe(true);
    expect(conversion.source_feature).not.toBe('');

    console.log(`elderly_station gaps: ${before.gaps.length} compounds / ${before.gapHouseholds} households before, ` +
      `${after.gaps.length} / ${after.gapHouseholds} after placing one station (${saved[0].households_covered} households newly covered)`);
    expect(b.errors).toEqual([]);
  }, 150_000);

  it('scans every compound for idle land, can be cancelled, and agrees with the finder on the compound it points to', async () => {
    const page = b.page;
    page.setDefaultTimeout(45_000);
    await page.goto(srv.url + '/');
    await waitForMapIdle(page);
    await signIn(page, 'planner@demo.fenyang');
    await page.click('[data-testid=tab-sites]');
    await page.click('[data-testid=census-box] summary');
    expect(await page.textContent('[data-testid=census-run]')).toContain(String(compounds.features.length));

    // Cancelled at once (click and cancel in one turn of the page's event loop): a notice, no list.
    expect(await runAndCancel(page, 'census')).toBe(true);
    await expect.poll(() => page.textContent('[data-testid=census-notice]')).toContain('已取消普查');
    expect(await page.locator('[data-testid=census-row]').count()).toBe(0);

    // The whole census: rows for the compounds with idle land, largest first, their pieces adding up to the total.
    await page.click('[data-testid=census-run]');
    await page.waitForSelector('[data-testid=census-summary]');
    const withLand = Number(await page.getAttribute('[data-testid=census-summary]', 'data-compounds'));
    const pieces = Number(await page.getAttribute('[data-testid=census-summary]', 'data-pieces'));
    expect(withLand).toBeGreaterThan(0);
    if (await page.locator('[data-testid=census-all]').count()) await page.click('[data-testid=census-all]');
    const rows = page.locator('[data-testid=census-row]');
    expect(await rows.count()).toBe(withLand);
    const cells = await rows.evaluateAll((trs) => trs.map((tr) => ({
      id: tr.getAttribute('data-id')!, pieces: Number(tr.children[1].textContent!.replace(/,/g, '')),
      m2: Number(tr.children[2].textContent!.replace(/,/g, '')),
    })));
    expect(cells.reduce((sum, c) => sum + c.pieces, 0)).toBe(pieces);
    for (let i = 1; i < cells.length; i++) expect(cells[i].m2).toBeLessThanOrEqual(cells[i - 1].m2);

    // The top row selects its compound for the finder; the finder's search there finds the same pieces.
    await rows.first().click();
    await expect.poll(() => page.isChecked('[data-testid=finder-scope-selection]')).toBe(true);
    expect(await page.textContent('label:has([data-testid=finder-scope-selection])')).toContain('(1)');
    await page.click('[data-testid=finder-run]');
    await page.waitForSelector('[data-testid=finder-summary]');
    expect(await page.textContent('[data-testid=finder-summary]')).toContain(`空闲用地 ${cells[0].pieces} 块`);
    expect(b.errors).toEqual([]);
  }, 150_000);
});
