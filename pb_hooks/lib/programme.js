// Shared rules of the programme: stage order, labels, consent threshold, plan deadline, role checks.
// Plain ES5-ish JS for PocketBase's JS VM; messages come from lib/messages.js (Chinese first, then English).
var M = require(__hooks + "/lib/messages.js");

var STAGES = ["demand", "scheme", "planned", "construction", "accepted", "maintained"];
var STAGE_ZH = {
  demand: "征集需求", scheme: "初步方案", planned: "纳入年度计划",
  construction: "施工中", accepted: "已竣工验收", maintained: "长效管理",
};
var TIER_ZH = { implement: "实施一批", prepare: "谋划一批", reserve: "储备一批" };
var DEFAULT_CONSENT_PCT = 200 / 3;
var SETTINGS_ID = "settings0000001";

function stageIndex(s) { return STAGES.indexOf(s); }
function nextStage(s) { var i = stageIndex(s); return i >= 0 && i < STAGES.length - 1 ? STAGES[i + 1] : null; }
function prevStage(s) { var i = stageIndex(s); return i > 0 ? STAGES[i - 1] : null; }
function stageZh(s) { return STAGE_ZH[s] || s || "(无)"; }

/** A related record by id, or a 400 naming the field (instead of PocketBase's English 404). */
function related(app, collection, id, field, labelZh) {
  try {
    return app.findRecordById(collection, id);
  } catch (_) {
    throw M.bad("related_missing", field, { label: labelZh, field: field, id: id });
  }
}

/** The consent threshold in percent (programme_settings, default two thirds). */
function consentThreshold(app) {
  try {
    var rec = app.findRecordById("programme_settings", SETTINGS_ID);
    var v = rec.getFloat("consent_threshold_pct");
    if (isFinite(v) && v >= 0 && v <= 100) return v;
  } catch (_) { /* missing record: default */ }
  return DEFAULT_CONSENT_PCT;
}

function pct(v) { return (Math.round(v * 10) / 10).toFixed(1) + "%"; }

/** Parameters naming a compound in messages: name "东关小区(FY-001)" and code. */
function named(compound) {
  return { name: compound.getString("name") + "(" + compound.getString("code") + ")", code: compound.getString("code") };
}

/** null when the compound may enter an annual plan, else the reason as {code, params}. */
function consentProblem(app, compound) {
  var threshold = consentThreshold(app);
  // Consent is a staff-only fact of the compound (compound_private); no survey date means no survey.
  var facts = require(__hooks + "/lib/audience.js").privateFacts(app, compound.id);
  var p = named(compound);
  if (!facts.consent_date) return { code: "consent_missing", params: p };
  var n = facts.consent_pct;
  if (n < threshold - 1e-9) {
    p.pct = pct(n);
    p.threshold = pct(threshold);
    return { code: "consent_below", params: p };
  }
  return null;
}

/** Plans for year Y are due by 31 August of Y-1, end of day Beijing time (UTC+8). Returns epoch ms. */
function planDeadlineMs(year) {
  return Date.UTC(year - 1, 7, 31, 23, 59, 59, 999) - 8 * 3600 * 1000;
}

/** Today's date in Beijing as YYYY-MM-DD. */
function todayBeijing() {
  return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

function isUser(e) { return !!e.auth && e.auth.collection().name === "users"; }
function roleOf(e) { return isUser(e) ? e.auth.getString("role") : ""; }
function townshipOf(e) { return isUser(e) ? e.auth.getString("township") : ""; }

/** "" when not set; the date part of a PocketBase date string otherwise. */
function dateOf(rec, field) {
  var s = rec.getString(field);
  return s ? s.slice(0, 10) : "";
}

module.exports = { related: related, named: named,
  STAGES: STAGES, STAGE_ZH: STAGE_ZH, TIER_ZH: TIER_ZH, stageIndex: stageIndex, nextStage: nextStage, prevStage: prevStage,
  stageZh: stageZh, consentThreshold: consentThreshold, consentProblem: consentProblem,
  planDeadlineMs: planDeadlineMs, todayBeijing: todayBeijing, isUser: isUser, roleOf: roleOf, townshipOf: townshipOf,
  dateOf: dateOf,
};
