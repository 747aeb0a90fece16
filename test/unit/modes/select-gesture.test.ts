// Selection gestures with mock pointer events and no map (terra-draw's habit): click, shift-click, box, lasso, Esc.
import { describe, expect, it } from 'vitest';
import { idsInPolygon, nextSelection, SelectGesture, type SelectAction } from '../../../src/lib/modes/select-gesture';

const final = (actions: SelectAction[]) => actions.filter((a) => a.kind !== 'preview');

describe('SelectGesture', () => {
  it('turns a press and release in place into a click that replaces', () => {
    const g = new SelectGesture('click');
    g.handle({ type: 'down', x: 100, y: 100 });
    g.handle({ type: 'move', x: 102, y: 101 });
    expect(final(g.handle({ type: 'up', x: 102, y: 101 }))).toEqual([{ kind: 'click', at: [102, 101], additive: false }]);
  });

  it('makes shift-, ctrl- and cmd-clicks additive', () => {
    for (const mod of [{ shift: true }, { ctrl: true }, { meta: true }]) {
      const g = new SelectGesture('click');
      g.handle({ type: 'down', x: 5, y: 5, ...mod });
      expect(final(g.handle({ type: 'up', x: 5, y: 5 }))).toEqual([{ kind: 'click', at: [5, 5], additive: true }]);
    }
  });

  it('treats a drag with the click tool as a pan, not a click', () => {
    const g = new SelectGesture('click');
    g.handle({ type: 'down', x: 0, y: 0 });
    g.handle({ type: 'move', x: 50, y: 0 });
    expect(g.handle({ type: 'up', x: 50, y: 0 })).toEqual([]);
  });

  it('draws a box while dragging and reports its rectangle on release', () => {
    const g = new SelectGesture('box');
    g.handle({ type: 'down', x: 10, y: 10 });
    expect(g.dragging).toBe(true);
    const preview = g.handle({ type: 'move', x: 60, y: 40 });
    expect(preview).toEqual([{ kind: 'preview', polygon: [[10, 10], [60, 10], [60, 40], [10, 40], [10, 10]] }]);
    const out = g.handle({ type: 'up', x: 60, y: 40, shift: true });
    expect(out[0]).toEqual({ kind: 'preview', polygon: null });
    expect(out[1]).toEqual({ kind: 'area', polygon: [[10, 10], [60, 10], [60, 40], [10, 40], [10, 10]], additive: false });
    expect(g.dragging).toBe(false);
  });

  it('records a closed lasso path, skipping tiny moves', () => {
    const g = new SelectGesture('lasso');
    g.handle({ type: 'down', x: 0, y: 0, shift: true });
    for (const [x, y] of [[10, 0], [11, 0], [10, 10], [0, 10]]) g.handle({ type: 'move', x, y });
    const out = final(g.handle({ type: 'up', x: 0, y: 10 }));
    expect(out).toEqual([{ kind: 'area', polygon: [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], additive: true }]);
  });

  it('falls back to a click when a box is released where it started', () => {
    const g = new SelectGesture('box');
    g.handle({ type: 'down', x: 3, y: 3 });
    expect(final(g.handle({ type: 'up', x: 4, y: 3 }))).toEqual([{ kind: 'click', at: [4, 3], additive: false }]);
  });

  it('cancels a drag in progress (Esc) and hides its outline', () => {
    const g = new SelectGesture('box');
    g.handle({ type: 'down', x: 0, y: 0 });
    g.handle({ type: 'move', x: 30, y: 30 });
    expect(g.cancel()).toEqual([{ kind: 'preview', polygon: null }]);
    expect(g.handle({ type: 'up', x: 30, y: 30 })).toEqual([]);
  });
});

describe('idsInPolygon and nextSelection', () => {
  const pts = [{ id: 'a', x: 1, y: 1 }, { id: 'b', x: 5, y: 5 }, { id: 'c', x: 20, y: 1 }];
  it('keeps the points inside a ring', () => {
    expect(idsInPolygon(pts, [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]])).toEqual(['a', 'b']);
    // A concave lasso (an L) leaves out the notch.
    expect(idsInPolygon(pts, [[0, 0], [30, 0], [30, 3], [3, 3], [3, 10], [0, 10], [0, 0]])).toEqual(['a', 'c']);
  });
  it('replaces, toggles and adds', () => {
    const cur = new Set(['a', 'b']);
    expect([...nextSelection(cur, ['c'], 'replace')]).toEqual(['c']);
    expect([...nextSelection(cur, ['b', 'c'], 'toggle')].sort()).toEqual(['a', 'c']);
    expect([...nextSelection(cur, ['b', 'c'], 'add')].sort()).toEqual(['a', 'b', 'c']);
    expect([...nextSelection(cur, [], 'replace')]).toEqual([]);
  });
});
