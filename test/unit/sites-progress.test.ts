// findIdleLand's optional progress callback (#4, drives the finder's progress bar in the worker): reported steps rise
// from 0 to 1 in order, and the result is the same with or without the callback.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { findIdleLand, type IdleLandStep } from '../../src/lib/geo/idle-land';

const fc = JSON.parse(readFileSync(join(__dirname, '../geo/idle-land/in/l-shaped-courtyard.geojson'), 'utf8')) as FeatureCollection;
const by = (role: string) => ({ type: 'FeatureCollection', features: fc.features.filter((f) => f.properties?.role === role) }) as FeatureCollection<never>;
const input = {
  area: fc.features.find((f) => f.properties?.role === 'area')!.geometry as Polygon,
  buildings: by('building'), roads: by('road'), facilities: by('facility'), idleBuildings: by('idle_building'),
};

describe('findIdleLand onProgress', () => {
  it('reports rising fractions through the steps and ends at 1', () => {
    const calls: [number, IdleLandStep][] = [];
    const withProgress = findIdleLand(input, { minWidthM: 5, minAreaM2: 20, onProgress: (f, s) => calls.push([f, s]) });
    expect(calls.length).toBeGreaterThanOrEqual(5);
    expect(calls[0]).toEqual([0, 'obstacles']);
    expect(calls.at(-1)).toEqual([1, 'done']);
    for (let i = 1; i < calls.length; i++) expect(calls[i][0]).toBeGreaterThanOrEqual(calls[i - 1][0]);
    const order = ['obstacles', 'free', 'width', 'measure', 'done'];
    expect([...new Set(calls.map((c) => c[1]))]).toEqual(order);
    expect(withProgress).toEqual(findIdleLand(input, { minWidthM: 5, minAreaM2: 20 }));
  });
});
