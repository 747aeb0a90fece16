// Whole-layer GeoJSON for the map (#8): one response instead of thousands of paged records at province scale.
// SQLite builds the JSON itself (json_object / json_group_array), so the JS VM never walks the features; the string is
// kept in $app.store() and dropped by the record hooks in layer-cache.pb.js on any create/update/delete.
// Properties are exactly the fields the records API returns (hidden fields left out), so the SPA can turn each
// feature back into a record: {...properties, geometry}.

var LAYERS = { compounds: "[t].[code]", buildings: "[t].[compound], [t].[id]" };

// Two variants of each layer: the public fields for everyone, and for staff the compounds' staff-only facts joined in
// from compound_private (lib/audience.js) — as the records API adds them for staff.
function cacheKey(name, staff) {
  return "fy:layer:" + name + (staff ? ":staff" : ":public");
}
function versionKey(name) {
  return "fy:layer:" + name + ":v";
}

/** Drops the cached layer and bumps its version, so a build that started before this change is not stored. */
function invalidate(name) {
  if (!LAYERS[name]) return;
  var store = $app.store();
  store.remove(cacheKey(name, true));
  store.remove(cacheKey(name, false));
  store.set(versionKey(name), (store.get(versionKey(name)) || 0) + 1);
}

function quote(col) {
  return "[" + String(col).replace(/]/g, "]]") + "]";
}

// SQL for one field (of the table aliased `alias`) as the records API would serialise it.
function fieldExpr(field, alias) {
  var col = quote(alias) + "." + quote(field.getName());
  var type = field.type();
  var multiple = typeof field.isMultiple === "function" && field.isMultiple();
  if (type === "bool") return "json(CASE WHEN " + col + " THEN 'true' ELSE 'false' END)";
  if (type === "number") return "COALESCE(" + col + ", 0)";
  if (type === "json" || type === "geoPoint" || multiple) {
    return "CASE WHEN " + col + " IS NULL OR " + col + " = '' THEN NULL ELSE json(" + col + ") END";
  }
  return "COALESCE(" + col + ", '')";
}

/** `join`: {collection, alias, on} — a 1:1 collection whose fields (except its link and dates) join the properties. */
function buildSql(collection, join) {
  var props = ["'collectionId', " + "'" + collection.id + "'", "'collectionName', '" + collection.name + "'"];
  var add = function (fields, alias, skip) {
    for (var i = 0; i < fields.length; i++) {
      var f = fields[i];
      var name = f.getName();
      if (name === "geometry" || f.getHidden() || f.type() === "password" || skip.indexOf(name) >= 0) continue;
      props.push("'" + name.replace(/'/g, "''") + "', " + fieldExpr(f, alias));
    }
  };
  add(collection.fields, "t", []);
  var from = quote(collection.name) + " [t]";
  if (join) {
    add(join.collection.fields, join.alias, ["id", "compound", "created", "updated"]);
    from += " LEFT JOIN " + quote(join.collection.name) + " " + quote(join.alias) + " ON " + join.on;
  }
  var feature = "json_object('type', 'Feature', 'id', [t].[id], 'geometry', json([t].[geometry]), 'properties', json_object(" +
    props.join(", ") + "))";
  return "SELECT COALESCE(json_group_array(json(f)), '[]') AS body FROM (SELECT " + feature + " AS f FROM " + from +
    " ORDER BY " + LAYERS[collection.name] + ")";
}

/** The layer as a GeoJSON FeatureCollection string (cached), with staff-only fields when `staff`. */
function layerJson(name, staff) {
  var store = $app.store();
  var key = cacheKey(name, !!staff);
  var cached = store.get(key);
  if (cached) return cached;
  var v0 = store.get(versionKey(name)) || 0;
  var collection = $app.findCollectionByNameOrId(name);
  var join = null;
  if (staff && name === "compounds") {
    var priv = require(__hooks + "/lib/audience.js").PRIVATE.collection;
    join = { collection: $app.findCollectionByNameOrId(priv), alias: "p", on: "[p].[id] = [t].[id]" };
  }
  var row = new DynamicModel({ body: "" });
  $app.db().newQuery(buildSql(collection, join)).one(row);
  var body = '{"type":"FeatureCollection","features":' + row.body + "}";
  if ((store.get(versionKey(name)) || 0) === v0) store.set(key, body);
  return body;
}

/** GET handler: public when the collection's list rule is public (""), superusers otherwise. */
function serve(e, name) {
  var collection = $app.findCollectionByNameOrId(name);
  // listRule is a Go *string: null when superusers only, "" when public, else a filter we do not evaluate here
  var rule = collection.listRule;
  var isPublic = rule !== null && rule !== undefined && String(rule) === "";
  if (!isPublic && !e.hasSuperuserAuth()) {
    throw require(__hooks + "/lib/messages.js").forbidden("layer_not_public");
  }
  var body = layerJson(name, require(__hooks + "/lib/audience.js").isStaff(e.auth));
  e.response.header().set("Cache-Control", "no-cache");
  return e.blob(200, "application/geo+json", body);
}

module.exports = { invalidate: invalidate, layerJson: layerJson, serve: serve, buildSql: buildSql };
