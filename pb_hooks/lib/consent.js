// Resident consent from evidence. A consent survey record (consent_surveys) is the one place a tally lands — door to
// door, a residents' meeting, answers online, or a 民政局 consultation of kind survey (which carries its tally and gets
// one linked survey). The compound's consent figure — compound_private.consent_pct and consent_date, which the
// annual-plan gate reads — is the latest survey's agreeing ÷ households × 100, written here, in the survey's
// transaction, and by nothing else: requests may not carry it (rules and checkPrivateBody below).
// Plain JS for PocketBase's VM (consent.pb.js calls it).

var M = require(__hooks + "/lib/messages.js");

var COLLECTION = "consent_surveys";
var METHODS = ["door_to_door", "meeting", "online", "other"];
/** Fields of compound_private that only this module writes. */
var DERIVED = { consent_pct: "居民同意率", consent_date: "意愿调查日期" };

function has(body, k) { return !!body && Object.prototype.hasOwnProperty.call(body, k); }

function countFiles(rec, field) {
  var v = rec.get(field);
  if (!v) return 0;
  if (typeof v === "string") return v ? 1 : 0;
  return v.length || 0;
}

function todayBeijing() { return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10); }

/** agreeing ÷ total in percent, to 0.01. */
function pctOf(agreeing, total) { return Math.round((agreeing / total) * 10000) / 100; }

/**
 * Checks a tally against the compound and returns the households it is taken over and the figure; throws a 400 naming
 * the field. `total` 0 means "the compound's registered households".
 */
function tally(compound, total, surveyed, agreeing, fields) {
  var t = total > 0 ? total : compound.getInt("households");
  if (!(t > 0)) throw M.bad("survey_households_missing", fields.total);
  if (!(surveyed > 0)) throw M.bad("survey_surveyed_missing", fields.surveyed);
  if (surveyed > t) throw M.bad("survey_surveyed_over_total", fields.surveyed, { surveyed: surveyed, total: t });
  if (agreeing > surveyed) throw M.bad("survey_agreeing_over_surveyed", fields.agreeing, { agreeing: agreeing, surveyed: surveyed });
  return { total: t, pct: pctOf(agreeing, t) };
}

function checkDate(date, field) {
  var d = String(date || "").slice(0, 10);
  if (d && d > todayBeijing()) throw M.bad("survey_date_future", field, { date: d });
}

/** The compound's consent figure from its latest survey (by date, then by when recorded); cleared when none is left. */
function applyLatest(app, compoundId) {
  var latest = app.findRecordsByFilter(COLLECTION, "compound = {:c}", "-survey_date,-created", 1, 0, { c: compoundId });
  var priv = require(__hooks + "/lib/audience.js").privateRecord(app, compoundId);
  if (latest.length) {
    priv.set("consent_pct", latest[0].getFloat("consent_pct"));
    priv.set("consent_date", latest[0].getString("survey_date"));
  } else {
    if (priv.isNew()) return;
    priv.set("consent_pct", 0);
    priv.set("consent_date", "");
  }
  app.save(priv);
}

/** Runs the request's save and the figure's update in one transaction (the figure's audit rows name the request). */
function saveAndApply(e, action, compoundIds) {
  e.app.runInTransaction(function (txApp) {
    var outer = e.app;
    e.app = txApp;
    try {
      e.next();
    } finally {
      e.app = outer;
    }
    require(__hooks + "/lib/audit.js").caused(e, action, function () {
      for (var i = 0; i < compoundIds.length; i++) applyLatest(txApp, compoundIds[i]);
    });
  });
}

/** create / update / delete request of a consent survey. */
function surveyRequest(e, action) {
  var rec = e.record;
  var superuser = e.hasSuperuserAuth();
  var P = require(__hooks + "/lib/programme.js");
  var orig = action === "update" ? rec.original() : null;
  if (action === "delete") {
    if (!superuser && rec.getString("consultation")) throw M.bad("survey_from_consultation", "consultation");
    saveAndApply(e, action, [rec.getString("compound")]);
    return;
  }
  var body = e.requestInfo().body || {};
  if (has(body, "consent_pct")) throw M.bad("consent_from_survey", "consent_pct", { label: "同意率", field: "consent_pct" });
  if (!superuser) {
    if (action === "create" && rec.getString("consultation")) throw M.bad("survey_consultation_link", "consultation");
    if (orig && orig.getString("consultation")) throw M.bad("survey_from_consultation", "consultation");
    if (orig && has(body, "consultation") && body.consultation !== orig.getString("consultation")) throw M.bad("survey_consultation_link", "consultation");
  }
  if (orig && rec.getString("compound") !== orig.getString("compound")) throw M.bad("survey_compound_fixed", "compound");
  var compound = P.related(e.app, "compounds", rec.getString("compound"), "compound", "小区");
  if (action === "create") rec.set("recorded_by", P.isUser(e) ? e.auth.id : "");
  else rec.set("recorded_by", orig.getString("recorded_by"));
  checkDate(rec.getString("survey_date"), "survey_date");
  var t = tally(compound, rec.getInt("households_total"), rec.getInt("households_surveyed"), rec.getInt("households_agreeing"),
    { total: "households_total", surveyed: "households_surveyed", agreeing: "households_agreeing" });
  rec.set("households_total", t.total);
  rec.set("consent_pct", t.pct);
  if (!superuser && rec.getString("method") !== "online" && !rec.getString("consultation") && countFiles(rec, "sheet") === 0) {
    throw M.bad("survey_sheet_missing", "sheet");
  }
  saveAndApply(e, action, [compound.id]);
}

/**
 * create / update / delete request of a consultation: one of kind survey carries a tally (households surveyed and
 * agreeing, method) and its survey sheet; the hook keeps its linked consent survey and the compound's figure current.
 * Its consent_pct is the survey's figure (never typed).
 */
function consultationRequest(e, action) {
  var rec = e.record;
  var superuser = e.hasSuperuserAuth();
  var P = require(__hooks + "/lib/programme.js");
  var compoundIds = [rec.getString("compound")];
  if (action === "update" && rec.original().getString("compound") !== rec.getString("compound")) {
    compoundIds.push(rec.original().getString("compound"));
  }
  if (action !== "delete") {
    var body = e.requestInfo().body || {};
    var isSurvey = rec.getString("kind") === "survey";
    if (isSurvey) {
      if (has(body, "consent_pct")) throw M.bad("consent_from_survey", "consent_pct", { label: "同意率", field: "consent_pct" });
      if (!rec.getInt("households_surveyed") && !has(body, "households_surveyed")) throw M.bad("consultation_survey_tally", "households_surveyed");
      var compound = P.related(e.app, "compounds", rec.getString("compound"), "compound", "小区");
      checkDate(rec.getString("date"), "date");
      var t = tally(compound, 0, rec.getInt("households_surveyed"), rec.getInt("households_agreeing"),
        { total: "households_surveyed", surveyed: "households_surveyed", agreeing: "households_agreeing" });
      if (!superuser && countFiles(rec, "documents") === 0) throw M.bad("consultation_survey_documents", "documents");
      rec.set("consent_pct", t.pct);
      if (!rec.getString("survey_method")) rec.set("survey_method", "meeting");
    } else {
      rec.set("consent_pct", 0);
      rec.set("households_surveyed", 0);
      rec.set("households_agreeing", 0);
      rec.set("survey_method", "");
    }
  }
  e.app.runInTransaction(function (txApp) {
    var outer = e.app;
    e.app = txApp;
    var id = rec.id;
    // A deleted consultation first gives up its survey (the relation would otherwise block the delete).
    if (action === "delete") removeLinked(txApp, id, e, action);
    try {
      e.next();
    } finally {
      e.app = outer;
    }
    require(__hooks + "/lib/audit.js").caused(e, action, function () {
      if (action !== "delete") syncLinked(txApp, rec, e);
      for (var i = 0; i < compoundIds.length; i++) applyLatest(txApp, compoundIds[i]);
    });
  });
}

function linkedOf(app, consultationId) {
  if (!consultationId) return null;
  var found = app.findRecordsByFilter(COLLECTION, "consultation = {:c}", "", 1, 0, { c: consultationId });
  return found.length ? found[0] : null;
}

function removeLinked(app, consultationId, e, action) {
  var linked = linkedOf(app, consultationId);
  if (linked) require(__hooks + "/lib/audit.js").caused(e, action, function () { app.delete(linked); });
}

/** The consent survey a consultation of kind survey carries: created, updated or removed with it. */
function syncLinked(app, consultation, e) {
  var linked = linkedOf(app, consultation.id);
  if (consultation.getString("kind") !== "survey") {
    if (linked) app.delete(linked);
    return;
  }
  if (!linked) {
    linked = new Record(app.findCollectionByNameOrId(COLLECTION));
    linked.set("consultation", consultation.id);
    linked.set("recorded_by", e.auth && e.auth.collection().name === "users" ? e.auth.id : "");
  }
  var compound = app.findRecordById("compounds", consultation.getString("compound"));
  var t = tally(compound, 0, consultation.getInt("households_surveyed"), consultation.getInt("households_agreeing"),
    { total: "households_surveyed", surveyed: "households_surveyed", agreeing: "households_agreeing" });
  linked.set("compound", compound.id);
  linked.set("survey_date", consultation.getString("date"));
  linked.set("households_total", t.total);
  linked.set("households_surveyed", consultation.getInt("households_surveyed"));
  linked.set("households_agreeing", consultation.getInt("households_agreeing"));
  linked.set("consent_pct", t.pct);
  linked.set("method", consultation.getString("survey_method") || "meeting");
  linked.set("note", "民政协商记录(意愿调查)");
  linked.set("is_demo", consultation.getBool("is_demo"));
  app.save(linked);
}

/** compound_private requests (anyone, superusers too): consent and its date come from surveys only. */
function checkPrivateBody(e) {
  var body = e.requestInfo().body || {};
  for (var f in DERIVED) {
    if (has(body, f)) throw M.bad("consent_from_survey", f, { label: DERIVED[f], field: f });
  }
}

module.exports = {
  COLLECTION: COLLECTION, METHODS: METHODS, pctOf: pctOf, tally: tally, applyLatest: applyLatest,
  surveyRequest: surveyRequest, consultationRequest: consultationRequest, checkPrivateBody: checkPrivateBody,
};
