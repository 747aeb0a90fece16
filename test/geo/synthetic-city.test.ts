import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { syntheticCity } from '../../bench/synthetic-city';
import { clusterAdjacent } from '../../src/lib/geo/cluster-adjacent';

const digest = (o: unknown) => createHash('sha256').update(JSON.stringify(o)).digest('hex');

describe('syntheticCity', () => {
  it('is deterministic: same seed → same bytes, another seed → other bytes', () => {
    const a = syntheticCity({ compounds: 700, seed: 7 });
    const b = syntheticCity({ compounds: 700, seed: 7 });
    const c = syntheticCity({ compounds: 700, seed: 8 });
    expect(digest(a)).toBe(digest(b));
    expect(digest(a.compounds)).not.toBe(digest(c.compounds));
  });

  it('makes exactly the requested number of compounds, with unique ids, across towns', () => {
    const city = syntheticCity({ compounds: 1301, seed: 1 });
    expect(city.compounds.features).toHaveLength(1301);
    const ids = new Set(city.compounds.features.map((f) => f.properties.id));
    expect(ids.size).toBe(1301);
    expect(new Set(city.compounds.features.map((f) => f.properties.town)).size).toBe(3);
    expect(city.buildings.features.length).toBeGreaterThan(1301);
    expect(city.roads.features.every((r) => r.properties.width_m > 0)).toBe(true);
    expect(city.roads.features.some((r) => r.properties.kind === 'street' && r.properties.width_m >= 22)).toBe(true);
    expect(city.facilities.features.length).toBeGreaterThan(50);
    expect(syntheticCity({ compounds: 0 }).compounds.features).toHaveLength(0);
    expect(syntheticCity({ compounds: 30000 }).buildings.features).toHaveLength(0); // large: no buildings unless asked
  });

  it('mixes touching walls, lanes and streets: groups of several compounds, some singletons', () => {
    const city = syntheticCity({ compounds: 600, seed: 3, withBuildings: false });
    const kinds = new Set(city.compounds.features.map((f) => `${f.geometry.type}:${f.geometry.coordinates.length}`));
    expect(kinds).toContain('Polygon:1');
    expect(kinds).toContain('Polygon:2'); // courtyard
    expect(kinds).toContain('MultiPolygon:2');
    const at15 = clusterAdjacent(city.compounds, { toleranceM: 15 }).groups;
    const at0 = clusterAdjacent(city.compounds, { toleranceM: 0 }).groups;
    const maxGroup = Math.max(...at15.map((g) => g.length));
    expect(maxGroup).toBeGreaterThan(3);
    expect(maxGroup).toBeLessThanOrEqual(12); // streets (≥ 22 m) cut every superblock off
    expect(at15.length).toBeLessThan(600 / 3);
    expect(at0.length).toBeGreaterThan(at15.length); // lanes separate at 0 m
    expect(clusterAdjacent(city.compounds, { toleranceM: 50 }).groups.length).toBeLessThan(at15.length);
  });
});
