// Does an outline hold all its members? For the merge: a mitre closing only rarely cuts into a member (where it
// partly fills a courtyard or a notch), and adding all members back costs a whole extra union, so the merge adds back
// only the members this finds cut. A member M is cut by the outline E when some part of M lies outside E; then E's
// boundary enters M's interior or M reaches outside E, which shows (beyond `reach`, the rounding the outline allows) as
//   (a) an edge of E properly crossing an edge of M (a restored wall running on into M), or
//   (b) a vertex of E that is no member's vertex lying inside M.
// (A vertex of M outside E would show as (a) as well: M's edges from it cross E's boundary.) All in integer units:
// a uniform grid over member edges for (a) (typed arrays reused from group to group), point-in-ring counts for (b),
// boxes first. The seeded property test (test/geo/merge-property.test.ts) checks on thousands of layouts that what
// this misses is below `reach`.
//
// Where a cut can be at all (membersNearReflexCorners, run first so most groups skip membersCut): the closing is
// shrink(grow(U)) with mitre joins, U the members' union. The grow holds the round (disk) growth, and shrinking by a
// disk would give back at least U; a mitre shrink removes more than a disk shrink only at the grown outline's reflex
// corners, in the corner's kite: the corner v, its two feet v + r·n₁ and v + r·n₂ (inward normals) and the mitre
// point where the shifted walls meet (within 2r of v: sharper corners are squared off nearer v). So only a member
// reaching into such a kite can be cut.
import Flatbush from 'flatbush';
import type { Path64, Paths64 } from 'clipper2-ts';

/** Winding number of closed path p around (px, py), or NaN when the point lies within `reach` of the path. */
function windingOrNaN(p: Path64, px: number, py: number, r2: number): number {
  let w = 0;
  for (let i = 0, j = p.length - 1; i < p.length; j = i++) {
    const a = p[j];
    const b = p[i];
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len2 = dx * dx + dy * dy;
    let t = len2 > 0 ? ((px - a.x) * dx + (py - a.y) * dy) / len2 : 0;
    if (t < 0) t = 0;
    else if (t > 1) t = 1;
    const ex = a.x + t * dx - px;
    const ey = a.y + t * dy - py;
    if (ex * ex + ey * ey <= r2) return NaN;
    const side = dx * (py - a.y) - dy * (px - a.x);
    if (a.y <= py) {
      if (b.y > py && side > 0) w++;
    } else if (b.y <= py && side < 0) w--;
  }
  return w;
}

function boxes(rings: Paths64, out: number[]): void {
  for (const p of rings) {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const q of p) {
      if (q.x < x0) x0 = q.x;
      if (q.x > x1) x1 = q.x;
      if (q.y < y0) y0 = q.y;
      if (q.y > y1) y1 = q.y;
    }
    out.push(x0, y0, x1, y1);
  }
}

const buf = {
  ax: new Float64Array(256), ay: new Float64Array(256), bx: new Float64Array(256), by: new Float64Array(256),
  ex0: new Float64Array(256), ey0: new Float64Array(256), ex1: new Float64Array(256), ey1: new Float64Array(256),
  who: new Int32Array(256),
};
/** The grid of member edges (cell starts, fill positions, edge ids, each edge's cell range), reused from call to call. */
const grid = { count: new Int32Array(1024), fill: new Int32Array(1024), edges: new Int32Array(1024), cells: new Int32Array(1024) };
function grow(n: number): void {
  if (buf.ax.length >= n) return;
  let size = buf.ax.length;
  while (size < n) size *= 2;
  buf.ax = new Float64Array(size);
  buf.ay = new Float64Array(size);
  buf.bx = new Float64Array(size);
  buf.by = new Float64Array(size);
  buf.ex0 = new Float64Array(size);
  buf.ey0 = new Float64Array(size);
  buf.ex1 = new Float64Array(size);
  buf.ey1 = new Float64Array(size);
  buf.who = new Int32Array(size);
}

/** Coverage of (px, py) by rings (boxes b from index k0), NaN when on one of them (within reach). */
function cover(rings: Paths64, b: number[], k0: number, px: number, py: number, reach: number, r2: number): number {
  let c = 0;
  for (let k = 0; k < rings.length; k++) {
    const o = 4 * (k0 + k);
    if (px < b[o] - reach || px > b[o + 2] + reach || py < b[o + 1] - reach || py > b[o + 3] + reach) continue;
    const w = windingOrNaN(rings[k], px, py, r2);
    if (w !== w) return NaN;
    c += w;
  }
  return c;
}

/**
 * Per reflex corner of the grown outline: its kite's box (x0, y0, x1, y1) and the kite shrunk by `margin` as four
 * half-planes (nx, ny, c: inside where nx·x + ny·y > c), 16 numbers a corner, reused from call to call.
 */
let kites = new Float64Array(16 * 64);
/** The kites sorted by their boxes' left edges (positions, and those edges), reused from call to call. */
let kiteOrder = new Int32Array(64);
let kiteLeft = new Float64Array(64);

/** Adds corner k's kite from its four vertices (any orientation); returns false when the shrunk kite is empty. */
function putKite(k: number, xs: number[], ys: number[], margin: number): boolean {
  let a2 = 0;
  for (let i = 0, j = 3; i < 4; j = i++) a2 += xs[j] * ys[i] - xs[i] * ys[j];
  const sign = a2 > 0 ? 1 : -1; // counter-clockwise: the interior is on each edge's left
  const o = 16 * k;
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let i = 0; i < 4; i++) {
    const j = (i + 1) % 4;
    const dx = (xs[j] - xs[i]) * sign, dy = (ys[j] - ys[i]) * sign;
    const len = Math.sqrt(dx * dx + dy * dy);
    if (len === 0) {
      // a collapsed side: the kite is the triangle of the others (this plane holds everywhere)
      kites[o + 4 + 3 * i] = 0;
      kites[o + 5 + 3 * i] = 0;
      kites[o + 6 + 3 * i] = -1;
    } else {
      const nx = -dy / len, ny = dx / len;
      kites[o + 4 + 3 * i] = nx;
      kites[o + 5 + 3 * i] = ny;
      kites[o + 6 + 3 * i] = nx * xs[i] + ny * ys[i] + margin;
    }
    if (xs[i] < x0) x0 = xs[i];
    if (xs[i] > x1) x1 = xs[i];
    if (ys[i] < y0) y0 = ys[i];
    if (ys[i] > y1) y1 = ys[i];
  }
  if (Math.abs(a2) / 2 <= margin * (x1 - x0 + y1 - y0)) {
    // thinner than the margin somewhere across: nothing deeper than the margin fits (area ≤ margin × half perimeter)
    return false;
  }
  kites[o] = x0 + margin;
  kites[o + 1] = y0 + margin;
  kites[o + 2] = x1 - margin;
  kites[o + 3] = y1 - margin;
  return true;
}

/** Does segment (px, py)–(qx, qy) pass through the open shrunk kite k? (Cyrus–Beck against its half-planes.) */
function segmentInKite(k: number, px: number, py: number, qx: number, qy: number): boolean {
  const o = 16 * k;
  let t0 = 0;
  let t1 = 1;
  const dx = qx - px, dy = qy - py;
  for (let i = 0; i < 4; i++) {
    const nx = kites[o + 4 + 3 * i], ny = kites[o + 5 + 3 * i], c = kites[o + 6 + 3 * i];
    const num = nx * px + ny * py - c; // > 0 inside
    const den = nx * dx + ny * dy;
    if (den === 0) {
      if (num <= 0) return false;
    } else {
      const t = -num / den;
      if (den > 0) {
        if (t > t0) t0 = t;
      } else if (t < t1) t1 = t;
      if (t0 >= t1) return false;
    }
  }
  return t0 < t1;
}

/**
 * Positions (in `members`) of the members that reach deeper than `margin` into the corner region a mitre shrink by
 * `r` cuts beyond a disk shrink (the kites, see the top of this file): the only members a closing can cut. Usually
 * empty (then membersCut can be skipped). A member never holds a whole kite: the kite's corner at v lies within r of the grown
 * outline, where no member is; so it reaches in only across its own edges.
 * @param grown the grown outline (Clipper union output: shells positive, holes negative, interior on the left)
 * @param members each member's rings
 * @param r the shrink, units
 * @param miterLimit the shrink's mitre limit (× r)
 * @param margin units: what reaches less deep into a kite is no cut (half the cut depth membersCut counts)
 * @param boxes when the caller has them: each member's box (x0, y0, x1, y1 at 4 × its position), else measured here
 * @example membersNearReflexCorners(grown, byMember, 75_050, 2, 100) // [] when no member can be cut
 */
export function membersNearReflexCorners(
  grown: Paths64, members: Paths64[], r: number, miterLimit: number, margin: number, boxes?: Float64Array,
): number[] {
  let nk = 0;
  const far = miterLimit * r;
  const xs = [0, 0, 0, 0];
  const ys = [0, 0, 0, 0];
  for (const p of grown) {
    const n = p.length;
    if (n < 3) continue;
    let a = p[n - 2];
    let v = p[n - 1];
    for (let i = 0; i < n; i++) {
      const b = p[i];
      const d1x = v.x - a.x, d1y = v.y - a.y, d2x = b.x - v.x, d2y = b.y - v.y;
      if (d1x * d2y - d1y * d2x < 0) {
        // a right turn with the interior on the left: a reflex corner. Inward normals are the walls' left normals.
        const l1 = Math.sqrt(d1x * d1x + d1y * d1y), l2 = Math.sqrt(d2x * d2x + d2y * d2y);
        const n1x = -d1y / l1, n1y = d1x / l1, n2x = -d2y / l2, n2y = d2x / l2;
        const cosA = n1x * n2x + n1y * n2y;
        if (cosA > 2 / (miterLimit * miterLimit) - 1) {
          const q = r / (1 + cosA);
          xs[0] = v.x;
          ys[0] = v.y;
          xs[1] = v.x + n1x * r;
          ys[1] = v.y + n1y * r;
          xs[2] = v.x + (n1x + n2x) * q;
          ys[2] = v.y + (n1y + n2y) * q;
          xs[3] = v.x + n2x * r;
          ys[3] = v.y + n2y * r;
        } else {
          // squared off: the region lies within miterLimit × r of v
          xs[0] = xs[3] = v.x - far;
          xs[1] = xs[2] = v.x + far;
          ys[0] = ys[1] = v.y - far;
          ys[2] = ys[3] = v.y + far;
        }
        if (kites.length < 16 * nk + 16) {
          const more = new Float64Array(kites.length * 2);
          more.set(kites);
          kites = more;
        }
        if (putKite(nk, xs, ys, margin)) nk++;
      }
      a = v;
      v = b;
    }
  }
  const out: number[] = [];
  if (nk === 0) return out;
  // Many kites: sorted by their left edge, so each member looks only at the few whose x-range can meet its box (a
  // province's large groups stay near-linear). Few (the usual group): a plain pass over them costs less than sorting.
  const K = kites;
  const sorted = nk > 24 && nk < 1048576;
  let widest = 0;
  if (sorted) {
    if (kiteOrder.length < nk) {
      kiteOrder = new Int32Array(2 * nk);
      kiteLeft = new Float64Array(2 * nk);
    }
    let minLeft = Infinity;
    for (let k = 0; k < nk; k++) {
      if (K[16 * k] < minLeft) minLeft = K[16 * k];
      if (K[16 * k + 2] - K[16 * k] > widest) widest = K[16 * k + 2] - K[16 * k];
    }
    // (left edge, position) packed into one number and sorted natively; positions fit below 2^20
    const packed = kiteLeft.subarray(0, nk);
    for (let k = 0; k < nk; k++) packed[k] = Math.floor(K[16 * k] - minLeft) * 1048576 + k;
    packed.sort();
    for (let k = 0; k < nk; k++) {
      kiteOrder[k] = packed[k] % 1048576;
      kiteLeft[k] = K[16 * kiteOrder[k]];
    }
  }
  const order = kiteOrder;
  const left = kiteLeft;
  for (let m = 0; m < members.length; m++) {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    if (boxes) {
      x0 = boxes[4 * m];
      y0 = boxes[4 * m + 1];
      x1 = boxes[4 * m + 2];
      y1 = boxes[4 * m + 3];
    } else {
      for (const ring of members[m]) {
        for (const q of ring) {
          if (q.x < x0) x0 = q.x;
          if (q.x > x1) x1 = q.x;
          if (q.y < y0) y0 = q.y;
          if (q.y > y1) y1 = q.y;
        }
      }
    }
    // with sorted kites: from the first whose left edge may still reach x0 (none is wider than `widest`)
    let lo = 0;
    if (sorted) {
      let hi = nk;
      const from = x0 - widest;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (left[mid] < from) lo = mid + 1;
        else hi = mid;
      }
    }
    let hit = false;
    for (let s = lo; s < nk && !hit; s++) {
      const k = sorted ? order[s] : s;
      if (sorted && left[s] > x1) break;
      const o = 16 * k;
      const kx0 = K[o], ky0 = K[o + 1], kx1 = K[o + 2], ky1 = K[o + 3];
      if (kx0 > x1 || kx1 < x0 || ky0 > y1 || ky1 < y0) continue;
      for (const ring of members[m]) {
        for (let i = 0, j = ring.length - 1; i < ring.length && !hit; j = i++) {
          const p = ring[j], q = ring[i];
          // the segment's box first: most of a member's walls are nowhere near a given corner
          if ((p.x < kx0 && q.x < kx0) || (p.x > kx1 && q.x > kx1) || (p.y < ky0 && q.y < ky0) || (p.y > ky1 && q.y > ky1)) continue;
          hit = segmentInKite(k, p.x, p.y, q.x, q.y);
        }
        if (hit) break;
      }
    }
    if (hit) out.push(m);
  }
  return out;
}

/**
 * Positions (in `members`) of the members the outline cuts by more than `reach` units.
 * @param outline the outline's rings (shells positive, holes negative)
 * @param members each member's rings (shells positive, holes negative)
 * @param isMemberVertex whether (x, y) is some member's vertex (those on the outline are where they belong)
 * @example membersCut(closedRings, groupMembers, 200, (x, y) => table.has(x, y)).size // 0 when nothing was cut
 */
export function membersCut(outline: Paths64, members: Paths64[], reach: number, isMemberVertex: (x: number, y: number) => boolean): Set<number> {
  const cut = new Set<number>();
  const r2 = reach * reach;
  const mb: number[] = [];
  const first: number[] = [];
  const box: number[] = []; // per member: x0, y0, x1, y1
  for (const rings of members) {
    first.push(mb.length / 4);
    boxes(rings, mb);
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (let k = first[first.length - 1]; k < mb.length / 4; k++) {
      if (mb[4 * k] < x0) x0 = mb[4 * k];
      if (mb[4 * k + 1] < y0) y0 = mb[4 * k + 1];
      if (mb[4 * k + 2] > x1) x1 = mb[4 * k + 2];
      if (mb[4 * k + 3] > y1) y1 = mb[4 * k + 3];
    }
    box.push(x0, y0, x1, y1);
  }
  // (b) the outline's own vertices (not members') inside a member; members found through a box index when many
  let index: Flatbush | null = null;
  if (members.length > 16) {
    index = new Flatbush(members.length);
    for (let m = 0; m < members.length; m++) index.add(box[4 * m], box[4 * m + 1], box[4 * m + 2], box[4 * m + 3]);
    index.finish();
  }
  const test = (m: number, x: number, y: number) => {
    if (!cut.has(m) && cover(members[m], mb, first[m], x, y, reach, r2) > 0) cut.add(m);
    return false;
  };
  let gx0 = Infinity, gy0 = Infinity, gx1 = -Infinity, gy1 = -Infinity;
  for (let m = 0; m < members.length; m++) {
    if (box[4 * m] < gx0) gx0 = box[4 * m];
    if (box[4 * m + 1] < gy0) gy0 = box[4 * m + 1];
    if (box[4 * m + 2] > gx1) gx1 = box[4 * m + 2];
    if (box[4 * m + 3] > gy1) gy1 = box[4 * m + 3];
  }
  for (const ring of outline) {
    for (const q of ring) {
      // boxes before the vertex table: the outline is often far larger than the members asked about
      if (q.x < gx0 || q.x > gx1 || q.y < gy0 || q.y > gy1 || isMemberVertex(q.x, q.y)) continue;
      if (index) index.search(q.x, q.y, q.x, q.y, (m) => test(m, q.x, q.y));
      else {
        for (let m = 0; m < members.length; m++) {
          if (q.x < box[4 * m] || q.x > box[4 * m + 2] || q.y < box[4 * m + 1] || q.y > box[4 * m + 3]) continue;
          test(m, q.x, q.y);
        }
      }
    }
  }
  // (a) outline edges properly crossing member edges: member edges in a uniform grid, each outline edge a query
  let nm = 0;
  for (let m = 0; m < members.length; m++) if (!cut.has(m)) for (const ring of members[m]) nm += ring.length;
  if (nm === 0) return cut;
  grow(nm);
  const { ax, ay, bx, by, ex0, ey0, ex1, ey1, who } = buf;
  let e = 0;
  gx0 = Infinity;
  gy0 = Infinity;
  gx1 = -Infinity;
  gy1 = -Infinity;
  for (let m = 0; m < members.length; m++) {
    if (cut.has(m)) continue;
    for (const p of members[m]) {
      for (let i = 0, j = p.length - 1; i < p.length; j = i++) {
        ax[e] = p[j].x;
        ay[e] = p[j].y;
        bx[e] = p[i].x;
        by[e] = p[i].y;
        ex0[e] = Math.min(p[j].x, p[i].x);
        ey0[e] = Math.min(p[j].y, p[i].y);
        ex1[e] = Math.max(p[j].x, p[i].x);
        ey1[e] = Math.max(p[j].y, p[i].y);
        if (ex0[e] < gx0) gx0 = ex0[e];
        if (ey0[e] < gy0) gy0 = ey0[e];
        if (ex1[e] > gx1) gx1 = ex1[e];
        if (ey1[e] > gy1) gy1 = ey1[e];
        who[e++] = m;
      }
    }
  }
  // the member edges in a uniform grid over their box (about one edge a cell), as a counting sort into `cellEdges`
  const side = Math.max(1, Math.min(64, Math.round(Math.sqrt(nm))));
  const cw = (gx1 - gx0) / side || 1;
  const ch = (gy1 - gy0) / side || 1;
  const ncell = side * side;
  grid.count = grid.count.length > ncell ? grid.count : new Int32Array(2 * ncell + 1);
  const count = grid.count;
  count.fill(0, 0, ncell + 1);
  let total = 0;
  const cells = grid.cells.length >= 4 * nm ? grid.cells : (grid.cells = new Int32Array(8 * nm));
  for (let k = 0; k < nm; k++) {
    // cells are [0, side) on each axis (the grid's box is the edges' own, so only rounding can fall outside)
    const cx0 = Math.max(0, Math.floor((ex0[k] - gx0) / cw)), cx1 = Math.min(side - 1, Math.floor((ex1[k] - gx0) / cw));
    const cy0 = Math.max(0, Math.floor((ey0[k] - gy0) / ch)), cy1 = Math.min(side - 1, Math.floor((ey1[k] - gy0) / ch));
    cells[4 * k] = cx0;
    cells[4 * k + 1] = cx1;
    cells[4 * k + 2] = cy0;
    cells[4 * k + 3] = cy1;
    for (let cy = cy0; cy <= cy1; cy++) for (let cx = cx0; cx <= cx1; cx++) count[cy * side + cx + 1]++;
    total += (cx1 - cx0 + 1) * (cy1 - cy0 + 1);
  }
  for (let c = 0; c < ncell; c++) count[c + 1] += count[c];
  if (grid.edges.length < total) grid.edges = new Int32Array(2 * total);
  if (grid.fill.length < ncell) grid.fill = new Int32Array(2 * ncell);
  const cellEdges = grid.edges;
  const at = grid.fill;
  at.set(count.subarray(0, ncell));
  for (let k = 0; k < nm; k++) {
    for (let cy = cells[4 * k + 2]; cy <= cells[4 * k + 3]; cy++) {
      for (let cx = cells[4 * k]; cx <= cells[4 * k + 1]; cx++) cellEdges[at[cy * side + cx]++] = k;
    }
  }
  for (const p of outline) {
    for (let i = 0, jj = p.length - 1; i < p.length; jj = i++) {
      const px = p[jj].x, py = p[jj].y, qx = p[i].x, qy = p[i].y;
      const x0 = px < qx ? px : qx, y0 = py < qy ? py : qy, x1 = px < qx ? qx : px, y1 = py < qy ? qy : py;
      if (x1 < gx0 || x0 > gx1 || y1 < gy0 || y0 > gy1) continue;
      const dx = qx - px, dy = qy - py;
      let cx0 = Math.floor((x0 - gx0) / cw), cx1 = Math.floor((x1 - gx0) / cw);
      let cy0 = Math.floor((y0 - gy0) / ch), cy1 = Math.floor((y1 - gy0) / ch);
      if (cx0 < 0) cx0 = 0;
      if (cy0 < 0) cy0 = 0;
      if (cx1 >= side) cx1 = side - 1;
      if (cy1 >= side) cy1 = side - 1;
      for (let cy = cy0; cy <= cy1; cy++) {
        for (let cx = cx0; cx <= cx1; cx++) {
          const c = cy * side + cx;
          for (let n = count[c]; n < count[c + 1]; n++) {
            const k = cellEdges[n];
            if (ex0[k] > x1 || ex1[k] < x0 || ey0[k] > y1 || ey1[k] < y0) continue;
            // a proper crossing of p→q and member edge k, farther than reach from the ends of both
            const o1 = dx * (ay[k] - py) - dy * (ax[k] - px);
            const o2 = dx * (by[k] - py) - dy * (bx[k] - px);
            if (!((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0))) continue;
            const kx = bx[k] - ax[k], ky = by[k] - ay[k];
            const o3 = kx * (py - ay[k]) - ky * (px - ax[k]);
            const o4 = kx * (qy - ay[k]) - ky * (qx - ax[k]);
            if (!((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0))) continue;
            // a crossing within reach of an end of either edge is a touch blurred by rounding, not a cut
            if (Math.min(Math.abs(o1), Math.abs(o2)) <= reach * Math.sqrt(dx * dx + dy * dy)) continue;
            if (Math.min(Math.abs(o3), Math.abs(o4)) <= reach * Math.sqrt(kx * kx + ky * ky)) continue;
            cut.add(who[k]);
          }
        }
      }
    }
  }
  return cut;
}
