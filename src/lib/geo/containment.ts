// Does an outline hold all its members? For the merge: a mitre closing only rarely cuts into a member (where it
// partly fills a courtyard or a notch), and adding all members back costs a whole extra union, so the merge adds back
// only the members this finds cut. A member M is cut by the outline E when some part of M lies outside E; then E's
// boundary enters M's interior or M reaches outside E, which shows (beyond `reach`, the rounding the outline allows) as
//   (a) an edge of E properly crossing an edge of M (a restored wall running on into M), or
//   (b) a vertex of E that is no member's vertex lying inside M.
// (A vertex of M outside E would show as (a) as well: M's edges from it cross E's boundary.) All in integer units:
// a box index over member edges for (a), point-in-ring counts for (b), boxes first. The seeded property test
// (test/geo/merge-property.test.ts) checks on thousands of layouts that what this misses is below `reach`.
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

const buf = { ax: new Float64Array(256), ay: new Float64Array(256), bx: new Float64Array(256), by: new Float64Array(256), who: new Int32Array(256) };
function grow(n: number): void {
  if (buf.ax.length >= n) return;
  let size = buf.ax.length;
  while (size < n) size *= 2;
  buf.ax = new Float64Array(size);
  buf.ay = new Float64Array(size);
  buf.bx = new Float64Array(size);
  buf.by = new Float64Array(size);
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
  for (const ring of outline) {
    for (const q of ring) {
      if (isMemberVertex(q.x, q.y)) continue;
      if (index) index.search(q.x, q.y, q.x, q.y, (m) => test(m, q.x, q.y));
      else {
        for (let m = 0; m < members.length; m++) {
          if (q.x < box[4 * m] || q.x > box[4 * m + 2] || q.y < box[4 * m + 1] || q.y > box[4 * m + 3]) continue;
          test(m, q.x, q.y);
        }
      }
    }
  }
  // (a) outline edges properly crossing member edges: the member edges in a box index, each outline edge a query
  let nm = 0;
  for (let m = 0; m < members.length; m++) if (!cut.has(m)) for (const ring of members[m]) nm += ring.length;
  if (nm === 0) return cut;
  grow(nm);
  const { ax, ay, bx, by, who } = buf;
  const edges = new Flatbush(nm);
  let e = 0;
  for (let m = 0; m < members.length; m++) {
    if (cut.has(m)) continue;
    for (const p of members[m]) {
      for (let i = 0, j = p.length - 1; i < p.length; j = i++) {
        ax[e] = p[j].x;
        ay[e] = p[j].y;
        bx[e] = p[i].x;
        by[e] = p[i].y;
        who[e++] = m;
        edges.add(Math.min(p[j].x, p[i].x), Math.min(p[j].y, p[i].y), Math.max(p[j].x, p[i].x), Math.max(p[j].y, p[i].y));
      }
    }
  }
  edges.finish();
  for (const p of outline) {
    for (let i = 0, jj = p.length - 1; i < p.length; jj = i++) {
      const px = p[jj].x, py = p[jj].y, qx = p[i].x, qy = p[i].y;
      const lp = Math.hypot(qx - px, qy - py);
      edges.search(Math.min(px, qx), Math.min(py, qy), Math.max(px, qx), Math.max(py, qy), (k) => {
        const mem = who[k];
        if (cut.has(mem)) return false;
        const o1 = (qx - px) * (ay[k] - py) - (qy - py) * (ax[k] - px);
        const o2 = (qx - px) * (by[k] - py) - (qy - py) * (bx[k] - px);
        if (!((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0))) return false;
        const o3 = (bx[k] - ax[k]) * (py - ay[k]) - (by[k] - ay[k]) * (px - ax[k]);
        const o4 = (bx[k] - ax[k]) * (qy - ay[k]) - (by[k] - ay[k]) * (qx - ax[k]);
        if (!((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0))) return false;
        // a crossing within reach of an end of either edge is a touch blurred by rounding, not a cut
        const lk = Math.hypot(bx[k] - ax[k], by[k] - ay[k]);
        if (Math.min(Math.abs(o1), Math.abs(o2)) <= reach * lp || Math.min(Math.abs(o3), Math.abs(o4)) <= reach * lk) return false;
        cut.add(mem);
        return false;
      });
    }
  }
  return cut;
}
