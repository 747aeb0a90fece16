import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { Clipper, ClipperOffset, EndType, FillRule, PolyTree64, type Paths64 } from 'clipper2-ts';
import {
  JoinType,
  areaM2,
  bufferGeom,
  differencePaths,
  fromPaths,
  intersectPaths,
  offsetPaths,
  offsetToTree,
  toPaths,
  treePolygons,
  unionGeoms,
  unionPaths,
} from '../../src/lib/geo/clipper';
import { localFrame } from '../../src/lib/geo/local-metric';

const frame = localFrame(111.78, 37.26);
/** Axis-aligned rectangle given in metres from the frame origin, as lon/lat GeoJSON. */
function rect(x0: number, y0: number, x1: number, y1: number, clockwise = false): Position[] {
  const pts: [number, number][] = [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
  if (clockwise) pts.reverse();
  const ring = pts.map((p) => frame.toLonLat(p));
  return [...ring, ring[0]];
}
const poly = (...rings: Position[][]): Polygon => ({ type: 'Polygon', coordinates: rings });
/** Signed planar area (m²) of a lon/lat ring in the frame: > 0 means counter-clockwise. */
function ringAreaM2(ring: Position[]): number {
  let a = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const p = frame.toXY(ring[i]);
    const q = frame.toXY(ring[i + 1]);
    a += p[0] * q[1] - q[0] * p[1];
  }
  return a / 2;
}

describe('toPaths / fromPaths', () => {
  it('normalises orientation and round-trips a polygon with a hole (RFC 7946 winding)', () => {
    // exterior given clockwise and hole counter-clockwise: both wrong on purpose
    const g = poly(rect(0, 0, 100, 60, true), rect(20, 20, 50, 40));
    const paths = toPaths(g, frame);
    expect(paths).toHaveLength(2);
    expect(areaM2(paths)).toBeCloseTo(6000 - 600, 3);
    const back = fromPaths(paths, frame) as Polygon;
    expect(back.type).toBe('Polygon');
    expect(back.coordinates).toHaveLength(2);
    expect(ringAreaM2(back.coordinates[0])).toBeCloseTo(6000, 1);
    expect(ringAreaM2(back.coordinates[1])).toBeCloseTo(-600, 1);
    const ext = back.coordinates[0];
    expect(ext[0]).toEqual(ext[ext.length - 1]);
  });

  it('puts an island inside a hole into its own part and drops tiny rings', () => {
    const outer = poly(rect(0, 0, 100, 100), rect(10, 10, 90, 90));
    const island = poly(rect(40, 40, 60, 60));
    const speck = poly(rect(200, 0, 200.05, 0.05)); // 0.0025 m²
    const g = unionGeoms([outer, island, speck], frame) as MultiPolygon;
    expect(g.type).toBe('MultiPolygon');
    expect(g.coordinates).toHaveLength(2);
    const areas = g.coordinates.map((p) => p.map(ringAreaM2));
    expect(areas).toContainEqual([expect.closeTo(10000, 1), expect.closeTo(-6400, 1)]);
    expect(areas).toContainEqual([expect.closeTo(400, 1)]);
  });

  it('fills holes below minHoleM2 and keeps larger ones', () => {
    const g = poly(rect(0, 0, 100, 100), rect(10, 10, 10.5, 10.5), rect(50, 50, 70, 70));
    const out = fromPaths(toPaths(g, frame), frame, { minHoleM2: 1 }) as Polygon;
    expect(out.coordinates).toHaveLength(2);
    expect(ringAreaM2(out.coordinates[1])).toBeCloseTo(-400, 1);
    expect(fromPaths([], frame)).toBeNull();
  });
});

describe('boolean operations', () => {
  const a = toPaths(poly(rect(0, 0, 50, 50)), frame);
  const b = toPaths(poly(rect(50, 0, 100, 30)), frame); // shares part of a's east wall

  it('unions a shared wall into one ring with no sliver', () => {
    const u = unionPaths([...a, ...b]);
    expect(u).toHaveLength(1);
    expect(areaM2(u)).toBeCloseTo(2500 + 1500, 3);
  });

  it('intersects and subtracts', () => {
    const c = toPaths(poly(rect(25, 25, 75, 75)), frame);
    expect(areaM2(intersectPaths(a, c))).toBeCloseTo(625, 3);
    expect(areaM2(differencePaths(a, c))).toBeCloseTo(2500 - 625, 3);
    expect(intersectPaths(a, toPaths(poly(rect(60, 60, 70, 70)), frame))).toHaveLength(0);
  });

  it('offsets with square corners (miter) and round corners', () => {
    const grown = offsetPaths(a, 5, JoinType.Miter);
    expect(areaM2(grown)).toBeCloseTo(60 * 60, 1);
    const round = offsetPaths(a, 5, JoinType.Round);
    // arcs are chords within 5 cm of the true circle: the deficit is at most 5 cm × the arc length
    const exact = 2500 + 4 * 50 * 5 + Math.PI * 25;
    expect(areaM2(round)).toBeLessThan(exact);
    expect(areaM2(round)).toBeGreaterThan(exact - 0.05 * 2 * Math.PI * 5);
    expect(areaM2(offsetPaths(a, -30))).toBe(0); // shrinks away
  });

  it('buffers GeoJSON and closes a 6 m gap by a closing', () => {
    const left = poly(rect(0, 0, 40, 40));
    const right = poly(rect(46, 0, 86, 40));
    const paths = [...toPaths(left, frame), ...toPaths(right, frame)];
    const closed = offsetPaths(offsetPaths(paths, 4, JoinType.Miter), -4, JoinType.Miter);
    expect(closed).toHaveLength(1);
    expect(areaM2(closed)).toBeCloseTo(86 * 40, 1);
    const buf = bufferGeom(left, 10, frame) as Polygon;
    expect(buf.type).toBe('Polygon');
    const exact = 1600 + 1600 + Math.PI * 100;
    expect(ringAreaM2(buf.coordinates[0])).toBeLessThan(exact);
    expect(ringAreaM2(buf.coordinates[0])).toBeGreaterThan(exact - 0.05 * 2 * Math.PI * 10);
    expect(bufferGeom(left, -25, frame)).toBeNull();
  });
});

describe('mitre offset (the merge closing)', () => {
  /** Farthest any vertex of one set of rings lies from the other's boundary (both ways), units. */
  function boundaryDistance(a: Paths64, b: Paths64): number {
    const toBoundary = (x: number, y: number, rings: Paths64) => {
      let best = Infinity;
      for (const p of rings) {
        for (let i = 0, j = p.length - 1; i < p.length; j = i++) {
          const ax = p[j].x - x, ay = p[j].y - y, dx = p[i].x - p[j].x, dy = p[i].y - p[j].y;
          const len2 = dx * dx + dy * dy;
          const t = len2 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2)) : 0;
          best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
        }
      }
      return best;
    };
    let worst = 0;
    for (const [from, to] of [[a, b], [b, a]]) for (const p of from) for (const q of p) worst = Math.max(worst, toBoundary(q.x, q.y, to));
    return worst;
  }

  it('gives the region ClipperOffset gives, a rounding apart, for grown and shrunk outlines with any corners', () => {
    // seeded random layouts as the closing meets them (a union: shells and holes, some with a repeated point), corners
    // from nearly straight to sharper than 60° (squared off), grown and shrunk, at mitre limits 1, 2 and 3
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    let squared = 0;
    let straightToMitre = 0;
    for (let t = 0; t < 600; t++) {
      const raw: Paths64 = [];
      for (let q = 0, np = 1 + Math.floor(rnd() * 4); q < np; q++) {
        const n = 3 + Math.floor(rnd() * 8);
        const cx = rnd() * 1e6;
        const cy = rnd() * 1e6;
        const p: Paths64[number] = [];
        for (let i = 0; i < n; i++) {
          const ang = (i / n) * 2 * Math.PI + rnd() * 0.5;
          const rad = 1e4 + rnd() * 2e5;
          p.push({ x: Math.round(cx + rad * Math.cos(ang)), y: Math.round(cy + rad * Math.sin(ang)) });
        }
        if (rnd() < 0.3) p.reverse();
        raw.push(p);
      }
      const paths = Clipper.union(raw, FillRule.NonZero);
      if (rnd() < 0.1) paths[0].push({ ...paths[0][paths[0].length - 1] });
      const deltaM = (rnd() - 0.5) * 40;
      const miterLimit = [2, 1, 3][t % 3];
      const engine = new ClipperOffset(miterLimit, 50);
      engine.addPaths(paths, JoinType.Miter, EndType.Polygon);
      const expected: Paths64 = [];
      engine.execute(deltaM * 1000, expected);
      const got = offsetPaths(paths, deltaM, JoinType.Miter, miterLimit, 1000);
      expect(got.length).toBe(expected.length);
      // the union's crossing of two rounded walls slides along them at a shallow corner (up to 5.8 units in these
      // layouts); the mitre point is the exact one rounded
      expect(boundaryDistance(got, expected)).toBeLessThanOrEqual(8);
      const tree = new PolyTree64();
      engine.execute(deltaM * 1000, tree);
      const gotTree = treePolygons(offsetToTree(paths, deltaM, JoinType.Miter, miterLimit, 1000), 0, 0);
      const expectedTree = treePolygons(tree, 0, 0);
      expect(gotTree.map((p) => p.length)).toEqual(expectedTree.map((p) => p.length));
      expect(boundaryDistance(gotTree.flat(), expectedTree.flat())).toBeLessThanOrEqual(8);
      if (got.some((p) => p.some((pt) => 'z' in pt))) squared++;
      if (JSON.stringify(got.map((p) => p.map((pt) => [pt.x, pt.y]))) !== JSON.stringify(expected.map((p) => p.map((pt) => [pt.x, pt.y])))) straightToMitre++;
    }
    // the squared-off corners were met too (ClipperOffset marks those points), and corners that went to their mitre point
    expect(squared).toBeGreaterThan(0);
    expect(straightToMitre).toBeGreaterThan(100);
  });

  it("writes a concave corner's mitre point, and gives Clipper's region where shifted walls are used up", () => {
    // an L (reflex corner at 10,10 m) grown by 1 m: the shifted walls meet at 11,11 m
    const ell: Paths64 = [[
      { x: 0, y: 0 }, { x: 20000, y: 0 }, { x: 20000, y: 10000 }, { x: 10000, y: 10000 }, { x: 10000, y: 20000 }, { x: 0, y: 20000 },
    ]];
    const grown = offsetPaths(ell, 1, JoinType.Miter, 2, 1000);
    expect(grown).toHaveLength(1);
    expect(grown[0].map((p) => [p.x, p.y])).toContainEqual([11000, 11000]);
    expect(areaM2(grown)).toBeCloseTo(22 * 22 - 10 * 10, 6); // the 22 m square the grown L fills, less its notch
    // shrunk by 2 m: a step 1 m high (its wall used up by the corners' trims, so Clipper's loop stays) and a notch
    // 1 m wide (its walls pass each other): the same region as ClipperOffset's
    for (const shape of [
      [[0, 0], [20000, 0], [20000, 20000], [10000, 20000], [10000, 21000], [0, 21000]],
      [[0, 0], [20000, 0], [20000, 20000], [10500, 20000], [10500, 15000], [9500, 15000], [9500, 20000], [0, 20000]],
    ]) {
      const paths: Paths64 = [shape.map(([x, y]) => ({ x, y }))];
      const engine = new ClipperOffset(2, 50);
      engine.addPaths(paths, JoinType.Miter, EndType.Polygon);
      const expected: Paths64 = [];
      engine.execute(-2000, expected);
      const got = offsetPaths(paths, -2, JoinType.Miter, 2, 1000);
      expect(got.map((p) => p.length)).toEqual(expected.map((p) => p.length));
      expect(boundaryDistance(got, expected)).toBe(0);
      expect(areaM2(got)).toBe(areaM2(expected));
    }
  });
});
