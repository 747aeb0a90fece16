// Rules of long-term management, supervision (督办 items and the score's weights), the departments' duty records and
// reports on record. Each refusal names the field in Chinese (lib/messages.js); plain numbers, dates and ranges are
// checked first by the one value rule (lib/values.js). Superusers (the demo loader) pass the same checks; fields the
// server owns (who, when, version) are set here whoever asks. Plain JS for PocketBase's VM.
var M = require(__hooks + "/lib/messages.js");
var P = require(__hooks + "/lib/programme.js");

function blank(rec, f) { return !String(rec.getString(f) || "").trim(); }
function fileCount(rec, field) {
  var v = rec.get(field);
  if (!v) return 0;
  if (typeof v === "string") return 1;
  return v.length || 0;
}
function notFuture(rec, field, label) {
  var d = P.dateOf(rec, field);
  if (d && d > P.todayBeijing()) throw M.bad("date_in_future_field", field, { label: label, date: d });
}
function userId(e) { return P.isUser(e) ? e.auth.id : ""; }
function changed(rec, field) { return rec.isNew() ? !!rec.getString(field) : rec.getString(field) !== rec.original().getString(field); }

// ---- long-term management ----------------------------------------------------------------------------------------

function checkArrangement(e) {
  var rec = e.record;
  if (!rec.isNew() && changed(rec, "compound")) throw M.bad("record_compound_fixed", "compound");
  notFuture(rec, "start_date", "起始日期");
  if (rec.getString("mode") === "property_company" && blank(rec, "company")) throw M.bad("mgmt_company_required", "company");
  var a = P.dateOf(rec, "contract_start"), b = P.dateOf(rec, "contract_end");
  if (a && b && b < a) throw M.bad("mgmt_contract_order", "contract_end", { start: a, end: b });
}

function checkFund(e) {
  var rec = e.record;
  if (!rec.isNew() && changed(rec, "compound")) throw M.bad("record_compound_fixed", "compound");
  notFuture(rec, "date", "归集截至日期");
  var target = rec.getFloat("target_yuan"), got = rec.getFloat("collected_yuan");
  if (got > target) throw M.bad("fund_above_target", "collected_yuan", { collected: got, target: target });
  var dup = e.app.findRecordsByFilter("maintenance_funds", "compound = {:c} && id != {:id}", "", 1, 0, { c: rec.getString("compound"), id: rec.id || "" });
  if (dup.length) throw M.bad("fund_exists", "compound");
}

function checkManagementCheck(e) {
  var rec = e.record;
  if (!rec.isNew() && changed(rec, "compound")) throw M.bad("record_compound_fixed", "compound");
  notFuture(rec, "date", "检查日期");
  var body = e.requestInfo().body || {};
  if (rec.isNew() && !Object.prototype.hasOwnProperty.call(body, "score")) throw M.bad("check_score_required", "score");
  if (rec.isNew() && userId(e)) rec.set("checked_by", userId(e));
}

// ---- supervision -----------------------------------------------------------------------------------------------------

var WEIGHTS = ["weight_plan", "weight_started", "weight_accepted", "weight_overdue", "weight_feedback", "weight_funds"];

/** The score's weights are whole or decimal percentages that add up to 100. */
function checkSettings(e) {
  var rec = e.record;
  var sum = 0;
  for (var i = 0; i < WEIGHTS.length; i++) sum += rec.getFloat(WEIGHTS[i]);
  if (Math.abs(sum - 100) > 1e-6) {
    var body = e.requestInfo().body || {};
    var field = WEIGHTS.filter(function (w) { return Object.prototype.hasOwnProperty.call(body, w); })[0] || WEIGHTS[0];
    throw M.bad("weights_sum", field, { sum: Math.round(sum * 100) / 100 });
  }
  var months = rec.getInt("check_interval_months");
  if (months < 1) rec.set("check_interval_months", 6);
}

var ISSUER_ROLES = ["office", "inspection"];
var ISSUER_FIELDS = ["township", "compound", "title", "requirement", "deadline"];
var TOWNSHIP_FIELDS = ["rectification", "evidence"];

function bodyHas(body, f) {
  return Object.prototype.hasOwnProperty.call(body, f) || Object.prototype.hasOwnProperty.call(body, f + "+") ||
    Object.prototype.hasOwnProperty.call(body, f + "-");
}

/**
 * 督办 items: issued open by the office or the 督查室 (issuer and date set here); the township named answers with its
 * rectification and at least one piece of evidence (open → rectified); the issuer closes it (rectified → closed) or
 * returns it with a comment (rectified → open). Nobody else changes anything, and a closed item is final.
 */
function checkSupervisionItem(e) {
  var rec = e.record;
  var body = e.requestInfo().body || {};
  var role = P.roleOf(e);
  var superuser = !P.isUser(e);
  var today = P.todayBeijing();
  if (rec.isNew()) {
    if (rec.getString("status") !== "open" && !superuser) throw M.bad("sup_new_open", "status");
    if (!superuser) {
      for (var i = 0; i < TOWNSHIP_FIELDS.length; i++) if (bodyHas(body, TOWNSHIP_FIELDS[i])) throw M.bad("sup_issuer_fields", TOWNSHIP_FIELDS[i], { field: TOWNSHIP_FIELDS[i] });
      rec.set("issued_by", userId(e));
      rec.set("issued_date", today);
      if (P.dateOf(rec, "deadline") < today) throw M.bad("sup_deadline_past", "deadline", { date: P.dateOf(rec, "deadline") });
    } else if (!P.dateOf(rec, "issued_date")) rec.set("issued_date", today);
    checkCompoundInTownship(e, rec);
    return;
  }
  var before = rec.original().getString("status");
  var after = rec.getString("status");
  if (before === "closed") throw M.bad("sup_closed_final", "status");
  var isIssuer = superuser || ISSUER_ROLES.indexOf(role) >= 0;
  if (!isIssuer) {
    // The township named: only its rectification, and open → rectified.
    for (var f in body) {
      var name = f.replace(/[+-]$/, "");
      if (TOWNSHIP_FIELDS.indexOf(name) < 0 && name !== "status") throw M.bad("sup_township_fields", name, { field: name });
    }
    if (before !== "open") throw M.bad("sup_not_open", "status");
    if (after === "rectified") {
      if (blank(rec, "rectification")) throw M.bad("sup_rectification_required", "rectification");
      if (fileCount(rec, "evidence") < 1) throw M.bad("sup_evidence_required", "evidence");
      rec.set("rectified_by", userId(e));
      rec.set("rectified_date", today);
    } else if (after !== "open") throw M.bad("sup_transition", "status", { from: before, to: after });
    return;
  }
  for (var g in body) {
    var n = g.replace(/[+-]$/, "");
    if (TOWNSHIP_FIELDS.indexOf(n) >= 0 && !superuser) throw M.bad("sup_issuer_fields", n, { field: n });
  }
  if (before === after) {
    if (before !== "open" && !superuser) {
      for (var k = 0; k < ISSUER_FIELDS.length; k++) if (changed(rec, ISSUER_FIELDS[k])) throw M.bad("sup_not_open", ISSUER_FIELDS[k]);
    }
    checkCompoundInTownship(e, rec);
    return;
  }
  if (before === "rectified" && after === "closed") {
    rec.set("closed_by", userId(e));
    rec.set("closed_date", today);
    return;
  }
  if (before === "rectified" && after === "open") {
    if (blank(rec, "issuer_comment")) throw M.bad("sup_return_comment", "issuer_comment");
    return;
  }
  if (superuser && after === "rectified") return;
  throw M.bad("sup_transition", "status", { from: before, to: after });
}

function checkCompoundInTownship(e, rec) {
  var c = rec.getString("compound");
  if (!c) return;
  var compound = P.related(e.app, "compounds", c, "compound", "小区");
  if (compound.getString("township") !== rec.getString("township")) throw M.bad("sup_compound_township", "compound");
}

// ---- department duties -----------------------------------------------------------------------------------------------

function checkBudgetApplication(e) {
  var rec = e.record;
  var granted = rec.getFloat("granted_yuan");
  if (granted > rec.getFloat("requested_yuan")) throw M.bad("budget_granted_above", "granted_yuan", { granted: granted, requested: rec.getFloat("requested_yuan") });
  if (rec.getString("status") === "granted" && !(granted > 0)) throw M.bad("budget_granted_required", "granted_yuan");
  notFuture(rec, "submitted_date", "申报日期");
  notFuture(rec, "granted_date", "下达日期");
}

var IDLE_USES = ["idle_building", "idle_land"];
function checkLandRecord(e) {
  var rec = e.record;
  if (!rec.getString("compound") && !rec.getString("site")) throw M.bad("land_target_required", "compound");
  var idle = IDLE_USES.indexOf(rec.getString("land_use")) >= 0 || !!rec.getString("site");
  if (idle && !rec.getString("transfer_status")) throw M.bad("land_transfer_required", "transfer_status");
  if (idle && blank(rec, "right_holder")) throw M.bad("land_holder_required", "right_holder");
  notFuture(rec, "approval_date", "批准日期");
  notFuture(rec, "transfer_date", "移交日期");
}

var MONEY_CATEGORIES = ["misused_funds", "overpayment"];
function checkAuditFinding(e) {
  var rec = e.record;
  if (!rec.getString("compound") && !rec.getString("zone")) throw M.bad("finding_target_required", "compound");
  if (blank(rec, "finding")) throw M.bad("finding_text_required", "finding");
  if (MONEY_CATEGORIES.indexOf(rec.getString("category")) >= 0 && !(rec.getFloat("amount_yuan") > 0)) {
    throw M.bad("finding_amount_required", "amount_yuan");
  }
  notFuture(rec, "date", "审计日期");
  if (rec.getBool("closed")) {
    if (blank(rec, "rectification")) throw M.bad("finding_close_rectification", "rectification");
    if (!P.dateOf(rec, "closed_date")) rec.set("closed_date", P.todayBeijing());
  }
}

function checkElderlySubsidy(e) {
  var rec = e.record;
  var site = P.related(e.app, "facility_sites", rec.getString("site"), "site", "设施点位");
  if (String(site.getString("facility_type")).indexOf("elderly") !== 0) throw M.bad("subsidy_site_elderly", "site");
  if (!(rec.getFloat("amount_yuan") > 0)) throw M.bad("subsidy_amount_required", "amount_yuan");
  notFuture(rec, "date", "拨付日期");
}

// ---- reports on record -------------------------------------------------------------------------------------------------

/**
 * A submitted month: versions are numbered here (1, 2, …) per month and period; a later version is a correction and
 * needs its reason; the submitter is the account that sends it; a month that has not begun cannot be submitted.
 */
function checkMonthlyReport(e) {
  var rec = e.record;
  var month = rec.getString("month");
  if (month > P.todayBeijing().slice(0, 7)) throw M.bad("report_future_month", "month", { month: month });
  var parsed = null;
  try { parsed = JSON.parse(rec.getString("figures") || "null"); } catch (err) { parsed = null; }
  if (!parsed || typeof parsed !== "object" || !parsed.total || !Array.isArray(parsed.rows)) throw M.bad("report_figures", "figures");
  if (parsed.month && parsed.month !== month) throw M.bad("report_figures_month", "figures", { month: month });
  var prev = e.app.findRecordsByFilter("monthly_reports", "month = {:m} && period = {:p}", "-version", 1, 0,
    { m: month, p: rec.getString("period") });
  if (prev.length) {
    if (blank(rec, "reason")) throw M.bad("report_reason_required", "reason", { month: month, version: prev[0].getInt("version") });
    rec.set("version", prev[0].getInt("version") + 1);
    rec.set("supersedes", prev[0].id);
  } else {
    rec.set("version", 1);
    rec.set("supersedes", "");
  }
  if (P.isUser(e)) rec.set("submitted_by", e.auth.id);
}

function checkYearSummary(e) {
  if (P.isUser(e)) e.record.set("updated_by", e.auth.id);
}

module.exports = {
  checkArrangement: checkArrangement, checkFund: checkFund, checkManagementCheck: checkManagementCheck,
  checkSettings: checkSettings, checkSupervisionItem: checkSupervisionItem, WEIGHTS: WEIGHTS,
  checkBudgetApplication: checkBudgetApplication, checkLandRecord: checkLandRecord, checkAuditFinding: checkAuditFinding,
  checkElderlySubsidy: checkElderlySubsidy, checkMonthlyReport: checkMonthlyReport, checkYearSummary: checkYearSummary,
};
