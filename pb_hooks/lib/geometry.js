// Geometry sanity for every record that carries a `geometry` (plain JS for PocketBase's JS VM).
//
// Cheapest refusals first, so no request can hold a core: the raw size (unparsed), then the vertex count, then the one
// polygon-validity rule (lib/polygon-validity.js, generated from src/lib/geo/polygon-validity.ts — the client runs the
// very same code) under a pair budget and a time limit. What is stored is only `type` and `coordinates` (foreign
// members dropped) with RFC 7946 winding. Refusals are Chinese first, English second, and say where.
//
// Configuration (environment; read on every request so a restart with new values applies them):
//   PB_GEOMETRY_BOUNDS         "minLon,minLat,maxLon,maxLat" accepted (default: Fenyang county with a margin)
//   PB_GEOMETRY_MAX_VERTICES   positions per compound, building, site or context feature (default 5000)
//   PB_ZONE_MAX_VERTICES       positions per design zone, which may outline many compounds (default 20000)
//   PB_GEOMETRY_TIME_LIMIT_MS  time the validity check may take per record (default 2000)

var DEFAULTS = { bounds: [111.3, 37.0, 112.2, 37.6], maxVertices: 5000, maxZoneVertices: 20000, timeLimitMs: 2000 };
/** Bytes of raw JSON allowed per position (generous: 17-digit numbers with a height), checked before parsing. */
var BYTES_PER_POSITION = 64;

function envNumber(name, fallback) {
  var v = Number($os.getenv(name));
  return $os.getenv(name) && isFinite(v) && v > 0 ? v : fallback;
}

/** The limits in force (see the header). */
function limits() {
  var bounds = DEFAULTS.bounds;
  var env = $os.getenv("PB_GEOMETRY_BOUNDS");
  if (env) {
    var b = env.split(",").map(Number);
    if (b.length === 4 && b.every(isFinite)) bounds = b;
  }
  return {
    bounds: bounds,
    maxVertices: Math.floor(envNumber("PB_GEOMETRY_MAX_VERTICES", DEFAULTS.maxVertices)),
    maxZoneVertices: Math.floor(envNumber("PB_ZONE_MAX_VERTICES", DEFAULTS.maxZoneVertices)),
    timeLimitMs: envNumber("PB_GEOMETRY_TIME_LIMIT_MS", DEFAULTS.timeLimitMs),
  };
}

var ALLOWED = {
  compounds: ["Polygon", "MultiPolygon"],
  buildings: ["Polygon", "MultiPolygon"],
  design_zones: ["Polygon", "MultiPolygon"],
  facility_sites: ["Polygon", "MultiPolygon", "Point"],
  context_features: ["Polygon", "MultiPolygon", "LineString", "Point"],
};

// One zh/en table for every reason the check gives (codes from polygon-validity.js, plus the hook's own
// `too_large` and `invalid_json`). {where} names the part and ring, {at} the place.
var MESSAGES = {
  missing: ["缺少几何图形", "geometry is missing"],
  invalid_json: ["几何图形不是有效的 GeoJSON", "geometry is not valid GeoJSON"],
  too_large: ["几何数据过大({bytes} 字节,上限 {max} 字节),未作检查即拒收", "geometry too large ({bytes} bytes, at most {max}); refused unread"],
  not_geometry: ["几何图形不是 GeoJSON 几何对象", "geometry is not a GeoJSON geometry object"],
  wrong_type: ["几何类型应为 {allowed},实际为 {type}", "geometry type must be {allowed}, got {type}"],
  too_many_vertices: ["顶点过多(上限 {max} 个),请简化后再提交", "too many vertices (at most {max}); simplify it first"],
  empty: ["几何图形为空{where}", "empty geometry{where}"],
  bad_position: ["坐标无效(须为有限的经纬度数值){where},第 {index} 个点", "invalid position (finite lon/lat numbers expected){where}, point {index}"],
  out_of_range: ["坐标超出经纬度范围 {at}{where}", "position beyond ±180/±90 {at}{where}"],
  out_of_bounds: ["坐标超出汾阳市范围 {at}{where}", "position outside Fenyang {at}{where}"],
  ring_too_short: ["环至少需要4个坐标点{where}(现有 {positions} 个)", "a ring needs at least 4 positions{where} (has {positions})"],
  ring_not_closed: ["环未闭合(首尾坐标不同){where}", "ring is not closed (first ≠ last position){where}"],
  ring_degenerate: ["面退化(不足3个不同且不共线的顶点){where}", "degenerate ring (fewer than 3 distinct, non-collinear vertices){where}"],
  line_too_short: ["线至少需要2个坐标点{where}", "a line needs at least 2 positions{where}"],
  self_intersection: ["边界自相交{where},位置 {at}", "self-intersection{where} at {at}"],
  ring_self_touch: ["边界自接触(环两次经过同一点){where},位置 {at}", "ring touches itself{where} at {at}"],
  rings_cross: ["内环(洞)与外环或其他洞相交{where},位置 {at}", "a hole crosses the exterior or another hole{where} at {at}"],
  shared_boundary: ["两个环共用一段边界{where},位置 {at}", "two rings share a stretch of boundary{where} at {at}"],
  hole_outside: ["内环(洞)不在外环内{where},位置 {at}", "hole lies outside its polygon{where} at {at}"],
  holes_nested: ["洞位于另一个洞之内{where},位置 {at}", "a hole lies inside another hole{where} at {at}"],
  interior_disconnected: ["洞与外环或其他洞多处相接,把面分成了互不相连的部分{where},位置 {at}", "holes touching the exterior or each other cut the interior apart{where} at {at}"],
  parts_overlap: ["多面的第 {part} 部分与第 {other} 部分重叠,位置 {at}", "parts {part} and {other} of the MultiPolygon overlap at {at}"],
  too_complex: ["几何过于复杂,无法在限定工作量内检查,请简化后再提交", "geometry too complex to check within the work limit; simplify it first"],
  timeout: ["几何检查超时,请简化后再提交", "geometry check timed out; simplify it first"],
};

function fmtPt(at) {
  return "(" + at[0].toFixed(7) + ", " + at[1].toFixed(7) + ")";
}

/** " (第2部分 洞1)" / " (part 2, hole 1)" from params. */
function where(params, zh) {
  var bits = [];
  if (params.part !== undefined && params.part > 1) bits.push(zh ? "第" + params.part + "部分" : "part " + params.part);
  if (params.ring !== undefined) bits.push(params.ring === 0 ? (zh ? "外环" : "exterior") : zh ? "洞" + params.ring : "hole " + params.ring);
  if (!bits.length) return "";
  return zh ? "(" + bits.join(" ") + ")" : " (" + bits.join(", ") + ")";
}

/** The refusal message for a reason: Chinese, then English. */
function message(problem) {
  var t = MESSAGES[problem.code] || [problem.code, problem.code];
  var params = problem.params || {};
  var fill = function (s, zh) {
    return s.replace(/\{(\w+)\}/g, function (_, k) {
      if (k === "where") return where(params, zh);
      if (k === "at") return problem.at ? fmtPt(problem.at) : "";
      return params[k] === undefined ? "" : String(params[k]);
    });
  };
  return fill(t[0], true) + " / " + fill(t[1], false);
}

function refuse(problem) {
  var msg = message(problem);
  var data = { geometry: new ValidationError("invalid_geometry", msg) };
  throw new BadRequestError(msg, data);
}

/**
 * For record create/update request hooks: refuses the request when the record's geometry is not acceptable,
 * otherwise stores it cleaned (type + coordinates, RFC 7946 winding) and continues.
 */
function checkRequest(e) {
  var allowed = ALLOWED[e.collection.name];
  if (!allowed) return e.next();
  var lim = limits();
  var maxVertices = e.collection.name === "design_zones" ? lim.maxZoneVertices : lim.maxVertices;
  var raw = toString(e.record.get("geometry")) || "";
  var maxBytes = maxVertices * BYTES_PER_POSITION + 4096;
  if (raw.length > maxBytes) refuse({ code: "too_large", params: { bytes: raw.length, max: maxBytes } });
  var g = null;
  try {
    g = JSON.parse(raw || "null");
  } catch (_) {
    refuse({ code: "invalid_json", params: {} });
  }
  var validity = require(__hooks + "/lib/polygon-validity.js");
  var result = validity.checkGeometry(g, {
    allowed: allowed,
    bounds: lim.bounds,
    maxVertices: maxVertices,
    deadline: Date.now() + lim.timeLimitMs,
  });
  if (!result.ok) refuse(result);
  e.record.set("geometry", validity.cleanGeometry(g));
  e.next();
}

module.exports = { checkRequest: checkRequest, message: message, limits: limits, MESSAGES: MESSAGES };
