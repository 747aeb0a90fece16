// Keeps the rest of `npm run bench` from rotting (bench/suite.ts): machine facts, validation, record bodies that the
// real server accepts, the API path (batch load, one-request layer vs paged listing) and demo seeding, all at 49
// compounds with one run. Shapes and counts only: timings are never asserted here.
import { describe, expect, it } from 'vitest';
import {
  boundsOf, buildingBodies, compoundBodies, formatTable, machineFacts, median, runApiBench, runSeedBench, runValidateBench,
} from '../../bench/suite';
import { syntheticCity } from '../../bench/synthetic-city';
import { STAGES } from '../../src/lib/types';

describe('bench suite helpers', () => {
  it('reports the machine and the GEOS versions (or nulls) it ran with', () => {
    const m = machineFacts();
    expect(m.node).toBe(process.version);
    expect(m.cores).toBeGreaterThan(0);
    expect(m.memoryGB).toBeGreaterThan(0);
    expect(Number.isNaN(Date.parse(m.date))).toBe(false);
    expect(m.shapely === null || /^\d+\.\d+/.test(m.shapely)).toBe(true);
    expect((m.shapely === null) === (m.geos === null)).toBe(true);
  });

  it('median, bounds and table formatting', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const city = syntheticCity({ compounds: 49, seed: 1, withBuildings: false });
    const [w, s, e, n] = boundsOf(city.compounds, 0);
    expect(w).toBeLessThan(e);
    expect(s).toBeLessThan(n);
    expect(w).toBeGreaterThan(111.6);
    expect(n).toBeLessThan(37.4);
    expect(formatTable(['a', 'bb'], [['1', '22'], ['333', '4']]).split('\n')).toEqual(['  a  bb', '  1  22', '333   4']);
  });

  it('builds valid record bodies: unique codes, township relations from the given ids, all stages, is_demo', () => {
    const city = syntheticCity({ compounds: 49, seed: 1, withBuildings: true });
    const bodies = compoundBodies(city, ['t1', 't2']);
    expect(bodies).toHaveLength(49);
    expect(new Set(bodies.map((b) => b.code)).size).toBe(49);
    expect(new Set(bodies.map((b) => b.id)).size).toBe(49);
    expect(bodies.every((b) => b.is_demo === true && (b.township === 't1' || b.township === 't2'))).toBe(true);
    expect(new Set(bodies.map((b) => b.stage))).toEqual(new Set(STAGES));
    const ids = new Set(bodies.map((b) => b.id));
    const bl = buildingBodies(city);
    expect(bl.length).toBe(city.buildings.features.length);
    expect(bl.every((b) => ids.has(b.compound as string))).toBe(true);
  });

  it('times validation over the synthetic compounds, which are all valid', async () => {
    const [row] = await runValidateBench({ sizes: [49], runs: 1, warmup: 0 });
    expect(row).toMatchObject({ size: 49, errors: 0, warnings: 0 });
    expect(typeof row.ms).toBe('number');
  });
});

describe('bench against a real PocketBase', () => {
  it('loads 49 synthetic compounds and buildings, and fetches the layer in one request and by pages', async () => {
    const [row] = await runApiBench({ sizes: [49], runs: 1 });
    expect(row.size).toBe(49);
    expect(row.buildings).toBe(syntheticCity({ compounds: 49, seed: 1 }).buildings.features.length);
    expect(row.pagedRequests).toBe(1);
    expect(row.layerMB).toBeGreaterThan(0);
    for (const k of ['loadCompoundsMs', 'loadBuildingsMs', 'layerColdMs', 'layerWarmMs', 'pagedMs', 'buildingsLayerMs'] as const) {
      expect(typeof row[k]).toBe('number');
    }
  }, 120_000);

  it('seeds the 49-compound demo on a fresh server', async () => {
    const row = await runSeedBench();
    expect(row.compounds).toBe(49);
    expect(typeof row.demoSeedMs).toBe('number');
  }, 180_000);
});
