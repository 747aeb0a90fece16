// The idle-land / coverage benchmark path runs end to end at 49 compounds (shape only; timings are
// for `npm run bench`, never asserted here).
import { describe, expect, it } from 'vitest';
import { runIdleLandBench, runIdleLandNationalBench } from '../../bench/idle-land';

describe('runIdleLandBench', () => {
  it('returns one idle-land and one coverage row per size', async () => {
    const rows = await runIdleLandBench({ sizes: [49], runs: 1, warmup: 0, geos: false });
    expect(rows.map((r) => [r.task, r.size])).toEqual([['idle-land', 49], ['coverage', 49]]);
    for (const r of rows) {
      expect(r.compounds).toBe(49);
      expect(typeof r.ours_ms).toBe('number');
      expect(r.ours_ms).toBeGreaterThanOrEqual(0);
      expect(r.geos_ms).toBeNull();
      expect(r.geos_result).toBeNull();
    }
    const [idle, cov] = rows;
    expect(idle.buildings).toBeGreaterThan(0);
    expect(idle.ours_result).toBeGreaterThan(0); // pieces of idle land were found
    expect(idle.ours_area_m2).toBeGreaterThan(0);
    expect(cov.ours_result).toBeGreaterThan(0); // some (compound, type) pairs are covered
  });
});

describe('runIdleLandNationalBench', () => {
  it('scans every compound with progress and times a sample', async () => {
    const r = await runIdleLandNationalBench({ size: 60, geosSample: 20, geos: false });
    expect(r.size).toBe(60);
    expect(r.pieces).toBeGreaterThan(0);
    expect(r.skipped).toBe(0);
    expect(r.progressReports).toBe(60);
    expect(r.sampleSize).toBe(20);
    expect(r.geosSampleMs).toBeNull();
    expect(r.geosEstimatedMs).toBeNull();
  });
});
