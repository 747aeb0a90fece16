// Writes test/geo/coverage/in/*.geojson from shapes drawn in metres around (111.785, 37.265).
// Metres → lon/lat with WGS84 metres-per-degree at the centre; everything lies within ±1.2 km,
// where this differs from local-metric.ts by < 2 cm in relative positions (see coverage.test.ts).
// Run: node test/geo/coverage/make-fixtures.mjs
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
const poly = (...rings) => ({ type: 'Polygon', coordinates: rings });
const pt = (x, y) => ({ type: 'Point', coordinates: ll([x, y]) });
const feat = (geometry, properties) => ({ type: 'Feature', properties, geometry });
const dir = join(dirname(fileURLToPath(import.meta.url)), 'in');
const write = (name, fc) => writeFileSync(join(dir, name), JSON.stringify(fc, null, 1) + '\n');

// Four compounds (role compound) and four facilities (role facility); see coverage.test.ts for the
// hand computation of every distance.
const compounds = [
  feat(poly(rect(0, 0, 100, 100)), { role: 'compound', id: 'A', households: 100, township: 'T1', zone: 'Z1' }),
  feat(poly(rect(400, 0, 500, 100)), { role: 'compound', id: 'B', households: 200, township: 'T1', zone: 'Z1' }),
  // L-shaped compound: 0..100 × 600..700 plus 0..50 × 700..800 … drawn as one ring
  feat(poly(ring([[0, 600], [100, 600], [100, 700], [50, 700], [50, 800], [0, 800]])), { role: 'compound', id: 'C', households: 50, township: 'T2', zone: 'Z2' }),
  // compound with a courtyard hole 1050..1150 × 50..150
  feat(poly(rect(1000, 0, 1200, 200), rect(1050, 50, 1150, 150).reverse()), { role: 'compound', id: 'D', households: 80, township: 'T2' }),
];
const facilities = [
  feat(pt(250, 50), { role: 'facility', type: 'elderly_station', name: 'f0 point between A and B' }),
  feat(poly(rect(0, 1000, 100, 1050)), { role: 'facility', type: 'elderly_station', name: 'f1 polygon north of C' }),
  feat(pt(1100, 100), { role: 'facility', type: 'clinic', name: 'f2 point in D courtyard' }),
  feat(poly(rect(480, 40, 520, 60)), { role: 'facility', type: 'market', name: 'f3 polygon crossing B east edge' }),
];
write('four-compounds.geojson', { type: 'FeatureCollection', properties: {}, features: [...compounds, ...facilities] });
write('four-compounds-radius-override.geojson', {
  type: 'FeatureCollection',
  properties: { radiusM: { elderly_station: 199, clinic: 49, market: 500 }, types: ['elderly_station', 'clinic', 'market', 'kindergarten'] },
  features: [...compounds, ...facilities],
});
