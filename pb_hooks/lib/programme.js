// Shared rules of the programme (#5): stage order, labels, consent threshold, plan deadline, role checks.
// Plain ES5-ish JS for PocketBase's JS VM; every message is Chinese first, then English.

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

/** 400 naming the field(s): fields is {name: message} or a single field name with msg. */
function bad(msg, fields) {
  var data = {};
  if (typeof fields === "string") data[fields] = new ValidationError("invalid", msg);
  else if (fields) for (var k in fields) data[k] = new ValidationError("invalid", fields[k]);
  return new BadRequestError(msg, data);
}
function forbidden(msg) { return new ForbiddenError(msg); }
/** A related record by id, or a 400 naming the field (instead of PocketBase's English 404). */
function related(app, collection, id, field, labelZh) {
  try {
    return app.findRecordById(collection, id);
  } catch (_) {
    throw bad(labelZh + "不存在 / " + field + " does not exist: " + id, field);
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

/** null when the compound may enter an annual plan, else the reason. */
function consentProblem(app, compound) {
  var threshold = consentThreshold(app);
  var name = compound.getString("name") + "(" + compound.getString("code") + ")";
  // Consent is a staff-only fact of the compound (compound_private); no survey date means no survey.
  var facts = require(__hooks + "/lib/audience.js").privateFacts(app, compound.id);
  var date = facts.consent_date;
  if (!date) {
    return "小区" + name + "尚未完成居民意愿调查(同意率及调查日期),不能纳入年度计划 / no resident consent survey recorded for " +
      compound.getString("code") + ": consent_pct and consent_date are required before it can enter an annual plan";
  }
  var n = facts.consent_pct;
  if (n < threshold - 1e-9) {
    return "小区" + name + "居民同意率 " + pct(n) + " 低于 " + pct(threshold) + ",按居民自愿原则不能纳入年度计划 / resident consent " +
      pct(n) + " for " + compound.getString("code") + " is below the threshold " + pct(threshold);
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

module.exports = { related: related,
  STAGES: STAGES, STAGE_ZH: STAGE_ZH, TIER_ZH: TIER_ZH, stageIndex: stageIndex, nextStage: nextStage, prevStage: prevStage,
  stageZh: stageZh, bad: bad, forbidden: forbidden, consentThreshold: consentThreshold, consentProblem: consentProblem,
  planDeadlineMs: planDeadlineMs, todayBeijing: todayBeijing, isUser: isUser, roleOf: roleOf, townshipOf: townshipOf,
  dateOf: dateOf,
};
