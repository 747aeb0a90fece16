// Planar distance primitives in metres (coordinates already in a LocalFrame), shared by clustering, coverage and
// idle land. Squared distances avoid square roots in the hot loops.

/**
 * Squared distance (m²) from point (px, py) to segment (ax, ay)–(bx, by).
 * @example pointSegDist2(0, 5, -10, 0, 10, 0) // 25
 */
export function pointSegDist2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
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

/**
 * Squared minimum distance (m²) between segments ab and cd (0 when they touch or cross).
 * @example segSegDist2(0, 0, 10, 0, 13, 4, 20, 4) // 25 (3-4-5)
 */
export function segSegDist2(
  ax: number, ay: number, bx: number, by: number,
  cx: number, cy: number, dx: number, dy: number,
): number {
  const o1 = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  const o2 = (bx - ax) * (dy - ay) - (by - ay) * (dx - ax);
  const o3 = (dx - cx) * (ay - cy) - (dy - cy) * (ax - cx);
  const o4 = (dx - cx) * (by - cy) - (dy - cy) * (bx - cx);
  if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0))) return 0;
  let m = pointSegDist2(ax, ay, cx, cy, dx, dy);
  let t = pointSegDist2(bx, by, cx, cy, dx, dy);
  if (t < m) m = t;
  t = pointSegDist2(cx, cy, ax, ay, bx, by);
  if (t < m) m = t;
  t = pointSegDist2(dx, dy, ax, ay, bx, by);
  return t < m ? t : m;
}

/**
 * Signed distance (m) from (x, y) to the boundary of closed rings given as flat [x0, y0, x1, y1, …] arrays (last point
 * repeating the first): positive inside (even-odd over all rings, so holes count as outside), negative outside.
 * @example signedRingDistanceM(5, 5, [[0, 0, 10, 0, 10, 10, 0, 10, 0, 0]]) // 5
 */
export function signedRingDistanceM(x: number, y: number, rings: readonly ArrayLike<number>[]): number {
  let best = Infinity;
  let inside = false;
  for (const r of rings) {
    const n = r.length;
    for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
      const ax = r[j], ay = r[j + 1], bx = r[i], by = r[i + 1];
      if (by > y !== ay > y && x < ((ax - bx) * (y - by)) / (ay - by) + bx) inside = !inside;
      const d = pointSegDist2(x, y, ax, ay, bx, by);
      if (d < best) best = d;
    }
  }
  return (inside ? 1 : -1) * Math.sqrt(best);
}
