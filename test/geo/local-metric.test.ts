import { describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import { frameFor, localFrame } from '../../src/lib/geo/local-metric';

// Reference: a transverse Mercator with k0 = 1 centred on the same point (its scale error is
// < 4e-5 within 50 km of the central meridian), from proj4.
const lon0 = 111.785;
const lat0 = 37.265;
const tm = proj4('WGS84', `+proj=tmerc +lat_0=${lat0} +lon_0=${lon0} +k=1 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs`);
const f = localFrame(lon0, lat0);
const dist = (a: number[], b: number[]) => Math.hypot(a[0] - b[0], a[1] - b[1]);

describe('localFrame', () => {
  it('maps the centre to the origin and round-trips points within 100 km', () => {
    expect(f.toXY([lon0, lat0])).toEqual([0, 0]);
    for (const [dx, dy] of [[0.01, 0.02], [-0.6, 0.45], [1.1, -0.9], [-0.003, -0.7]]) {
      const p: [number, number] = [lon0 + dx, lat0 + dy];
      const q = f.toLonLat(f.toXY(p));
      expect(Math.abs(q[0] - p[0])).toBeLessThan(1e-9);
      expect(Math.abs(q[1] - p[1])).toBeLessThan(1e-9);
    }
  });

  it('gives distances within 0.1 % of a transverse Mercator reference out to 50 km', () => {
    // segments of 200 m to 2 km in all directions, at points up to ~50 km away from the centre
    const centres = [[0, 0], [0.55, 0], [-0.55, 0], [0, 0.44], [0, -0.44], [0.4, 0.32], [-0.4, -0.32], [0.4, -0.32]];
    let worst = 0;
    for (const [cx, cy] of centres) {
      for (let k = 0; k < 8; k++) {
        const ang = (k * Math.PI) / 4;
        const a = [lon0 + cx, lat0 + cy];
        const b = [a[0] + 0.02 * Math.cos(ang), a[1] + 0.015 * Math.sin(ang)];
        const ours = dist(f.toXY(a), f.toXY(b));
        const ref = dist(tm.forward(a), tm.forward(b));
        worst = Math.max(worst, Math.abs(ours / ref - 1));
      }
    }
    expect(worst).toBeLessThan(1e-3);
    expect(worst).toBeGreaterThan(0); // sanity: the two are different projections
  });

  it('knows the metres in a degree at Fenyang', () => {
    // reference: metres per degree measured on the transverse Mercator over ±0.0005°
    const refLat = dist(tm.forward([lon0, lat0 - 5e-4]), tm.forward([lon0, lat0 + 5e-4])) * 1000;
    const refLon = dist(tm.forward([lon0 - 5e-4, lat0]), tm.forward([lon0 + 5e-4, lat0])) * 1000;
    expect(Math.abs(f.mPerDegLat / refLat - 1)).toBeLessThan(1e-6);
    expect(Math.abs(f.mPerDegLon / refLon - 1)).toBeLessThan(1e-6);
    expect(f.mPerDegLat).toBeGreaterThan(110_900); // ~110.99 km at 37.3°N
    expect(f.mPerDegLat).toBeLessThan(111_100);
    const [x, y] = f.toXY([lon0 + 0.01, lat0]);
    expect(x).toBeCloseTo(f.mPerDegLon / 100, 6);
    expect(y).toBeGreaterThan(0); // the parallel curves north of the chord
  });

  it('frameFor centres on the bbox', () => {
    const g = frameFor([111.77, 37.25, 111.8, 37.28]);
    expect(g.lon0).toBeCloseTo(111.785, 12);
    expect(g.lat0).toBeCloseTo(37.265, 12);
  });
});
