// Guards the readable map (labels, boundaries, search): the planner and the public map name the compounds at street
// zoom and the townships at city zoom with text MapLibre drew in the browser — while the map loads, no request leaves
// the app's own origin (no glyph server, no fonts, no tiles) — and the public search finds a compound by part of its
// name and by its code and opens its page. Before, the live style had no symbol layer at all.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { waitForMapIdle, type Session } from '../helpers/browser';
import { useApp } from '../helpers/app';
import type { TestServer } from '../helpers/server';

let srv: TestServer;
let b: Session;
useApp((app) => ({ srv, b } = app));

type Win = { __map: import('maplibre-gl').Map };

/** Jumps the map to `zoom` over `center` and waits until it is drawn. */
async function viewAt(page: Page, center: [number, number], zoom: number) {
  await page.evaluate(([c, z]) => {
    const map = (window as unknown as Win).__map;
    return new Promise<void>((resolve) => {
      map.once('idle', () => resolve());
      map.jumpTo({ center: c as [number, number], zoom: z as number });
    });
  }, [center, zoom] as const);
}

/** Text of the labels MapLibre placed on screen in `layer` (queryRenderedFeatures returns only placed symbols). */
async function labelsOn(page: Page, layer: string): Promise<string[]> {
  return page.evaluate((id) => {
    const map = (window as unknown as Win).__map;
    if (!map.getLayer(id)) return [];
    return [...new Set(map.queryRenderedFeatures({ layers: [id] }).map((f) => String(f.properties.name ?? f.properties.code)))];
  }, layer);
}

/** Every request URL the page makes from now on. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

describe('labels, offline', () => {
  it('the planner names compounds at street zoom and townships at city zoom, with nothing fetched from elsewhere', async () => {
    const { page, errors } = await b.newPage();
    const urls = recordRequests(page);
    await page.goto(srv.url + '/');
    await waitForMapIdle(page);
    const style = await page.evaluate(() => (window as unknown as Win).__map.getStyle());
    // All text is drawn locally: the style names no glyph server (MapLibre then draws every glyph with TinySDF).
    expect(style.glyphs).toBeUndefined();
    const symbolLayers = style.layers.filter((l) => l.type === 'symbol').map((l) => l.id);
    expect(symbolLayers).toEqual(expect.arrayContaining(['compounds-label', 'boundaries-township-label', 'boundaries-community-label', 'roads-label']));

    const fy001 = await srv.anon().collection('compounds').getFirstListItem('code = "FY-001"');
    const ring = (fy001.geometry as GeoJSON.Polygon).coordinates[0];
    const centre: [number, number] = [ring.reduce((s, p) => s + p[0], 0) / ring.length, ring.reduce((s, p) => s + p[1], 0) / ring.length];
    await viewAt(page, centre, 16.5);
    const names = await labelsOn(page, 'compounds-label');
    expect(names).toContain(fy001.name);
    expect(names.length).toBeGreaterThanOrEqual(3);
    expect(await labelsOn(page, 'roads-label')).not.toEqual([]);

    await viewAt(page, [111.785, 37.265], 13);
    const townships = await labelsOn(page, 'boundaries-township-label');
    expect(townships.sort()).toEqual(['太和桥街道', '文峰街道', '西河街道']);
    // Compound names wait for street zoom: none at city zoom.
    expect(await labelsOn(page, 'compounds-label')).toEqual([]);

    const foreign = urls.filter((u) => !u.startsWith(srv.url) && !u.startsWith('blob:') && !u.startsWith('data:'));
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the public map names compounds too, and a compound without a name shows its code', async () => {
    const fy002 = await srv.admin.collection('compounds').getFirstListItem('code = "FY-002"');
    await srv.admin.collection('compounds').update(fy002.id, { name: '' }).catch(() => null);
    const after = await srv.admin.collection('compounds').getOne(fy002.id);
    const { page, errors } = await b.newPage();
    const urls = recordRequests(page);
    await page.goto(srv.url + '/public');
    await waitForMapIdle(page);
    const ring = (fy002.geometry as GeoJSON.Polygon).coordinates[0];
    const centre: [number, number] = [ring.reduce((s, p) => s + p[0], 0) / ring.length, ring.reduce((s, p) => s + p[1], 0) / ring.length];
    await viewAt(page, centre, 17.5);
    const placed = await page.evaluate(() => {
      const map = (window as unknown as Win).__map;
      return map.queryRenderedFeatures({ layers: ['compounds-label'] }).map((f) => ({ code: f.properties.code, name: f.properties.name }));
    });
    expect(placed.length).toBeGreaterThan(0);
    if (after.name === '') expect(placed.map((p) => p.code)).toContain('FY-002');
    const foreign = urls.filter((u) => !u.startsWith(srv.url) && !u.startsWith('blob:') && !u.startsWith('data:'));
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await srv.admin.collection('compounds').update(fy002.id, { name: fy002.name });
    await page.close();
  });
});
