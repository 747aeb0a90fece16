// Vector tiles of the heavy layers: GET /api/fy/tiles/{layer}/{z}/{x}/{y} answers one Mapbox Vector Tile of the
// compounds or the buildings (lib/mvt.js), cut from the stored records. The map switches to these above a size
// threshold instead of one whole-layer GeoJSON, so the browser only ever handles the tiles in view.
// Finding a tile's features: a box per feature in the _fy_tile_bbox table (pb_migrations), rebuilt by one SQL statement
// whenever the layer changed. Caching: each tile's bytes are kept in memory with the layer's version (lib/layer-cache.js
// bumps it on every create, update and delete, the same invalidation as the whole-layer route) and served with an
// ETag of that version, so browsers and a CDN revalidate cheaply and see a change at once.
// Only public fields go into tiles (the layers are public), so one tile serves every reader.

var LAYERS = {
  compounds: { fields: ["code", "name", "stage", "township", "community", "built_year", "households", "plan_year", "is_demo"], minzoom: 0 },
  buildings: { fields: ["compound", "name", "floors", "is_demo"], minzoom: 12 },
};
var MAX_ZOOM = 20;

function versionOf(name) {
  return $app.store().get("fy:layer:" + name + ":v") || 0;
}

/** A token that differs between server processes (the in-memory versions restart at 0). */
function bootToken() {
  var store = $app.store();
  var t = store.get("fy:tiles:boot");
  if (!t) {
    t = String(Date.now().toString(36));
    store.set("fy:tiles:boot", t);
  }
  return t;
}

/** Rebuilds the layer's feature boxes when the layer changed since they were built (in this process). */
function ensureIndex(name, version, boot) {
  var store = $app.store();
  var key = "fy:tiles:" + name + ":indexed";
  if (store.get(key) === boot + ":" + version) return;
  $app.runInTransaction(function (txApp) {
    txApp.db().newQuery("DELETE FROM _fy_tile_bbox WHERE layer = {:layer}").bind({ layer: name }).execute();
    // every position of the geometry: json_tree rows that are arrays whose first member is a number
    txApp.db().newQuery(
      "INSERT INTO _fy_tile_bbox (layer, id, minx, miny, maxx, maxy) " +
      "SELECT {:layer}, t.id, MIN(json_extract(p.value, '$[0]')), MIN(json_extract(p.value, '$[1]')), " +
      "MAX(json_extract(p.value, '$[0]')), MAX(json_extract(p.value, '$[1]')) " +
      "FROM [" + name + "] t, json_tree(t.geometry, '$.coordinates') p " +
      "WHERE p.type = 'array' AND json_type(p.value, '$[0]') IN ('integer', 'real') GROUP BY t.id"
    ).bind({ layer: name }).execute();
  });
  if (versionOf(name) === version) store.set(key, boot + ":" + version);
}

function toLatin1(bytes) {
  var s = "";
  for (var i = 0; i < bytes.length; i += 4096) s += String.fromCharCode.apply(null, bytes.slice(i, i + 4096));
  return s;
}

function fromLatin1(s) {
  var out = new Array(s.length);
  for (var i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** The tile's bytes, cut from the stored records. */
function cut(name, z, x, y) {
  var spec = LAYERS[name];
  var M = require(__hooks + "/lib/mvt.js");
  var b = M.tileBounds(z, x, y, 1 / 64);
  var props = spec.fields.map(function (f) { return "'" + f + "', t.[" + f + "]"; }).join(", ");
  var rows = arrayOf(new DynamicModel({ id: "", g: "", p: "" }));
  $app.db().newQuery(
    "SELECT t.id AS id, t.geometry AS g, json_object('id', t.id, " + props + ") AS p FROM [" + name + "] t " +
    "JOIN _fy_tile_bbox b ON b.layer = {:layer} AND b.id = t.id " +
    "WHERE b.minx <= {:e} AND b.maxx >= {:w} AND b.miny <= {:n} AND b.maxy >= {:s}"
  ).bind({ layer: name, w: b[0], s: b[1], e: b[2], n: b[3] }).all(rows);
  var features = [];
  for (var i = 0; i < rows.length; i++) {
    var p = JSON.parse(rows[i].p);
    if (p.is_demo !== undefined) p.is_demo = !!p.is_demo;
    features.push({ geometry: JSON.parse(rows[i].g), properties: p });
  }
  return M.tileBytes(name, features, z, x, y);
}

function intParam(e, name) {
  var v = String(e.request.pathValue(name) || "");
  return /^\d{1,8}$/.test(v) ? Number(v) : -1;
}

/** GET handler. */
function serve(e) {
  var M = require(__hooks + "/lib/messages.js");
  var name = e.request.pathValue("layer");
  if (!LAYERS[name]) throw new NotFoundError(M.text("tiles_unknown_layer", { layer: String(name) }));
  var collection = $app.findCachedCollectionByNameOrId(name);
  var rule = collection.listRule;
  if (!(rule !== null && rule !== undefined && String(rule) === "") && !e.hasSuperuserAuth()) throw M.forbidden("layer_not_public");
  var z = intParam(e, "z"), x = intParam(e, "x"), y = intParam(e, "y");
  var n = Math.pow(2, z);
  if (z < 0 || z > MAX_ZOOM || x < 0 || y < 0 || x >= n || y >= n) throw new BadRequestError(M.text("tiles_bad_address", {}));
  var store = $app.store();
  var boot = bootToken();
  var version = versionOf(name);
  var etag = '"' + name + "-" + boot + "-" + version + '"';
  e.response.header().set("ETag", etag);
  e.response.header().set("Cache-Control", "no-cache");
  if (e.request.header.get("If-None-Match") === etag) return e.noContent(304);
  if (z < LAYERS[name].minzoom) return e.blob(200, "application/vnd.mapbox-vector-tile", []);
  var key = "fy:tile:" + name + ":" + z + "/" + x + "/" + y;
  var cached = store.get(key);
  if (cached && cached.slice(0, etag.length) === etag) return e.blob(200, "application/vnd.mapbox-vector-tile", fromLatin1(cached.slice(etag.length)));
  ensureIndex(name, version, boot);
  var bytes = cut(name, z, x, y);
  if (versionOf(name) === version) store.set(key, etag + toLatin1(bytes));
  return e.blob(200, "application/vnd.mapbox-vector-tile", bytes);
}

module.exports = { serve: serve, LAYERS: LAYERS };
