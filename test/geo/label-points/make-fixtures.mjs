// Fixture inputs for label-points. Run: node test/geo/label-points/make-fixtures.mjs
// Shapes are drawn in metres east/north of 111.78°E 37.26°N (the comments give each case's hand-computed answer).
import fs from 'node:fs';
import path from 'node:path';
const lon0 = 111.78, lat0 = 37.26;
const mLon = 111320 * Math.cos((lat0 * Math.PI) / 180);
const mLat = 110574;
const ll = ([x, y]) => [+(lon0 + x / mLon).toFixed(9), +(lat0 + y / mLat).toFixed(9)];
const close = (pts) => { const r = pts.map(ll); r.push(r[0].slice()); return r; };
const R = (x0, y0, x1, y1) => [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
const poly = (...rings) => ({ type: 'Polygon', coordinates: rings.map(close) });
const multi = (...polys) => ({ type: 'MultiPolygon', coordinates: polys.map((p) => p.map(close)) });
const feat = (id, props, geometry) => ({ type: 'Feature', id, properties: props, geometry });
const dir = path.join(import.meta.dirname, 'in');
const write = (name, features) => {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.geojson`),
    '{"type":"FeatureCollection","features":[\n' + features.map((f) => '  ' + JSON.stringify(f)).join(',\n') + '\n]}\n');
};
// 100 × 60 m: the pole is the centre (50, 30); area 6,000 m².
write('rectangle', [feat('r', { name: '矩形小区', code: 'T-1' }, poly(R(0, 0, 100, 60)))]);
// L: 0..100 × 0..30 plus 0..30 × 30..100 — the centroid (≈ 36, 36) lies outside, in the notch; the pole is in the
// wider leg, at least 15 m from every edge. Area 3,000 + 2,100 = 5,100 m².
write('l-shape', [feat('l', { name: 'L形小区' }, poly([[0, 0], [100, 0], [100, 30], [30, 30], [30, 100], [0, 100]]))]);
// 120 × 120 m with a 60 × 60 m courtyard in the middle: the centre is in the courtyard; the pole lies in the ring of
// buildings, 15 m from the outer and inner edges. Area 14,400 − 3,600 = 10,800 m².
write('courtyard', [feat('c', { name: '回字形' }, poly(R(0, 0, 120, 120), R(30, 30, 90, 90).reverse()))]);
// Two parts: 20 × 20 m (400 m²) and 80 × 50 m (4,000 m²): the label goes in the larger, at its centre (240, 25).
write('multipolygon-largest-part', [feat('m', { name: '两块' }, multi([R(0, 0, 20, 20)], [R(200, 0, 280, 50)]))]);
// A point stays where it is (area 0); a line and a feature without geometry get no label point.
write('points-lines-empty', [
  feat('p', { name: '设施点' }, { type: 'Point', coordinates: ll([10, 10]) }),
  feat('line', { name: '道路' }, { type: 'LineString', coordinates: [ll([0, 0]), ll([100, 0])] }),
  feat('none', { name: '无几何' }, null),
]);
