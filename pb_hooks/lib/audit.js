// Audit trail writer, plain JS for PocketBase's JSVM. The request hooks in audit.pb.js call record(e, action): the
// record's save and its audit row happen in one transaction, so there is never a change without its row. While that
// request runs, every other audited record it writes, changes or removes — a compound's stage moved by a stage event,
// events written by a plan's approval, the funding, items and notes a compound's deletion cascades to — gets its own row
// too (modelChange, from model hooks), with the same actor and the request's record as its cause.

// Collections whose every write is recorded (the one list: audit.pb.js registers its hooks from it).
var AUDITED = [
  "compounds", "compound_private", "compound_notes", "design_zones", "facility_sites",
  "funding", "annual_plans", "plan_entries", "programme_settings", "stage_events", "renovation_items",
  "approvals", "elevator_inspections", "consultations", "consent_surveys", "feedback", "users",
  "periods", "overall_plan_entries", "plan_years", "implementing_bodies", "procurements", "design_reviews", "demolitions",
  "management_arrangements", "maintenance_funds", "management_checks", "supervision_items", "budget_applications", "land_records",
  "audit_findings", "elderly_subsidies", "monthly_reports", "year_summaries",
  // residents' participation: the household codes are deliberately not here (a logged use could be paired with a tally)
  "scheme_publications", "scheme_comments", "consent_campaigns", "rating_campaigns",
];
var LOG = "audit_log";

// Fields never copied into the log: secrets, and private contacts that the log's readers may not otherwise see.
var SKIP = { password: true, tokenKey: true, contact: true, updated: true };

// The audited write in progress (PocketBase runs write transactions one at a time, so one slot is enough): set inside
// the write's transaction, restored when it ends. Hook files register in no fixed order, so hooks that write other
// records themselves (the stage machine, plan approval) name their cause with caused() rather than rely on running
// inside record().
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

function readContext() {
  var raw = $app.store().get(CTX_KEY);
  try { return raw ? JSON.parse(raw) : null; } catch (err) { return null; }
}

/** Runs fn with ctx as the audited write in progress, then puts back what was there. */
function withContext(ctx, fn) {
  var store = $app.store();
  var outer = store.get(CTX_KEY);
  store.set(CTX_KEY, JSON.stringify(ctx));
  try {
    return fn();
  } finally {
    if (outer) store.set(CTX_KEY, outer);
    else store.remove(CTX_KEY);
  }
}

function contextOf(e, action, pending) {
  var ip = "";
  try { ip = e.realIP(); } catch (err) { /* not an HTTP request */ }
  return { who: actor(e), ip: ip, root: { collection: e.record.collection().name, id: e.record.id || "", action: action, pending: !!pending } };
}

/** Runs the request's save (e.next()) and writes its audit row in the same transaction. */
function record(e, action) {
  var before = action === "create" ? null : snapshot(action === "update" ? e.record.original() : e.record);
  var ctx = contextOf(e, action, true);
  e.app.runInTransaction(function (txApp) {
    var outer = e.app;
    e.app = txApp;
    try {
      withContext(ctx, function () { e.next(); });
    } finally {
      e.app = outer;
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
    writeRow(txApp, e.record, action, changed, before, after, ctx.who, ctx.ip, "");
  });
}

/**
 * Runs fn — writes a hook makes besides the request's own record, after that record was saved — so that every audited
 * record fn writes gets a row with this request's actor and the request's record as its cause.
 */
function caused(e, action, fn) {
  return withContext(contextOf(e, action, false), fn);
}

/**
 * Model hook (create/update/delete of an audited record, inside the transaction of whatever caused it): during an
 * audited write, any other audited record written gets a row with that write's actor and cause. The request's own
 * record is skipped (record() writes its row): by id, or — for a create whose id is not known yet — as the first record
 * created in its collection (no hook creates a record of the same collection before the request's own is saved).
 * Outside audited writes (migrations, a superuser's import) nothing is written. Calls e.next() itself.
 */
function modelChange(e, action) {
  var ctx = readContext();
  if (!ctx) {
    e.next();
    return;
  }
  var name = e.record.collection().name;
  var root = ctx.root;
  if (root.collection === name && (root.id ? root.id === e.record.id : (root.pending && action === root.action))) {
    e.next();
    if (root.pending || !root.id) {
      root.pending = false;
      root.id = e.record.id;
      $app.store().set(CTX_KEY, JSON.stringify(ctx));
    }
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
  writeRow(e.app, e.record, action, changed, before, after, ctx.who, ctx.ip, root.action + " " + root.collection + " " + root.id);
}

/** [{name, kind}] of the fields a snapshot copies, per collection (read once: each call into a Go field costs). */
function snapshotFields(collection, cache) {
  var key = collection.name;
  if (cache[key]) return cache[key];
  var out = [];
  var fields = collection.fields;
  for (var i = 0; i < fields.length; i++) {
    var f = fields[i];
    var name = f.getName();
    if (SKIP[name] || f.getHidden() || name === "id") continue;
    var type = f.type();
    var multi = (type === "relation" || type === "file" || type === "select") && (f.maxSelect || 1) > 1;
    out.push({ name: name, kind: multi ? "multi" : type === "json" || type === "bool" || type === "number" ? type : "text" });
  }
  cache[key] = out;
  return out;
}

/** The record's fields as the audit log's JSON text (as snapshot(), but json fields copied as stored, unparsed). */
function snapshotJson(rec, fields) {
  var parts = [], names = [];
  for (var i = 0; i < fields.length; i++) {
    var f = fields[i];
    var v;
    if (f.kind === "json") v = rec.getString(f.name) || "null";
    else if (f.kind === "bool") v = rec.getBool(f.name) ? "true" : "false";
    else if (f.kind === "number") v = JSON.stringify(rec.getFloat(f.name));
    else if (f.kind === "multi") v = JSON.stringify(rec.getStringSlice(f.name));
    else v = JSON.stringify(rec.getString(f.name));
    parts.push(JSON.stringify(f.name) + ":" + v);
    names.push(f.name);
  }
  parts.push('"id":' + JSON.stringify(rec.id));
  names.push("id");
  return { json: "{" + parts.join(",") + "}", names: names };
}

// Field types whose stored column snapshotJson() can read in SQL (anything else: the row is built in JS).
var SQL_KINDS = { text: 1, editor: 1, email: 1, url: 1, date: 1, autodate: 1, select: 1, relation: 1, file: 1, number: 1, bool: 1, json: 1 };

function quoteSql(name) {
  return "[" + String(name).replace(/]/g, "]]") + "]";
}

/**
 * The SQL that builds, from a stored row (aliased t), the audit "after" of a created record — the fields and values
 * snapshot() reads from the record in a single write, in its order — and its label, for one collection: {after, label, names}; null when a field has a type it does not know.
 */
function snapshotSql(collection, cache) {
  var key = "sql:" + collection.name;
  if (cache[key] !== undefined) return cache[key];
  var parts = [], names = [], has = {};
  var fields = collection.fields;
  for (var i = 0; i < fields.length; i++) {
    var f = fields[i];
    var name = f.getName();
    has[name] = true;
    if (SKIP[name] || f.getHidden()) continue; // the id too, where snapshot() has it: first
    var type = f.type();
    if (!SQL_KINDS[type]) return (cache[key] = null);
    var col = "[t]." + quoteSql(name);
    var multi = (type === "relation" || type === "file" || type === "select") && (f.maxSelect || 1) > 1;
    var expr;
    if (multi) expr = "json(CASE WHEN " + col + " IS NULL OR " + col + " = '' THEN '[]' ELSE " + col + " END)";
    else if (type === "json") expr = "json(CASE WHEN " + col + " IS NULL OR " + col + " = '' THEN 'null' ELSE " + col + " END)";
    else if (type === "bool") expr = "json(CASE WHEN " + col + " THEN 'true' ELSE 'false' END)";
    else if (type === "number") expr = "COALESCE(" + col + ", 0)";
    else expr = "COALESCE(" + col + ", '')";
    parts.push("'" + name.replace(/'/g, "''") + "', " + expr);
    names.push(name);
  }
  if (!has.id) {
    parts.push("'id', [t].[id]");
    names.push("id");
  }
  // labelOf(): code and name, the non-empty ones joined by a space
  var code = has.code ? "COALESCE([t].[code], '')" : "''";
  var title = has.name ? "COALESCE([t].[name], '')" : "''";
  var label = "substr(CASE WHEN " + code + " <> '' AND " + title + " <> '' THEN " + code + " || ' ' || " + title + " ELSE " + code + " || " + title + " END, 1, 200)";
  return (cache[key] = { after: "json_object(" + parts.join(", ") + ")", label: label, names: names });
}

/** Ids of new audit rows made in SQL: 15 characters of [0-9a-f] (a subset of the id alphabet), random. */
var SQL_ROW_ID = "substr(lower(hex(randomblob(8))), 1, 15)";
/** Created records whose rows one INSERT … SELECT writes. */
var SQL_CHUNK = 1000;

/**
 * Audit rows for records a route created or updated itself in bulk (lib/bulk.js), inside its transaction: one row per
 * record, with the request's actor and `cause`. The rows of created records are written by SQLite from the stored rows
 * themselves (INSERT … SELECT, a thousand records a statement: the same fields and values snapshotJson() reads, without a
 * call into Go per field); an updated record's row carries its changed fields, by one prepared insert each.
 * `writes` is [{record, action, before, name}] (`before`: the snapshot() of an updated record before the change;
 * `name`: its collection's name).
 */
function bulkRows(txApp, e, writes, cause) {
  if (!writes.length) return;
  var who = actor(e);
  var ip = "";
  try { ip = e.realIP(); } catch (err) { /* not an HTTP request */ }
  var at = new Date().toISOString().replace("T", " ");
  var alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  var columns = "([id], [collection], [record], [label], [action], [changed], [before], [after], [by], [by_name], [by_kind], [by_role], [ip], [cause], [at])";
  var q = null;
  var cache = {};
  var createdBy = {}, order = [];
  for (var i = 0; i < writes.length; i++) {
    var w = writes[i];
    var rec = w.record;
    var name = w.name || rec.collection().name;
    if (w.action === "create") {
      var group = createdBy[name];
      if (!group) {
        var collection = rec.collection();
        group = createdBy[name] = { collection: collection, sql: snapshotSql(collection, cache), ids: [], records: [] };
        order.push(name);
      }
      if (group.sql) {
        group.ids.push(rec.id);
        continue;
      }
    }
    var changed, before = "null", after;
    if (w.action === "update") {
      var d = diff(w.before, snapshot(rec));
      if (!d) continue;
      changed = JSON.stringify(d.changed); before = JSON.stringify(d.before); after = JSON.stringify(d.after);
    } else {
      var snap = snapshotJson(rec, snapshotFields(rec.collection(), cache));
      after = snap.json;
      changed = JSON.stringify(snap.names);
    }
    q = q || txApp.db().newQuery("INSERT INTO [" + LOG + "] " + columns + " VALUES ({:id}, {:collection}, {:record}, {:label}, " +
      "{:action}, {:changed}, {:before}, {:after}, {:by}, {:by_name}, {:by_kind}, {:by_role}, {:ip}, {:cause}, {:at})");
    q.bind({
      id: $security.randomStringWithAlphabet(15, alphabet), collection: name, record: rec.id, label: labelOf(rec),
      action: w.action, changed: changed, before: before, after: after, by: who.by, by_name: who.by_name,
      by_kind: who.by_kind, by_role: who.by_role, ip: ip, cause: cause, at: at,
    }).execute();
  }
  for (var g = 0; g < order.length; g++) {
    var grp = createdBy[order[g]];
    if (!grp.sql || !grp.ids.length) continue;
    var sql = "INSERT INTO [" + LOG + "] " + columns + " SELECT " + SQL_ROW_ID + ", {:collection}, [t].[id], " + grp.sql.label +
      ", 'create', {:changed}, 'null', " + grp.sql.after + ", {:by}, {:by_name}, {:by_kind}, {:by_role}, {:ip}, {:cause}, {:at} " +
      "FROM json_each({:ids}) AS [j] JOIN " + quoteSql(order[g]) + " AS [t] ON [t].[id] = [j].[value] ORDER BY [j].[key]";
    var bulk = txApp.db().newQuery(sql);
    for (var c = 0; c < grp.ids.length; c += SQL_CHUNK) {
      var ids = grp.ids.slice(c, c + SQL_CHUNK);
      var res = bulk.bind({
        collection: order[g], changed: JSON.stringify(grp.sql.names), by: who.by, by_name: who.by_name, by_kind: who.by_kind,
        by_role: who.by_role, ip: ip, cause: cause, at: at, ids: JSON.stringify(ids),
      }).execute();
      // every record saved in this transaction is there; a row short would be a change without its audit row
      if (res.rowsAffected() !== ids.length) throw new Error("audit: " + res.rowsAffected() + " rows for " + ids.length + " " + order[g]);
    }
  }
}

module.exports = { AUDITED: AUDITED, bulkRows: bulkRows, LOG: LOG, record: record, caused: caused, modelChange: modelChange, snapshot: snapshot };
