// Guards the planner's design-zone tools (#3) in the real app: box-select three neighbouring compounds, merge them,
// save, reload — the zone is there with its three members and a second browser saw it arrive live; draw a zone
// across two compounds — both become members. No console errors.
import { pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { bboxOf } from '../../src/lib/geo/bbox';
import { mergeAdjacent } from '../../src/lib/geo/merge-zones';
import { zoneMembers } from '../../src/lib/geo/zone-members';
import { waitForMapIdle, type Session, signIn } from '../helpers/browser';
import { useApp } from '../helpers/app';
import type { TestServer } from '../helpers/server';

let srv: TestServer;
let b: Session;
useApp((app) => ({ srv, b } = app));
let fc: FeatureCollection<Polygon | MultiPolygon, { id: string; name: string }>;

beforeAll(async () => {
  const rows = await srv.anon().collection('compounds').getFullList({ sort: 'code' });
  fc = { type: 'FeatureCollection', features: rows.map((r) => ({ type: 'Feature', properties: { id: r.id, name: r.name }, geometry: r.geometry })) };
});

async function frame(page: Page, bbox: number[]) {
  await page.evaluate((bb) => {
    const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
    map.fitBounds([[bb[0], bb[1]], [bb[2], bb[3]]], { padding: { top: 120, bottom: 120, left: 420, right: 120 }, duration: 0 });
  }, bbox);
  await waitForMapIdle(page);
}

async function toScreen(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  const p = await page.evaluate((ll) => (window as unknown as { __map: import('maplibre-gl').Map }).__map.project(ll), lngLat);
  const box = (await page.locator('[data-testid=map] canvas').boundingBox())!;
  return { x: box.x + p.x, y: box.y + p.y };
}

describe('design zones', () => {
  it('box-selects three neighbours, merges them, and the zone survives a reload and shows live elsewhere', async () => {
    // Three compounds that form one group at 15 m and whose box holds no other compound's inner point.
    const groups = mergeAdjacent(fc, { toleranceM: 15 }).features.filter((g) => g.properties.member_count === 3);
    const rep = fc.features.map((f) => ({ id: f.properties.id, p: pointOnFeature(f.geometry).geometry.coordinates }));
    const group = groups.find((g) => {
      const bb = bboxOf([g.geometry]);
      return rep.filter(({ p }) => p[0] >= bb[0] && p[0] <= bb[2] && p[1] >= bb[1] && p[1] <= bb[3]).length === 3;
    })!;
    expect(group).toBeDefined();
    const members = [...group.properties.members].sort();
    const bb = bboxOf([group.geometry]);

    await b.page.goto(srv.url + '/');
    await waitForMapIdle(b.page);
    await signIn(b.page, 'planner@demo.fenyang');

    // A second planner's browser, watching the zones list.
    const other = await b.newPage();
    await other.page.goto(srv.url + '/');
    await waitForMapIdle(other.page);
    await other.page.click('[data-testid=tab-zones]');
    await other.page.waitForSelector('[data-testid=zone-list]');
    expect(await other.page.locator('[data-testid=zone-item]').count()).toBe(0);

    await frame(b.page, bb);
    await b.page.click('[data-testid=tab-selection]');
    await b.page.click('[data-testid=tool-box]');
    const m = 0.00003; // ≈ 3 m outside the group's box
    const from = await toScreen(b.page, [bb[0] - m, bb[3] + m]);
    const to = await toScreen(b.page, [bb[2] + m, bb[1] - m]);
    await b.page.mouse.move(from.x, from.y);
    await b.page.mouse.down();
    await b.page.mouse.move(to.x, to.y, { steps: 8 });
    await b.page.mouse.up();
    await expect.poll(() => b.page.textContent('[data-testid=selection-count]')).toContain('已选 3 个小区');
    await waitForMapIdle(b.page);
    const outlined = await b.page.evaluate(() => {
      const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
      return [...new Set(map.queryRenderedFeatures({ layers: ['compounds-selected'] }).map((f) => String(f.id)))].sort();
    });
    expect(outlined).toEqual(members);

    await b.page.click('[data-testid=tab-zones]');
    await b.page.click('[data-testid=merge-preview]');
    await expect.poll(() => b.page.textContent('[data-testid=merge-summary]')).toContain('1 个组(1 个可合并)');
    await b.page.click('[data-testid=merge-accept]');
    await b.page.waitForSelector('[data-testid=zone-item]');

    // Live in the other browser, without reload.
    await other.page.waitForSelector('[data-testid=zone-item]');
    expect(other.errors).toEqual([]);
    await other.page.close();

    await b.page.reload();
    await waitForMapIdle(b.page);
    await b.page.click('[data-testid=tab-zones]');
    await b.page.waitForSelector('[data-testid=zone-item]');
    expect(await b.page.textContent('[data-testid=zone-item]')).toContain('3 个成员小区');
    const zones = await srv.admin.collection('design_zones').getFullList();
    expect(zones).toHaveLength(1);
    expect([...zones[0].members].sort()).toEqual(members);
    expect(zones[0].origin).toBe('merged');
    const onMap = await b.page.evaluate(() => (window as unknown as { __map: import('maplibre-gl').Map }).__map.querySourceFeatures('src-zones').length);
    expect(onMap).toBeGreaterThan(0);
  });

  it('draws a zone across two touching compounds and both become members', async () => {
    // Two compounds that share a wall, whose joint box takes in no third compound by half or more.
    const touching = mergeAdjacent(fc, { toleranceM: 0 }).features.filter((g) => g.properties.member_count === 2);
    let rect: Polygon | null = null;
    let expected: string[] = [];
    for (const g of touching) {
      const [x0, y0, x1, y1] = bboxOf([g.geometry]);
      const m = 0.00002;
      const r: Polygon = { type: 'Polygon', coordinates: [[[x0 - m, y0 - m], [x1 + m, y0 - m], [x1 + m, y1 + m], [x0 - m, y1 + m], [x0 - m, y0 - m]]] };
      const res = zoneMembers(r, fc, { minCoverShare: 0.5, idProperty: 'id' });
      if (res.members.length === 2 && [...res.members].sort().join() === [...g.properties.members].sort().join()) {
        rect = r;
        expected = [...res.members].sort();
        break;
      }
    }
    expect(rect).not.toBeNull();
    const names = expected.map((id) => fc.features.find((f: Feature) => f.properties!.id === id)!.properties.name);

    await frame(b.page, bboxOf([rect!]));
    await b.page.click('[data-testid=tab-zones]');
    await b.page.click('[data-testid=draw-start]');
    const ring = rect!.coordinates[0];
    for (const corner of ring.slice(0, 4)) {
      const p = await toScreen(b.page, corner as [number, number]);
      await b.page.mouse.click(p.x, p.y);
    }
    const first = await toScreen(b.page, ring[0] as [number, number]);
    await b.page.mouse.click(first.x, first.y);
    await b.page.waitForSelector('[data-testid=draw-members] .chip');
    const shown = await b.page.textContent('[data-testid=draw-members]');
    for (const n of names) expect(shown).toContain(n);
    expect(await b.page.textContent('[data-testid=draw-totals] [data-key=compounds]')).toBe('2');
    await b.page.fill('[data-testid=draw-name]', '手绘测试单元');
    await b.page.click('[data-testid=draw-save]');
    await expect.poll(async () => (await srv.admin.collection('design_zones').getFullList({ filter: 'origin = "drawn"' })).length).toBe(1);
    const z = await srv.admin.collection('design_zones').getFirstListItem('origin = "drawn"');
    expect([...z.members].sort()).toEqual(expected);
    expect(z.name).toBe('手绘测试单元');
  });

  it('finishes a box released over a map control (regression: the selection stayed stuck)', async () => {
    await b.page.evaluate(() => (window as unknown as { __map: import('maplibre-gl').Map }).__map.setZoom(13));
    await waitForMapIdle(b.page);
    await b.page.click('[data-testid=tab-selection]');
    if (await b.page.locator('[data-testid=select-clear]').count()) await b.page.click('[data-testid=select-clear]');
    await b.page.click('[data-testid=tool-box]');
    const canvas = (await b.page.locator('[data-testid=map] canvas').boundingBox())!;
    const zoomIn = (await b.page.locator('.maplibregl-ctrl-zoom-in').boundingBox())!;
    await b.page.mouse.move(canvas.x + 320, canvas.y + 20);
    await b.page.mouse.down();
    await b.page.mouse.move(zoomIn.x + zoomIn.width / 2, zoomIn.y + zoomIn.height / 2, { steps: 8 });
    await b.page.mouse.up();
    await expect.poll(() => b.page.textContent('[data-testid=selection-count]')).toMatch(/已选 \d+ 个小区/);
    // The dragged outline is gone once the map has re-tiled its source.
    await expect.poll(() => b.page.evaluate(() => (window as unknown as { __map: import('maplibre-gl').Map }).__map.querySourceFeatures('src-gesture').length)).toBe(0);
  });

  it('keeps zones live after signing out and in as another account (realtime re-subscribes)', async () => {
    await signIn(b.page, 'office@demo.fenyang'); // signs the planner out first
    await b.page.click('[data-testid=tab-zones]');
    await b.page.waitForSelector('[data-testid=zone-list]');
    const before = await b.page.locator('[data-testid=zone-item]').count();
    const c = fc.features[0];
    await srv.admin.collection('design_zones').create({
      name: '实时测试单元', geometry: c.geometry, members: [c.properties.id], origin: 'drawn', area_m2: 1, status: 'active',
    });
    await expect.poll(() => b.page.locator('[data-testid=zone-item]').count()).toBe(before + 1);
  });

  it('logged no console errors', () => {
    expect(b.errors).toEqual([]);
  });
});
