// Geometry sanity for every record that carries a `geometry` (plain ES5-ish JS for PocketBase's JS VM).
// Returns null when the geometry is acceptable, or {message, at} in Chinese + English naming what is wrong and where.

// Fenyang county with a margin (the outline spans about 111.44–112.02°E, 37.15–37.49°N). A deployment for a wider area
// (e.g. the province-scale data of the benchmark) sets PB_GEOMETRY_BOUNDS="minLon,minLat,maxLon,maxLat".
function bounds() {
  var env = $os.getenv("PB_GEOMETRY_BOUNDS");
  if (env) {
    var b = env.split(",").map(Number);
    if (b.length === 4 && b.every(isFinite)) return b;
  }
  return [111.3, 37.0, 112.2, 37.6];
}

function fail(msg, at) {
  return { message: msg, at: at || null };
}

function fmtPt(p) {
  return "(" + p[0].toFixed(6) + ", " + p[1].toFixed(6) + ")";
}

function checkPosition(p, b, where) {
  if (!Array.isArray(p) || p.length < 2 || typeof p[0] !== "number" || typeof p[1] !== "number" || !isFinite(p[0]) || !isFinite(p[1])) {
    return fail("坐标无效 / invalid position" + where);
  }
  if (p[0] < b[0] || p[0] > b[2] || p[1] < b[1] || p[1] > b[3]) {
    return fail("坐标超出汾阳市范围 / position outside Fenyang " + fmtPt(p) + where, p);
  }
  return null;
}

// Proper crossing of segments p1p2 and p3p4, or collinear overlap; shared endpoints of neighbours are allowed.
function orient(a, b, c) {
  var v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}
function onSeg(a, b, p) {
  return Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);
}
function intersects(a, b, c, d) {
  var o1 = orient(a, b, c), o2 = orient(a, b, d), o3 = orient(c, d, a), o4 = orient(c, d, b);
  if (o1 !== o2 && o3 !== o4) return true;
  if (o1 === 0 && onSeg(a, b, c)) return true;
  if (o2 === 0 && onSeg(a, b, d)) return true;
  if (o3 === 0 && onSeg(c, d, a)) return true;
  if (o4 === 0 && onSeg(c, d, b)) return true;
  return false;
}
function crossingPoint(a, b, c, d) {
  var den = (a[0] - b[0]) * (c[1] - d[1]) - (a[1] - b[1]) * (c[0] - d[0]);
  if (den === 0) return c;
  var t = ((a[0] - c[0]) * (c[1] - d[1]) - (a[1] - c[1]) * (c[0] - d[0])) / den;
  return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
}

// Ring self-intersection with a uniform grid so large rings stay fast.
function ringSelfIntersection(ring) {
  var n = ring.length - 1;
  if (n < 4) return null;
  var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (var i = 0; i < n; i++) {
    minX = Math.min(minX, ring[i][0]); maxX = Math.max(maxX, ring[i][0]);
    minY = Math.min(minY, ring[i][1]); maxY = Math.max(maxY, ring[i][1]);
  }
  var cells = Math.max(1, Math.ceil(Math.sqrt(n)));
  var cw = (maxX - minX) / cells || 1, ch = (maxY - minY) / cells || 1;
  var grid = {};
  for (var s = 0; s < n; s++) {
    var a = ring[s], b = ring[s + 1];
    var x0 = Math.floor((Math.min(a[0], b[0]) - minX) / cw), x1 = Math.floor((Math.max(a[0], b[0]) - minX) / cw);
    var y0 = Math.floor((Math.min(a[1], b[1]) - minY) / ch), y1 = Math.floor((Math.max(a[1], b[1]) - minY) / ch);
    for (var gx = x0; gx <= x1; gx++) for (var gy = y0; gy <= y1; gy++) {
      var key = gx + ":" + gy;
      var bucket = grid[key] || (grid[key] = []);
      for (var k = 0; k < bucket.length; k++) {
        var t = bucket[k];
        var adjacent = Math.abs(t - s) === 1 || (t === 0 && s === n - 1) || (s === 0 && t === n - 1);
        if (adjacent) continue;
        if (intersects(a, b, ring[t], ring[t + 1])) return crossingPoint(a, b, ring[t], ring[t + 1]);
      }
      bucket.push(s);
    }
  }
  return null;
}

function checkRing(ring, b, where) {
  if (!Array.isArray(ring) || ring.length < 4) return fail("环至少需要4个坐标点 / a ring needs at least 4 positions" + where);
  for (var i = 0; i < ring.length; i++) {
    var e = checkPosition(ring[i], b, where);
    if (e) return e;
  }
  var first = ring[0], last = ring[ring.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) return fail("环未闭合 / ring is not closed" + where, first);
  var distinct = {};
  var count = 0;
  for (var j = 0; j < ring.length - 1; j++) {
    var key = ring[j][0] + "," + ring[j][1];
    if (!distinct[key]) { distinct[key] = true; count++; }
  }
  if (count < 3) return fail("面退化(不足3个不同顶点) / degenerate ring (fewer than 3 distinct vertices)" + where, first);
  // Repeated consecutive vertices are harmless (the import offers to drop them); compare the ring without them.
  var deduped = ring.filter(function (p, i) { return i === 0 || p[0] !== ring[i - 1][0] || p[1] !== ring[i - 1][1]; });
  var at = ringSelfIntersection(deduped);
  if (at) return fail("边界自相交,位置 " + fmtPt(at) + " / self-intersection at " + fmtPt(at) + where, at);
  return null;
}

function pointInRing(p, ring) {
  var inside = false;
  for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    var xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
    if ((yi > p[1]) !== (yj > p[1]) && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function checkPolygon(rings, b, where) {
  if (!Array.isArray(rings) || rings.length === 0) return fail("面为空 / empty polygon" + where);
  for (var i = 0; i < rings.length; i++) {
    var e = checkRing(rings[i], b, where + (i === 0 ? "" : " (洞 hole " + i + ")"));
    if (e) return e;
    // A hole must lie inside its shell (a vertex of it strictly inside; touching at one point is tolerated).
    if (i > 0 && !rings[i].some(function (p) { return pointInRing(p, rings[0]); })) {
      return fail("内环(洞)不在外环内 / hole " + i + " lies outside its polygon" + where, rings[i][0]);
    }
  }
  return null;
}

/** @param {any} g parsed GeoJSON geometry  @param {string[]} allowed geometry types */
function validateGeometry(g, allowed) {
  var b = bounds();
  if (g === null || g === undefined || g === "") return fail("缺少几何图形 / geometry is missing");
  if (typeof g !== "object" || !g.type) return fail("几何图形不是 GeoJSON 几何对象 / geometry is not a GeoJSON geometry object");
  if (allowed.indexOf(g.type) < 0) return fail("几何类型应为 " + allowed.join("/") + " / geometry type must be " + allowed.join(" or ") + ", got " + g.type);
  var c = g.coordinates;
  if (g.type === "Polygon") return checkPolygon(c, b, "");
  if (g.type === "MultiPolygon") {
    if (!Array.isArray(c) || c.length === 0) return fail("多面为空 / empty MultiPolygon");
    for (var i = 0; i < c.length; i++) {
      var e = checkPolygon(c[i], b, " (第" + (i + 1) + "部分 part " + (i + 1) + ")");
      if (e) return e;
    }
    return null;
  }
  if (g.type === "LineString") {
    if (!Array.isArray(c) || c.length < 2) return fail("线至少需要2个坐标点 / a line needs at least 2 positions");
    for (var k = 0; k < c.length; k++) {
      var pe = checkPosition(c[k], b, "");
      if (pe) return pe;
    }
    return null;
  }
  if (g.type === "Point") return checkPosition(c, b, "");
  return fail("不支持的几何类型 / unsupported geometry type " + g.type);
}

var ALLOWED = {
  compounds: ["Polygon", "MultiPolygon"],
  buildings: ["Polygon", "MultiPolygon"],
  design_zones: ["Polygon", "MultiPolygon"],
  facility_sites: ["Polygon", "MultiPolygon", "Point"],
  context_features: ["Polygon", "MultiPolygon", "LineString", "Point"],
};

function refuse(message) {
  throw new BadRequestError(message, { geometry: new ValidationError("invalid_geometry", message) });
}

/** For record create/update request hooks: refuses the request when the record's geometry is not sane. */
function checkRequest(e) {
  var allowed = ALLOWED[e.collection.name];
  if (allowed) {
    var g = null;
    try {
      g = JSON.parse(toString(e.record.get("geometry")) || "null");
    } catch (_) {
      refuse("几何图形不是有效的 GeoJSON / geometry is not valid GeoJSON");
    }
    var problem = validateGeometry(g, allowed);
    if (problem) refuse(problem.message);
  }
  e.next();
}

module.exports = { validateGeometry: validateGeometry, checkRequest: checkRequest };
