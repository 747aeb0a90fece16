// Fixture inputs for cluster-adjacent and merge-zones (metres → lon/lat near Fenyang).
// Run: node test/geo/merge-zones/make-fixtures.mjs test/geo/cluster-adjacent/in test/geo/merge-zones/in
import fs from 'node:fs';
const lon0 = 111.78, lat0 = 37.26;
const a = 6378137, e2 = 0.0066943799901413165, phi = lat0 * Math.PI / 180;
const w = 1 - e2 * Math.sin(phi) ** 2;
const mLon = a / Math.sqrt(w) * Math.cos(phi) * Math.PI / 180;
const mLat = a * (1 - e2) / (w * Math.sqrt(w)) * Math.PI / 180;
const ll = ([x, y]) => [+(lon0 + x / mLon).toFixed(9), +(lat0 + y / mLat).toFixed(9)];
const close = (pts) => { const r = pts.map(ll); r.push(r[0].slice()); return r; };
const R = (x0, y0, x1, y1) => [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
const c30 = Math.cos(Math.PI / 6), s30 = Math.sin(Math.PI / 6);
const rot30 = (pts) => pts.map(([x, y]) => [x * c30 - y * s30, x * s30 + y * c30]);
const poly = (...rings) => ({ type: 'Polygon', coordinates: rings.map(close) });
const multi = (...polys) => ({ type: 'MultiPolygon', coordinates: polys.map((p) => p.map(close)) });
const feat = (id, geometry, extra = {}) => ({ type: 'Feature', properties: { id, name: `小区${id}`, ...extra }, geometry });
const fc = (props, features) => ({ type: 'FeatureCollection', properties: props, features });

const cases = {
  'touching-walls': fc({ toleranceM: 15 }, [
    feat('A', poly(R(0, 0, 50, 40))), feat('B', poly(R(50, 0, 100, 40))), feat('C', poly(R(130, 0, 170, 40))),
  ]),
  'gap-5m': fc({ toleranceM: 15 }, [feat('A', poly(R(0, 0, 50, 40))), feat('B', poly(R(55, 0, 105, 40)))]),
  'gap-30m': fc({ toleranceM: 15 }, [feat('A', poly(R(0, 0, 50, 40))), feat('B', poly(R(80, 0, 130, 40)))]),
  'chain': fc({ toleranceM: 15 }, [
    feat('A', poly(R(0, 0, 20, 20))), feat('B', poly(R(25, 0, 50, 20))), feat('C', poly(R(60, 0, 80, 20))),
  ]),
  // two interlocking L's 8 m apart, and a third L whose box overlaps the second's but lies 25 m away
  'l-shapes': fc({ toleranceM: 15 }, [
    feat('L1', poly([[0, 0], [60, 0], [60, 20], [20, 20], [20, 60], [0, 60]])),
    feat('L2', poly([[28, 28], [80, 28], [80, 80], [68, 80], [68, 40], [28, 40]])),
    feat('L3', poly([[95, 0], [150, 0], [150, 110], [60, 110], [60, 100], [135, 100], [135, 15], [95, 15]])),
  ]),
  // a compound with a 60×60 m courtyard; one small compound sits in the courtyard 20 m from every wall,
  // another 5 m from a wall
  'courtyard': fc({ toleranceM: 15 }, [
    feat('Y', poly(R(0, 0, 100, 100), R(20, 20, 80, 80).reverse())),
    feat('Y1', poly(R(40, 40, 60, 60))),
    feat('Y2', poly(R(150, 0, 190, 40))),
    feat('Y3', poly(R(112, 0, 140, 30))),
  ]),
  'courtyard-inner': fc({ toleranceM: 15 }, [
    feat('Y', poly(R(0, 0, 100, 100), R(20, 20, 80, 80).reverse())),
    feat('Y1', poly(R(40, 40, 60, 60))),
    feat('Y4', poly(R(25, 62, 45, 75))),
  ]),
  'multipolygon-member': fc({ toleranceM: 15 }, [
    feat('M', multi([R(0, 0, 40, 40)], [R(200, 0, 240, 40)])),
    feat('A', poly(R(43, 0, 80, 30))),
    feat('B', poly(R(240, 10, 270, 40))),
    feat('C', poly(R(120, 0, 150, 30))),
  ]),
  // a row sharing walls; the middle compound's wall has extra vertices on the neighbours' edges
  // (T-junctions), and the neighbours' walls are split into different pieces
  'collinear-shared-edges': fc({ toleranceM: 15 }, [
    feat('P', poly([[0, 0], [30, 0], [30, 12.5], [30, 27.3], [30, 40], [0, 40]])),
    feat('Q', poly([[30, 0], [61.7, 0], [61.7, 40], [30, 40], [30, 20]])),
    feat('S', poly([[61.7, 0], [90, 0], [90, 40], [61.7, 40], [61.7, 33.3], [61.7, 6.1]])),
    feat('T', poly([[0, 40], [45, 40], [90, 40], [90, 70], [0, 70]])),
  ]),
  'tolerance-0': fc({ toleranceM: 0 }, [
    feat('A', poly(R(0, 0, 50, 40))), feat('B', poly(R(50, 10, 90, 30))),
    feat('C', poly(R(90.5, 0, 130, 40))),
    feat('D', poly(R(0, 60, 100, 120))), feat('E', poly(R(30, 80, 50, 100))),
  ]),
  'tolerance-50': fc({ toleranceM: 50 }, [
    feat('A', poly(R(0, 0, 50, 40))), feat('B', poly(R(99, 0, 140, 40))), feat('C', poly(R(191, 0, 230, 40))),
  ]),
  'pin-hole': fc({ toleranceM: 15 }, [
    // four compounds around a 6 × 6 m gap: the closing must leave no pin-hole
    feat('N1', poly(R(0, 0, 40, 40))), feat('N2', poly(R(46, 0, 86, 40))),
    feat('N3', poly(R(0, 46, 40, 86))), feat('N4', poly(R(46, 46, 86, 86))),
  ]),
  // a triangle with a 26.6° corner 5 m from a rectangle: the miter closing bevels that corner,
  // so the members are added back and the corner stays sharp
  'acute-corner': fc({ toleranceM: 15 }, [
    feat('A', poly([[0, 0], [80, 0], [0, 40]])), feat('B', poly(R(-45, 0, -5, 40))),
  ]),
  'street-separates': fc({ toleranceM: 15 }, [
    // a 24 m street between two blocks of three compounds with 6 m lanes
    feat('W1', poly(R(0, 0, 40, 40))), feat('W2', poly(R(0, 46, 40, 86))), feat('W3', poly(R(0, 92, 40, 132))),
    feat('E1', poly(R(64, 0, 104, 40))), feat('E2', poly(R(64, 46, 104, 86))), feat('E3', poly(R(64, 92, 104, 132))),
  ]),
  // ---- outlines that must come out valid (each case class of the validity rule) ----
  // a U whose left arm touches the corner of a bar lying across it: the courtyard closes at one point, which the
  // union returns as a ring passing that point twice; it must come back as shell + courtyard touching it once
  'u-arm-touches-bar': fc({ toleranceM: 5 }, [
    feat('U', poly([[0, 0], [30, 0], [30, 30], [20, 30], [20, 10], [10, 10], [10, 30], [0, 30]])),
    feat('B', poly(R(10, 30, 30, 40))),
  ]),
  // two L's meeting at two corners around a courtyard: one ring would touch itself twice (interior disconnected);
  // valid is two parts touching at two points
  'ls-meet-at-two-corners': fc({ toleranceM: 5 }, [
    feat('L1', poly([[0, 0], [30, 0], [30, 10], [10, 10], [10, 30], [0, 30]])),
    feat('L2', poly([[30, 10], [40, 10], [40, 40], [10, 40], [10, 30], [30, 30]])),
  ]),
  // a courtyard whose corner lies on the middle of the outer wall (not a vertex of it): it must come back touching
  // the wall exactly, not a fraction of a millimetre outside
  'courtyard-touching-wall': fc({ toleranceM: 15 }, [
    feat('Y', poly(R(0, 0, 60, 60), [[30, 0], [20, 10], [30, 20], [40, 10]])),
  ]),
  // tolerance 0, a wall shared in part along a slanted street grid (B's corners lie on A's wall in lon/lat, a
  // fraction of a millimetre off it in any metric frame): one outline, no slit
  'slanted-partial-wall': fc({ toleranceM: 0 }, [
    feat('A', poly(rot30(R(0, 0, 50, 40)))),
    feat('B', poly(rot30(R(50, 10, 90, 30)))),
  ]),
  // members that cannot make an outline are listed with the reason, not dropped in silence
  'skipped-members': fc({ toleranceM: 15 }, [
    feat('A', poly(R(0, 0, 40, 30))),
    { type: 'Feature', properties: { id: 'B', name: '小区B' }, geometry: null },
    feat('C', poly(R(50, 0, 50.03, 0.03))),
    feat('D', poly([[0, 40], [20, 40], [40, 40]])),
    { type: 'Feature', properties: { id: 'E', name: '小区E' }, geometry: { type: 'Polygon', coordinates: [[ll([0, 60]), [null, 37.2606], ll([10, 70]), ll([0, 60])]] } },
    { type: 'Feature', properties: { id: 'F', name: '小区F' }, geometry: { type: 'Point', coordinates: ll([80, 80]) } },
  ]),
  // the closing partly fills a courtyard that a neighbour reaches into: the walls it restores would run on past the
  // neighbour's corner into it, so the members go back in and the neighbour lies wholly inside the zone
  'closing-keeps-members': fc({ toleranceM: 5 }, [
    feat('N', poly(R(25, 0, 35, 10))),
    feat('Y', poly(R(0, 0, 35, 35), [[18, 0], [10, 8], [18, 16], [26, 8]])),
  ]),
};
for (const dir of process.argv.slice(2)) {
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, c] of Object.entries(cases)) {
    const head = JSON.stringify({ type: c.type, properties: c.properties });
    const body = c.features.map((f) => '  ' + JSON.stringify(f)).join(',\n');
    fs.writeFileSync(`${dir}/${name}.geojson`, head.slice(0, -1) + ',"features":[\n' + body + '\n]}\n');
  }
}
