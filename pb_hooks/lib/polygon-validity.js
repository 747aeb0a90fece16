// GENERATED from src/lib/geo/polygon-validity.ts by `npm run build:hooks` — do not edit; edit the source and rerun.
"use strict";
// ONE polygon-validity rule, shared by the importer, the drawing tools, the analysis outputs and the server hook.
//
// OGC simple-features validity, judged on the coordinates as given (straight edges in lon/lat, as GeoJSON means them),
// with exact orientation predicates, so "touching" is decided exactly and never by a tolerance:
//   each ring: closed, ≥ 4 positions, ≥ 3 distinct vertices, not all on one line, simple (no crossing, no self-touch,
//   no spike); rings of one polygon: do not cross or share a segment, may touch at points, holes inside the shell and
//   not inside each other, and the touch points do not disconnect the interior (the graph rings ↔ touch points has no
//   cycle); parts of a MultiPolygon: interiors disjoint, boundaries meet at points only.
// Work is bounded before it starts (vertex limit), by a deterministic budget of candidate segment pairs, and
// optionally by a deadline. Candidate pairs come from a sort-and-sweep over segment boxes: O(n log n + k), where k,
// the pairs whose x-ranges meet, is about 3 a segment for real outlines and is capped by the budget. Sorting uses
// packed numeric keys (no comparator calls), which keeps the check fast in an interpreter too. Reasons come back as {code, params, at}; callers translate them (UI i18n bundles, the hook's zh/en table).
//
// This file must stay self-contained (no imports) and plain enough for PocketBase's JS VM: `npm run build:hooks`
// (scripts/build-hook-geometry.mjs) transpiles it to pb_hooks/lib/polygon-validity.js, and a unit test fails when
// that copy drifts from this source.
Object.defineProperty(exports, "__esModule", { value: true });
exports.VALIDITY_CODES = void 0;
exports.orient = orient;
exports.countPositions = countPositions;
exports.checkGeometry = checkGeometry;
exports.cleanGeometry = cleanGeometry;
exports.cleanGeometryJson = cleanGeometryJson;
/** Every code, for tests that keep the message tables complete. */
exports.VALIDITY_CODES = [
    'missing', 'not_geometry', 'wrong_type', 'too_many_vertices', 'empty', 'bad_position', 'out_of_range', 'out_of_bounds',
    'ring_too_short', 'ring_not_closed', 'ring_degenerate', 'line_too_short', 'self_intersection', 'ring_self_touch',
    'rings_cross', 'shared_boundary', 'hole_outside', 'holes_nested', 'interior_disconnected', 'parts_overlap',
    'too_complex', 'timeout',
];
// ---------------------------------------------------------------------------------------------------------------------
// Exact orientation: a floating-point filter, then an exact sum of error-free products when the filter cannot decide.
const EPSILON = 1.1102230246251565e-16;
const SPLITTER = 134217729;
const CCW_ERR_BOUND = (3 + 16 * EPSILON) * EPSILON;
function growExpansion(e, b) {
    let q = b;
    const h = [];
    for (let i = 0; i < e.length; i++) {
        const x = q + e[i];
        const bv = x - q;
        const av = x - bv;
        const y = (q - av) + (e[i] - bv);
        if (y !== 0)
            h.push(y);
        q = x;
    }
    if (q !== 0)
        h.push(q);
    return h;
}
function addProduct(e, a, b) {
    const x = a * b;
    let c = SPLITTER * a;
    const ahi = c - (c - a);
    const alo = a - ahi;
    c = SPLITTER * b;
    const bhi = c - (c - b);
    const blo = b - bhi;
    const y = alo * blo - (((x - ahi * bhi) - alo * bhi) - ahi * blo);
    return growExpansion(growExpansion(e, y), x);
}
function diffTail(a, b, x) {
    const bv = a - x;
    const av = x + bv;
    return (a - av) + (bv - b);
}
function orientExact(ax, ay, bx, by, cx, cy) {
    const acx = ax - cx;
    const acxt = diffTail(ax, cx, acx);
    const bcy = by - cy;
    const bcyt = diffTail(by, cy, bcy);
    const acy = ay - cy;
    const acyt = diffTail(ay, cy, acy);
    const bcx = bx - cx;
    const bcxt = diffTail(bx, cx, bcx);
    let e = [];
    e = addProduct(e, acx, bcy);
    e = addProduct(e, acx, bcyt);
    e = addProduct(e, acxt, bcy);
    e = addProduct(e, acxt, bcyt);
    e = addProduct(e, -acy, bcx);
    e = addProduct(e, -acy, bcxt);
    e = addProduct(e, -acyt, bcx);
    e = addProduct(e, -acyt, bcxt);
    const top = e.length ? e[e.length - 1] : 0;
    return top > 0 ? 1 : top < 0 ? -1 : 0;
}
/**
 * Exact sign of the turn a → b → c: 1 counter-clockwise (c left of ab), -1 clockwise, 0 collinear.
 * @example orient(0, 0, 1, 0, 0, 1) // 1
 */
function orient(ax, ay, bx, by, cx, cy) {
    const l = (ax - cx) * (by - cy);
    const r = (ay - cy) * (bx - cx);
    const det = l - r;
    let sum;
    if (l > 0) {
        if (r <= 0)
            return det > 0 ? 1 : det < 0 ? -1 : 0;
        sum = l + r;
    }
    else if (l < 0) {
        if (r >= 0)
            return det > 0 ? 1 : det < 0 ? -1 : 0;
        sum = -l - r;
    }
    else
        return det > 0 ? 1 : det < 0 ? -1 : 0;
    if (det >= CCW_ERR_BOUND * sum || -det >= CCW_ERR_BOUND * sum)
        return det > 0 ? 1 : -1;
    return orientExact(ax, ay, bx, by, cx, cy);
}
// ---------------------------------------------------------------------------------------------------------------------
function fail(code, params = {}, at) {
    const r = { ok: false, code, params };
    if (at)
        r.at = [at[0], at[1]];
    return r;
}
const isNum = (v) => typeof v === 'number' && isFinite(v);
/**
 * Positions in a geometry, counting closing positions, or -1 as soon as there are more than `max` (so a huge
 * geometry is refused without walking it). Malformed nesting counts as 0 (the full check reports it).
 * @example countPositions({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }, 10) // 4
 */
function countPositions(g, max = Infinity) {
    const c = g && typeof g === 'object' ? g.coordinates : undefined;
    const type = g && typeof g === 'object' ? g.type : undefined;
    const depth = type === 'Point' ? 0 : type === 'LineString' || type === 'MultiPoint' ? 1 : type === 'Polygon' || type === 'MultiLineString' ? 2 : type === 'MultiPolygon' ? 3 : -1;
    if (depth < 0 || !Array.isArray(c))
        return 0;
    if (depth === 0)
        return 1;
    return countAt(c, depth, max, 0);
}
/** countPositions below one level: `n` positions counted so far; -1 once over `max`. */
function countAt(a, depth, max, n) {
    if (depth === 1)
        return n + a.length <= max ? n + a.length : -1;
    for (let i = 0; i < a.length; i++) {
        const b = a[i];
        if (!Array.isArray(b))
            continue;
        n = countAt(b, depth - 1, max, n);
        if (n < 0)
            return -1;
    }
    return n;
}
const ringParams = (rings, r) => ({ part: rings.part[r] + 1, ring: rings.slot[r] });
/** Structural checks; fills `rings` or returns the first problem. */
function readPolygons(polys, bounds, rings) {
    var _a;
    const { x, y } = rings;
    // the bounds as plain numbers, so a position is one range test (the world when there are none)
    const w = bounds ? Math.max(bounds[0], -180) : -180;
    const e = bounds ? Math.min(bounds[2], 180) : 180;
    const so = bounds ? Math.max(bounds[1], -90) : -90;
    const no = bounds ? Math.min(bounds[3], 90) : 90;
    for (let p = 0; p < polys.length; p++) {
        const poly = polys[p];
        if (!Array.isArray(poly) || poly.length === 0)
            return fail('empty', { part: p + 1 });
        rings.partRing.push(rings.start.length);
        for (let q = 0; q < poly.length; q++) {
            const ring = poly[q];
            if (!Array.isArray(ring))
                return fail('ring_too_short', { part: p + 1, ring: q, positions: 0 });
            const s = x.length;
            let n = 0;
            for (let i = 0; i < ring.length; i++) {
                const pos = ring[i];
                if (!Array.isArray(pos) || pos.length < 2 || pos.length > 3)
                    return fail('bad_position', { part: p + 1, ring: q, index: i });
                const lon = pos[0];
                const lat = pos[1];
                if (!isNum(lon) || !isNum(lat) || (pos.length === 3 && !isNum(pos[2])))
                    return fail('bad_position', { part: p + 1, ring: q, index: i });
                if (lon < w || lon > e || lat < so || lat > no)
                    return outside(pos, bounds, { part: p + 1, ring: q });
                // consecutive duplicates and the closing position are not vertices
                if (i === ring.length - 1 || (n > 0 && x[s + n - 1] === lon && y[s + n - 1] === lat))
                    continue;
                x.push(lon);
                y.push(lat);
                n++;
            }
            const where = { part: p + 1, ring: q };
            if (ring.length < 4)
                return fail('ring_too_short', Object.assign(Object.assign({}, where), { positions: ring.length }), (_a = ring[0]) !== null && _a !== void 0 ? _a : null);
            const first = ring[0];
            const last = ring[ring.length - 1];
            if (first[0] !== last[0] || first[1] !== last[1])
                return fail('ring_not_closed', where, last);
            while (n > 1 && x[s + n - 1] === x[s] && y[s + n - 1] === y[s]) {
                x.pop();
                y.pop();
                n--;
            }
            // three distinct vertices that are not all on one line
            let degenerate = n < 3;
            if (!degenerate) {
                degenerate = true;
                for (let i = s + 1; i < s + n - 1 && degenerate; i++) {
                    if (orient(x[s], y[s], x[i], y[i], x[i + 1], y[i + 1]) !== 0)
                        degenerate = false;
                }
            }
            if (degenerate)
                return fail('ring_degenerate', where, first);
            rings.start.push(s);
            rings.part.push(p);
            rings.slot.push(q);
        }
    }
    rings.partRing.push(rings.start.length);
    rings.start.push(x.length);
    return null;
}
/** The problem of a position outside the world or the bounds (the world's range is told first). */
function outside(pos, bounds, where) {
    const params = Object.assign(Object.assign({}, where), { lon: pos[0], lat: pos[1] });
    if (pos[0] < -180 || pos[0] > 180 || pos[1] < -90 || pos[1] > 90 || !bounds)
        return fail('out_of_range', params, pos);
    return fail('out_of_bounds', params, pos);
}
/** Angle class of direction (dx, dy): 0 for [0°, 180°), 1 for [180°, 360°). */
const half = (dx, dy) => (dy > 0 || (dy === 0 && dx > 0) ? 0 : 1);
/** Order of the directions from (px, py) to a and to b by angle from the +x axis (exact). */
function angleCmp(px, py, ax, ay, bx, by) {
    const ha = half(ax - px, ay - py);
    const hb = half(bx - px, by - py);
    if (ha !== hb)
        return ha - hb;
    return -orient(px, py, ax, ay, bx, by);
}
/** Do the two rings cross at contact point P (their boundaries interleave around it)? */
function crossesAt(c, d) {
    const pts = [
        { x: c.ax, y: c.ay, k: 0 },
        { x: c.bx, y: c.by, k: 0 },
        { x: d.ax, y: d.ay, k: 1 },
        { x: d.bx, y: d.by, k: 1 },
    ];
    pts.sort((u, v) => angleCmp(c.x, c.y, u.x, u.y, v.x, v.y));
    return pts[0].k !== pts[1].k && pts[1].k !== pts[2].k && pts[2].k !== pts[3].k;
}
/**
 * Checks a GeoJSON geometry against the OGC simple-features rules (see the top of this file) and the limits in
 * `opts`. The first problem found is returned with its code, its params (part and ring numbers, counts) and, where
 * there is one, its place `at` = [lon, lat]; the same input always gives the same answer.
 *
 * @param geom a parsed GeoJSON geometry (anything: bad input is reported, never thrown)
 * @param opts allowed types (default Polygon/MultiPolygon), bounds, maxVertices (default 100,000), maxPairs, deadline
 * @example
 * checkGeometry(bowtie);  // { ok: false, code: 'self_intersection', params: { part: 1, ring: 0 }, at: [111.7805, 37.2605] }
 * checkGeometry(square);  // { ok: true, vertices: 5 }
 */
function checkGeometry(geom, opts = {}) {
    var _a, _b, _c;
    const allowed = (_a = opts.allowed) !== null && _a !== void 0 ? _a : ['Polygon', 'MultiPolygon'];
    const bounds = (_b = opts.bounds) !== null && _b !== void 0 ? _b : null;
    const maxVertices = (_c = opts.maxVertices) !== null && _c !== void 0 ? _c : 100000;
    if (geom === null || geom === undefined || geom === '')
        return fail('missing');
    if (typeof geom !== 'object' || typeof geom.type !== 'string')
        return fail('not_geometry');
    const g = geom;
    if (allowed.indexOf(g.type) < 0)
        return fail('wrong_type', { type: g.type, allowed: allowed.join('/') });
    const count = countPositions(g, maxVertices);
    if (count < 0)
        return fail('too_many_vertices', { max: maxVertices });
    const c = g.coordinates;
    if (g.type === 'Point') {
        if (!Array.isArray(c) || c.length < 2 || c.length > 3 || !isNum(c[0]) || !isNum(c[1]))
            return fail('bad_position', { index: 0 });
        if (c[0] < -180 || c[0] > 180 || c[1] < -90 || c[1] > 90)
            return fail('out_of_range', { lon: c[0], lat: c[1] }, c);
        if (bounds && (c[0] < bounds[0] || c[0] > bounds[2] || c[1] < bounds[1] || c[1] > bounds[3]))
            return fail('out_of_bounds', { lon: c[0], lat: c[1] }, c);
        return { ok: true, vertices: 1 };
    }
    if (g.type === 'LineString' || g.type === 'MultiLineString') {
        const lines = g.type === 'LineString' ? [c] : c;
        if (!Array.isArray(lines) || lines.length === 0)
            return fail('empty');
        for (let l = 0; l < lines.length; l++) {
            const line = lines[l];
            if (!Array.isArray(line) || line.length < 2)
                return fail('line_too_short', { part: l + 1, positions: Array.isArray(line) ? line.length : 0 });
            for (let i = 0; i < line.length; i++) {
                const pos = line[i];
                if (!Array.isArray(pos) || pos.length < 2 || pos.length > 3 || !isNum(pos[0]) || !isNum(pos[1]))
                    return fail('bad_position', { part: l + 1, index: i });
                if (pos[0] < -180 || pos[0] > 180 || pos[1] < -90 || pos[1] > 90)
                    return fail('out_of_range', { lon: pos[0], lat: pos[1] }, pos);
                if (bounds && (pos[0] < bounds[0] || pos[0] > bounds[2] || pos[1] < bounds[1] || pos[1] > bounds[3]))
                    return fail('out_of_bounds', { lon: pos[0], lat: pos[1] }, pos);
            }
        }
        return { ok: true, vertices: count };
    }
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon')
        return fail('wrong_type', { type: g.type, allowed: allowed.join('/') });
    if (!Array.isArray(c) || c.length === 0)
        return fail('empty');
    const polys = g.type === 'Polygon' ? [c] : c;
    const rings = { x: [], y: [], start: [], part: [], slot: [], partRing: [] };
    const bad = readPolygons(polys, bounds, rings);
    if (bad)
        return bad;
    const problem = quietSmallRing(rings, opts) ? null : topology(rings, opts);
    return problem !== null && problem !== void 0 ? problem : { ok: true, vertices: count };
}
/** Most vertices of a one-ring polygon that is first tried by the direct test of every segment pair. */
const DIRECT_MAX_VERTICES = 32;
/**
 * A shortcut for the common case, a single small ring (most compounds and buildings): true when no vertex folds back
 * and no two non-adjacent segments meet at all — every pair tested directly, without the sweep's structures, which
 * cost more than the test itself at this size. Then topology() would find nothing either (it tests a subset of these
 * pairs with the same predicates, and a lone ring has no holes or parts to nest). False means "look closer": topology()
 * decides and reports, so a refusal always comes from the one full rule.
 */
function quietSmallRing(rings, opts) {
    const { x, y } = rings;
    const n = x.length;
    if (opts.direct === false || rings.start.length !== 2 || n > DIRECT_MAX_VERTICES)
        return false;
    // the full check's limits, where they could bite: its pair budget and its deadline
    if (opts.maxPairs !== undefined && opts.maxPairs < (n * (n - 1)) / 2)
        return false;
    if (opts.deadline !== undefined && Date.now() > opts.deadline)
        return false;
    for (let v = 0; v < n; v++) {
        const a = v > 0 ? v - 1 : n - 1;
        const c = v + 1 < n ? v + 1 : 0;
        if (orient(x[a], y[a], x[v], y[v], x[c], y[c]) === 0 && (x[a] - x[v]) * (x[c] - x[v]) + (y[a] - y[v]) * (y[c] - y[v]) > 0)
            return false;
    }
    for (let i = 0; i < n; i++) {
        const ni = i + 1 < n ? i + 1 : 0;
        const ax = x[i], ay = y[i], bx = x[ni], by = y[ni];
        const x0 = ax < bx ? ax : bx, x1 = ax < bx ? bx : ax, y0 = ay < by ? ay : by, y1 = ay < by ? by : ay;
        for (let j = i + 2; j < n; j++) {
            const nj = j + 1 < n ? j + 1 : 0;
            if (nj === i)
                continue; // the last segment and the first are neighbours
            const cx = x[j], cy = y[j], dx = x[nj], dy = y[nj];
            // segments whose boxes are apart cannot meet (exact: comparisons only); most pairs end here
            if ((cx < x0 && dx < x0) || (cx > x1 && dx > x1) || (cy < y0 && dy < y0) || (cy > y1 && dy > y1))
                continue;
            if (orient(ax, ay, bx, by, cx, cy) * orient(ax, ay, bx, by, dx, dy) > 0)
                continue;
            if (orient(cx, cy, dx, dy, ax, ay) * orient(cx, cy, dx, dy, bx, by) > 0)
                continue;
            return false;
        }
    }
    return true;
}
/** Ring-against-ring rules on structurally sound rings; null when valid. */
function topology(rings, opts) {
    var _a, _b;
    var _c;
    const { x, y, start } = rings;
    const nRings = start.length - 1;
    const nv = x.length;
    // segment k runs from vertex k to the next vertex of its ring
    const ringOf = new Int32Array(nv);
    const nextOf = new Int32Array(nv);
    const prevOf = new Int32Array(nv);
    const box = new Float64Array(4 * nv);
    for (let r = 0; r < nRings; r++) {
        const s = start[r];
        const e = start[r + 1];
        for (let k = s; k < e; k++) {
            const nx = k + 1 < e ? k + 1 : s;
            ringOf[k] = r;
            nextOf[k] = nx;
            prevOf[nx] = k;
            box[4 * k] = Math.min(x[k], x[nx]);
            box[4 * k + 1] = Math.min(y[k], y[nx]);
            box[4 * k + 2] = Math.max(x[k], x[nx]);
            box[4 * k + 3] = Math.max(y[k], y[nx]);
        }
    }
    const maxPairs = (_a = opts.maxPairs) !== null && _a !== void 0 ? _a : 32 * nv + 10000;
    const deadline = opts.deadline;
    if (deadline !== undefined && Date.now() > deadline)
        return fail('timeout');
    let pairs = 0;
    let result = null;
    const contacts = [];
    const contactSeen = {};
    const addContact = (px, py, k) => {
        // P lies on segment k (k → next); its neighbours along the ring
        const r = ringOf[k];
        const key = px + ',' + py + ',' + r;
        if (contactSeen[key])
            return;
        contactSeen[key] = true;
        const nx = nextOf[k];
        let ax, ay, bx, by;
        if (px === x[k] && py === y[k]) {
            const pv = prevOf[k];
            ax = x[pv];
            ay = y[pv];
            bx = x[nx];
            by = y[nx];
        }
        else if (px === x[nx] && py === y[nx]) {
            const nn = nextOf[nx];
            ax = x[k];
            ay = y[k];
            bx = x[nn];
            by = y[nn];
        }
        else {
            ax = x[k];
            ay = y[k];
            bx = x[nx];
            by = y[nx];
        }
        contacts.push({ x: px, y: py, ring: r, ax, ay, bx, by });
    };
    const onSeg = (ax, ay, bx, by, px, py) => (ax <= px ? ax <= px && px <= bx : bx <= px && px <= ax) && (ay <= py ? ay <= py && py <= by : by <= py && py <= ay);
    /** Records the problem of segments i and j (crossing or shared segment), by whether they share a ring or part. */
    const problem = (code, ri, rj, at) => {
        if (ri === rj)
            result = fail('self_intersection', ringParams(rings, ri), at);
        else if (code === 'shared_boundary') {
            result = fail(code, { part: rings.part[ri] + 1, ring: rings.slot[ri], other_part: rings.part[rj] + 1, other: rings.slot[rj] }, at);
        }
        else if (rings.part[ri] === rings.part[rj]) {
            result = fail(code, { part: rings.part[ri] + 1, ring: rings.slot[ri], other: rings.slot[rj] }, at);
        }
        else
            result = fail('parts_overlap', { part: rings.part[ri] + 1, other: rings.part[rj] + 1 }, at);
        return true;
    };
    const pairCheck = (i, j) => {
        const ri = ringOf[i];
        const rj = ringOf[j];
        const ni = nextOf[i];
        const nj = nextOf[j];
        if (ri === rj && (ni === j || nj === i))
            return false; // neighbours: folds were checked before
        const ax = x[i], ay = y[i], bx = x[ni], by = y[ni];
        const cx = x[j], cy = y[j], dx = x[nj], dy = y[nj];
        const o1 = orient(ax, ay, bx, by, cx, cy);
        const o2 = orient(ax, ay, bx, by, dx, dy);
        if (o1 * o2 > 0)
            return false; // both ends of j on one side of i
        const o3 = orient(cx, cy, dx, dy, ax, ay);
        const o4 = orient(cx, cy, dx, dy, bx, by);
        if (o3 * o4 > 0)
            return false;
        if (o1 * o2 < 0 && o3 * o4 < 0) {
            // a proper crossing: where, approximately
            const den = (bx - ax) * (dy - cy) - (by - ay) * (dx - cx);
            const t = den === 0 ? 0 : ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) / den;
            return problem('rings_cross', ri, rj, [ax + t * (bx - ax), ay + t * (by - ay)]);
        }
        if (o1 === 0 && o2 === 0) {
            // collinear: overlapping in more than a point is a shared boundary
            const useX = ax !== bx;
            const s0 = useX ? Math.min(ax, bx) : Math.min(ay, by);
            const s1 = useX ? Math.max(ax, bx) : Math.max(ay, by);
            const t0 = useX ? Math.min(cx, dx) : Math.min(cy, dy);
            const t1 = useX ? Math.max(cx, dx) : Math.max(cy, dy);
            const lo = s0 > t0 ? s0 : t0;
            if (lo < (s1 < t1 ? s1 : t1)) {
                // report the overlap's first end: an end of j inside i, else an end of i
                const cIn = useX ? s0 <= cx && cx <= s1 : s0 <= cy && cy <= s1;
                const dIn = useX ? s0 <= dx && dx <= s1 : s0 <= dy && dy <= s1;
                return problem('shared_boundary', ri, rj, cIn ? [cx, cy] : dIn ? [dx, dy] : [ax, ay]);
            }
        }
        // touches: an endpoint on the other segment
        let tx = NaN;
        let ty = NaN;
        if (o1 === 0 && onSeg(ax, ay, bx, by, cx, cy)) {
            tx = cx;
            ty = cy;
        }
        else if (o2 === 0 && onSeg(ax, ay, bx, by, dx, dy)) {
            tx = dx;
            ty = dy;
        }
        else if (o3 === 0 && onSeg(cx, cy, dx, dy, ax, ay)) {
            tx = ax;
            ty = ay;
        }
        else if (o4 === 0 && onSeg(cx, cy, dx, dy, bx, by)) {
            tx = bx;
            ty = by;
        }
        if (tx !== tx)
            return false; // NaN: no contact
        if (ri === rj) {
            result = fail('ring_self_touch', ringParams(rings, ri), [tx, ty]);
            return true;
        }
        addContact(tx, ty, i);
        addContact(tx, ty, j);
        return false;
    };
    // 0. a ring folding back on itself at a vertex (a spike) crosses itself there
    for (let v = 0; v < nv; v++) {
        const a = prevOf[v];
        const c = nextOf[v];
        if (orient(x[a], y[a], x[v], y[v], x[c], y[c]) === 0 && (x[a] - x[v]) * (x[c] - x[v]) + (y[a] - y[v]) * (y[c] - y[v]) > 0) {
            return fail('self_intersection', ringParams(rings, ringOf[v]), [x[v], y[v]]);
        }
    }
    // 1. every pair of segments whose boxes meet: sweep over x (keys packed as quantised minX · 2²¹ + segment, so a
    // numeric sort orders them; floor quantisation keeps "maxX < minX" decisions on the safe side)
    let x0 = Infinity;
    let x1 = -Infinity;
    for (let k = 0; k < nv; k++) {
        if (x[k] < x0)
            x0 = x[k];
        if (x[k] > x1)
            x1 = x[k];
    }
    const scale = x1 > x0 ? 2147483647 / (x1 - x0) : 0;
    const qx = (v) => Math.floor((v - x0) * scale);
    const keys = new Float64Array(nv);
    const shift = 2097152; // 2²¹
    if (nv >= shift)
        return fail('too_complex', { max: maxPairs });
    for (let k = 0; k < nv; k++)
        keys[k] = qx(box[4 * k]) * shift + k;
    keys.sort();
    const active = new Int32Array(nv);
    const activeMaxQ = new Float64Array(nv);
    let nActive = 0;
    for (let o = 0; o < nv; o++) {
        const i = keys[o] % shift;
        const qMin = Math.floor(keys[o] / shift);
        const iy0 = box[4 * i + 1];
        const iy1 = box[4 * i + 3];
        let w = 0;
        for (let a = 0; a < nActive; a++) {
            const j = active[a];
            if (activeMaxQ[a] < qMin)
                continue; // ended before this one starts: drop it
            active[w] = j;
            activeMaxQ[w++] = activeMaxQ[a];
            if (++pairs > maxPairs)
                return fail('too_complex', { max: maxPairs });
            if (deadline !== undefined && (pairs & 255) === 0 && Date.now() > deadline)
                return fail('timeout');
            if (box[4 * j + 1] > iy1 || box[4 * j + 3] < iy0)
                continue;
            if (pairCheck(i < j ? i : j, i < j ? j : i))
                return result;
        }
        active[w] = i;
        activeMaxQ[w++] = qx(box[4 * i + 2]);
        nActive = w;
    }
    // 2. rings meeting at a point must not cross there
    const byPoint = {};
    const pointKeys = [];
    for (const ct of contacts) {
        const key = ct.x + ',' + ct.y;
        if (!byPoint[key]) {
            byPoint[key] = [];
            pointKeys.push(key);
        }
        byPoint[key].push(ct);
    }
    for (const key of pointKeys) {
        const list = byPoint[key];
        for (let a = 0; a < list.length; a++) {
            for (let b = a + 1; b < list.length; b++) {
                if (crossesAt(list[a], list[b])) {
                    const ra = list[a].ring;
                    const rb = list[b].ring;
                    const at = [list[a].x, list[a].y];
                    if (rings.part[ra] === rings.part[rb])
                        return fail('rings_cross', { part: rings.part[ra] + 1, ring: rings.slot[ra], other: rings.slot[rb] }, at);
                    return fail('parts_overlap', { part: rings.part[ra] + 1, other: rings.part[rb] + 1 }, at);
                }
            }
        }
    }
    // 3. touch points must not disconnect a polygon's interior: rings ↔ points, per part, must form a forest
    const parent = [];
    const find = (v) => {
        while (parent[v] !== v) {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    };
    for (let r = 0; r < nRings; r++)
        parent.push(r);
    for (const key of pointKeys) {
        const list = byPoint[key];
        const perPart = {};
        for (const ct of list)
            ((_b = perPart[_c = rings.part[ct.ring]]) !== null && _b !== void 0 ? _b : (perPart[_c] = [])).push(ct.ring);
        for (const p in perPart) {
            const rs = perPart[p];
            if (rs.length < 2)
                continue;
            const node = parent.length;
            parent.push(node);
            for (const r of rs) {
                const a = find(r);
                const b = find(node);
                if (a === b)
                    return fail('interior_disconnected', { part: Number(p) + 1 }, [list[0].x, list[0].y]);
                parent[a] = b;
            }
        }
    }
    // 4. nesting: holes inside their shell and not inside each other; parts not inside each other
    const touched = {};
    for (const key of pointKeys)
        touched[key] = true;
    const repX = [];
    const repY = [];
    for (let r = 0; r < nRings; r++) {
        let k = start[r];
        while (k < start[r + 1] && touched[x[k] + ',' + y[k]])
            k++;
        if (k < start[r + 1]) {
            repX.push(x[k]);
            repY.push(y[k]);
        }
        else {
            // every vertex touches another ring: the middle of the first segment touches nothing
            const nx = nextOf[start[r]];
            repX.push((x[start[r]] + x[nx]) / 2);
            repY.push((y[start[r]] + y[nx]) / 2);
        }
    }
    let budget = maxPairs - pairs;
    /** Is (px, py) inside ring r? (Representative points never lie on another ring.) Ray to +x, exact sides. */
    const inside = (px, py, r) => {
        let crossings = 0;
        budget -= start[r + 1] - start[r];
        for (let k = start[r]; k < start[r + 1]; k++) {
            const nx = nextOf[k];
            const ay = y[k];
            const by = y[nx];
            if (ay <= py && by > py) {
                if (orient(x[k], ay, x[nx], by, px, py) > 0)
                    crossings++;
            }
            else if (by <= py && ay > py) {
                if (orient(x[k], ay, x[nx], by, px, py) < 0)
                    crossings++;
            }
        }
        return (crossings & 1) === 1;
    };
    /**
     * Which of the points (px[i], py[i]) lie inside ring r, in one pass over its segments: points sorted by y, each
     * segment visits only the points in its y-range. O((n + m) log m + hits).
     */
    const insideMany = (px, py, r) => {
        const m = px.length;
        const ord = [];
        for (let i = 0; i < m; i++)
            ord.push(i);
        ord.sort((a, b) => py[a] - py[b] || a - b);
        const ys = ord.map((i) => py[i]);
        const parity = [];
        for (let i = 0; i < m; i++)
            parity.push(false);
        for (let k = start[r]; k < start[r + 1]; k++) {
            const nx = nextOf[k];
            const ay = y[k];
            const by = y[nx];
            if (ay === by)
                continue;
            const lo = ay < by ? ay : by;
            const hi = ay < by ? by : ay;
            // first point with y ≥ lo
            let a = 0;
            let b = m;
            while (a < b) {
                const mid = (a + b) >> 1;
                if (ys[mid] < lo)
                    a = mid + 1;
                else
                    b = mid;
            }
            for (let t = a; t < m && ys[t] < hi; t++) {
                const i = ord[t];
                budget--;
                const side = orient(x[k], ay, x[nx], by, px[i], py[i]);
                if (ay < by ? side > 0 : side < 0)
                    parity[i] = !parity[i];
            }
        }
        return parity;
    };
    const ringBox = (r) => {
        let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
        for (let k = start[r]; k < start[r + 1]; k++) {
            if (x[k] < x0)
                x0 = x[k];
            if (x[k] > x1)
                x1 = x[k];
            if (y[k] < y0)
                y0 = y[k];
            if (y[k] > y1)
                y1 = y[k];
        }
        return [x0, y0, x1, y1];
    };
    const boxes = [];
    for (let r = 0; r < nRings; r++)
        boxes.push(ringBox(r));
    const contains = (a, b) => a[0] <= b[0] && a[1] <= b[1] && a[2] >= b[2] && a[3] >= b[3];
    const meets = (a, b) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
    const parts = rings.partRing.length - 1;
    for (let p = 0; p < parts; p++) {
        const shell = rings.partRing[p];
        const end = rings.partRing[p + 1];
        const hx = [];
        const hy = [];
        for (let h = shell + 1; h < end; h++) {
            hx.push(repX[h]);
            hy.push(repY[h]);
        }
        const inShell = insideMany(hx, hy, shell);
        if (budget < 0)
            return fail('too_complex', { max: maxPairs });
        for (let h = shell + 1; h < end; h++) {
            if (!contains(boxes[shell], boxes[h]) || !inShell[h - shell - 1]) {
                return fail('hole_outside', { part: p + 1, ring: rings.slot[h] }, [repX[h], repY[h]]);
            }
            for (let o = shell + 1; o < end; o++) {
                if (o === h || !meets(boxes[o], boxes[h]))
                    continue;
                if (inside(repX[h], repY[h], o))
                    return fail('holes_nested', { part: p + 1, ring: rings.slot[h], other: rings.slot[o] }, [repX[h], repY[h]]);
                if (budget < 0)
                    return fail('too_complex', { max: maxPairs });
            }
        }
    }
    for (let p = 0; p < parts; p++) {
        const shell = rings.partRing[p];
        for (let q = 0; q < parts; q++) {
            const other = rings.partRing[q];
            if (q === p || !meets(boxes[shell], boxes[other]))
                continue;
            if (!inside(repX[shell], repY[shell], other))
                continue;
            let inHole = false;
            for (let h = other + 1; h < rings.partRing[q + 1] && !inHole; h++)
                inHole = inside(repX[shell], repY[shell], h);
            if (!inHole)
                return fail('parts_overlap', { part: p + 1, other: q + 1 }, [repX[shell], repY[shell]]);
            if (budget < 0)
                return fail('too_complex', { max: maxPairs });
        }
    }
    return null;
}
// ---------------------------------------------------------------------------------------------------------------------
function ringSignedArea2(ring) {
    let s = 0;
    for (let i = 0, n = ring.length - 1; i < n; i++)
        s += (ring[i][0] - ring[0][0]) * (ring[i + 1][1] - ring[0][1]) - (ring[i + 1][0] - ring[0][0]) * (ring[i][1] - ring[0][1]);
    return s;
}
function copyPos(p) {
    return p.length > 2 ? [p[0], p[1], p[2]] : [p[0], p[1]];
}
function rewound(ring, ccw) {
    const out = ring.map(copyPos);
    if ((ringSignedArea2(out) > 0) !== ccw)
        out.reverse();
    return out;
}
/**
 * The geometry as stored: only `type` and `coordinates` (foreign members dropped), positions copied, and polygon
 * rings wound as RFC 7946 asks (exteriors counter-clockwise, holes clockwise). Call it on a geometry that passed
 * {@link checkGeometry}.
 * @example cleanGeometry({ type: 'Polygon', coordinates: [cwRing], junk: 'x' }) // { type: 'Polygon', coordinates: [ccwRing] }
 */
function cleanGeometry(geom) {
    const c = geom.coordinates;
    switch (geom.type) {
        case 'Point':
            return { type: 'Point', coordinates: copyPos(c) };
        case 'LineString':
        case 'MultiPoint':
            return { type: geom.type, coordinates: c.map(copyPos) };
        case 'MultiLineString':
            return { type: geom.type, coordinates: c.map((l) => l.map(copyPos)) };
        case 'Polygon':
            return { type: 'Polygon', coordinates: c.map((r, i) => rewound(r, i === 0)) };
        case 'MultiPolygon':
            return { type: 'MultiPolygon', coordinates: c.map((p) => p.map((r, i) => rewound(r, i === 0))) };
        default:
            return { type: geom.type, coordinates: c };
    }
}
/** The ring itself when its winding is already the one asked for, else a reversed copy (positions shared). */
function woundView(ring, ccw) {
    return (ringSignedArea2(ring) > 0) !== ccw ? ring.slice().reverse() : ring;
}
/**
 * The JSON text of {@link cleanGeometry}(geom) with "coordinates" before "type" — the order of the JSON a stored
 * record holds — written without copying every position (the server stores thousands in one bulk load). Same
 * precondition: a geometry that passed {@link checkGeometry}, whose positions are plain arrays of 2 or 3 numbers.
 * @example cleanGeometryJson({ type: 'Point', coordinates: [111.7, 37.2], junk: 1 }) // '{"coordinates":[111.7,37.2],"type":"Point"}'
 */
function cleanGeometryJson(geom) {
    let coordinates;
    if (geom.type === 'Polygon')
        coordinates = geom.coordinates.map((r, i) => woundView(r, i === 0));
    else if (geom.type === 'MultiPolygon') {
        coordinates = geom.coordinates.map((p) => p.map((r, i) => woundView(r, i === 0)));
    }
    else
        coordinates = cleanGeometry(geom).coordinates;
    return '{"coordinates":' + JSON.stringify(coordinates) + ',"type":' + JSON.stringify(geom.type) + '}';
}
