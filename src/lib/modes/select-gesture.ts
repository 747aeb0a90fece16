// Selection gestures as a pure state machine: pointer events in (screen pixels + modifier keys), actions out.
// No map here, so it is tested with mock events; the planner map feeds it MapLibre's mouse events.

export type SelectTool = 'click' | 'box' | 'lasso';
export type ScreenPoint = [number, number];

export interface PointerInput {
  type: 'down' | 'move' | 'up';
  x: number;
  y: number;
  shift?: boolean;
  ctrl?: boolean;
  meta?: boolean;
}

export type SelectAction =
  /** A click: replace the selection with what is under the point, or toggle it when `additive`. */
  | { kind: 'click'; at: ScreenPoint; additive: boolean }
  /** A box or lasso released: replace the selection with what lies inside, or add it when `additive`. */
  | { kind: 'area'; polygon: ScreenPoint[]; additive: boolean }
  /** The outline to show while dragging (null hides it). */
  | { kind: 'preview'; polygon: ScreenPoint[] | null };

/** Pixels a pointer may move and still count as a click. */
export const CLICK_SLOP_PX = 4;
/** Minimum spacing of recorded lasso vertices, in pixels. */
export const LASSO_STEP_PX = 3;

function boxPolygon(a: ScreenPoint, b: ScreenPoint): ScreenPoint[] {
  return [a, [b[0], a[1]], b, [a[0], b[1]], a];
}

export class SelectGesture {
  #start: ScreenPoint | null = null;
  #path: ScreenPoint[] = [];
  #additive = false;
  #moved = false;

  constructor(public tool: SelectTool = 'click') {}

  /** True while a box or lasso drag is under way (the map should not pan). */
  get dragging(): boolean {
    return this.#start !== null && this.tool !== 'click';
  }

  handle(e: PointerInput): SelectAction[] {
    const p: ScreenPoint = [e.x, e.y];
    if (e.type === 'down') {
      this.#start = p;
      this.#path = [p];
      this.#additive = !!(e.shift || e.ctrl || e.meta);
      this.#moved = false;
      return [];
    }
    if (!this.#start) return [];
    const far = Math.hypot(p[0] - this.#start[0], p[1] - this.#start[1]) > CLICK_SLOP_PX;
    if (e.type === 'move') {
      if (far) this.#moved = true;
      if (this.tool === 'click' || !this.#moved) return [];
      if (this.tool === 'box') return [{ kind: 'preview', polygon: boxPolygon(this.#start, p) }];
      const last = this.#path[this.#path.length - 1];
      if (Math.hypot(p[0] - last[0], p[1] - last[1]) >= LASSO_STEP_PX) this.#path.push(p);
      return [{ kind: 'preview', polygon: [...this.#path, this.#path[0]] }];
    }
    // up
    const start = this.#start;
    const additive = this.#additive;
    const moved = this.#moved || far;
    const path = this.#path;
    this.#start = null;
    this.#path = [];
    if (!moved || this.tool === 'click') {
      return this.tool === 'click' && moved ? [] : [{ kind: 'preview', polygon: null }, { kind: 'click', at: p, additive }];
    }
    if (this.tool === 'box') return [{ kind: 'preview', polygon: null }, { kind: 'area', polygon: boxPolygon(start, p), additive }];
    if (path.length < 3) return [{ kind: 'preview', polygon: null }, { kind: 'click', at: p, additive }];
    return [{ kind: 'preview', polygon: null }, { kind: 'area', polygon: [...path, path[0]], additive }];
  }

  cancel(): SelectAction[] {
    const wasDragging = this.#start !== null;
    this.#start = null;
    this.#path = [];
    return wasDragging ? [{ kind: 'preview', polygon: null }] : [];
  }
}

/** Ray-casting point-in-polygon (any planar coordinates; the ring may or may not repeat its first point). */
export function pointInRing(x: number, y: number, ring: readonly (readonly number[])[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Ids whose representative point lies inside the polygon (both in the same coordinates). */
export function idsInPolygon(points: readonly { id: string; x: number; y: number }[], polygon: readonly (readonly number[])[]): string[] {
  return points.filter((p) => pointInRing(p.x, p.y, polygon)).map((p) => p.id);
}

/** The next selection after an action: click replaces or toggles, an area replaces or adds. */
export function nextSelection(current: ReadonlySet<string>, hit: string[], mode: 'replace' | 'toggle' | 'add'): Set<string> {
  if (mode === 'replace') return new Set(hit);
  const next = new Set(current);
  for (const id of hit) {
    if (mode === 'toggle' && next.has(id)) next.delete(id);
    else next.add(id);
  }
  return next;
}
