// Guards the first screen (#2): the built app served by PocketBase shows Fenyang's 49 demo compounds coloured by stage,
// opens a compound's panel on click and by deep link, filters, switches language, updates live — with no console errors.
import { describe, expect, it } from 'vitest';
import { STAGE_COLORS } from '../../src/lib/map/palette';
import { renderedCompounds, waitForMapIdle, type Session } from '../helpers/browser';
import { useApp } from '../helpers/app';
import type { TestServer } from '../helpers/server';

let srv: TestServer;
let b: Session;
useApp((app) => ({ srv, b } = app));


describe('planner map', () => {
  it('renders the 49 demo compounds with their stage colours and the demo badge', async () => {
    await b.page.goto(srv.url + '/');
    await waitForMapIdle(b.page);
    const rendered = await renderedCompounds(b.page);
    expect(rendered).toHaveLength(49);
    for (const f of rendered) expect(f.color, f.code).toBe(STAGE_COLORS[f.stage as keyof typeof STAGE_COLORS]);
    expect(new Set(rendered.map((f) => f.stage)).size).toBeGreaterThanOrEqual(5);
    await expect.poll(() => b.page.textContent('[data-testid=demo-badge]')).toBe('示例数据');
    const accepted = rendered.filter((f) => f.stage === 'accepted' || f.stage === 'maintained').length;
    expect(await b.page.textContent('[data-testid=progress]')).toContain(`已竣工验收 ${accepted} / 49`);
  });

  it('opens the panel of a clicked compound and puts it in the address', async () => {
    const target = await b.page.evaluate(() => {
      const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
      const f = map.queryRenderedFeatures({ layers: ['compounds-fill'] }).find((x) => x.properties.code === 'FY-007')!;
      // A point well inside: the screen position of the feature's first building-free vertex average.
      const ring = (f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : (f.geometry as GeoJSON.MultiPolygon).coordinates[0][0]);
      const lon = ring.slice(0, -1).reduce((s, p) => s + p[0], 0) / (ring.length - 1);
      const lat = ring.slice(0, -1).reduce((s, p) => s + p[1], 0) / (ring.length - 1);
      const p = map.project([lon, lat]);
      const hit = map.queryRenderedFeatures(p, { layers: ['compounds-fill'] })[0];
      return { x: p.x, y: p.y, code: hit?.properties.code, name: hit?.properties.name };
    });
    expect(target.code).toBeTruthy();
    const box = (await b.page.locator('[data-testid=map] canvas').boundingBox())!;
    await b.page.mouse.click(box.x + target.x, box.y + target.y);
    await expect.poll(() => b.page.textContent('[data-testid=compound-name]')).toBe(target.name);
    expect(new URL(b.page.url()).searchParams.get('c')).toBe(target.code);
    await expect.poll(() => b.page.locator('[data-testid=building-list] tbody tr').count()).toBeGreaterThanOrEqual(4);
    // A visitor is not shown the staff-only facts the server leaves out (no false "否" for the maintenance fund).
    const panel = (await b.page.textContent('[data-testid=compound-panel]')) ?? '';
    expect(panel).not.toContain('维修基金');
    expect(panel).not.toContain('居民同意率');
  });

  it('hides the other compounds when filtering by stage', async () => {
    await b.page.click('[data-testid=legend-construction]');
    await waitForMapIdle(b.page);
    const rendered = await renderedCompounds(b.page);
    const expected = (await srv.anon().collection('compounds').getFullList({ filter: 'stage = "construction"' })).length;
    expect(expected).toBeGreaterThan(0);
    expect(rendered).toHaveLength(expected);
    expect(rendered.every((f) => f.stage === 'construction')).toBe(true);
    expect(await b.page.textContent('[data-testid=shown-count]')).toContain(`${expected} / 49`);
    await b.page.click('[data-testid=legend-construction]');
    await waitForMapIdle(b.page);
    expect(await renderedCompounds(b.page)).toHaveLength(49);
  });

  it('switches the interface to English and back', async () => {
    await b.page.click('[data-testid=lang-switch]');
    await expect.poll(() => b.page.textContent('[data-testid=progress]')).toContain('Completed');
    expect(await b.page.textContent('[data-testid=demo-badge]')).toBe('Demo data');
    await b.page.click('[data-testid=lang-switch]');
    await expect.poll(() => b.page.textContent('[data-testid=progress]')).toContain('已竣工验收');
  });

  it('reopens a compound from a deep link', async () => {
    const c = await srv.anon().collection('compounds').getFirstListItem('code = "FY-023"');
    const { page, errors } = await b.newPage();
    await page.goto(`${srv.url}/?c=FY-023`);
    await waitForMapIdle(page);
    await expect.poll(() => page.textContent('[data-testid=compound-name]')).toBe(c.name);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('recolours a compound in an open browser when the API changes its stage', async () => {
    const c = await srv.admin.collection('compounds').getFirstListItem('stage = "planned"');
    await b.page.waitForFunction(() => document.querySelector('[data-testid=progress] .live') !== null);
    await srv.admin.collection('compounds').update(c.id, { stage: 'construction' });
    await b.page.waitForFunction((id) => {
      const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
      const f = map.querySourceFeatures('src-compounds').find((x) => String(x.id) === id);
      return f?.properties.stage === 'construction';
    }, c.id, { timeout: 5000 });
    await waitForMapIdle(b.page);
    const f = (await renderedCompounds(b.page)).find((x) => x.id === c.id);
    expect(f?.color).toBe(STAGE_COLORS.construction);
  });

  it('puts every thematic layer back, in order and with the open compound outlined, after a basemap switch', async () => {
    // A page of its own: the raster basemap cannot load tiles offline, and its errors are not the app's.
    const { page } = await b.newPage();
    await page.goto(srv.url + '/?c=FY-007');
    await waitForMapIdle(page);
    const state = () => page.evaluate(() => {
      const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
      const ids = map.getStyle().layers.map((l) => l.id);
      const open = map.querySourceFeatures('src-compounds').find((f) => f.properties.code === 'FY-007');
      return { ids, open: open ? map.getFeatureState({ source: 'src-compounds', id: open.id! }).open === true : null };
    });
    const before = await state();
    expect(before.ids).toEqual(expect.arrayContaining(['county-fill', 'roads-line', 'buildings-fill', 'compounds-fill', 'compounds-selected', 'overdue-line', 'zones-line', 'gesture-line']));
    expect(before.open).toBe(true);
    await page.selectOption('[data-testid=basemap]', 'osm');
    await expect.poll(async () => (await state()).ids.includes('basemap-raster')).toBe(true);
    await expect.poll(async () => (await state()).ids.filter((id) => id !== 'basemap-raster')).toEqual(before.ids);
    await page.selectOption('[data-testid=basemap]', 'local');
    await expect.poll(async () => (await state()).ids).toEqual(before.ids);
    await expect.poll(async () => (await state()).open).toBe(true);
    await page.close();
  });

  it('logged no console errors', () => {
    expect(b.errors).toEqual([]);
  });
});
