// Who is asking, and the staff-only facts of a compound. Those facts live in `compound_private` (one record per
// compound, same id; staff-only rules), never in `compounds`, so no public filter, sort, expand or subscription can
// reach them. For staff, the records API (onRecordEnrich, also realtime messages) and the whole-layer route add them to
// each compound, so the app reads one compound shape; anonymous readers get the public fields only.

var PRIVATE = require(__hooks + "/lib/compound-private.json");

/** True for a superuser or an active staff account. */
function isStaff(auth) {
  if (!auth) return false;
  var name = auth.collection().name;
  if (name === "_superusers") return true;
  return name === "users" && auth.getString("role") !== "" && auth.getBool("active");
}

/**
 * The compound_private record of a compound, or null. A list lookup, not findRecordById: many compounds have no facts
 * yet, and a miss there is an error thrown through the JS VM — about a millisecond each on a list of compounds or a
 * province's bulk load.
 */
function findPrivate(app, compoundId) {
  var found = app.findRecordsByIds(PRIVATE.collection, [compoundId]);
  return found.length ? found[0] : null;
}

/** The staff-only facts of one compound as the API shows them (defaults when none are recorded). */
function privateFacts(app, compoundId) {
  var out = { property_owner: "", management: "", maintenance_fund: false, consent_pct: 0, consent_date: "", implementing_unit: "" };
  var rec = findPrivate(app, compoundId);
  if (!rec) return out;
  out.property_owner = rec.getString("property_owner");
  out.management = rec.getString("management");
  out.maintenance_fund = rec.getBool("maintenance_fund");
  out.consent_pct = rec.getFloat("consent_pct");
  out.consent_date = rec.getString("consent_date");
  out.implementing_unit = rec.getString("implementing_unit");
  return out;
}

/** The compound_private record of a compound, created (unsaved) when there is none yet. */
function privateRecord(app, compoundId) {
  var found = findPrivate(app, compoundId);
  if (found) return found;
  var rec = new Record(app.findCollectionByNameOrId(PRIVATE.collection));
  rec.set("id", compoundId);
  rec.set("compound", compoundId);
  return rec;
}

/** A compound write may not carry staff-only facts: they belong to compound_private (said, never silently dropped). */
function refuseInCompoundBody(e) {
  var body = e.requestInfo().body || {};
  for (var i = 0; i < PRIVATE.fields.length; i++) {
    var f = PRIVATE.fields[i];
    if (Object.prototype.hasOwnProperty.call(body, f)) {
      var V = require(__hooks + "/lib/values.js");
      throw require(__hooks + "/lib/messages.js").bad("private_field_moved", f, { label: V.labelOf(PRIVATE.collection, f) || f, field: f });
    }
  }
}

/** compound_private requests: one record per compound with the compound's id; the link never changes; fields the
 *  stage machine owns are written by stage events only. */
function checkPrivateRequest(e, isCreate) {
  var M = require(__hooks + "/lib/messages.js");
  var V = require(__hooks + "/lib/values.js");
  var rec = e.record;
  var compound = rec.getString("compound");
  var superuser = e.hasSuperuserAuth();
  if (isCreate) {
    require(__hooks + "/lib/programme.js").related(e.app, "compounds", compound, "compound", "小区");
    var body = e.requestInfo().body || {};
    if (body.id && body.id !== compound) throw M.bad("private_id_is_compound", "id");
    rec.set("id", compound);
  } else if (compound !== rec.original().getString("compound")) {
    throw M.bad("private_compound_fixed", "compound");
  }
  if (superuser) return;
  var role = e.auth ? e.auth.getString("role") : "";
  for (var i = 0; i < PRIVATE.machineOwned.length; i++) {
    var f = PRIVATE.machineOwned[i];
    var changed = isCreate ? (rec.getString(f) !== "" && role !== "office") : rec.getString(f) !== rec.original().getString(f);
    if (changed) throw M.bad("machine_owned_field", f, { label: V.labelOf(PRIVATE.collection, f) || f, field: f });
  }
}

module.exports = {
  PRIVATE: PRIVATE, isStaff: isStaff, privateFacts: privateFacts, privateRecord: privateRecord,
  refuseInCompoundBody: refuseInCompoundBody, checkPrivateRequest: checkPrivateRequest,
};
