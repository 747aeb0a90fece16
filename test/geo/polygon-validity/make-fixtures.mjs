// Fixtures for checkGeometry (the one polygon-validity rule): true/*.geojson are valid, false/*.geojson carry the
// expected code (and place) in properties. Metres near Fenyang → lon/lat by an equirectangular map (straight edges
// stay straight, so a vertex placed on an axis-parallel edge lies on it exactly).
// Run: node test/geo/polygon-validity/make-fixtures.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
const here = path.dirname(fileURLToPath(import.meta.url));
const lon0 = 111.78, lat0 = 37.26;
const a = 6378137, e2 = 0.0066943799901413165, phi = lat0 * Math.PI / 180;
const w = 1 - e2 * Math.sin(phi) ** 2;
const mLon = a / Math.sqrt(w) * Math.cos(phi) * Math.PI / 180;
const mLat = a * (1 - e2) / (w * Math.sqrt(w)) * Math.PI / 180;
const ll = ([x, y]) => [+(lon0 + x / mLon).toFixed(9), +(lat0 + y / mLat).toFixed(9)];
const ring = (pts) => { const r = pts.map(ll); r.push(r[0].slice()); return r; };
const R = (x0, y0, x1, y1) => [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
const cw = (pts) => pts.slice().reverse();
const poly = (...rings) => ({ type: 'Polygon', coordinates: rings.map(ring) });
const multi = (...polys) => ({ type: 'MultiPolygon', coordinates: polys.map((p) => p.map(ring)) });
const feat = (geometry, props = {}) => ({ type: 'Feature', properties: props, geometry });
const bad = (code, geometry, at) => feat(geometry, at ? { expected_code: code, expected_at: ll(at) } : { expected_code: code });

const valid = {
  square: feat(poly(R(0, 0, 40, 30))),
  'clockwise-exterior': feat(poly(cw(R(0, 0, 40, 30)))),
  'concave-l': feat(poly([[0, 0], [40, 0], [40, 15], [15, 15], [15, 40], [0, 40]])),
  'with-courtyard': feat(poly(R(0, 0, 60, 60), cw(R(20, 20, 40, 40)))),
  'repeated-vertex': feat({ type: 'Polygon', coordinates: [[ll([0, 0]), ll([40, 0]), ll([40, 0]), ll([40, 30]), ll([0, 30]), ll([0, 0])]] }),
  'collinear-vertices': feat(poly([[0, 0], [20, 0], [40, 0], [40, 30], [0, 30]])),
  'three-d-positions': feat({ type: 'Polygon', coordinates: [ring(R(0, 0, 40, 30)).map((p) => [...p, 812.5])] }),
  // a courtyard whose corner meets the outer wall: one touch point keeps the interior connected
  'hole-touching-shell-at-vertex': feat(poly(R(0, 0, 60, 60), cw([[0, 0], [20, 10], [10, 20]]))),
  // …or meets the middle of a wall (not a vertex of the shell)
  'hole-touching-shell-mid-edge': feat(poly(R(0, 0, 60, 60), cw([[30, 0], [40, 20], [20, 20]]))),
  'two-holes-touching': feat(poly(R(0, 0, 60, 60), cw(R(10, 10, 30, 30)), cw(R(30, 30, 50, 50)))),
  // shell – hole 1 – hole 2 touch in a chain that does not close: still one interior
  'hole-chain-open': feat(poly(R(0, 0, 60, 60), cw([[30, 0], [40, 20], [20, 20]]), cw([[30, 20], [40, 30], [30, 40], [20, 30]]))),
  'multipolygon-apart': feat(multi([R(0, 0, 30, 30)], [R(50, 0, 80, 30)])),
  'parts-touching-at-point': feat(multi([R(0, 0, 30, 30)], [R(30, 30, 60, 60)])),
  // a U and a lid that meet its two tips: two parts touching at two points (the courtyard between is outside both)
  'parts-touching-twice': feat(multi([[[0, 0], [30, 0], [30, 30], [20, 30], [20, 10], [10, 10], [10, 30], [0, 30]]], [R(10, 30, 20, 40)])),
  'island-in-courtyard': feat(multi([R(0, 0, 60, 60), cw(R(10, 10, 50, 50))], [R(20, 20, 40, 40)])),
  'island-touching-courtyard': feat(multi([R(0, 0, 60, 60), cw(R(10, 10, 50, 50))], [R(10, 20, 30, 40)].map((r) => r))),
};
// the island above shares a segment with the courtyard wall: make it touch at one point instead
valid['island-touching-courtyard'] = feat(multi([R(0, 0, 60, 60), cw(R(10, 10, 50, 50))], [[[10, 30], [30, 20], [40, 30], [30, 40]]]));

const invalid = {
  bowtie: bad('self_intersection', poly([[0, 0], [40, 40], [40, 0], [0, 40]]), [20, 20]),
  spike: bad('self_intersection', poly([[0, 0], [40, 0], [40, 30], [55, 30], [40, 30], [0, 30]]), [55, 30]),
  // the courtyard drawn as part of the outer ring, which then passes its corner twice (ESRI style)
  'inverted-courtyard': bad('ring_self_touch', poly([[0, 0], [30, 0], [30, 30], [30, 40], [10, 40], [10, 30], [20, 30], [20, 10], [10, 10], [10, 30], [0, 30]]), [10, 30]),
  'figure-eight': bad('ring_self_touch', poly([[0, 0], [20, 0], [20, 20], [40, 20], [40, 40], [20, 40], [20, 20], [0, 20]]), [20, 20]),
  'hole-crossing-shell': bad('rings_cross', poly(R(0, 0, 40, 40), cw(R(30, 10, 50, 30)))),
  'hole-touching-shell-twice': bad('interior_disconnected', poly(R(0, 0, 40, 40), cw([[20, 0], [30, 20], [20, 40], [10, 20]]))),
  'holes-chain-closing': bad('interior_disconnected', poly(R(0, 0, 60, 60), cw([[0, 30], [15, 20], [30, 30], [15, 40]]), cw([[30, 30], [45, 20], [60, 30], [45, 40]]))),
  'hole-outside': bad('hole_outside', poly(R(0, 0, 40, 40), cw(R(60, 0, 80, 20)))),
  'hole-outside-touching': bad('hole_outside', poly(R(0, 0, 40, 40), cw([[40, 20], [60, 10], [60, 30]]))),
  'holes-nested': bad('holes_nested', poly(R(0, 0, 60, 60), cw(R(10, 10, 50, 50)), cw(R(20, 20, 40, 40)))),
  'hole-sharing-wall': bad('shared_boundary', poly(R(0, 0, 40, 40), cw(R(0, 10, 20, 30)))),
  'parts-overlapping': bad('parts_overlap', multi([R(0, 0, 40, 40)], [R(20, 20, 60, 60)])),
  'part-inside-part': bad('parts_overlap', multi([R(0, 0, 40, 40)], [R(10, 10, 20, 20)]), [10, 10]),
  'parts-sharing-wall': bad('shared_boundary', multi([R(0, 0, 40, 40)], [R(40, 0, 80, 40)])),
  unclosed: bad('ring_not_closed', { type: 'Polygon', coordinates: [[ll([0, 0]), ll([40, 0]), ll([40, 30]), ll([0, 30])]] }),
  'two-vertices': bad('ring_too_short', { type: 'Polygon', coordinates: [[ll([0, 0]), ll([40, 0]), ll([0, 0])]] }),
  'zero-area-collinear': bad('ring_degenerate', poly([[0, 0], [20, 0], [40, 0]])),
  'bad-coordinates': bad('bad_position', { type: 'Polygon', coordinates: [[ll([0, 0]), ll([40, 0]), [null, 37.27], ll([0, 0])]] }),
  'out-of-range': bad('out_of_range', { type: 'Polygon', coordinates: [[[111.78, 37.26], [191.78, 37.26], [111.79, 37.27], [111.78, 37.26]]] }),
  'line-string': bad('wrong_type', { type: 'LineString', coordinates: [ll([0, 0]), ll([40, 0])] }),
  empty: bad('empty', { type: 'Polygon', coordinates: [] }),
};

for (const [dir, cases] of [['true', valid], ['false', invalid]]) {
  fs.mkdirSync(path.join(here, dir), { recursive: true });
  for (const [name, f] of Object.entries(cases)) fs.writeFileSync(path.join(here, dir, `${name}.geojson`), JSON.stringify(f) + '\n');
}
