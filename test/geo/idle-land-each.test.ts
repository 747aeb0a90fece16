// findIdleLandEach: the programme-wide scan gives, compound by compound, exactly what the site finder's findIdleLand
// gives for that compound; it reports progress as it goes and names the compounds it cannot read instead of dropping them.
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { syntheticCity } from '../../bench/synthetic-city';
import { findIdleLand } from '../../src/lib/geo/idle-land';
import { findIdleLandEach } from '../../src/lib/geo/idle-land-each';

const OPTS = { setbackM: 6, minWidthM: 10, minAreaM2: 100 };

describe('findIdleLandEach', () => {
  const city = syntheticCity({ compounds: 49, seed: 1, withBuildings: true });
  const input = { buildings: city.buildings, roads: city.roads, facilities: city.facilities };

  it('matches findIdleLand compound by compound, with progress up to 1', () => {
    const seen: number[] = [];
    const scan = findIdleLandEach(city.compounds, input, OPTS, (f) => seen.push(f));
    expect(scan.rows).toHaveLength(49);
    expect(scan.skipped).toEqual([]);
    for (const [i, f] of city.compounds.features.entries()) {
      const one = findIdleLand({ ...input, area: f.geometry }, OPTS);
      expect(scan.rows[i].pieces).toBe(one.stats.idleLandPieces);
      expect(scan.rows[i].candidateM2).toBeCloseTo(one.stats.candidateM2, 0);
    }
    expect(scan.pieces).toBe(scan.rows.reduce((s, r) => s + r.pieces, 0));
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.at(-1)).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('names a compound it cannot read and goes on', () => {
    const broken = { type: 'Feature' as const, properties: { id: 'empty-one' }, geometry: { type: 'Polygon' as const, coordinates: [] } };
    const fc: FeatureCollection<Polygon | MultiPolygon> = { type: 'FeatureCollection', features: [broken, ...city.compounds.features.slice(0, 3)] };
    const scan = findIdleLandEach(fc, input, OPTS);
    expect(scan.skipped).toEqual([{ id: 'empty-one', code: 'empty_area' }]);
    expect(scan.rows).toHaveLength(3);
  });

  it('refuses a bad option at once rather than skipping every compound', () => {
    expect(() => findIdleLandEach(city.compounds, input, { ...OPTS, setbackM: 99 })).toThrow(/option_out_of_range/);
  });
});
