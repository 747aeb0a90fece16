// Programme periods and their overall plans (policy 三(二) 总体计划, 四(一) 财政承受能力): a period covers whole years
// and never overlaps another; an overall-plan entry places a declared compound in one year of its period with an
// estimate and the money expected by source; a compound carried over from an earlier period names that period and must
// have been declared there and not finished. Plain JS for PocketBase's VM.
var M = require(__hooks + "/lib/messages.js");
var P = require(__hooks + "/lib/programme.js");

/** Longest period the tool accepts: a five-year plan, or two. */
var MAX_YEARS = 10;
var SOURCES = ["central", "provincial", "municipal", "special_bonds", "resident_housing_fund", "resident_maintenance_fund",
  "resident_direct", "property_unit", "utilities", "social_capital", "bank_credit"];
var SOURCE_ZH = {
  central: "中央补助", provincial: "省级补助", municipal: "市级财政", special_bonds: "专项债券",
  resident_housing_fund: "居民公积金", resident_maintenance_fund: "住宅专项维修资金", resident_direct: "居民直接出资",
  property_unit: "原产权单位", utilities: "专营单位", social_capital: "社会资本", bank_credit: "银行信贷",
};

/** The period that covers `year`, or null. */
function periodOfYear(app, year) {
  var found = app.findRecordsByFilter("periods", "first_year <= {:y} && last_year >= {:y}", "first_year", 1, 0, { y: year });
  return found.length ? found[0] : null;
}

/** The period covering `year`, or a 400 naming `field` and saying the office must create it first. */
function requirePeriod(app, year, field) {
  var p = periodOfYear(app, year);
  if (!p) throw M.bad("period_missing", field, { year: year });
  return p;
}

function label(p) {
  return p.getString("name") + "(" + p.getInt("first_year") + "—" + p.getInt("last_year") + ")";
}

/** A period request: whole years in order, at most ten, no overlap; years that plans already use stay inside. */
function checkPeriod(e) {
  var rec = e.record;
  var first = rec.getInt("first_year"), last = rec.getInt("last_year");
  if (last < first) throw M.bad("period_years_order", "last_year", { first: first, last: last });
  if (last - first + 1 > MAX_YEARS) throw M.bad("period_too_long", "last_year", { n: last - first + 1, max: MAX_YEARS });
  var overlap = e.app.findRecordsByFilter("periods", "id != {:id} && first_year <= {:last} && last_year >= {:first}", "first_year", 1, 0,
    { id: rec.id || "", first: first, last: last });
  if (overlap.length) throw M.bad("period_overlap", "first_year", { other: label(overlap[0]) });
  if (!rec.isNew()) {
    var outside = [];
    var uses = [["overall_plan_entries", "period"], ["annual_plans", "period"], ["plan_years", "period"]];
    for (var i = 0; i < uses.length; i++) {
      var rows = e.app.findRecordsByFilter(uses[i][0], uses[i][1] + " = {:p} && (year < {:first} || year > {:last})", "year", 1, 0,
        { p: rec.id, first: first, last: last });
      if (rows.length) outside.push(rows[0].getInt("year"));
    }
    if (outside.length) throw M.bad("period_years_in_use", "first_year", { year: outside[0] });
  }
}

/** A period with plans or entries cannot be deleted (said in Chinese; PocketBase would refuse in English). */
function checkPeriodDelete(e) {
  var uses = ["overall_plan_entries", "annual_plans", "plan_years"];
  for (var i = 0; i < uses.length; i++) {
    if (e.app.findRecordsByFilter(uses[i], "period = {:p}", "", 1, 0, { p: e.record.id }).length) {
      throw M.bad("period_in_use", "id", { name: label(e.record) });
    }
  }
  if (e.app.findRecordsByFilter("overall_plan_entries", "carried_from = {:p}", "", 1, 0, { p: e.record.id }).length) {
    throw M.bad("period_in_use", "id", { name: label(e.record) });
  }
}

/** The sum of a compound's own renovation-item estimates (yuan): the default estimate of a plan entry. */
function itemsEstimate(app, compoundId) {
  var items = app.findRecordsByFilter("renovation_items", "compound = {:c}", "", 0, 0, { c: compoundId });
  var s = 0;
  for (var i = 0; i < items.length; i++) s += items[i].getFloat("estimate_yuan");
  return Math.round(s * 100) / 100;
}

/** The `funding` JSON of an overall-plan entry: {source: yuan}, known sources, plain non-negative amounts. */
function checkFundingJson(rec) {
  var raw = rec.get("funding");
  var txt = rec.getString("funding");
  if (!txt || txt === "null") return;
  var obj;
  try { obj = JSON.parse(txt); } catch (err) { obj = null; }
  if (!obj || typeof obj !== "object" || Array.isArray(obj)) throw M.bad("funding_json_object", "funding");
  var V = require(__hooks + "/lib/values.js");
  for (var k in obj) {
    if (SOURCES.indexOf(k) < 0) throw M.bad("funding_source_unknown", "funding", { source: k });
    var problem = V.problemOf(V.COMPOUND_MONEY(SOURCE_ZH[k] + "资金"), "funding", obj[k]);
    if (problem && problem.code) throw M.bad(problem.code, "funding", problem.params);
  }
  return raw;
}

/** An overall-plan entry: its year inside its period, a known compound, a valid carry-over, money by source. */
function checkEntry(e) {
  var rec = e.record;
  if (!rec.isNew()) {
    var orig = rec.original();
    if (orig.getString("period") !== rec.getString("period") || orig.getString("compound") !== rec.getString("compound")) {
      throw M.bad("overall_entry_fixed", "period");
    }
  }
  var period = P.related(e.app, "periods", rec.getString("period"), "period", "规划期");
  var compound = P.related(e.app, "compounds", rec.getString("compound"), "compound", "小区");
  var year = rec.getInt("year");
  if (year < period.getInt("first_year") || year > period.getInt("last_year")) {
    throw M.bad("overall_year_outside", "year", { year: year, period: label(period) });
  }
  if (rec.isNew()) {
    var dup = e.app.findRecordsByFilter("overall_plan_entries", "period = {:p} && compound = {:c}", "", 1, 0, { p: period.id, c: compound.id });
    if (dup.length) throw M.bad("overall_entry_exists", "compound", P.named(compound));
    var body = e.requestInfo().body || {};
    if (body.estimate_yuan === undefined || body.estimate_yuan === null || body.estimate_yuan === "") {
      rec.set("estimate_yuan", itemsEstimate(e.app, compound.id));
    }
  }
  var from = rec.getString("carried_from");
  if (from) {
    var earlier = P.related(e.app, "periods", from, "carried_from", "原规划期");
    if (earlier.getInt("last_year") >= period.getInt("first_year")) throw M.bad("carry_not_earlier", "carried_from");
    var there = e.app.findRecordsByFilter("overall_plan_entries", "period = {:p} && compound = {:c}", "", 1, 0, { p: earlier.id, c: compound.id });
    var n = P.named(compound);
    n.period = label(earlier);
    if (!there.length) throw M.bad("carry_not_declared", "carried_from", n);
    if (P.stageIndex(compound.getString("stage")) >= P.stageIndex("accepted")) throw M.bad("carry_finished", "carried_from", n);
  }
  checkFundingJson(rec);
}

module.exports = {
  SOURCES: SOURCES, SOURCE_ZH: SOURCE_ZH, periodOfYear: periodOfYear, requirePeriod: requirePeriod, label: label,
  checkPeriod: checkPeriod, checkPeriodDelete: checkPeriodDelete, checkEntry: checkEntry, itemsEstimate: itemsEstimate,
};
