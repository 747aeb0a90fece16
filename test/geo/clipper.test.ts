import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { ClipperOffset, EndType, PolyTree64, type Paths64 } from 'clipper2-ts';
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
  it('gives exactly what ClipperOffset gives, point for point, for grown and shrunk polygons with any corners', () => {
    // seeded random layouts: several overlapping polygons (some clockwise, some with a repeated point), corners from
    // nearly straight to sharper than 60° (squared off), grown and shrunk, at mitre limits 1, 2 and 3
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    let squared = 0;
    for (let t = 0; t < 600; t++) {
      const paths: Paths64 = [];
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
        if (rnd() < 0.1) p.push({ ...p[p.length - 1] });
        paths.push(p);
      }
      const deltaM = (rnd() - 0.5) * 40;
      const miterLimit = [2, 1, 3][t % 3];
      const engine = new ClipperOffset(miterLimit, 50);
      engine.addPaths(paths, JoinType.Miter, EndType.Polygon);
      const expected: Paths64 = [];
      engine.execute(deltaM * 1000, expected);
      const got = offsetPaths(paths, deltaM, JoinType.Miter, miterLimit, 1000);
      const xy = (ps: Paths64) => ps.map((p) => p.map((pt) => [pt.x, pt.y]));
      expect(xy(got)).toEqual(xy(expected));
      const tree = new PolyTree64();
      engine.execute(deltaM * 1000, tree);
      const minArea = 0;
      expect(xy(treePolygons(offsetToTree(paths, deltaM, JoinType.Miter, miterLimit, 1000), minArea, minArea).flat())).toEqual(
        xy(treePolygons(tree, minArea, minArea).flat()),
      );
      if (got.some((p) => p.some((pt) => 'z' in pt))) squared++;
    }
    // the squared-off corners were met too (ClipperOffset marks those points)
    expect(squared).toBeGreaterThan(0);
  });
});
