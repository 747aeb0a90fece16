// Guards the planner map drawn from vector tiles (a province: above the tiling threshold, map/tiled.ts). The threshold
// is set to 0 in this browser (localStorage fy.tiledAbove), so the 49 demo compounds are drawn from the server's
// compound tiles as a province's would be: stage colours, a click opens the compound, hover and open feature state,
// the map's filter, the selection outline of a click and of a box, a stage change appearing live, and the live public
// map from the same tiles — no console errors.
import type { Map as MlMap } from 'maplibre-gl';
import { beforeAll, describe, expect, it } from 'vitest';
import { STAGE_COLORS } from '../../src/lib/map/palette';
import { TILED_ABOVE_KEY } from '../../src/lib/map/tiled';
import { useApp } from '../helpers/app';
import { compoundPoint, renderedCompounds, waitForMapIdle, type Session } from '../helpers/browser';
import type { TestServer } from '../helpers/server';

let srv: TestServer;
let b: Session;
useApp((app) => ({ srv, b } = app));
const tileRequests: string[] = [];

beforeAll(async () => {
  await b.page.addInitScript((key) => localStorage.setItem(key, '0'), TILED_ABOVE_KEY);
  b.page.on('request', (r) => {
    if (r.url().includes('/api/fy/tiles/compounds/')) tileRequests.push(r.url());
  });
});

type W = { __map: MlMap };

const pointIn = (code: string) => compoundPoint(b.page, code);

const featureState = (id: string) => b.page.evaluate((id) =>
  (window as unknown as W).__map.getFeatureState({ source: 'src-compounds', sourceLayer: 'compounds', id }), id);

const outlinedSelection = () => b.page.evaluate(() => {
  const map = (window as unknown as W).__map;
  return [...new Set(map.queryRenderedFeatures({ layers: ['compounds-selected'] }).map((f) => String(f.id)))].sort();
});

describe('planner map from vector tiles', () => {
  it('draws the compounds from the compound tiles with their stage colours, hatching and names, as dots below the tiles’ zooms', async () => {
    await b.page.goto(srv.url + '/');
    await waitForMapIdle(b.page);
    const style = await b.page.evaluate(() => {
      const map = (window as unknown as W).__map;
      const layer = (id: string) => map.getStyle().layers.find((l) => l.id === id) as { source?: string; 'source-layer'?: string } | undefined;
      return {
        compounds: (map.getSource('src-compounds') as { type: string }).type,
        labels: (map.getSource('src-compound-labels') as { type: string }).type,
        sourceLayers: ['compounds-fill', 'compounds-pattern', 'compounds-line', 'compounds-selected', 'overdue-line'].map((id) => layer(id)?.['source-layer']),
        buildings: (map.getSource('src-buildings') as { type: string }).type,
      };
    });
    expect(style).toEqual({
      compounds: 'vector', labels: 'geojson', sourceLayers: Array(5).fill('compounds'), buildings: 'vector',
    });
    expect(tileRequests.length).toBeGreaterThan(0);
    const rendered = await renderedCompounds(b.page);
    expect(rendered).toHaveLength(49);
    for (const f of rendered) expect(f.color, f.code).toBe(STAGE_COLORS[f.stage as keyof typeof STAGE_COLORS]);
    // hatching and names from street zoom
    await b.page.evaluate(() => (window as unknown as W).__map.jumpTo({ zoom: 16 }));
    await waitForMapIdle(b.page);
    const street = await b.page.evaluate(() => {
      const map = (window as unknown as W).__map;
      return { pattern: map.queryRenderedFeatures({ layers: ['compounds-pattern'] }).length, labels: map.queryRenderedFeatures({ layers: ['compounds-label'] }).length };
    });
    expect(street.pattern).toBeGreaterThan(0);
    expect(street.labels).toBeGreaterThan(0);
    // below the tiles' lowest zoom each compound is a dot in its stage colour (the outlines are not fetched there)
    await b.page.evaluate(() => (window as unknown as W).__map.jumpTo({ zoom: 11 }));
    await waitForMapIdle(b.page);
    const overview = await b.page.evaluate(() => {
      const map = (window as unknown as W).__map;
      return {
        dots: new Set(map.queryRenderedFeatures({ layers: ['compounds-dot'] }).map((f) => f.properties.id)).size,
        fills: map.queryRenderedFeatures({ layers: ['compounds-fill'] }).length,
      };
    });
    expect(overview).toEqual({ dots: 49, fills: 0 });
    await b.page.goto(srv.url + '/');
    await waitForMapIdle(b.page);
  });

  it('draws each layer of the tiles’ zooms once, hidden under the zoom buttons, while idle below them, and leaves nothing', async () => {
    // The warm-up (map/warm-up.ts): at zoom 10 no tile layer has drawn; each is copied onto a few pixels under the
    // zoom buttons, two at a time, and removed again — so the first jump to street zoom does not build them all at once.
    await b.page.goto(srv.url + '/');
    await waitForMapIdle(b.page);
    await b.page.evaluate(() => {
      const map = (window as unknown as W).__map;
      const seen: { ids: string[]; most: number; drawn: string[]; covered: boolean[] } = { ids: [], most: 0, drawn: [], covered: [] };
      (window as unknown as { __warm: typeof seen }).__warm = seen;
      map.on('render', () => {
        const ids = map.getStyle().layers.map((l) => l.id).filter((id) => id.startsWith('warm-up-'));
        if (!ids.length) return;
        seen.most = Math.max(seen.most, ids.length);
        for (const id of ids) if (!seen.ids.includes(id)) seen.ids.push(id);
        // the square is drawn, and the zoom buttons are what a user sees at its place
        const buttons = map.getContainer().querySelector('.maplibregl-ctrl-group')!.getBoundingClientRect();
        const canvas = map.getCanvas().getBoundingClientRect();
        const x = buttons.left + buttons.width / 2;
        const y = buttons.top + buttons.height / 2;
        for (const f of map.queryRenderedFeatures([[x - canvas.left - 4, y - canvas.top - 4], [x - canvas.left + 4, y - canvas.top + 4]], { layers: ids })) {
          if (!seen.drawn.includes(f.layer.id)) seen.drawn.push(f.layer.id);
        }
        seen.covered.push(!!document.elementFromPoint(x, y)?.closest('.maplibregl-ctrl-group'));
      });
      map.jumpTo({ zoom: 10 });
    });
    const tileLayers = await b.page.evaluate(() => {
      const map = (window as unknown as W).__map;
      return map.getStyle().layers
        .filter((l) => 'source' in l && map.getSource(l.source as string)?.type === 'vector')
        .map((l) => 'warm-up-' + l.id).sort();
    });
    expect(tileLayers).toEqual(expect.arrayContaining(['warm-up-compounds-fill', 'warm-up-compounds-line', 'warm-up-buildings-fill']));
    const warm = () => b.page.evaluate(() => {
      const map = (window as unknown as W).__map;
      const w = (window as unknown as { __warm: { ids: string[]; most: number; drawn: string[]; covered: boolean[] } }).__warm;
      const left = map.getStyle().layers.filter((l) => l.id.startsWith('warm-up-')).length + (map.getSource('src-warm-up') ? 1 : 0);
      return { ids: [...w.ids].sort(), drawn: [...w.drawn].sort(), most: w.most, covered: w.covered.every(Boolean), left };
    });
    await expect.poll(async () => { const w = await warm(); return w.left === 0 && w.ids.length; }, { timeout: 60_000 }).toBe(tileLayers.length);
    const w = await warm();
    expect(w.ids).toEqual(tileLayers);
    expect(w.drawn).toEqual(tileLayers);
    expect(w.most).toBeLessThanOrEqual(2);
    expect(w.covered).toBe(true);
    await b.page.goto(srv.url + '/');
    await waitForMapIdle(b.page);
  });

  it('names the compound under the pointer and opens a clicked one from its dot below the tiles’ zooms', async () => {
    await b.page.evaluate(() => (window as unknown as W).__map.jumpTo({ zoom: 11 }));
    await waitForMapIdle(b.page);
    const dot = await b.page.evaluate(() => {
      const map = (window as unknown as W).__map;
      const f = map.queryRenderedFeatures({ layers: ['compounds-dot'] }).find((f) => f.properties.code === 'FY-012')!;
      const p = map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
      return { x: p.x, y: p.y, name: String(f.properties.name) };
    });
    const box = (await b.page.locator('[data-testid=map] canvas').boundingBox())!;
    // a pointer a few pixels off the dot's centre still finds it
    await b.page.mouse.move(box.x + dot.x + 2, box.y + dot.y + 1);
    await expect.poll(() => b.page.locator('[data-testid=map-hover]').textContent()).toContain(dot.name);
    await b.page.mouse.click(box.x + dot.x + 2, box.y + dot.y + 1);
    await expect.poll(() => b.page.textContent('[data-testid=compound-name]')).toBe(dot.name);
    expect(new URL(b.page.url()).searchParams.get('c')).toBe('FY-012');
    await b.page.click('[data-testid=compound-panel] .head button');
    await b.page.goto(srv.url + '/');
    await waitForMapIdle(b.page);
  });

  it('opens a clicked compound, outlines it as selected and open, and marks the one under the pointer', async () => {
    const target = await pointIn('FY-007');
    expect(target.code).toBe('FY-007');
    const box = (await b.page.locator('[data-testid=map] canvas').boundingBox())!;
    await b.page.mouse.move(box.x + target.x, box.y + target.y);
    await expect.poll(() => featureState(target.id)).toMatchObject({ hover: true });
    await b.page.mouse.click(box.x + target.x, box.y + target.y);
    await expect.poll(() => b.page.textContent('[data-testid=compound-name]')).toBe(target.name);
    expect(new URL(b.page.url()).searchParams.get('c')).toBe('FY-007');
    await expect.poll(() => featureState(target.id)).toMatchObject({ open: true });
    await waitForMapIdle(b.page);
    expect(await outlinedSelection()).toEqual([target.id]);
    await b.page.click('[data-testid=compound-panel] .head button');
    await expect.poll(() => featureState(target.id)).toMatchObject({ open: false });
  });

  it('hides the other compounds when filtering by stage', async () => {
    await b.page.click('[data-testid=legend-construction]');
    await waitForMapIdle(b.page);
    const expected = (await srv.anon().collection('compounds').getFullList({ filter: 'stage = "construction"' })).length;
    expect(expected).toBeGreaterThan(0);
    const rendered = await renderedCompounds(b.page);
    expect(rendered).toHaveLength(expected);
    expect(rendered.every((f) => f.stage === 'construction')).toBe(true);
    await b.page.click('[data-testid=legend-construction]');
    await waitForMapIdle(b.page);
    expect(await renderedCompounds(b.page)).toHaveLength(49);
  });

  it('selects the compounds in a box (from the records) and outlines them on the tiles', async () => {
    await b.page.click('[data-testid=tab-selection]');
    await b.page.click('[data-testid=tool-box]');
    const canvas = (await b.page.locator('[data-testid=map] canvas').boundingBox())!;
    // the whole map but the side panel: every compound is in view (the first view frames them all)
    await b.page.mouse.move(canvas.x + canvas.width - 5, canvas.y + 5);
    await b.page.mouse.down();
    await b.page.mouse.move(canvas.x + 310, canvas.y + canvas.height - 5, { steps: 8 });
    await b.page.mouse.up();
    await expect.poll(() => b.page.textContent('[data-testid=selection-count]')).toMatch(/已选 \d+ 个小区/);
    const n = Number(/已选 (\d+) 个小区/.exec((await b.page.textContent('[data-testid=selection-count]'))!)![1]);
    expect(n).toBeGreaterThan(10);
    await waitForMapIdle(b.page);
    expect(await outlinedSelection()).toHaveLength(n);
    await b.page.click('[data-testid=tool-click]');
  });

  it('recolours a compound when the API changes its stage (the tiles are fetched again)', async () => {
    const c = await srv.admin.collection('compounds').getFirstListItem('stage = "planned"');
    await b.page.waitForFunction(() => document.querySelector('[data-testid=progress] .live') !== null);
    const before = tileRequests.length;
    await srv.admin.collection('compounds').update(c.id, { stage: 'construction' });
    await b.page.waitForFunction((id) => {
      const map = (window as unknown as W).__map;
      const f = map.querySourceFeatures('src-compounds', { sourceLayer: 'compounds' }).find((x) => String(x.id) === id);
      return f?.properties.stage === 'construction';
    }, c.id);
    await waitForMapIdle(b.page);
    expect(tileRequests.length).toBeGreaterThan(before);
    const f = (await renderedCompounds(b.page)).find((x) => x.id === c.id);
    expect(f?.color).toBe(STAGE_COLORS.construction);
  });

  it('draws the live public map from the compound tiles too: hover card and a click to the compound’s page', async () => {
    await b.page.goto(srv.url + '/public');
    await waitForMapIdle(b.page);
    expect(await b.page.evaluate(() => ((window as unknown as W).__map.getSource('src-compounds') as { type: string }).type)).toBe('vector');
    expect(await renderedCompounds(b.page)).toHaveLength(49);
    const target = await pointIn('FY-007');
    const box = (await b.page.locator('[data-testid=map] canvas').boundingBox())!;
    await b.page.mouse.move(box.x + target.x, box.y + target.y);
    await expect.poll(() => b.page.textContent('[data-testid=public-hover]')).toContain(target.name);
    await b.page.mouse.click(box.x + target.x, box.y + target.y);
    await b.page.waitForURL((u) => u.pathname === '/public/c/FY-007');
    await expect.poll(() => b.page.textContent('[data-testid=public-compound-name]')).toBe(target.name);
  });

  it('logged no console errors', () => {
    expect(b.errors).toEqual([]);
  });
});
