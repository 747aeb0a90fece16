// Clipper output → OGC-valid rings, in integer units, before anything is turned back into lon/lat.
//
// Clipper2's union is correct as a point set but may return a ring that touches itself (a courtyard closed at one
// point comes back as an "inverted hole"), a hole that touches its shell twice inside one ring, a vertex lying on
// another ring's edge (exact here, but a fraction of a millimetre off once rounded to lon/lat), or a slit a
// millimetre wide. One sweep finds every vertex within `snapUnits` of an edge it does not belong to (and any
// crossing); almost every group has none and is returned untouched. Otherwise:
//   snap   vertices closer than snapUnits join, and a vertex near an edge is inserted into it (shared exactly);
//   cancel a boundary run both ways (a slit, a spike, a wall counted twice) is dropped;
//   trace  faces are walked keeping the interior on the left and turning as sharply right as possible at every
//          vertex, which yields the smallest faces; each walk is cut where it revisits a vertex, into simple loops;
//   nest   counter-clockwise loops are shells, clockwise ones holes, each in the smallest shell containing it.
// After this no vertex lies within snapUnits of an edge it is not an end of, unless it is that edge's end exactly,
// so rounding every vertex by less than snapUnits / 2 cannot make rings cross or touch anew.
import type { Path64, Paths64 } from 'clipper2-ts';

/** What the normaliser changed, for the "repairs" list of an outline. */
export type TopologyFix = 'vertices_snapped' | 'touching_rings_split' | 'slits_removed' | 'crossings_resolved';

export interface NormalizedPolygons {
  /** Polygons as [shell (counter-clockwise), ...holes (clockwise)], integer units. */
  polys: Paths64[];
  /** Empty when the input was already clean (and is then returned as given). */
  fixes: TopologyFix[];
}

/**
 * Edges shorter than `d` (rounding crumbs of offsets and unions) collapse: of two vertices that close, one goes,
 * preferring to keep one `keep` marks (a member's own vertex). Rings left with fewer than 3 vertices go.
 */
function collapseShortEdges(polys: Paths64[], d: number, keep?: (x: number, y: number) => boolean): Paths64[] {
  const d2 = d * d;
  const close = (a: { x: number; y: number }, b: { x: number; y: number }) => {
    const dx = a.x - b.x;
    const dy = a.y - b.y;
    return dx * dx + dy * dy <= d2;
  };
  const out: Paths64[] = [];
  for (const p of polys) {
    const rings: Paths64 = [];
    for (let q = 0; q < p.length; q++) {
      const r = p[q];
      // most rings have no short edge (only a few corners of a closing come back as crumbs): kept as they are
      let short = false;
      for (let i = 0, j = r.length - 1; i < r.length && !short; j = i++) short = close(r[j], r[i]);
      if (!short) {
        if (r.length >= 3 && area2(r) !== 0) rings.push(r);
        else if (q === 0) break;
        continue;
      }
      const kept: Path64 = [];
      for (const pt of r) {
        const last = kept[kept.length - 1];
        if (last && close(last, pt)) {
          if (keep && !keep(last.x, last.y) && keep(pt.x, pt.y)) kept[kept.length - 1] = pt;
          continue;
        }
        kept.push(pt);
      }
      while (kept.length > 1 && close(kept[0], kept[kept.length - 1])) {
        const last = kept.pop()!;
        if (keep && !keep(kept[0].x, kept[0].y) && keep(last.x, last.y)) kept[0] = last;
      }
      if (kept.length >= 3 && area2(kept) !== 0) rings.push(kept);
      else if (q === 0) break; // the shell went: the part goes with its holes
    }
    if (rings.length) out.push(rings);
  }
  return out;
}

interface Flat {
  x: Float64Array;
  y: Float64Array;
  next: Int32Array;
  n: number;
}

// Buffers reused from call to call (the merge calls this once per group): the fast path allocates nothing.
let bufX = new Float64Array(1024);
let bufY = new Float64Array(1024);
let bufNext = new Int32Array(1024);
let bufOrder = new Int32Array(1024);
let bufKey = new Float64Array(1024);
let bufActive = new Int32Array(1024);
let bufPacked = new Float64Array(1024);
let bufLen = new Float64Array(1024);
let bufBox = new Float64Array(4096);

function ensure(n: number): void {
  if (bufX.length >= n) return;
  let size = bufX.length;
  while (size < n) size *= 2;
  bufX = new Float64Array(size);
  bufY = new Float64Array(size);
  bufNext = new Int32Array(size);
  bufOrder = new Int32Array(size);
  bufKey = new Float64Array(size);
  bufActive = new Int32Array(size);
  bufPacked = new Float64Array(size);
  bufLen = new Float64Array(size);
  bufBox = new Float64Array(4 * size);
}

/**
 * All rings into the shared buffers; returns -1 when some edge is shorter than `d` (the caller collapses first).
 */
function flattenInto(polys: Paths64[], d: number): number {
  let n = 0;
  for (let p = 0; p < polys.length; p++) for (let q = 0; q < polys[p].length; q++) n += polys[p][q].length;
  ensure(n);
  const d2 = d * d;
  const x = bufX;
  const y = bufY;
  const next = bufNext;
  let k = 0;
  for (let p = 0; p < polys.length; p++) {
    const rings = polys[p];
    for (let q = 0; q < rings.length; q++) {
      const r = rings[q];
      const s = k;
      let px = r[r.length - 1].x;
      let py = r[r.length - 1].y;
      for (let i = 0; i < r.length; i++) {
        const pt = r[i];
        const dx = pt.x - px;
        const dy = pt.y - py;
        if (dx * dx + dy * dy <= d2) return -1;
        x[k] = px = pt.x;
        y[k] = py = pt.y;
        next[k] = k + 1;
        k++;
      }
      if (k > s) next[k - 1] = s;
    }
  }
  return n;
}

function copyFlat(n: number): Flat {
  return { x: bufX.slice(0, n), y: bufY.slice(0, n), next: bufNext.slice(0, n), n };
}

interface Hazard {
  /** a vertex and an edge (from vertex e) it is within reach of; or two crossing edges (v = -1 - other edge) */
  v: number;
  e: number;
}

/**
 * Vertex–edge pairs within `d` units where the vertex is not an end of the edge, plus crossing edges. With
 * `first`, stops at the first one (the fast check). A sweep over x; edges ordered by insertion sort when few, by a
 * packed numeric sort when many.
 */
function scan(f: Flat, d: number, first: boolean): Hazard[] {
  const { x, y, next, n } = f;
  const out: Hazard[] = [];
  if (n < 3) return out;
  ensure(n);
  const order = bufOrder;
  const key = bufKey;
  const reach = fillReach(f, d);
  for (let k = 0; k < n; k++) {
    const nx = next[k];
    key[k] = x[k] < x[nx] ? x[k] : x[nx];
  }
  if (n <= 48) {
    for (let k = 0; k < n; k++) {
      const kk = key[k];
      let j = k - 1;
      while (j >= 0 && key[order[j]] > kk) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = k;
    }
  } else if (n < 2097152) {
    let x0 = Infinity;
    for (let k = 0; k < n; k++) if (key[k] < x0) x0 = key[k];
    const packed = bufPacked.subarray(0, n);
    for (let k = 0; k < n; k++) packed[k] = Math.floor(key[k] - x0) * 2097152 + k;
    packed.sort();
    for (let k = 0; k < n; k++) order[k] = packed[k] % 2097152;
  } else {
    const idx = Array.from({ length: n }, (_, k) => k);
    idx.sort((a, b) => key[a] - key[b] || a - b);
    for (let k = 0; k < n; k++) order[k] = idx[k];
  }
  const d2 = d * d;
  const active = bufActive;
  let nActive = 0;
  for (let o = 0; o < n; o++) {
    const i = order[o];
    const ia = i;
    const ib = next[i];
    const ax = x[ia], ay = y[ia], bx = x[ib], by = y[ib];
    const iMinX = ax < bx ? ax : bx;
    const iMinY = (ay < by ? ay : by) - d;
    const iMaxY = (ay < by ? by : ay) + d;
    let w = 0;
    for (let q = 0; q < nActive; q++) {
      const j = active[q];
      const ja = j;
      const jb = next[j];
      const cx = x[ja], cy = y[ja], dx = x[jb], dy = y[jb];
      if ((cx > dx ? cx : dx) + d < iMinX) continue; // ended: drop
      active[w++] = j;
      if ((cy > dy ? cy : dy) < iMinY || (cy < dy ? cy : dy) > iMaxY) continue;
      if (edgePair(f, i, j, d2, reach, out, first)) return out;
    }
    active[w++] = i;
    nActive = w;
  }
  return out;
}

/** Rings with more edges than this go through the sweep even for the yes/no check. */
const ALL_PAIRS_MAX = 40;
/** Where anyHazard's pair tests put what they find (only whether there is anything is read). */
const found: Hazard[] = [];

/**
 * Does scan(f, d) find anything? For few edges (a zone's outline usually has a few dozen) every pair is tried, boxes
 * first, which costs less than sorting the edges for the sweep; the pairs whose boxes come within d are the ones the
 * sweep meets, and each is tested the same way (edgePair), so the answer is the sweep's.
 */
function anyHazard(f: Flat, d: number): boolean {
  const { x, y, next, n } = f;
  if (n < 3) return false;
  if (n > ALL_PAIRS_MAX) return scan(f, d, true).length > 0;
  const reach = fillReach(f, d);
  const box = bufBox;
  for (let k = 0; k < n; k++) {
    const nx = next[k];
    box[4 * k] = x[k] < x[nx] ? x[k] : x[nx];
    box[4 * k + 1] = y[k] < y[nx] ? y[k] : y[nx];
    box[4 * k + 2] = x[k] < x[nx] ? x[nx] : x[k];
    box[4 * k + 3] = y[k] < y[nx] ? y[nx] : y[k];
  }
  const d2 = d * d;
  for (let i = 0; i < n; i++) {
    const iMinX = box[4 * i] - d, iMinY = box[4 * i + 1] - d, iMaxX = box[4 * i + 2] + d, iMaxY = box[4 * i + 3] + d;
    for (let j = i + 1; j < n; j++) {
      if (box[4 * j + 2] < iMinX || box[4 * j] > iMaxX || box[4 * j + 3] < iMinY || box[4 * j + 1] > iMaxY) continue;
      if (edgePair(f, i, j, d2, reach, found, true)) {
        found.length = 0;
        return true;
      }
    }
  }
  return false;
}

/**
 * d × each edge's length, a hair wide (for the square root's rounding), into a shared buffer: an end whose
 * |orientation| against an edge is above it lies farther than d from that edge's line, so it needs no segDist2.
 */
function fillReach(f: Flat, d: number): Float64Array {
  const { x, y, next, n } = f;
  ensure(n);
  const reach = bufLen;
  for (let k = 0; k < n; k++) {
    const ex = x[next[k]] - x[k];
    const ey = y[next[k]] - y[k];
    reach[k] = d * Math.sqrt(ex * ex + ey * ey) * (1 + 1e-9) + 1e-6;
  }
  return reach;
}

/**
 * The contacts of edges i and j (each from its vertex to the next) into `out`: a proper crossing (and then nothing
 * else), or each end within √d2 of the other edge, ends the two share skipped (the same vertex, not a contact). With
 * `first`, stops at the first and returns true (the caller stops too); false otherwise.
 */
function edgePair(f: Flat, i: number, j: number, d2: number, reach: Float64Array, out: Hazard[], first: boolean): boolean {
  const { x, y, next } = f;
  const ia = i;
  const ib = next[i];
  const ja = j;
  const jb = next[j];
  const ax = x[ia], ay = y[ia], bx = x[ib], by = y[ib];
  const cx = x[ja], cy = y[ja], dx = x[jb], dy = y[jb];
  // the four orientations (exact in integers): a proper crossing, and each end's distance to the other edge's line
  // (|o| / length), which bounds its distance to the edge from below, so most pairs need no segDist2
  const o1 = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  const o2 = (bx - ax) * (dy - ay) - (by - ay) * (dx - ax);
  const o3 = (dx - cx) * (ay - cy) - (dy - cy) * (ax - cx);
  const o4 = (dx - cx) * (by - cy) - (dy - cy) * (bx - cx);
  if (jb !== ia && ja !== ib && ((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0))) {
    out.push({ v: -1 - j, e: i });
    return first;
  }
  const li = reach[i];
  const lj = reach[j];
  if (ja !== ia && ja !== ib && (o1 < 0 ? -o1 : o1) <= li && segDist2(cx, cy, ax, ay, bx, by) <= d2) {
    out.push({ v: ja, e: i });
    if (first) return true;
  }
  if (jb !== ia && jb !== ib && (o2 < 0 ? -o2 : o2) <= li && segDist2(dx, dy, ax, ay, bx, by) <= d2) {
    out.push({ v: jb, e: i });
    if (first) return true;
  }
  if (ia !== ja && ia !== jb && (o3 < 0 ? -o3 : o3) <= lj && segDist2(ax, ay, cx, cy, dx, dy) <= d2) {
    out.push({ v: ia, e: j });
    if (first) return true;
  }
  if (ib !== ja && ib !== jb && (o4 < 0 ? -o4 : o4) <= lj && segDist2(bx, by, cx, cy, dx, dy) <= d2) {
    out.push({ v: ib, e: j });
    if (first) return true;
  }
  return false;
}

/** Squared distance from point (px, py) to segment a–b. */
function segDist2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const ex = ax + t * dx - px;
  const ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}

/** Signed doubled area of a closed integer path (positive = counter-clockwise). */
function area2(p: Path64): number {
  let s = 0;
  for (let i = 0, j = p.length - 1; i < p.length; j = i++) s += (p[j].x - p[0].x) * (p[i].y - p[0].y) - (p[i].x - p[0].x) * (p[j].y - p[0].y);
  return s;
}

/** Even-odd point in ring (integers or half-integers: exact). */
function inRing(px: number, py: number, r: Path64): boolean {
  let inside = false;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const a = r[j];
    const b = r[i];
    if (a.y > py !== b.y > py) {
      const side = (b.x - a.x) * (py - a.y) - (b.y - a.y) * (px - a.x);
      if (b.y > a.y ? side > 0 : side < 0) inside = !inside;
    }
  }
  return inside;
}

/**
 * Clipper rings → OGC-valid polygons (see the top of this file). Input: polygons as [shell, ...holes] with shells
 * counter-clockwise and holes clockwise (a Clipper PolyTree read out), integer units.
 * @param snapUnits reach in units within which boundaries are joined (2 = 2 mm at Clipper's 1 mm units)
 * @example
 * const { polys, fixes } = normalizePolygons([[courtyardTouchingItself]], 2);
 * // polys: [[shell, courtyard]], fixes: ['touching_rings_split']
 */
export function normalizePolygons(polys: Paths64[], snapUnits = 2, keep?: (x: number, y: number) => boolean): NormalizedPolygons {
  let n = flattenInto(polys, snapUnits);
  if (n < 0) {
    polys = collapseShortEdges(polys, snapUnits, keep);
    n = flattenInto(polys, snapUnits);
  }
  const view: Flat = { x: bufX, y: bufY, next: bufNext, n };
  if (!anyHazard(view, snapUnits)) return { polys, fixes: [] };
  const flat = copyFlat(n);
  return repair(flat, scan(flat, snapUnits, false), polys, snapUnits);
}

function repair(f: Flat, hazards: Hazard[], input: Paths64[], snapReach: number): NormalizedPolygons {
  const fixes = new Set<TopologyFix>();
  const { next } = f;
  const x: number[] = Array.from(f.x);
  const y: number[] = Array.from(f.y);
  const n0 = f.n;
  // 1. crossings: a new vertex at the (rounded) crossing point, inserted into both edges
  const inserts = new Map<number, number[]>(); // edge → vertices to put into it
  const addInsert = (e: number, v: number) => {
    const list = inserts.get(e);
    if (list) list.push(v);
    else inserts.set(e, [v]);
  };
  const parent: number[] = [];
  for (let k = 0; k < n0; k++) parent.push(k);
  const find = (v: number): number => {
    while (parent[v] !== v) {
      parent[v] = parent[parent[v]];
      v = parent[v];
    }
    return v;
  };
  const join = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[ra < rb ? rb : ra] = ra < rb ? ra : rb;
  };
  for (const h of hazards) {
    if (h.v >= 0) continue;
    const i = h.e;
    const j = -1 - h.v;
    const ax = x[i], ay = y[i], bx = x[next[i]], by = y[next[i]];
    const cx = x[j], cy = y[j], dx = x[next[j]], dy = y[next[j]];
    const den = (bx - ax) * (dy - cy) - (by - ay) * (dx - cx);
    const t = ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) / den;
    const v = x.length;
    x.push(Math.round(ax + t * (bx - ax)));
    y.push(Math.round(ay + t * (by - ay)));
    parent.push(v);
    addInsert(i, v);
    addInsert(j, v);
    fixes.add('crossings_resolved');
  }
  // 2. vertices near vertices join; vertices near an edge go into it
  const near: Hazard[] = [];
  for (const h of hazards) {
    if (h.v < 0) continue;
    const v = h.v;
    const a = h.e;
    const b = next[a];
    const d = (p: number) => Math.hypot(x[v] - x[p], y[v] - y[p]);
    const da = d(a);
    const db = d(b);
    if (da <= db && da <= snapReach) {
      if (da > 0) fixes.add('vertices_snapped');
      join(v, a);
    } else if (db <= snapReach) {
      if (db > 0) fixes.add('vertices_snapped');
      join(v, b);
    } else near.push(h);
  }
  for (const h of near) {
    const v = find(h.v);
    const a = h.e;
    if (find(a) === v || find(next[a]) === v) continue;
    addInsert(a, v);
    // a vertex exactly on the edge is a touch to be noded, not a change of shape
    const ax = x[a], ay = y[a], bx = x[next[a]], by = y[next[a]];
    if ((bx - ax) * (y[v] - ay) - (by - ay) * (x[v] - ax) !== 0) fixes.add('vertices_snapped');
  }
  // 3. rings rebuilt through representatives and inserted vertices, as directed edges
  const edges: number[] = []; // pairs u, v (representative vertex ids)
  for (let s = 0; s < n0; ) {
    // ring from s: vertices s, next[s], … until back at s
    let k = s;
    let end = s;
    do {
      end = Math.max(end, k);
      const a = find(k);
      const list = inserts.get(k);
      const seq = [a];
      if (list) {
        const ax = x[k], ay = y[k], bx = x[next[k]], by = y[next[k]];
        const dx = bx - ax;
        const dy = by - ay;
        const len2 = dx * dx + dy * dy || 1;
        const pts = list.map((v) => find(v)).filter((v, i, arr) => arr.indexOf(v) === i);
        pts.sort((p, q) => ((x[p] - ax) * dx + (y[p] - ay) * dy) / len2 - ((x[q] - ax) * dx + (y[q] - ay) * dy) / len2 || p - q);
        for (const p of pts) seq.push(p);
      }
      seq.push(find(next[k]));
      for (let t = 0; t + 1 < seq.length; t++) if (seq[t] !== seq[t + 1]) edges.push(seq[t], seq[t + 1]);
      k = next[k];
    } while (k !== s);
    s = end + 1;
  }
  // 4. a boundary run both ways bounds nothing: drop each such pair
  const N = x.length;
  const back = new Map<number, number[]>(); // key u*N+v → edge ids (u → v) still unmatched
  const alive: boolean[] = [];
  const src: number[] = [];
  const dst: number[] = [];
  for (let t = 0; t < edges.length; t += 2) {
    const id = src.length;
    const u = edges[t];
    const v = edges[t + 1];
    src.push(u);
    dst.push(v);
    alive.push(true);
    const opposite = back.get(v * N + u);
    if (opposite && opposite.length) {
      alive[opposite.pop()!] = false;
      alive[id] = false;
      fixes.add('slits_removed');
      continue;
    }
    const list = back.get(u * N + v);
    if (list) list.push(id);
    else back.set(u * N + v, [id]);
  }
  const outgoing = new Map<number, number[]>();
  for (let id = 0; id < src.length; id++) {
    if (!alive[id]) continue;
    const list = outgoing.get(src[id]);
    if (list) list.push(id);
    else outgoing.set(src[id], [id]);
  }
  // 5. walk faces: arriving at v from u, leave by the edge turning most sharply right (first clockwise from v → u)
  const cls = (ux: number, uy: number, px: number, py: number) => {
    // clockwise angle classes from reference u: (0°, 180°), 180°, (180°, 360°), 360°
    const c = ux * py - uy * px;
    if (c < 0) return 0;
    if (c === 0) return ux * px + uy * py < 0 ? 1 : 3;
    return 2;
  };
  const used: boolean[] = src.map(() => false);
  const walks: number[][] = [];
  for (let e0 = 0; e0 < src.length; e0++) {
    if (!alive[e0] || used[e0]) continue;
    used[e0] = true;
    const walk: number[] = [src[e0]];
    let e = e0;
    let closed = false;
    for (let guard = 0; guard <= src.length; guard++) {
      const u = src[e];
      const v = dst[e];
      walk.push(v);
      const ux = x[u] - x[v];
      const uy = y[u] - y[v];
      const cand = (outgoing.get(v) ?? []).filter((c) => c === e0 || !used[c]);
      if (!cand.length) break;
      cand.sort((p, q) => {
        const px = x[dst[p]] - x[v], py = y[dst[p]] - y[v];
        const qx = x[dst[q]] - x[v], qy = y[dst[q]] - y[v];
        const d = cls(ux, uy, px, py) - cls(ux, uy, qx, qy);
        if (d !== 0) return d;
        const c = px * qy - py * qx; // q clockwise from p → p first
        return c < 0 ? -1 : c > 0 ? 1 : p - q;
      });
      const c = cand[0];
      if (c === e0) {
        closed = true;
        break;
      }
      used[c] = true;
      e = c;
    }
    if (closed) walks.push(walk.slice(0, -1));
    else fixes.add('slits_removed');
  }
  // 6. cut walks into simple loops where they revisit a vertex
  const loops: number[][] = [];
  for (const walk of walks) {
    const stack: number[] = [];
    const at = new Map<number, number>();
    for (const v of [...walk, walk[0]]) {
      const seen = at.get(v);
      if (seen !== undefined) {
        const loop = stack.splice(seen);
        for (const w of loop) at.delete(w);
        if (loop.length >= 3) loops.push(loop);
        else fixes.add('slits_removed');
      }
      at.set(v, stack.length);
      stack.push(v);
    }
  }
  // 7. shells and holes
  const toPath = (loop: number[]): Path64 => loop.map((v) => ({ x: x[v], y: y[v] }));
  const shells: { path: Path64; area: number; holes: Path64[] }[] = [];
  const holes: { path: Path64; loop: number[] }[] = [];
  const uses = new Map<number, number>();
  for (const loop of loops) for (const v of loop) uses.set(v, (uses.get(v) ?? 0) + 1);
  for (const loop of loops) {
    const path = toPath(loop);
    const a = area2(path);
    if (a > 0) shells.push({ path, area: a, holes: [] });
    else if (a < 0) holes.push({ path, loop });
  }
  shells.sort((p, q) => p.area - q.area);
  for (const h of holes) {
    // a point of the hole on no other ring: a vertex of its own, else the middle of its first edge
    const own = h.loop.find((v) => (uses.get(v) ?? 0) === 1);
    const px = own !== undefined ? x[own] : (x[h.loop[0]] + x[h.loop[1]]) / 2;
    const py = own !== undefined ? y[own] : (y[h.loop[0]] + y[h.loop[1]]) / 2;
    const shell = shells.find((s) => inRing(px, py, s.path));
    if (shell) shell.holes.push(h.path);
    else fixes.add('slits_removed'); // a hole outside every shell encloses nothing
  }
  let ringsIn = 0;
  for (const p of input) ringsIn += p.length;
  const polys = shells.map((s) => [s.path, ...s.holes]);
  let ringsOut = 0;
  for (const p of polys) ringsOut += p.length;
  if (ringsOut > ringsIn) fixes.add('touching_rings_split');
  return { polys, fixes: [...fixes] };
}
