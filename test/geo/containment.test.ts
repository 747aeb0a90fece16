// membersCut: which members an outline cuts into (the merge adds exactly those back); membersNearReflexCorners: which
// members could be cut at all (those reaching into a reflex corner's kite of the grown outline). Integer units.
import { describe, expect, it } from 'vitest';
import type { Path64 } from 'clipper2-ts';
import { membersCut, membersNearReflexCorners } from '../../src/lib/geo/containment';

const rect = (x0: number, y0: number, x1: number, y1: number): Path64 => [
  { x: x0, y: y0 }, { x: x1, y: y0 }, { x: x1, y: y1 }, { x: x0, y: y1 },
];
const vertexSet = (...rings: Path64[]) => {
  const s = new Set(rings.flat().map((p) => `${p.x},${p.y}`));
  return (x: number, y: number) => s.has(`${x},${y}`);
};

describe('membersCut', () => {
  const outline = [rect(0, 0, 1000, 1000)];
  it('finds nothing when every member lies inside the outline', () => {
    const a = rect(0, 0, 500, 1000), b = rect(500, 0, 1000, 1000);
    expect(membersCut(outline, [[a], [b]], 20, vertexSet(a, b)).size).toBe(0);
  });
  it('finds a member reaching out through a wall (edges cross)', () => {
    const a = rect(0, 0, 500, 1000), b = rect(500, 200, 1300, 800);
    expect([...membersCut(outline, [[a], [b]], 20, vertexSet(a, b))]).toEqual([1]);
  });
  it('finds an outline corner that is no member vertex lying inside a member', () => {
    // the outline's notch corner (600, 600) lies inside member b
    const notched = [[{ x: 0, y: 0 }, { x: 1000, y: 0 }, { x: 1000, y: 600 }, { x: 600, y: 600 }, { x: 600, y: 1000 }, { x: 0, y: 1000 }]];
    const b = rect(500, 500, 700, 700);
    expect([...membersCut(notched, [[rect(0, 0, 500, 500)], [b]], 20, vertexSet(b))]).toEqual([1]);
  });
  it('forgives a crossing within reach (rounding), and not one beyond it', () => {
    const a = rect(0, 0, 500, 1000), b = rect(500, 200, 1010, 800);
    expect(membersCut(outline, [[a], [b]], 20, vertexSet(a, b)).size).toBe(0);
    expect(membersCut(outline, [[a], [b]], 5, vertexSet(a, b)).size).toBe(1);
  });
  it('works the same with many members (grid cells) as with few', () => {
    const ms: Path64[][] = [];
    for (let i = 0; i < 10; i++) for (let j = 0; j < 10; j++) ms.push([rect(i * 100, j * 100, i * 100 + 100, j * 100 + 100)]);
    ms.push([rect(950, 450, 1200, 550)]);
    expect([...membersCut(outline, ms, 20, vertexSet(...ms.flat()))]).toEqual([100]);
  });
});

describe('membersNearReflexCorners', () => {
  // a grown outline shaped like an L (counter-clockwise), its one reflex corner v at (100, 100); shrunk by r = 20 its
  // walls meet at the mitre point (80, 80): the kite is the square [80, 100] × [80, 100]
  const grownL: Path64[] = [[{ x: 0, y: 0 }, { x: 200, y: 0 }, { x: 200, y: 100 }, { x: 100, y: 100 }, { x: 100, y: 200 }, { x: 0, y: 200 }]];
  it('leaves out a member whose corner is the mitre point (the corner the closing gives back)', () => {
    expect(membersNearReflexCorners(grownL, [[rect(0, 0, 80, 80)], [rect(0, 0, 60, 180)]], 20, 2, 2)).toEqual([]);
  });
  it('names a member reaching into the kite, across an edge or wholly inside it', () => {
    const across = [rect(0, 0, 90, 90)];
    const inside = [rect(85, 85, 95, 95)];
    expect(membersNearReflexCorners(grownL, [[rect(0, 0, 80, 80)], across, inside], 20, 2, 2)).toEqual([1, 2]);
  });
  it('forgives a member reaching in less than the margin', () => {
    expect(membersNearReflexCorners(grownL, [[rect(0, 0, 81, 81)]], 20, 2, 2)).toEqual([]);
    expect(membersNearReflexCorners(grownL, [[rect(0, 0, 81, 81)]], 20, 2, 0.5)).toEqual([0]);
  });
  it('has no kites on a convex outline, and uses a box of mitre limit × r around a corner too sharp to mitre', () => {
    expect(membersNearReflexCorners([rect(0, 0, 200, 200)], [[rect(50, 50, 150, 150)]], 20, 2, 2)).toEqual([]);
    // a notch 10 units wide cut deep into a square: its inner corners turn by more than 120°, so the shrink squares
    // them off; a member 30 units from the notch's end lies within 2r of it
    const notched: Path64[] = [[{ x: 0, y: 0 }, { x: 300, y: 0 }, { x: 300, y: 300 }, { x: 155, y: 300 }, { x: 150, y: 100 }, { x: 145, y: 300 }, { x: 0, y: 300 }]];
    expect(membersNearReflexCorners(notched, [[rect(140, 60, 160, 70)], [rect(0, 0, 20, 20)]], 20, 2, 2)).toEqual([0]);
  });
  it('pairs members with kites the same way when there are many kites (sorted) as when there are few', () => {
    // a staircase of n steps 100 units each: every step's inner corner (c) is reflex, its kite [c − 20, c]²; the
    // member at an even step reaches 10 units into its kite, the one at an odd step stops 10 units short of it
    const staircase = (n: number) => {
      const x0 = 100 * (n + 1);
      const ring: Path64 = [{ x: 0, y: 0 }, { x: x0, y: 0 }];
      const corners: { x: number; y: number }[] = [];
      let x = x0, y = 0;
      for (let i = 0; i < n; i++) {
        y += 100;
        ring.push({ x, y });
        x -= 100;
        ring.push({ x, y });
        corners.push({ x, y });
      }
      ring.push({ x, y: y + 100 }, { x: 0, y: y + 100 });
      const members = corners.map((c, i) => [i % 2 === 0 ? rect(c.x - 30, c.y - 30, c.x - 10, c.y - 10) : rect(c.x - 60, c.y - 60, c.x - 30, c.y - 30)]);
      return { grown: [ring], members };
    };
    for (const n of [10, 60]) {
      const { grown, members } = staircase(n);
      expect(membersNearReflexCorners(grown, members, 20, 2, 2)).toEqual(members.map((_, i) => i).filter((i) => i % 2 === 0));
    }
  });
});
