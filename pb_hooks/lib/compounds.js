// The compound register kept in the app: optimistic concurrency (a save must carry the `version` it was loaded with,
// or it is refused with 409 — never a silent overwrite of someone else's edit), the community within the compound's
// township, and the policy's exclusions (office only, with a reason). Plain JS for PocketBase's VM.

var M = require(__hooks + "/lib/messages.js");

/** Update request of a compound (not superusers): version, community, exclusion. Calls e.next(). */
function updateRequest(e) {
  var rec = e.record;
  var body = e.requestInfo().body || {};
  var sent = body.version;
  var P = require(__hooks + "/lib/programme.js");
  var orig = rec.original();
  checkCommunity(e.app, rec, orig);
  var exclusionChanged = rec.getBool("excluded") !== orig.getBool("excluded") ||
    rec.getString("exclusion_reason") !== orig.getString("exclusion_reason") ||
    rec.getString("exclusion_note") !== orig.getString("exclusion_note");
  if (exclusionChanged && P.roleOf(e) !== "office") throw M.forbidden("compound_exclusion_office");
  checkExclusion(rec);
  var check = function (app) {
    var stored = app.findRecordById("compounds", rec.id);
    if (sent === undefined || sent === null || sent === "" || Number(sent) !== stored.getInt("version")) {
      var msg = M.text("compound_stale_version");
      throw new ApiError(409, msg, { version: new ValidationError("stale_version", msg) });
    }
    e.next();
  };
  if (e.app.isTransactional()) return check(e.app);
  e.app.runInTransaction(function (txApp) {
    var outer = e.app;
    e.app = txApp;
    try {
      check(txApp);
    } finally {
      e.app = outer;
    }
  });
}

/** Create request (also superusers): community and exclusion consistent. Calls e.next(). */
function createRequest(e) {
  checkCommunity(e.app, e.record, null);
  checkExclusion(e.record);
  e.next();
}

function checkCommunity(app, rec, orig) {
  var id = rec.getString("community");
  if (!id || (orig && id === orig.getString("community") && rec.getString("township") === orig.getString("township"))) return;
  var community;
  try {
    community = app.findRecordById("communities", id);
  } catch (_) {
    throw M.bad("related_missing", "community", { label: "社区", field: "community", id: id });
  }
  if (community.getString("township") !== rec.getString("township")) {
    throw M.bad("compound_community_elsewhere", "community", { community: community.getString("name") });
  }
}

function checkExclusion(rec) {
  if (rec.getBool("excluded") && !rec.getString("exclusion_reason")) throw M.bad("compound_exclusion_reason", "exclusion_reason");
  if (!rec.getBool("excluded")) rec.set("exclusion_reason", "");
}

var AUDIT = null; // lib/audit.js, kept after the first compound save (a require costs about 10 µs in the VM)

/**
 * Model hook: every saved change of a compound (by any path) moves its version on, then the audit trail's model hook
 * runs (lib/audit.js modelChange, which calls e.next()): for compounds audit.pb.js leaves that hook to this one, so a
 * compound save pays one call into the JS VM instead of two (a province's bulk load saves thousands).
 */
function bumpVersion(e, isCreate) {
  e.record.set("version", isCreate ? 1 : e.record.original().getInt("version") + 1);
  (AUDIT || (AUDIT = require(__hooks + "/lib/audit.js"))).modelChange(e, isCreate ? "create" : "update");
}

module.exports = { updateRequest: updateRequest, createRequest: createRequest, bumpVersion: bumpVersion };
