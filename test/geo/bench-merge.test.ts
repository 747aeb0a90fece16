// Keeps the benchmark path from rotting: runs it at 49 compounds, checks shapes and counts only.
import { describe, expect, it } from 'vitest';
import { formatMergeTable, runMergeBench } from '../../bench/merge';
import { clusterAdjacent } from '../../src/lib/geo/cluster-adjacent';
import { syntheticCity } from '../../bench/synthetic-city';

describe('runMergeBench', () => {
  it('produces one well-formed row per size, with the same groups as clusterAdjacent', async () => {
    const rows = await runMergeBench({ sizes: [49], runs: 1, warmup: 0, geos: false });
    expect(rows).toHaveLength(1);
    const [row] = rows;
    const expected = clusterAdjacent(syntheticCity({ compounds: 49, seed: 1, withBuildings: false }).compounds, { toleranceM: 15 });
    expect(row).toMatchObject({
      size: 49,
      toleranceM: 15,
      groups: expected.stats.groups,
      singletons: expected.stats.singletons,
      candidatePairs: expected.stats.candidatePairs,
      geosMs: null,
      geosGroups: null,
      ratioToGeos: null,
    });
    expect(row.validZones).toBe(row.groups); // every outline the merge makes is valid
    expect(row.groups).toBeGreaterThan(3);
    expect(row.groups).toBeLessThan(49);
    for (const k of ['clusterMs', 'mergeMs', 'turfUnionMs'] as const) expect(typeof row[k]).toBe('number');
    expect(row.file).toMatch(/^bench\/tmp\/compounds-49-seed1\.geojson$/);
    expect(formatMergeTable(rows).split('\n')).toHaveLength(2);
  });
});
