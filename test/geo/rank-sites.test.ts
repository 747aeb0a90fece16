// rankCandidates / greedySites, hand-computed (metres east/north of 111.785, 37.265; radius of
// elderly_station = 300 m from the catalogue):
//   compounds A 0..100 × 0..100 (100 hh)   B 400..500 × 0..100 (200 hh)   C 0..100 × 600..700 (50 hh)
//             D 1000..1100 × 0..100 (80 hh)   E 1000..1100 × 600..700 (300 hh)
//   existing elderly_station point (250, 50): A 150, B 150 → A, B covered (300 hh); a clinic at
//   (1050, 650) is of another type and must not count.
//   c0 point (250, 350): A, B, C corners at √(150² + 250²) = 291.5 → reaches A, B, C; new: C = 50
//   c1 polygon 1000..1100 × 300..400: D 200, E 200 → new 80 + 300 = 380
//   c2 point (1050, 500): E 100, D 400 → new 300
//   c3 point (720, 50): B 220 (already covered), D 280 → new 80
//   rank: c1 380, c2 300, c3 80, c0 50
//   greedy k = 3: c1 (+380: D, E) → then c2 and c3 add 0, c0 adds C (+50) → stop: [c1, c0];
//   cumulative 300 + 380 = 680, then 730.
import { describe, expect, it } from 'vitest';
import type { Feature, Geometry } from 'geojson';
import { localFrame } from '../../src/lib/geo/local-metric';
import { greedySites, rankCandidates, type CandidateFC } from '../../src/lib/geo/rank-sites';
import type { CompoundFC, FacilityFC } from '../../src/lib/geo/coverage';

const f = localFrame(111.785, 37.265);
const ll = (x: number, y: number) => f.toLonLat([x, y]);
const rect = (x0: number, y0: number, x1: number, y1: number): Geometry => ({
  type: 'Polygon',
  coordinates: [[ll(x0, y0), ll(x1, y0), ll(x1, y1), ll(x0, y1), ll(x0, y0)]],
});
const pt = (x: number, y: number): Geometry => ({ type: 'Point', coordinates: ll(x, y) });
const feat = (geometry: Geometry, properties: Record<string, unknown>): Feature => ({ type: 'Feature', properties, geometry });

const compounds = Object.freeze({
  type: 'FeatureCollection',
  features: [
    feat(rect(0, 0, 100, 100), { id: 'A', households: 100 }),
    feat(rect(400, 0, 500, 100), { id: 'B', households: 200 }),
    feat(rect(0, 600, 100, 700), { id: 'C', households: 50 }),
    feat(rect(1000, 0, 1100, 100), { id: 'D', households: 80 }),
    feat(rect(1000, 600, 1100, 700), { id: 'E', households: 300 }),
  ],
}) as CompoundFC;
const existing = {
  type: 'FeatureCollection',
  features: [feat(pt(250, 50), { type: 'elderly_station' }), feat(pt(1050, 650), { type: 'clinic' })],
} as FacilityFC;
const candidates = {
  type: 'FeatureCollection',
  features: [
    feat(pt(250, 350), { kind: 'idle_land', area_m2: 400, usable_width_m: 15 }),
    feat(rect(1000, 300, 1100, 400), { kind: 'idle_land', area_m2: 10000, usable_width_m: 100 }),
    feat(pt(1050, 500), { kind: 'idle_building', area_m2: 120, usable_width_m: 8, source_id: 'IB-2' }),
    feat(pt(720, 50), { kind: 'idle_land', area_m2: 900, usable_width_m: 20 }),
  ],
} as CandidateFC;

describe('rankCandidates', () => {
  it('orders by households newly covered', () => {
    const rows = rankCandidates(candidates, compounds, existing, 'elderly_station');
    expect(rows.map((r) => [r.index, r.newlyCoveredHouseholds])).toEqual([[1, 380], [2, 300], [3, 80], [0, 50]]);
    expect(rows[0].newlyCovered).toEqual(['D', 'E']);
    expect(rows[3].reached).toEqual(['A', 'B', 'C']);
    expect(rows[3].newlyCovered).toEqual(['C']);
    // elderly_station needs ≥ 200 m² and ≥ 10 m: the 120 m², 8 m idle building does not fit
    expect(rows[1]).toMatchObject({ index: 2, fits: false, source_id: 'IB-2', kind: 'idle_building' });
    expect(rows[0].fits).toBe(true);
  });
  it('a smaller radius reaches less', () => {
    const rows = rankCandidates(candidates, compounds, existing, 'elderly_station', undefined, { radiusM: 250 });
    // at 250 m: the existing station still covers A, B (150); c0's 291.5 m is out; c3's D at 280 is out
    expect(rows.find((r) => r.index === 0)!.newlyCoveredHouseholds).toBe(0);
    expect(rows.find((r) => r.index === 3)!.newlyCoveredHouseholds).toBe(0);
    expect(rows[0].newlyCoveredHouseholds).toBe(380);
  });
  it('rejects an unknown type', () => {
    expect(() => rankCandidates(candidates, compounds, existing, 'teleporter')).toThrow(RangeError);
  });
});

describe('greedySites', () => {
  it('counts only households not covered by earlier picks', () => {
    const picks = greedySites(candidates, compounds, existing, 'elderly_station', 3);
    expect(picks).toEqual([
      { index: 1, gainHouseholds: 380, newlyCovered: ['D', 'E'], cumulativeCoveredHouseholds: 680 },
      { index: 0, gainHouseholds: 50, newlyCovered: ['C'], cumulativeCoveredHouseholds: 730 },
    ]);
  });
  it('k = 1 takes the best; k = 0 takes none; onlyFitting skips the idle building', () => {
    expect(greedySites(candidates, compounds, existing, 'elderly_station', 1).map((p) => p.index)).toEqual([1]);
    expect(greedySites(candidates, compounds, existing, 'elderly_station', 0)).toEqual([]);
    const noC1 = { ...candidates, features: candidates.features.filter((_, i) => i !== 1) } as CandidateFC;
    // without c1: c2 (index 1 here, +300 E) would lead, but it does not fit → c3 (+80 D), then c0 (+50 C)
    expect(greedySites(noC1, compounds, existing, 'elderly_station', 3, { onlyFitting: true }).map((p) => p.gainHouseholds)).toEqual([80, 50]);
    expect(() => greedySites(candidates, compounds, existing, 'elderly_station', -1)).toThrow(RangeError);
  });
});
