// Fixture inputs for zone-members and validate-polygon. Run: node test/geo/zone-members/make-fixtures.mjs test/geo
import fs from 'node:fs';
const lon0 = 111.78, lat0 = 37.26;
const a = 6378137, e2 = 0.0066943799901413165, phi = lat0 * Math.PI / 180;
const w = 1 - e2 * Math.sin(phi) ** 2;
const mLon = a / Math.sqrt(w) * Math.cos(phi) * Math.PI / 180;
const mLat = a * (1 - e2) / (w * Math.sqrt(w)) * Math.PI / 180;
const ll = ([x, y]) => [+(lon0 + x / mLon).toFixed(9), +(lat0 + y / mLat).toFixed(9)];
const close = (pts) => { const r = pts.map(ll); r.push(r[0].slice()); return r; };
const open = (pts) => pts.map(ll);
const R = (x0, y0, x1, y1) => [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
const poly = (...rings) => ({ type: 'Polygon', coordinates: rings.map(close) });
const multi = (...polys) => ({ type: 'MultiPolygon', coordinates: polys.map((p) => p.map(close)) });
const feat = (props, geometry) => ({ type: 'Feature', properties: props, geometry });
const fc = (props, features) => ({ type: 'FeatureCollection', properties: props, features });
const write = (dir, name, obj) => {
  fs.mkdirSync(dir, { recursive: true });
  const text = obj.type === 'FeatureCollection'
    ? JSON.stringify({ type: obj.type, properties: obj.properties }).slice(0, -1) + ',"features":[\n' + obj.features.map((f) => '  ' + JSON.stringify(f)).join(',\n') + '\n]}\n'
    : JSON.stringify(obj) + '\n';
  fs.writeFileSync(`${dir}/${name}.geojson`, text);
};
const root = process.argv[2];
// ---- zone-members: first feature is the zone, the rest are compounds
const zm = `${root}/zone-members/in`;
const compoundsA = [
  feat({ id: 'A' }, poly(R(10, 10, 50, 50))),          // fully inside
  feat({ id: 'B' }, poly(R(80, 10, 130, 50))),         // x 80..130, zone to 110 → 60 %
  feat({ id: 'C' }, poly(R(0, 80, 100, 110))),         // y 80..110, zone to 89 → 30 %
  feat({ id: 'D' }, poly(R(120, 80, 160, 120))),       // in the zone's box, outside the L-shaped zone
  feat({ id: 'E' }, poly(R(400, 0, 440, 40))),         // far away
  feat({ id: 'F' }, poly(R(-40, 10, 0, 50))),          // shares the zone's west edge only: not partial
];
const lzone = poly([[0, 0], [110, 0], [110, 70], [170, 70], [170, 75], [110, 75], [110, 89], [0, 89]]);
write(zm, 'half-cover', fc({ minCoverShare: 0.5 }, [feat({ role: 'zone' }, lzone), ...compoundsA]));
write(zm, 'min-share-0.8', fc({ minCoverShare: 0.8 }, [feat({ role: 'zone' }, lzone), ...compoundsA]));
write(zm, 'exactly-half', fc({}, [
  feat({ role: 'zone' }, poly(R(0, 0, 50, 100))),
  feat({ id: 'H' }, poly(R(25, 0, 75, 40))),           // exactly half → member
  feat({ id: 'I' }, poly(R(30, 50, 80, 90))),          // 40 %
]));
write(zm, 'multipolygon-and-courtyard', fc({ idProperty: 'code' }, [
  feat({ role: 'zone' }, multi([R(0, 0, 60, 60)], [R(200, 0, 260, 60)], [R(420, 20, 480, 80)])),
  feat({ code: 'FY-001' }, poly(R(10, 10, 50, 50))),
  feat({ code: 'FY-002' }, poly(R(210, 10, 250, 50))),
  feat({ code: 'FY-003' }, multi([R(500, 0, 540, 40)], [R(20, 70, 60, 110)])),                  // no part covered
  // a compound with a 100×100 courtyard; the third zone part lies inside the courtyard: share 0
  feat({ code: 'FY-004' }, poly(R(400, 0, 520, 120), R(410, 10, 510, 110).reverse())),
  feat({ code: 'FY-005' }, multi([R(190, 70, 230, 110)], [R(230, 40, 270, 60)])),               // 800 of 2400 → 1/3
]));
// ---- validate-polygon
const vt = `${root}/validate-polygon/true`;
const vf = `${root}/validate-polygon/false`;
write(vt, 'square', feat({}, poly(R(0, 0, 100, 100))));
write(vt, 'concave-l', feat({}, poly([[0, 0], [60, 0], [60, 20], [20, 20], [20, 60], [0, 60]])));
write(vt, 'with-courtyard', feat({}, poly(R(0, 0, 100, 100), R(20, 20, 80, 80).reverse())));
write(vt, 'multipolygon', feat({}, multi([R(0, 0, 50, 50)], [R(60, 0, 100, 40)])));
write(vt, 'clockwise-exterior', feat({}, poly(R(0, 0, 30, 30).reverse())));
write(vt, 'repeated-vertex', feat({}, poly([[0, 0], [40, 0], [40, 0], [40, 40], [0, 40]])));
write(vt, 'one-square-metre', feat({}, poly(R(0, 0, 1.01, 1.01))));
write(vf, 'bowtie', feat({ expected_code: 'self_intersection', expected_at: ll([50, 50]) }, poly([[0, 0], [100, 100], [100, 0], [0, 100]])));
write(vf, 'figure-eight-loop', feat({ expected_code: 'self_intersection', expected_at: ll([60, 30]) },
  poly([[0, 0], [100, 0], [100, 60], [60, 60], [60, 0 + 30 - 30 + 10], [80, 10], [80, 30], [40, 30], [40, 60], [0, 60]])));
write(vf, 'unclosed', { type: 'Feature', properties: { expected_code: 'unclosed_ring' }, geometry: { type: 'Polygon', coordinates: [open(R(0, 0, 50, 50))] } });
write(vf, 'two-vertices', feat({ expected_code: 'too_few_vertices' }, poly([[0, 0], [50, 0], [50, 0]])));
write(vf, 'degenerate-line', feat({ expected_code: 'too_few_vertices' }, poly([[0, 0], [50, 0], [0, 0]])));
write(vf, 'tiny', feat({ expected_code: 'too_small' }, poly(R(0, 0, 0.8, 0.8))));
write(vf, 'zero-area-collinear', feat({ expected_code: 'self_intersection' }, poly([[0, 0], [50, 0], [100, 0]])));
write(vf, 'hole-crossing-exterior', feat({ expected_code: 'self_intersection', expected_at: ll([100, 60]) },
  poly(R(0, 0, 100, 100), R(60, 40, 140, 60).reverse())));
write(vf, 'spike', feat({ expected_code: 'self_intersection', expected_at: ll([100, 50]) },
  poly([[0, 0], [100, 0], [100, 50], [100, 20], [100, 100], [0, 100]])));
write(vf, 'line-string', feat({ expected_code: 'not_polygon' }, { type: 'LineString', coordinates: open(R(0, 0, 10, 10)) }));
write(vf, 'bad-coordinates', { type: 'Feature', properties: { expected_code: 'invalid_coordinates' }, geometry: { type: 'Polygon', coordinates: [[[111.78, 37.26], [111.79, 37.26], [null, 37.27], [111.78, 37.26]]] } });
