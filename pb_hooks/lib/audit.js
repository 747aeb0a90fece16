// Audit trail writer (#6), plain JS for PocketBase's JSVM. The request hooks in audit.pb.js call record(e, action):
// the record's save and its audit row happen in one transaction, so there is never a change without its row.

// Collections whose every write is recorded. Names that do not exist (yet) simply never fire.
var AUDITED = [
  "compounds", "compound_notes", "design_zones", "facility_sites",
  "funding", "annual_plans", "plan_entries", "programme_settings", "stage_events", "renovation_items",
  "approvals", "elevator_inspections", "consultations", "feedback", "users",
];

// Fields never copied into the log: secrets, and private contacts that the log's readers may not otherwise see.
var SKIP = { password: true, tokenKey: true, contact: true, updated: true };

function snapshot(rec) {
  if (!rec) return null;
  var out = {};
  var fields = rec.collection().fields;
  for (var i = 0; i < fields.length; i++) {
    var f = fields[i];
    var name = f.getName();
    if (SKIP[name] || f.getHidden()) continue;
    var type = f.type();
    var v;
    if (type === "json") {
      var raw = rec.getString(name);
      try { v = raw ? JSON.parse(raw) : null; } catch (err) { v = raw; }
    } else if (type === "bool") v = rec.getBool(name);
    else if (type === "number") v = rec.getFloat(name);
    else if ((type === "relation" || type === "file" || type === "select") && (f.maxSelect || 1) > 1) v = rec.getStringSlice(name);
    else v = rec.getString(name);
    out[name] = v;
  }
  out.id = rec.id;
  return out;
}

function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

function actor(e) {
  var a = e.auth;
  if (!a) return { by: "", by_name: "", by_kind: "public", by_role: "" };
  if (a.isSuperuser()) return { by: a.id, by_name: a.getString("email"), by_kind: "superuser", by_role: "superuser" };
  var role = a.getString("role");
  var detail = role === "department" ? a.getString("department") : "";
  return { by: a.id, by_name: a.getString("name") || a.getString("email"), by_kind: "user", by_role: detail ? role + ":" + detail : role };
}

function labelOf(rec) {
  var code = "", name = "";
  try { code = rec.getString("code"); } catch (err) { /* no such field */ }
  try { name = rec.getString("name"); } catch (err) { /* no such field */ }
  return [code, name].filter(function (s) { return s; }).join(" ").slice(0, 200);
}

/** Runs the request's save (e.next()) and writes its audit row in the same transaction. */
function record(e, action) {
  var before = action === "create" ? null : snapshot(action === "update" ? e.record.original() : e.record);
  var who = actor(e);
  var ip = "";
  try { ip = e.realIP(); } catch (err) { /* not an HTTP request */ }
  var collectionName = e.record.collection().name;
  e.app.runInTransaction(function (txApp) {
    var outer = e.app;
    e.app = txApp;
    try {
      e.next();
    } finally {
      e.app = outer;
    }
    var after = action === "delete" ? null : snapshot(e.record);
    var changed = [];
    if (action === "update") {
      var b = {}, a = {};
      for (var k in after) {
        if (!same(before[k], after[k])) { changed.push(k); b[k] = before[k]; a[k] = after[k]; }
      }
      if (changed.length === 0) return; // a save that changed nothing is not a change
      before = b; after = a;
    } else {
      changed = Object.keys(action === "create" ? after : before);
    }
    var col = txApp.findCollectionByNameOrId("audit_log");
    var row = new Record(col);
    row.set("collection", collectionName);
    row.set("record", e.record.id);
    row.set("label", labelOf(e.record));
    row.set("action", action);
    row.set("changed", changed);
    row.set("before", before);
    row.set("after", after);
    row.set("by", who.by);
    row.set("by_name", who.by_name);
    row.set("by_kind", who.by_kind);
    row.set("by_role", who.by_role);
    row.set("ip", ip);
    txApp.save(row);
  });
}

module.exports = { AUDITED: AUDITED, record: record, snapshot: snapshot };
