// Audit trail writer, plain JS for PocketBase's JSVM. The request hooks in audit.pb.js call record(e, action): the
// record's save and its audit row happen in one transaction, so there is never a change without its row. While that
// request runs, every other audited record it writes, changes or removes — a compound's stage moved by a stage event,
// events written by a plan's approval, the funding, items and notes a compound's deletion cascades to — gets its own row
// too (modelChange, from model hooks), with the same actor and the request's record as its cause.

// Collections whose every write is recorded (the one list: audit.pb.js registers its hooks from it).
var AUDITED = [
  "compounds", "compound_private", "compound_notes", "design_zones", "facility_sites",
  "funding", "annual_plans", "plan_entries", "programme_settings", "stage_events", "renovation_items",
  "approvals", "elevator_inspections", "consultations", "feedback", "users",
];
var LOG = "audit_log";

// Fields never copied into the log: secrets, and private contacts that the log's readers may not otherwise see.
var SKIP = { password: true, tokenKey: true, contact: true, updated: true };

// The running audited request (PocketBase runs write transactions one at a time, so one slot is enough); it is set
// inside the request's transaction and cleared before the transaction ends.
var CTX_KEY = "fy:audit:request";

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

/** The changed fields and their before/after values, or null when nothing changed. */
function diff(before, after) {
  var changed = [], b = {}, a = {};
  for (var k in after) {
    if (!same(before[k], after[k])) { changed.push(k); b[k] = before[k]; a[k] = after[k]; }
  }
  return changed.length ? { changed: changed, before: b, after: a } : null;
}

function writeRow(app, rec, action, changed, before, after, who, ip, cause) {
  var row = new Record(app.findCollectionByNameOrId(LOG));
  row.set("collection", rec.collection().name);
  row.set("record", rec.id);
  row.set("label", labelOf(rec));
  row.set("action", action);
  row.set("changed", changed);
  row.set("before", before);
  row.set("after", after);
  row.set("by", who.by);
  row.set("by_name", who.by_name);
  row.set("by_kind", who.by_kind);
  row.set("by_role", who.by_role);
  row.set("ip", ip);
  row.set("cause", cause || "");
  app.save(row);
}

var ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/** Runs the request's save (e.next()) and writes its audit row in the same transaction. */
function record(e, action) {
  var before = action === "create" ? null : snapshot(action === "update" ? e.record.original() : e.record);
  var who = actor(e);
  var ip = "";
  try { ip = e.realIP(); } catch (err) { /* not an HTTP request */ }
  var collectionName = e.record.collection().name;
  // A new record gets its id now, so the writes it causes can name it.
  if (action === "create" && !e.record.id) e.record.set("id", $security.randomStringWithAlphabet(15, ID_ALPHABET));
  e.app.runInTransaction(function (txApp) {
    var store = $app.store();
    var outerCtx = store.get(CTX_KEY);
    store.set(CTX_KEY, JSON.stringify({ who: who, ip: ip, root: collectionName + ":" + e.record.id, action: action }));
    var outer = e.app;
    e.app = txApp;
    try {
      e.next();
    } finally {
      e.app = outer;
      if (outerCtx) store.set(CTX_KEY, outerCtx);
      else store.remove(CTX_KEY);
    }
    var after = action === "delete" ? null : snapshot(e.record);
    var changed;
    if (action === "update") {
      var d = diff(before, after);
      if (!d) return; // a save that changed nothing is not a change
      changed = d.changed; before = d.before; after = d.after;
    } else {
      changed = Object.keys(action === "create" ? after : before);
    }
    writeRow(txApp, e.record, action, changed, before, after, who, ip, "");
  });
}

/**
 * Model hook (create/update/delete of an audited record, inside the transaction of whatever caused it): when an
 * audited request is running and this record is not the request's own, writes a row with the request's actor and
 * the request's record as cause. Outside audited requests (migrations, a superuser's import) nothing is written.
 * Call with the event; it calls e.next() itself.
 */
function modelChange(e, action) {
  var raw = $app.store().get(CTX_KEY);
  var ctx = null;
  try { ctx = raw ? JSON.parse(raw) : null; } catch (err) { ctx = null; }
  var key = e.record.collection().name + ":" + e.record.id;
  if (!ctx || ctx.root === key) {
    e.next();
    return;
  }
  var before = action === "create" ? null : snapshot(action === "update" ? e.record.original() : e.record);
  e.next();
  var after = action === "delete" ? null : snapshot(e.record);
  var changed;
  if (action === "update") {
    var d = diff(before, after);
    if (!d) return;
    changed = d.changed; before = d.before; after = d.after;
  } else {
    changed = Object.keys(action === "create" ? after : before);
  }
  var parts = ctx.root.split(":");
  writeRow(e.app, e.record, action, changed, before, after, ctx.who, ctx.ip, ctx.action + " " + parts[0] + " " + parts[1]);
}

module.exports = { AUDITED: AUDITED, LOG: LOG, record: record, modelChange: modelChange, snapshot: snapshot };
