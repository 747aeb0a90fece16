// Bulk load: many compounds, buildings or context features written in ONE transaction by one request, for imports
// and seeding at province scale (the batch API pays a full request cycle per record and is capped per batch).
// The same rules as a single write apply to every record, from the same modules: the one value rule on the raw values
// (lib/values.js), the geometry check and cleaning (lib/geometry.js → lib/polygon-validity.js), staff-only facts split
// into compound_private (lib/audience.js), fields the stage machine owns left alone on update, PocketBase's own field
// validation (required, unique code, relations, selects) on save, and an audit row per audited record (lib/audit.js).
// Any refusal rolls the whole load back and names the item (its index, and its code or name) and the field.
// Plain JS for PocketBase's VM.

var M = require(__hooks + "/lib/messages.js");
var V = require(__hooks + "/lib/values.js");
var A = require(__hooks + "/lib/audience.js");
var G = require(__hooks + "/lib/geometry.js");
var AUDIT = require(__hooks + "/lib/audit.js");

var COLLECTIONS = ["compounds", "buildings", "context_features"];
/**
 * Set on every record this route saves (custom data, never stored): the record hooks that queue a compound for the
 * static publication and drop the cached layer (publish-queue.pb.js, layer-cache.pb.js, which test this name) skip these
 * records, because the route does both once for the whole load after its commit, instead of once per record.
 */
var WRITTEN_BY_BULK = "fyBulkLoad";
// Set by the stage machine and annual plans; an import may set them on a new compound (an existing register), never change them.
var MACHINE_OWNED = ["stage", "plan_year", "tier", "construction_start", "construction_end_planned"];
var MACHINE_LABEL = { stage: "改造阶段", plan_year: "计划年度", tier: "计划批次", construction_start: "开工日期", construction_end_planned: "计划竣工日期" };
var FIELD_LABEL = { code: "编码", name: "名称", township: "所属街道/镇", community: "所属社区", compound: "所属小区", geometry: "图形", stage: "改造阶段", kind: "类型" };
var SYSTEM = { collectionId: true, collectionName: true, created: true, updated: true, expand: true };
/** Most records in one load (a province's register with its buildings fits; a nation loads by province). */
var MAX_ITEMS = 100000;

/** Office accounts (active) and superusers may bulk-load. */
function allowed(e) {
  if (e.hasSuperuserAuth()) return true;
  var a = e.auth;
  return !!a && a.collection().name === "users" && a.getString("role") === "office" && a.getBool("active");
}

/**
 * The operations of a request body: either {operations: [{collection, action: "create"|"update", id?, body}]} or a
 * FeatureCollection {type: "FeatureCollection", collection, features} (each feature a create with
 * {...properties, geometry}; its `id`, when given, becomes the record id).
 */
function operationsOf(body) {
  if (!body || typeof body !== "object") return null;
  if (body.type === "FeatureCollection") {
    if (!Array.isArray(body.features)) return null;
    return body.features.map(function (f) {
      var b = {};
      var p = (f && f.properties) || {};
      for (var k in p) b[k] = p[k];
      b.geometry = f ? f.geometry : null;
      var id = f && f.id !== undefined && f.id !== null ? String(f.id) : b.id;
      if (id) b.id = id;
      return { collection: body.collection, action: "create", id: id || "", body: b };
    });
  }
  return Array.isArray(body.operations) ? body.operations : null;
}

/** How an item is named in a refusal: its number, and its code and name when it has them. */
function itemLabel(op, i, zh) {
  var b = (op && op.body) || {};
  var what = [b.code, b.name].filter(function (s) { return typeof s === "string" && s; }).join(" ");
  if (zh) return "第 " + (i + 1) + " 项" + (what ? "(" + what + ")" : "");
  return "item " + (i + 1) + (what ? " (" + what + ")" : "");
}

/** A refusal of item i, shaped like PocketBase's batch refusal (data.requests[i].response) so clients name the item and field. */
function refusal(i, op, code, field, message) {
  var data = {};
  if (field) data[field] = { code: code, message: message };
  var requests = {};
  requests[String(i)] = { code: "bulk_item_refused", message: message, response: { status: 400, message: message, data: data } };
  var cut = message.indexOf(" / ");
  var params = { item: itemLabel(op, i, true), itemEn: itemLabel(op, i, false), reason: cut >= 0 ? message.slice(0, cut) : message, reasonEn: cut >= 0 ? message.slice(cut + 3) : message };
  // answered with e.json (an ApiError would reduce the nested data to generic validation codes)
  var err = new Error(message);
  err.fyBulk = true;
  err.body = { status: 400, message: M.text("bulk_item_refused", params), data: { requests: requests } };
  return err;
}

function refuseItem(i, op, code, field, params) {
  return refusal(i, op, code, field, M.text(code, params));
}

// PocketBase's own field refusals (English, "field: message.") in Chinese, with the code its clients translate.
var SAVE_REASONS = [
  [/must be unique/i, "validation_not_unique", "已存在相同的值"],
  [/cannot be blank|required/i, "validation_required", "不能为空"],
  [/relation/i, "validation_missing_rel_records", "关联的记录不存在"],
  [/no more than|too long|max/i, "validation_length_too_long", "内容过长"],
  [/format|match/i, "validation_invalid_format", "格式不正确"],
  [/invalid value|must be one of/i, "validation_invalid_value", "不是允许的取值"],
];

/**
 * The first field refusal in a save() error ("code: Value must be unique.; name: …") as {field, code, zh, en}, or null.
 */
function saveProblem(err) {
  var text = "";
  try {
    text = err && err.value && typeof err.value.error === "function" ? String(err.value.error()) : String((err && err.message) || err);
  } catch (_) {
    text = String(err);
  }
  var m = /^\s*([A-Za-z_][A-Za-z0-9_]*): ([^;]+)/.exec(text);
  if (!m) return null;
  var en = m[2].replace(/\.\s*$/, "");
  for (var i = 0; i < SAVE_REASONS.length; i++) {
    if (SAVE_REASONS[i][0].test(en)) return { field: m[1], code: SAVE_REASONS[i][1], zh: SAVE_REASONS[i][2], en: en };
  }
  return { field: m[1], code: "validation_invalid_value", zh: "不被接受", en: en };
}

/** The collection and the names of its writable fields (read once per load: each call into Go costs). */
function collectionMeta(txApp, name) {
  var collection = txApp.findCollectionByNameOrId(name);
  var writable = {};
  var fields = collection.fields;
  for (var i = 0; i < fields.length; i++) {
    var f = fields[i];
    if (!f.getHidden() && f.type() !== "autodate") writable[f.getName()] = true;
  }
  return { collection: collection, writable: writable };
}

/**
 * Checks and prepares one operation: returns {collection, record, facts} ready to save, or throws a refusal.
 * `ctx` caches collections, fields and the caller's powers.
 */
function prepare(txApp, ctx, op, i) {
  if (!op || typeof op !== "object" || !op.body || typeof op.body !== "object") throw refuseItem(i, op, "bulk_item_shape", "", {});
  var name = op.collection;
  if (COLLECTIONS.indexOf(name) < 0) throw refuseItem(i, op, "bulk_collection", "", { collection: String(name), allowed: COLLECTIONS.join(", ") });
  var action = op.action || "create";
  if (action !== "create" && action !== "update") throw refuseItem(i, op, "bulk_action", "", { action: String(action) });
  var meta = ctx.collections[name] || (ctx.collections[name] = collectionMeta(txApp, name));
  var col = meta.collection;
  var body = {};
  var facts = null;
  for (var k in op.body) {
    if (SYSTEM[k]) continue;
    if (name === "compounds" && A.PRIVATE.fields.indexOf(k) >= 0) {
      (facts = facts || {})[k] = op.body[k];
      continue;
    }
    if (!meta.writable[k]) throw refuseItem(i, op, "bulk_unknown_field", k, { field: k, collection: name });
    body[k] = op.body[k];
  }
  // the one value rule, on the raw values (before PocketBase could coerce them)
  var p = V.bodyProblem(name, body) || (facts && V.bodyProblem(A.PRIVATE.collection, facts));
  if (p) throw refuseItem(i, op, p.code, p.field, p.params);
  trimNames(V, name, body);
  if (facts) trimNames(V, A.PRIVATE.collection, facts);

  var rec, before = null;
  if (action === "update") {
    var id = op.id || body.id;
    try {
      rec = txApp.findRecordById(name, String(id || ""));
    } catch (_) {
      throw refuseItem(i, op, "bulk_not_found", "id", { id: String(id || "") });
    }
    delete body.id;
    before = AUDIT.snapshot(rec);
    if (!ctx.superuser && name === "compounds") {
      for (var m = 0; m < MACHINE_OWNED.length; m++) {
        var mf = MACHINE_OWNED[m];
        if (Object.prototype.hasOwnProperty.call(body, mf) && String(body[mf] === null ? "" : body[mf]) !== rec.getString(mf)) {
          throw refuseItem(i, op, "machine_owned_field", mf, { label: MACHINE_LABEL[mf], field: mf });
        }
      }
    }
  } else {
    if (op.id && !body.id) body.id = op.id;
    checkRequiredNames(V, name, body, i, op);
  }
  if (Object.prototype.hasOwnProperty.call(body, "geometry") || action === "create") {
    var checked = G.checkValue(name, body.geometry === undefined ? null : body.geometry, ctx.limits || (ctx.limits = G.limits()), true);
    if (!checked.ok) throw refusal(i, op, "geometry_" + checked.problem.code, "geometry", G.message(checked.problem));
    // as JSON text, as a single write stores it: one string crosses into Go, not every position
    body.geometry = checked.geometry;
  }
  body[WRITTEN_BY_BULK] = true;
  // one call into Go for all the values (and the mark, kept as custom data)
  if (rec) rec.load(body);
  else rec = new Record(col, body);
  return { name: name, record: rec, facts: facts, isNew: action === "create", before: before };
}

function trimNames(V, collectionName, body) {
  var specs = V.SPECS[collectionName] || {};
  for (var field in specs) {
    if (!Object.prototype.hasOwnProperty.call(body, field)) continue;
    var spec = specs[field];
    if (spec.kind !== "name") continue;
    var problem = V.problemOf(spec, field, body[field]);
    if (problem && problem.value !== undefined) body[field] = problem.value;
  }
}

function checkRequiredNames(V, collectionName, body, i, op) {
  var specs = V.SPECS[collectionName] || {};
  for (var field in specs) {
    var spec = specs[field];
    if (spec.kind === "name" && spec.required && !String(body[field] === undefined || body[field] === null ? "" : body[field]).trim()) {
      throw refuseItem(i, op, "text_required", field, { label: spec.label, field: field });
    }
  }
}

/** Saves a compound's staff-only facts into its compound_private record (created when missing). */
function saveFacts(txApp, ctx, compoundId, facts, i, op) {
  var rec = A.privateRecord(txApp, compoundId);
  var isNew = rec.isNew();
  var before = isNew ? null : AUDIT.snapshot(rec);
  if (!ctx.superuser && !isNew) {
    for (var m = 0; m < A.PRIVATE.machineOwned.length; m++) {
      var mf = A.PRIVATE.machineOwned[m];
      if (Object.prototype.hasOwnProperty.call(facts, mf) && String(facts[mf] === null ? "" : facts[mf]) !== rec.getString(mf)) {
        throw refuseItem(i, op, "machine_owned_field", mf, { label: V.labelOf(A.PRIVATE.collection, mf) || mf, field: mf });
      }
    }
  }
  for (var k in facts) rec.set(k, facts[k]);
  rec.set(WRITTEN_BY_BULK, true);
  save(txApp, rec, i, op);
  return { record: rec, action: isNew ? "create" : "update", before: before, name: A.PRIVATE.collection };
}

function save(txApp, rec, i, op) {
  try {
    txApp.save(rec);
  } catch (err) {
    if (err && err.fyBulk) throw err;
    var p = saveProblem(err);
    if (p) {
      var label = V.labelOf(rec.collection().name, p.field) || FIELD_LABEL[p.field] || p.field;
      throw refusal(i, op, p.code, p.field, M.text("bulk_field_refused", { label: label, field: p.field, reason: p.zh, reasonEn: p.en }));
    }
    throw refusal(i, op, "bulk_save_failed", "", M.text("bulk_save_failed", { reason: String(err && err.message ? err.message : err) }));
  }
}

/**
 * POST handler. Answers {created, updated, ids} (ids in operation order) after one transaction, or a refusal naming
 * the first item refused (nothing written).
 */
function handle(e) {
  if (!allowed(e)) throw M.forbidden("bulk_office_only");
  var started = Date.now();
  var body;
  try {
    body = JSON.parse(toString(e.request.body, 256 * 1024 * 1024) || "null");
  } catch (_) {
    throw M.bad("bulk_bad_body", "");
  }
  var ops = operationsOf(body);
  if (!ops) throw M.bad("bulk_bad_body", "");
  if (ops.length > MAX_ITEMS) throw M.bad("bulk_too_many", "", { n: ops.length, max: MAX_ITEMS });
  var ids = [];
  var created = 0, updated = 0;
  var ctx = { collections: {}, superuser: e.hasSuperuserAuth() };
  // A refusal thrown inside the transaction rolls it back; it is kept here and thrown again outside it, because an
  // error crossing the transaction's Go boundary loses its status and data.
  var refused = null;
  var queued = [];
  try {
    $app.runInTransaction(function (txApp) {
      var writes = [];
      try {
        for (var i = 0; i < ops.length; i++) {
          var item = prepare(txApp, ctx, ops[i], i);
          save(txApp, item.record, i, ops[i]);
          if (AUDIT.AUDITED.indexOf(item.name) >= 0) writes.push({ record: item.record, action: item.isNew ? "create" : "update", before: item.before, name: item.name });
          if (item.name === "compounds") queued.push(item.record.id);
          if (item.facts) {
            writes.push(saveFacts(txApp, ctx, item.record.id, item.facts, i, ops[i]));
            ctx.facts = true;
          }
          ids.push(item.record.id);
          if (item.isNew) created++;
          else updated++;
        }
      } catch (err) {
        if (err && err.fyBulk) refused = err;
        throw err;
      }
      AUDIT.bulkRows(txApp, e, writes, "import bulk " + ops.length);
    });
  } catch (err) {
    if (refused) return e.json(400, refused.body);
    throw err;
  }
  // After the commit, as the record hooks would, but once for the load: a publisher that started before the commit must
  // not clear these compounds, and a layer rebuilt before it must not be kept.
  require(__hooks + "/lib/publish-queue.js").queueMany($app, queued);
  var layers = require(__hooks + "/lib/layer-cache.js");
  for (var name in ctx.collections) layers.invalidate(name);
  if (ctx.facts) layers.invalidate("compounds");
  return e.json(200, { created: created, updated: updated, ids: ids, ms: Date.now() - started });
}

module.exports = { handle: handle, operationsOf: operationsOf, COLLECTIONS: COLLECTIONS, MAX_ITEMS: MAX_ITEMS };
