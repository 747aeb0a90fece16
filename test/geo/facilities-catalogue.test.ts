// data/facilities.json: the keys the issue requires, sane figures, radii matching their life circle.
import { describe, expect, it } from 'vitest';
import catalogue from '../../data/facilities.json';

const REQUIRED = [
  'elderly_station', 'kindergarten', 'nursery', 'clinic', 'market', 'convenience_shop', 'community_service',
  'express_locker', 'parking', 'charging', 'fire_station', 'sports', 'property_room', 'public_space',
];

describe('facility catalogue', () => {
  it('cites its sources', () => {
    expect(catalogue.source.length).toBeGreaterThanOrEqual(3);
    expect(catalogue.source.join()).toContain('GB 50180-2018');
    expect(catalogue.source.join()).toContain('完整居住社区');
  });
  it('has every required type once', () => {
    const keys = catalogue.types.map((t) => t.key);
    for (const k of REQUIRED) expect(keys).toContain(k);
    expect(new Set(keys).size).toBe(keys.length);
  });
  it('has complete rows with sensible figures', () => {
    for (const t of catalogue.types) {
      expect(['basic', 'improvement', 'enhancement']).toContain(t.class);
      expect(['block', '5min', '10min', '15min']).toContain(t.life_circle);
      expect(t.radius_m).toBeGreaterThan(0);
      expect(t.radius_m).toBeLessThanOrEqual(1000);
      expect(t.min_width_m).toBeGreaterThanOrEqual(1);
      expect(t.min_width_m).toBeLessThanOrEqual(100);
      // a site at least as wide as required must fit in its minimum area (a square of side min_width)
      expect(t.min_area_m2).toBeGreaterThanOrEqual(t.min_width_m * t.min_width_m * 0.5);
      expect(t.typical_footprint_m2).toBeGreaterThanOrEqual(t.min_area_m2 * 0.5);
      expect(t.name_zh.length).toBeGreaterThan(1);
      expect(t.notes.length).toBeGreaterThan(20);
    }
  });
  it('uses the GB 50180-2018 life-circle radii where the issue fixes them', () => {
    const byKey = Object.fromEntries(catalogue.types.map((t) => [t.key, t]));
    expect(byKey.elderly_station.radius_m).toBe(300);
    expect(byKey.kindergarten.radius_m).toBe(300);
    expect(byKey.market.radius_m).toBe(500);
    for (const t of catalogue.types) {
      if (t.life_circle === '5min') expect(t.radius_m).toBe(300);
      if (t.life_circle === '10min') expect(t.radius_m).toBe(500);
    }
  });
});
