// Geometry sanity for every record that carries a `geometry` (plain JS for PocketBase's JS VM).
//
// Cheapest refusals first, so no request can hold a core: the raw size (unparsed), then the vertex count, then the one
// polygon-validity rule (lib/polygon-validity.js, generated from src/lib/geo/polygon-validity.ts — the client runs the
// very same code) under a pair budget and a time limit. What is stored is only `type` and `coordinates` (foreign
// members dropped) with RFC 7946 winding. Refusals are Chinese first, English second, and say where (the words are in
// lib/messages.js, codes geometry_<code>).
//
// Configuration (environment; read on every request so a restart with new values applies them):
//   PB_GEOMETRY_BOUNDS         "minLon,minLat,maxLon,maxLat" accepted (default: Fenyang county with a margin)
//   PB_GEOMETRY_MAX_VERTICES   positions per compound, building, site or context feature (default 5000)
//   PB_ZONE_MAX_VERTICES       positions per design zone, which may outline many compounds (default 20000)
//   PB_GEOMETRY_TIME_LIMIT_MS  time the validity check may take per record (default 2000)

var VALIDITY = null; // lib/polygon-validity.js, required on first use (this file also loads in Node, without __hooks)
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

/** The reason's params for lib/messages.js: its own, plus where (part, ring) in both languages and the place. */
function messageParams(problem) {
  var params = {};
  var own = problem.params || {};
  for (var k in own) params[k] = own[k];
  params.whereZh = where(own, true);
  params.whereEn = where(own, false);
  params.at = problem.at ? fmtPt(problem.at) : "";
  return params;
}

/** The refusal message for a reason ({code, params, at}): Chinese, then English, from lib/messages.js. */
function message(problem) {
  var messages = require(__hooks + "/lib/messages.js");
  return messages.text("geometry_" + problem.code, messageParams(problem));
}

function refuse(problem) {
  var msg = message(problem);
  var data = { geometry: new ValidationError("geometry_" + problem.code, msg) };
  throw new BadRequestError(msg, data);
}

/**
 * Checks a geometry value for a collection (a parsed object, or a JSON string as stored): {ok: true, geometry} with the
 * geometry cleaned (type + coordinates, RFC 7946 winding), or {ok: false, problem} ({code, params, at}). Used by the
 * record hooks below and by routes that write many records at once (lib/bulk.js), which pass `lim` (limits()) once
 * and ask for the cleaned geometry as its stored JSON text (`asJson`).
 */
function checkValue(collectionName, value, lim, asJson) {
  var allowed = ALLOWED[collectionName];
  if (!allowed) return { ok: true, geometry: value };
  lim = lim || limits();
  var maxVertices = collectionName === "design_zones" ? lim.maxZoneVertices : lim.maxVertices;
  var maxBytes = maxVertices * BYTES_PER_POSITION + 4096;
  var g = value;
  if (typeof value === "string" || value === null || value === undefined) {
    var raw = value || "";
    if (raw.length > maxBytes) return { ok: false, problem: { code: "too_large", params: { bytes: raw.length, max: maxBytes } } };
    try {
      g = JSON.parse(raw || "null");
    } catch (_) {
      return { ok: false, problem: { code: "invalid_json", params: {} } };
    }
  }
  // a parsed object (the bulk route's) is bounded by its vertex count, checked first thing by checkGeometry
  var validity = VALIDITY || (VALIDITY = require(__hooks + "/lib/polygon-validity.js"));
  var result = validity.checkGeometry(g, {
    allowed: allowed,
    bounds: lim.bounds,
    maxVertices: maxVertices,
    deadline: Date.now() + lim.timeLimitMs,
  });
  if (!result.ok) return { ok: false, problem: result };
  // as text: what PocketBase stores for the object (a Go map: "coordinates" before "type"), one string to hand Go
  if (asJson) return { ok: true, geometry: validity.cleanGeometryJson(g) };
  return { ok: true, geometry: validity.cleanGeometry(g) };
}

/**
 * For record create/update request hooks: refuses the request when the record's geometry is not acceptable,
 * otherwise stores it cleaned (type + coordinates, RFC 7946 winding) and continues.
 */
function checkRequest(e) {
  if (!ALLOWED[e.collection.name]) return e.next();
  var checked = checkValue(e.collection.name, toString(e.record.get("geometry")) || "");
  if (!checked.ok) refuse(checked.problem);
  e.record.set("geometry", checked.geometry);
  e.next();
}

module.exports = { checkRequest: checkRequest, checkValue: checkValue, message: message, messageParams: messageParams, limits: limits };
