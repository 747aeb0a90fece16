// onProgress of clusterAdjacent / mergeAdjacent: rises monotonically from 0 to 1 with a label, a few dozen calls
// (not one per feature), and does not change the result.
import { describe, expect, it } from 'vitest';
import { clusterAdjacent } from '../../src/lib/geo/cluster-adjacent';
import { mergeAdjacent } from '../../src/lib/geo/merge-zones';
import { syntheticCity } from '../../bench/synthetic-city';

const fc = syntheticCity({ compounds: 600, seed: 3, withBuildings: false }).compounds;

function record() {
  const calls: [number, string][] = [];
  return { calls, onProgress: (f: number, label: string) => calls.push([f, label]) };
}

describe('onProgress', () => {
  it('mergeAdjacent reports grouping then merging, monotonic, ending at 1, same result', () => {
    const p = record();
    const withProgress = mergeAdjacent(fc, { toleranceM: 15, onProgress: p.onProgress });
    expect(withProgress).toEqual(mergeAdjacent(fc, { toleranceM: 15 }));
    const fr = p.calls.map(([f]) => f);
    expect(fr.length).toBeGreaterThan(10);
    expect(fr.length).toBeLessThan(150);
    for (let i = 1; i < fr.length; i++) expect(fr[i]).toBeGreaterThanOrEqual(fr[i - 1]);
    expect(fr[0]).toBeGreaterThanOrEqual(0);
    expect(fr.at(-1)).toBe(1);
    const labels = [...new Set(p.calls.map(([, l]) => l))];
    expect(labels).toEqual(['grouping', 'merging']);
    // grouping occupies the first 30 %
    expect(Math.max(...p.calls.filter(([, l]) => l === 'grouping').map(([f]) => f))).toBeCloseTo(0.3, 5);
  });

  it('clusterAdjacent reports 0–1 under its own label', () => {
    const p = record();
    const r = clusterAdjacent(fc, { toleranceM: 15, onProgress: p.onProgress });
    expect(r.groups).toEqual(clusterAdjacent(fc, { toleranceM: 15 }).groups);
    expect(p.calls.at(-1)).toEqual([1, 'grouping']);
    expect(p.calls.length).toBeLessThan(60);
  });
});
