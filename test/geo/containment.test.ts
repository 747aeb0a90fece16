// membersCut: which members an outline cuts into (the merge adds exactly those back). Integer units throughout.
import { describe, expect, it } from 'vitest';
import type { Path64 } from 'clipper2-ts';
import { membersCut } from '../../src/lib/geo/containment';

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
