// Implementation records (policy 四(四), 六(一)–(四)): the implementing body, procurement, design review, 拆违, and the
// approval bureau's simplified routes. Each rule refuses in Chinese naming the field; amounts and dates are checked
// first by the one value rule (lib/values.js). Plain JS for PocketBase's VM.
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

/** The compound of a record cannot change (the API rules also pin it for townships). */
function pinned(e) {
  if (!e.record.isNew() && e.record.getString("compound") !== e.record.original().getString("compound")) {
    throw M.bad("record_compound_fixed", "compound");
  }
}

/** One implementing body per compound (said in Chinese rather than PocketBase's unique-index error). */
function checkBody(e) {
  pinned(e);
  var rec = e.record;
  var dup = e.app.findRecordsByFilter("implementing_bodies", "compound = {:c} && id != {:id}", "", 1, 0, { c: rec.getString("compound"), id: rec.id || "" });
  if (dup.length) throw M.bad("body_exists", "compound");
  notFuture(rec, "decided_date", "确定日期");
}

/**
 * A procurement: a recorded result (status awarded, or a winning unit or amount given) needs the winning unit, the
 * contract amount and the date of the result, which may not precede the announcement.
 */
function checkProcurement(e) {
  pinned(e);
  var rec = e.record;
  var body = e.requestInfo().body || {};
  var amountGiven = Object.prototype.hasOwnProperty.call(body, "contract_amount_yuan") && body.contract_amount_yuan !== "" && body.contract_amount_yuan !== null;
  var hasAmount = amountGiven || (!rec.isNew() && rec.original().getString("status") === "awarded");
  var status = rec.getString("status");
  var resultGiven = status === "awarded" || !blank(rec, "winning_unit") || (amountGiven && rec.getFloat("contract_amount_yuan") > 0);
  notFuture(rec, "announce_date", "公告日期");
  notFuture(rec, "result_date", "定标日期");
  if (resultGiven) {
    if (status !== "awarded") throw M.bad("procurement_result_status", "status");
    var missing = {};
    if (blank(rec, "winning_unit")) missing.winning_unit = "evidence_winning_unit";
    if (!hasAmount) missing.contract_amount_yuan = "evidence_contract_amount";
    if (!P.dateOf(rec, "result_date")) missing.result_date = "evidence_result_date";
    var keys = Object.keys(missing);
    if (keys.length) {
      throw M.badFields("procurement_result_incomplete", { list: keys.map(function (k) { return M.zh(missing[k]); }).join(";"), fields: keys.join(", ") }, missing);
    }
  }
  var a = P.dateOf(rec, "announce_date"), r = P.dateOf(rec, "result_date");
  if (a && r && r < a) throw M.bad("result_before_announce", "result_date", { result: r, announce: a });
}

/** A design review states its opinion. */
function checkDesignReview(e) {
  pinned(e);
  if (blank(e.record, "opinion")) throw M.bad("design_review_opinion", "opinion");
  notFuture(e.record, "date", "审查日期");
}

/** 拆违: how many structures or how much area, and photos are welcome; a date not in the future. */
function checkDemolition(e) {
  pinned(e);
  var rec = e.record;
  if (!(rec.getInt("structures") > 0) && !(rec.getFloat("area_m2") > 0)) throw M.bad("demolition_empty", "structures");
  notFuture(rec, "date", "拆除日期");
}

/** The approval routes of 六(一)–(三): what each one needs besides its date. */
function checkApproval(e) {
  var rec = e.record;
  var kind = rec.getString("kind");
  if (kind === "merged") {
    if (rec.getStringSlice("merged_documents").length < 2) throw M.bad("approval_merged_documents", "merged_documents");
  } else if (kind === "notification_commitment") {
    if (fileCount(rec, "documents") === 0) throw M.bad("approval_commitment_letter", "documents");
  } else if (kind === "fee_waiver_filing") {
    if (rec.getStringSlice("waiver_items").length === 0) throw M.bad("approval_waiver_items", "waiver_items");
  }
  if (kind !== "merged" && rec.getStringSlice("merged_documents").length) throw M.bad("approval_field_kind", "merged_documents");
  if (kind !== "fee_waiver_filing" && (rec.getStringSlice("waiver_items").length || rec.getFloat("waived_fees_yuan") > 0)) {
    throw M.bad("approval_field_kind", "waiver_items");
  }
  notFuture(rec, "date", "日期");
}

module.exports = {
  checkBody: checkBody, checkProcurement: checkProcurement, checkDesignReview: checkDesignReview, checkDemolition: checkDemolition,
  checkApproval: checkApproval,
};
