// Division boundaries (街道/镇 and 社区 polygons): the server's checks, on every create and update. A boundary is named by
// its division code (the hook finds the township or community and sets level, name and links from it), must be a valid
// polygon inside Fenyang (no vertex more than `outsideToleranceM` outside the county outline, which is itself
// approximate), and may not overlap another boundary of its level by more than `maxOverlapShare` of the smaller one
// (slivers where two sources digitised a shared border differently are tolerated). Constants: boundary-rule.json,
// shared with the import wizard (src/lib/import/plan-boundaries.ts).
//
// Overlap area without a clipping library: the outline of A ∩ B is made of the pieces of A's outline inside B and the
// pieces of B's outline inside A, so with shells counter-clockwise and holes clockwise
//   area(A ∩ B) = ½ Σ cross(p, q) over those pieces p→q,
// where a piece lying on the other's outline counts once when both run the same way (a shared stretch of a region
// inside both) and not at all when they run opposite ways (neighbours sharing a border). Pieces come from splitting
// every edge where it crosses the other outline; a uniform grid of edges keeps that near O(n √n).
// Plain ES5 for PocketBase's JS VM; the geometry part is loadable from Node (test/unit/boundary-hook.test.ts).

var RULE = require(__hooks + "/lib/boundary-rule.json");
var EPS = 1e-6; // metres: pieces shorter than this, and distances below it, are nothing

/** Metres east/north of (lon0, lat0): a local equirectangular frame, good to ~0.5 % over a county. */
function frameAt(lon0, lat0) {
  var kx = 111320 * Math.cos((lat0 * Math.PI) / 180);
  var ky = 110574;
  return function (p) { return [(p[0] - lon0) * kx, (p[1] - lat0) * ky]; };
}

function polygonsOf(g) {
  if (!g) return [];
  if (g.type === "Polygon") return [g.coordinates];
  if (g.type === "MultiPolygon") return g.coordinates;
  return [];
}

function signedArea(ring) {
  var s = 0;
  for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return s / 2;
}

/** Rings in metres, shells counter-clockwise and holes clockwise, closing vertex dropped. */
function projectRings(g, toXY) {
  var out = [];
  polygonsOf(g).forEach(function (poly) {
    poly.forEach(function (ring, k) {
      var r = ring.map(toXY);
      if (r.length > 1 && r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1]) r.pop();
      if (r.length < 3) return;
      var ccw = signedArea(r) > 0;
      if ((k === 0) !== ccw) r.reverse();
      out.push(r);
    });
  });
  return out;
}

function edgesOf(rings) {
  var edges = [];
  rings.forEach(function (r) {
    for (var i = 0; i < r.length; i++) {
      var a = r[i], b = r[(i + 1) % r.length];
      if (a[0] !== b[0] || a[1] !== b[1]) edges.push([a[0], a[1], b[0], b[1]]);
    }
  });
  return edges;
}

/** A uniform grid over the edges' box, so queries look at the edges nearby only. */
function EdgeIndex(edges) {
  var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  edges.forEach(function (e) {
    minX = Math.min(minX, e[0], e[2]); maxX = Math.max(maxX, e[0], e[2]);
    minY = Math.min(minY, e[1], e[3]); maxY = Math.max(maxY, e[1], e[3]);
  });
  var n = Math.max(1, Math.ceil(Math.sqrt(edges.length)));
  this.edges = edges;
  this.box = [minX, minY, maxX, maxY];
  this.n = n;
  this.cw = (maxX - minX) / n || 1;
  this.ch = (maxY - minY) / n || 1;
  this.cells = [];
  for (var c = 0; c < n * n; c++) this.cells.push([]);
  this.stamp = new Array(edges.length);
  this.tick = 0;
  for (var i = 0; i < edges.length; i++) {
    var e = edges[i];
    var x0 = this.col(Math.min(e[0], e[2])), x1 = this.col(Math.max(e[0], e[2]));
    var y0 = this.row(Math.min(e[1], e[3])), y1 = this.row(Math.max(e[1], e[3]));
    for (var gy = y0; gy <= y1; gy++) for (var gx = x0; gx <= x1; gx++) this.cells[gy * n + gx].push(i);
  }
}
EdgeIndex.prototype.col = function (x) { return Math.max(0, Math.min(this.n - 1, Math.floor((x - this.box[0]) / this.cw))); };
EdgeIndex.prototype.row = function (y) { return Math.max(0, Math.min(this.n - 1, Math.floor((y - this.box[1]) / this.ch))); };
/** Calls fn(edge) once for each edge whose cells meet the box [x0, y0, x1, y1]. */
EdgeIndex.prototype.near = function (x0, y0, x1, y1, fn) {
  if (x1 < this.box[0] || x0 > this.box[2] || y1 < this.box[1] || y0 > this.box[3]) return;
  var t = ++this.tick;
  for (var gy = this.row(y0); gy <= this.row(y1); gy++) {
    for (var gx = this.col(x0); gx <= this.col(x1); gx++) {
      var cell = this.cells[gy * this.n + gx];
      for (var k = 0; k < cell.length; k++) {
        var i = cell[k];
        if (this.stamp[i] === t) continue;
        this.stamp[i] = t;
        fn(this.edges[i]);
      }
    }
  }
};
/** Even-odd point in polygon: counts the edges a ray to +x crosses (they all lie in the point's row of cells). */
EdgeIndex.prototype.contains = function (x, y) {
  if (x < this.box[0] || x > this.box[2] || y < this.box[1] || y > this.box[3]) return false;
  var inside = false;
  this.near(x, y, this.box[2], y, function (e) {
    if ((e[1] > y) !== (e[3] > y) && x < ((e[2] - e[0]) * (y - e[1])) / (e[3] - e[1]) + e[0]) inside = !inside;
  });
  return inside;
};
/** Distance from (x, y) to the nearest edge within `r` metres (Infinity when none), and that edge. */
EdgeIndex.prototype.nearest = function (x, y, r) {
  var best = { d: Infinity, edge: null };
  this.near(x - r, y - r, x + r, y + r, function (e) {
    var d = segmentDistance(x, y, e);
    if (d < best.d) best = { d: d, edge: e };
  });
  return best;
};

function segmentDistance(px, py, e) {
  var dx = e[2] - e[0], dy = e[3] - e[1];
  var len2 = dx * dx + dy * dy;
  var t = len2 ? Math.max(0, Math.min(1, ((px - e[0]) * dx + (py - e[1]) * dy) / len2)) : 0;
  return Math.sqrt(Math.pow(px - e[0] - t * dx, 2) + Math.pow(py - e[1] - t * dy, 2));
}

/** Parameters t (0–1) along a where it meets b: a crossing, or the ends of a collinear stretch. */
function meetings(a, b, out) {
  var rx = a[2] - a[0], ry = a[3] - a[1], sx = b[2] - b[0], sy = b[3] - b[1];
  var den = rx * sy - ry * sx;
  var qpx = b[0] - a[0], qpy = b[1] - a[1];
  var len2 = rx * rx + ry * ry;
  if (Math.abs(den) <= 1e-12 * Math.sqrt(len2 * (sx * sx + sy * sy))) {
    // Parallel: collinear when b's start lies on a's line; then b's ends cut a.
    if (Math.abs(qpx * ry - qpy * rx) > EPS * Math.sqrt(len2)) return;
    [[b[0], b[1]], [b[2], b[3]]].forEach(function (p) {
      var t = ((p[0] - a[0]) * rx + (p[1] - a[1]) * ry) / len2;
      if (t > 0 && t < 1) out.push(t);
    });
    return;
  }
  var t = (qpx * sy - qpy * sx) / den;
  var u = (qpx * ry - qpy * rx) / den;
  if (t > 0 && t < 1 && u >= -1e-12 && u <= 1 + 1e-12) out.push(t);
}

/** ½ Σ cross over the pieces of `edges` inside `other` (pieces on its outline only when `keepShared`, same way round). */
function insideSum(edges, other, keepShared) {
  var sum = 0;
  edges.forEach(function (a) {
    var ts = [0, 1];
    other.near(Math.min(a[0], a[2]), Math.min(a[1], a[3]), Math.max(a[0], a[2]), Math.max(a[1], a[3]), function (b) { meetings(a, b, ts); });
    ts.sort(function (x, y) { return x - y; });
    var dx = a[2] - a[0], dy = a[3] - a[1];
    for (var k = 0; k + 1 < ts.length; k++) {
      var t0 = ts[k], t1 = ts[k + 1];
      if ((t1 - t0) * Math.sqrt(dx * dx + dy * dy) < EPS) continue;
      var mx = a[0] + ((t0 + t1) / 2) * dx, my = a[1] + ((t0 + t1) / 2) * dy;
      var near = other.nearest(mx, my, EPS * 10);
      var take;
      if (near.edge && near.d < EPS * 10) {
        var e = near.edge;
        take = keepShared && dx * (e[2] - e[0]) + dy * (e[3] - e[1]) > 0;
      } else take = other.contains(mx, my);
      if (!take) continue;
      var px = a[0] + t0 * dx, py = a[1] + t0 * dy, qx = a[0] + t1 * dx, qy = a[1] + t1 * dy;
      sum += px * qy - qx * py;
    }
  });
  return sum / 2;
}

/**
 * Area in m² that two polygon geometries (GeoJSON Polygon/MultiPolygon in lon/lat) have in common, and each one's area.
 * @example overlapM2(squareA, squareB) // { overlap: 2500, areaA: 10000, areaB: 10000 } for 100 m squares shifted 50 m twice
 */
function overlapM2(ga, gb) {
  var first = polygonsOf(ga)[0][0][0];
  var toXY = frameAt(first[0], first[1]);
  var ra = projectRings(ga, toXY), rb = projectRings(gb, toXY);
  var area = function (rings) { return rings.reduce(function (s, r) { return s + signedArea(r); }, 0); };
  var out = { overlap: 0, areaA: area(ra), areaB: area(rb) };
  var ea = edgesOf(ra), eb = edgesOf(rb);
  if (!ea.length || !eb.length) return out;
  var ia = new EdgeIndex(ea), ib = new EdgeIndex(eb);
  if (ia.box[2] < ib.box[0] || ib.box[2] < ia.box[0] || ia.box[3] < ib.box[1] || ib.box[3] < ia.box[1]) return out;
  out.overlap = Math.max(0, insideSum(ea, ib, true) + insideSum(eb, ia, false));
  return out;
}

/** Planar area in m² of a polygon geometry in lon/lat. */
function areaM2(g) {
  var first = polygonsOf(g)[0][0][0];
  var toXY = frameAt(first[0], first[1]);
  return projectRings(g, toXY).reduce(function (s, r) { return s + signedArea(r); }, 0);
}

/**
 * The first vertex of `g` lying more than `toleranceM` outside the polygon `outline` (both lon/lat), with its distance
 * in metres, or null when every vertex is inside or near enough.
 */
function farOutside(g, outline, toleranceM) {
  var first = polygonsOf(outline)[0][0][0];
  var toXY = frameAt(first[0], first[1]);
  var idx = new EdgeIndex(edgesOf(projectRings(outline, toXY)));
  var found = null;
  polygonsOf(g).some(function (poly) {
    return poly.some(function (ring) {
      return ring.some(function (p) {
        var xy = toXY(p);
        if (idx.contains(xy[0], xy[1])) return false;
        if (idx.nearest(xy[0], xy[1], toleranceM).d <= toleranceM) return false;
        var d = Infinity;
        idx.edges.forEach(function (e) { d = Math.min(d, segmentDistance(xy[0], xy[1], e)); });
        found = { at: p, distanceM: d };
        return true;
      });
    });
  });
  return found;
}

function vertexCount(g) {
  var n = 0;
  polygonsOf(g).forEach(function (poly) { poly.forEach(function (r) { n += r.length; }); });
  return n;
}

var outlineCache = null;
function countyOutline() {
  if (!outlineCache) {
    var fc = JSON.parse(toString($os.readFile(__hooks + "/../data/fenyang-outline.geojson")));
    outlineCache = fc.features[0].geometry;
  }
  return outlineCache;
}

function fmtLonLat(p) { return p[0].toFixed(5) + ", " + p[1].toFixed(5); }

/** For create/update requests on division_boundaries: refuses a boundary that breaks a rule, naming it. */
function checkRequest(e) {
  var M = require(__hooks + "/lib/messages.js");
  var G = require(__hooks + "/lib/geometry.js");
  var rec = e.record;
  var app = e.app;
  var code = String(rec.getString("code") || "").trim();
  rec.set("code", code);
  var township = null, community = null;
  try { township = app.findFirstRecordByData("townships", "code", code); } catch (_) { township = null; }
  if (!township) {
    try { community = app.findFirstRecordByData("communities", "code", code); } catch (_) { community = null; }
  }
  if (!township && !community) throw M.bad("boundary_unknown_code", "code", { code: code || "—" });
  var level = township ? "township" : "community";
  var division = township || community;
  rec.set("level", level);
  rec.set("name", division.getString("name"));
  rec.set("township", township ? township.id : community.getString("township"));
  rec.set("community", community ? community.id : "");

  var g = null;
  try { g = JSON.parse(toString(rec.get("geometry")) || "null"); } catch (_) { throw M.bad("boundary_not_geojson", "geometry", { name: division.getString("name") }); }
  var n = vertexCount(g);
  if (n > RULE.maxVertices) throw M.bad("boundary_too_many_vertices", "geometry", { name: division.getString("name"), n: n, max: RULE.maxVertices });
  // The one polygon-validity rule of every geometry (lib/polygon-validity.js), with a boundary's own vertex limit.
  var V = require(__hooks + "/lib/polygon-validity.js");
  var lim = G.limits();
  var result = V.checkGeometry(g, { allowed: ["Polygon", "MultiPolygon"], bounds: lim.bounds, maxVertices: RULE.maxVertices, deadline: Date.now() + 5 * lim.timeLimitMs });
  if (!result.ok) {
    var p = G.messageParams(result);
    throw M.bad("boundary_invalid", "geometry", {
      name: division.getString("name"), code: code, detailZh: M.zh("geometry_" + result.code, p), detailEn: M.en("geometry_" + result.code, p),
    });
  }
  g = V.cleanGeometry(g);
  rec.set("geometry", g);
  var far = farOutside(g, countyOutline(), RULE.outsideToleranceM);
  if (far) {
    throw M.bad("boundary_outside", "geometry", {
      name: division.getString("name"), code: code, at: fmtLonLat(far.at), km: (far.distanceM / 1000).toFixed(1), tolerance: RULE.outsideToleranceM,
    });
  }
  var same = app.findRecordsByFilter("division_boundaries", "code = {:code} && id != {:id}", "", 1, 0, { code: code, id: rec.id || "" });
  if (same.length) throw M.bad("boundary_exists", "code", { code: code, name: division.getString("name") });
  var area = areaM2(g);
  rec.set("area_m2", Math.round(area * 10) / 10);

  var others = app.findRecordsByFilter("division_boundaries", "level = {:level} && id != {:id}", "code", 0, 0,
    { level: level, id: rec.id || "" });
  for (var i = 0; i < others.length; i++) {
    var o = others[i];
    var og = JSON.parse(toString(o.get("geometry")) || "null");
    var r = overlapM2(g, og);
    var limit = Math.max(RULE.minOverlapM2, RULE.maxOverlapShare * Math.min(r.areaA, r.areaB));
    if (r.overlap > limit) {
      throw M.bad("boundary_overlap", "geometry", {
        name: division.getString("name"), code: code, other: o.getString("name"), otherCode: o.getString("code"),
        area: Math.round(r.overlap), share: ((100 * r.overlap) / Math.min(r.areaA, r.areaB)).toFixed(1), max: RULE.maxOverlapShare * 100,
      });
    }
  }
  e.next();
}

module.exports = {
  RULE: RULE, overlapM2: overlapM2, areaM2: areaM2, farOutside: farOutside, vertexCount: vertexCount, checkRequest: checkRequest,
};
