// Writes test/geo/idle-land/in/*.geojson from shapes drawn in metres around (111.785, 37.265).
// Metres → lon/lat with WGS84 metres-per-degree at the centre (fixtures span < 200 m, where this
// matches local-metric.ts to well under a millimetre). Run: node test/geo/idle-land/make-fixtures.mjs
// Feature roles: 'area' (one), 'building', 'road' (width_m), 'facility', 'idle_building';
// options in the collection's properties.
import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const LON0 = 111.785, LAT0 = 37.265;
const A = 6378137, E2 = 0.0066943799901413165, DEG = Math.PI / 180;
const s = Math.sin(LAT0 * DEG);
const N = A / Math.sqrt(1 - E2 * s * s);
const M = (A * (1 - E2)) / Math.pow(1 - E2 * s * s, 1.5);
const mLon = N * Math.cos(LAT0 * DEG) * DEG, mLat = M * DEG;
const ll = ([x, y]) => [+(LON0 + x / mLon).toFixed(9), +(LAT0 + y / mLat).toFixed(9)];
const ring = (pts) => [...pts, pts[0]].map(ll);
const rect = (x0, y0, x1, y1) => ring([[x0, y0], [x1, y0], [x1, y1], [x0, y1]]);
const hole = (x0, y0, x1, y1) => ring([[x0, y0], [x0, y1], [x1, y1], [x1, y0]]);
const poly = (...rings) => ({ type: 'Polygon', coordinates: rings });
const line = (...pts) => ({ type: 'LineString', coordinates: pts.map(ll) });
const pt = (x, y) => ({ type: 'Point', coordinates: ll([x, y]) });
const feat = (geometry, properties) => ({ type: 'Feature', properties, geometry });
const dir = join(dirname(fileURLToPath(import.meta.url)), 'in');
const write = (name, properties, features) =>
  writeFileSync(join(dir, name), JSON.stringify({ type: 'FeatureCollection', properties, features }, null, 1) + '\n');

// L-shaped courtyard: arms 0..100 × 0..40 and 0..40 × 40..100; a slab along each arm.
write('l-shaped-courtyard.geojson', { setbackM: 6, minWidthM: 10, minAreaM2: 100 }, [
  feat(poly(ring([[0, 0], [100, 0], [100, 40], [40, 40], [40, 100], [0, 100]])), { role: 'area' }),
  feat(poly(rect(10, 5, 90, 17)), { role: 'building' }),
  feat(poly(rect(5, 50, 17, 95)), { role: 'building' }),
]);

// A slab fills a 100 × 40 compound but for 6 m strips (long sides) and 4 m strips (short sides).
const slab = [
  feat(poly(rect(0, 0, 100, 40)), { role: 'area' }),
  feat(poly(rect(10, 12, 90, 28)), { role: 'building' }),
];
write('thin-strips-rejected.geojson', { setbackM: 6, minWidthM: 9, minAreaM2: 50 }, slab);
write('thin-strips-kept.geojson', { setbackM: 6, minWidthM: 5, minAreaM2: 50 }, slab);

// Area with a hole (40..80 × 40..80 belongs to someone else) and a point facility at (20, 100)
// whose 10 m disc punches a hole into the remaining ring of land.
write('holes.geojson', { setbackM: 6, minWidthM: 10, minAreaM2: 100 }, [
  feat(poly(rect(0, 0, 120, 120), hole(40, 40, 80, 80)), { role: 'area' }),
  feat(pt(20, 100), { role: 'facility', type: 'sports' }),
]);

// Buildings touching the boundary (corner and edge) and an idle boiler room inside.
write('buildings-touching-boundary.geojson', { setbackM: 6, minWidthM: 8, minAreaM2: 100 }, [
  feat(poly(rect(0, 0, 80, 60)), { role: 'area' }),
  feat(poly(rect(0, 0, 30, 20)), { role: 'building' }),
  feat(poly(rect(50, 48, 80, 60)), { role: 'building' }),
  feat(poly(rect(60, 20, 70, 30)), { role: 'idle_building', id: 'IB-1', subtype: 'boiler_room', name: '闲置锅炉房' }),
]);

// A road (8 m wide → 4 m half width) cuts the compound in two 100 × 46 halves; a second road
// runs outside (y = 200) and must not touch the area.
write('road-cutting.geojson', { setbackM: 6, minWidthM: 10, minAreaM2: 100 }, [
  feat(poly(rect(0, 0, 100, 100)), { role: 'area' }),
  feat(line([-10, 50], [110, 50]), { role: 'road', width_m: 8 }),
  feat(line([-10, 200], [110, 200]), { role: 'road', width_m: 8 }),
]);

// Margin: a bare 50 × 50 area grown by 10 m → 70 × 70 with rounded corners.
write('margin.geojson', { setbackM: 6, minWidthM: 5, minAreaM2: 100, marginM: 10 }, [
  feat(poly(rect(0, 0, 50, 50)), { role: 'area' }),
]);
