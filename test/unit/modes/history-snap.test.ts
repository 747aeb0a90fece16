// Undo/redo of geometry edits and snapping to compound vertices and edges, without a map.
import { describe, expect, it } from 'vitest';
import type { Feature, Polygon } from 'geojson';
import { EditHistory } from '../../../src/lib/modes/history';
import { buildSnapIndex, snapPosition } from '../../../src/lib/modes/snap';

describe('EditHistory', () => {
  it('undoes and redoes in order and drops the redo branch on a new edit', () => {
    const h = new EditHistory('A');
    h.push('B');
    h.push('C');
    expect(h.undo()).toBe('B');
    expect(h.undo()).toBe('A');
    expect(h.undo()).toBeUndefined();
    expect(h.redo()).toBe('B');
    h.push('D');
    expect(h.canRedo).toBe(false);
    expect(h.current).toBe('D');
    expect(h.undo()).toBe('B');
  });
  it('keeps at most `limit` past states', () => {
    const h = new EditHistory(0, 3);
    for (let i = 1; i <= 10; i++) h.push(i);
    let n = 0;
    while (h.undo() !== undefined) n++;
    expect(n).toBe(3);
    expect(h.current).toBe(7);
  });
});

describe('snapPosition', () => {
  // A plain screen: 1e-5° = 1 px, origin at (111.78, 37.26), y up for simplicity.
  const project = ([lon, lat]: [number, number]) => ({ x: (lon - 111.78) * 1e5, y: (lat - 37.26) * 1e5 });
  const unproject = ([x, y]: [number, number]): [number, number] => [111.78 + x / 1e5, 37.26 + y / 1e5];
  const square: Feature<Polygon> = {
    type: 'Feature', properties: {},
    geometry: { type: 'Polygon', coordinates: [[[111.78, 37.26], [111.781, 37.26], [111.781, 37.261], [111.78, 37.261], [111.78, 37.26]]] },
  };
  const idx = buildSnapIndex([square]);

  it('snaps to a vertex within the tolerance', () => {
    expect(snapPosition(idx, unproject([103, 4]), 10, project, unproject)).toEqual([111.781, 37.26]);
  });
  it('snaps to the nearest point of an edge when no vertex is near', () => {
    const p = snapPosition(idx, unproject([50, 6]), 10, project, unproject)!;
    expect(p[0]).toBeCloseTo(111.7805, 9);
    expect(p[1]).toBeCloseTo(37.26, 9);
  });
  it('leaves the pointer alone when nothing is within the tolerance', () => {
    expect(snapPosition(idx, unproject([50, 40]), 10, project, unproject)).toBeUndefined();
  });
});
