// Builds data/demo/boundaries.geojson: APPROXIMATE township (街道) and community (社区) boundaries for the demo, built
// from the demo compounds (示例数据) — real boundaries are not published openly, and the office imports its own through
// the import wizard (行政区划边界). How:
//   1. the demo area: the demo compounds' bounding box grown by 300 m;
//   2. a 5 m grid over it; each cell goes to the community of the compound that contains its centre, else of the
//      nearest compound outline (a Voronoi diagram of the compounds themselves, so no border cuts a compound);
//   3. a community's boundary is the outline of its cells, a township's the outline of its communities' cells —
//      traced along the grid, so neighbours share their borders exactly (no gaps, no overlaps); straight runs are one
//      edge.
// Communities without demo compounds, and the 11 towns (no demo compounds), get no boundary. Coordinates to 7 decimals
// (≈ 1 cm), rings RFC 7946 (exterior counter-clockwise, holes clockwise). Rerun: npm run data:boundaries
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toLocal, toLonLat } from './demo-layout.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const CELL_M = 5;
const MARGIN_M = 300;
const SOURCE = '示例数据:由示例小区位置推算的近似范围(每处归最近的小区),非法定边界 / demo data: approximate, each place given to the nearest demo compound';

/**
 * The demo boundaries as the GeoJSON text of data/demo/boundaries.geojson (one feature a line).
 * @returns {{text: string, townships: number, communities: number}}
 */
export function buildDemoBoundaries() {
  const compounds = JSON.parse(readFileSync(join(root, 'data/demo/compounds.geojson'), 'utf8')).features;
  const divisions = JSON.parse(readFileSync(join(root, 'data/divisions.json'), 'utf8'));
  const townshipName = new Map(divisions.townships.map((t) => [t.code, t.name]));
  const communityOf = new Map(divisions.communities.map((c) => [c.code, c]));

  // Compounds in local metres (demo-layout's frame), with their community.
  const shapes = compounds
    .filter((f) => f.properties.community_code)
    .map((f) => {
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      const rings = polys.flatMap((p) => p.map((r) => r.map(toLocal)));
      const xs = rings.flat().map((p) => p[0]);
      const ys = rings.flat().map((p) => p[1]);
      return { community: f.properties.community_code, rings, box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] };
    });

  function inside(x, y, rings) {
    let c = false;
    for (const r of rings) {
      for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
        if ((r[i][1] > y) !== (r[j][1] > y) && x < ((r[j][0] - r[i][0]) * (y - r[i][1])) / (r[j][1] - r[i][1]) + r[i][0]) c = !c;
      }
    }
    return c;
  }
  function distance(x, y, rings) {
    let d = Infinity;
    for (const r of rings) {
      for (let i = 0; i + 1 < r.length; i++) {
        const [ax, ay] = r[i];
        const [bx, by] = r[i + 1];
        const dx = bx - ax;
        const dy = by - ay;
        const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy || 1)));
        d = Math.min(d, Math.hypot(x - ax - t * dx, y - ay - t * dy));
      }
    }
    return d;
  }

  // 1–2. The grid and each cell's community.
  const box = [
    Math.min(...shapes.map((s) => s.box[0])) - MARGIN_M, Math.min(...shapes.map((s) => s.box[1])) - MARGIN_M,
    Math.max(...shapes.map((s) => s.box[2])) + MARGIN_M, Math.max(...shapes.map((s) => s.box[3])) + MARGIN_M,
  ].map((v, i) => (i < 2 ? Math.floor(v / CELL_M) : Math.ceil(v / CELL_M)) * CELL_M);
  const nx = (box[2] - box[0]) / CELL_M;
  const ny = (box[3] - box[1]) / CELL_M;
  const codes = [...new Set(shapes.map((s) => s.community))].sort();
  const label = new Int16Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    const y = box[1] + (j + 0.5) * CELL_M;
    for (let i = 0; i < nx; i++) {
      const x = box[0] + (i + 0.5) * CELL_M;
      let best = null;
      let bestD = Infinity;
      for (const s of shapes) {
        // The distance to a box is a lower bound of the distance to what is in it.
        const lower = Math.hypot(Math.max(0, s.box[0] - x, x - s.box[2]), Math.max(0, s.box[1] - y, y - s.box[3]));
        if (lower > bestD) continue;
        const d = lower === 0 && inside(x, y, s.rings) ? 0 : distance(x, y, s.rings);
        if (d < bestD) [best, bestD] = [s, d];
      }
      label[j * nx + i] = codes.indexOf(best.community);
    }
  }

  /**
   * The outline of the cells where `member(label)` holds, as rings in local metres: boundary edges run with the region
   * on their left (exterior rings counter-clockwise, holes clockwise). Where two cells of the region meet only at a
   * corner, the trace keeps them apart (turns right first), so no ring touches itself.
   */
  function trace(member) {
    const has = (i, j) => i >= 0 && j >= 0 && i < nx && j < ny && member(label[j * nx + i]);
    // Directed edges between grid vertices (vx, vy), keyed by their start.
    const next = new Map();
    const key = (vx, vy) => vy * (nx + 1) + vx;
    const add = (ax, ay, bx, by) => (next.get(key(ax, ay)) ?? next.set(key(ax, ay), []).get(key(ax, ay))).push([bx, by]);
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        if (!has(i, j)) continue;
        if (!has(i, j - 1)) add(i, j, i + 1, j); // bottom edge, eastwards
        if (!has(i + 1, j)) add(i + 1, j, i + 1, j + 1); // right edge, northwards
        if (!has(i, j + 1)) add(i + 1, j + 1, i, j + 1); // top edge, westwards
        if (!has(i - 1, j)) add(i, j + 1, i, j); // left edge, southwards
      }
    }
    const rings = [];
    for (const [startKey, outs] of next) {
      while (outs.length) {
        const sx = startKey % (nx + 1);
        const sy = Math.floor(startKey / (nx + 1));
        const ring = [[sx, sy]];
        let [cx, cy] = outs.pop();
        let [px, py] = [sx, sy];
        while (!(cx === sx && cy === sy)) {
          ring.push([cx, cy]);
          const options = next.get(key(cx, cy));
          // At a vertex where the region meets itself diagonally there are two ways on: turn right.
          let pick = 0;
          if (options.length > 1) {
            const [dx, dy] = [cx - px, cy - py];
            pick = options.findIndex(([ox, oy]) => (ox - cx) === dy && (oy - cy) === -dx);
            if (pick < 0) pick = 0;
          }
          const [nxv, nyv] = options.splice(pick, 1)[0];
          [px, py] = [cx, cy];
          [cx, cy] = [nxv, nyv];
        }
        // Straight runs become one edge.
        const corners = ring.filter((p, k) => {
          const a = ring[(k - 1 + ring.length) % ring.length];
          const b = ring[(k + 1) % ring.length];
          return (p[0] - a[0]) * (b[1] - p[1]) - (p[1] - a[1]) * (b[0] - p[0]) !== 0;
        });
        rings.push(corners.map(([vx, vy]) => [box[0] + vx * CELL_M, box[1] + vy * CELL_M]));
      }
    }
    return rings;
  }

  const signedArea = (r) => r.reduce((s, p, k) => s + p[0] * r[(k + 1) % r.length][1] - r[(k + 1) % r.length][0] * p[1], 0) / 2;

  /** Rings (local metres) → a GeoJSON Polygon or MultiPolygon in lon/lat: each hole goes to the shell around it. */
  function toGeometry(rings) {
    const shells = rings.filter((r) => signedArea(r) > 0).map((r) => [r]);
    for (const hole of rings.filter((r) => signedArea(r) < 0)) {
      // The region lies left of every edge: half a cell to the left of the hole's first edge is inside its shell.
      const [a, b] = [hole[0], hole[1]];
      const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
      const x = (a[0] + b[0]) / 2 - ((b[1] - a[1]) / len) * (CELL_M / 2);
      const y = (a[1] + b[1]) / 2 + ((b[0] - a[0]) / len) * (CELL_M / 2);
      const around = shells.filter((sh) => inside(x, y, [[...sh[0], sh[0][0]]])).sort((p, q) => signedArea(p[0]) - signedArea(q[0]));
      if (!around.length) throw new Error('a hole outside every shell');
      around[0].push(hole);
    }
    const close = (r) => [...r.map(toLonLat), toLonLat(r[0])];
    const polys = shells.map((p) => p.map(close));
    return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
  }

  // 3. Communities, then townships.
  const features = [];
  const feature = (code, level, name, geometry) => ({ type: 'Feature', properties: { code, level, name, source: SOURCE, is_demo: true }, geometry });
  const townshipCodes = [...new Set(codes.map((c) => communityOf.get(c).township_code))].sort();
  for (const t of townshipCodes) {
    const members = new Set(codes.map((c, k) => (communityOf.get(c).township_code === t ? k : -1)).filter((k) => k >= 0));
    features.push(feature(t, 'township', townshipName.get(t), toGeometry(trace((l) => members.has(l)))));
  }
  codes.forEach((c, k) => features.push(feature(c, 'community', communityOf.get(c).name, toGeometry(trace((l) => l === k)))));

  return {
    text: '{"type":"FeatureCollection","features":[\n' + features.map((f) => JSON.stringify(f)).join(',\n') + '\n]}\n',
    townships: townshipCodes.length,
    communities: codes.length,
  };
}
