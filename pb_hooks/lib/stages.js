// Stage events (#5): validation of one transition and its effect on the compound. Used by stages.pb.js (API requests)
// and plans.pb.js (plan approval writes the "planned" events itself).
var P = require(__hooks + "/lib/programme.js");
var M = require(__hooks + "/lib/messages.js");

function countFiles(rec, field) {
  var v = rec.get(field);
  if (!v) return 0;
  if (typeof v === "string") return v ? 1 : 0;
  return v.length || 0;
}

function blank(rec, field) { return !String(rec.getString(field) || "").trim(); }

var ACCEPTANCE_UNITS = ["builder_unit", "design_unit", "construction_unit", "supervision_unit"];

/** Missing evidence for entering `to`: {field: message code}. */
function missingEvidence(ev, to) {
  var m = {};
  if (to === "scheme") {
    if (blank(ev, "scheme_summary") && countFiles(ev, "documents") === 0) m.scheme_summary = "evidence_scheme_summary";
    if (!(ev.getFloat("budget_estimate_yuan") > 0)) m.budget_estimate_yuan = "evidence_budget";
  } else if (to === "construction") {
    if (blank(ev, "start_date")) m.start_date = "evidence_start_date";
    if (blank(ev, "implementing_unit")) m.implementing_unit = "evidence_implementing_unit";
    if (blank(ev, "planned_end_date")) m.planned_end_date = "evidence_planned_end_date";
    else if (!blank(ev, "start_date") && P.dateOf(ev, "planned_end_date") < P.dateOf(ev, "start_date")) {
      m.planned_end_date = "evidence_end_before_start";
    }
  } else if (to === "accepted") {
    if (blank(ev, "acceptance_date")) m.acceptance_date = "evidence_acceptance_date";
    // The five parties of 四(五): the builder (实施主体), design, construction and supervision units, resident representatives.
    for (var i = 0; i < ACCEPTANCE_UNITS.length; i++) if (blank(ev, ACCEPTANCE_UNITS[i])) m[ACCEPTANCE_UNITS[i]] = "evidence_" + ACCEPTANCE_UNITS[i];
    if (!ev.getBool("residents_present")) m.residents_present = "evidence_residents_present";
    if (blank(ev, "resident_reps")) m.resident_reps = "evidence_resident_reps";
    if (countFiles(ev, "documents") === 0) m.documents = "evidence_documents";
  } else if (to === "maintained") {
    var mg = ev.getString("management");
    if (mg !== "property_company" && mg !== "self") m.management = "evidence_management";
    if (blank(ev, "maintenance_fund_status")) m.maintenance_fund_status = "evidence_fund_status";
  }
  return m;
}

/**
 * Checks a requested event against the compound and the user. Throws with the reason; fills from/kind/date/by.
 * opts: {superuser: bool, role, township, userId}
 */
function validate(app, ev, compound, opts) {
  var current = compound.getString("stage");
  var from = ev.getString("from");
  if (from && from !== current) {
    throw M.bad("stage_not_current", "from", { current: P.stageZh(current), from: P.stageZh(from), currentCode: current, fromCode: from });
  }
  ev.set("from", current);
  var kind = ev.getString("kind") || "forward";
  ev.set("kind", kind);
  var to = ev.getString("to");
  if (!ev.getString("date")) ev.set("date", P.todayBeijing() + " 00:00:00.000Z");
  // Dates keep the timeline (and the monthly report built from it) in order: not in the future, not before the last event.
  var date = P.dateOf(ev, "date");
  if (date > P.todayBeijing()) throw M.bad("date_in_future", "date", { date: date });
  var last = app.findRecordsByFilter("stage_events", "compound = {:c}", "-date", 1, 0, { c: compound.id });
  if (last.length && P.dateOf(last[0], "date") > date) {
    throw M.bad("date_before_last_event", "date", { date: date, last: P.dateOf(last[0], "date") });
  }

  if (!opts.superuser) {
    if (kind === "back" && opts.role !== "office") {
      throw M.forbidden("back_office_only");
    }
    if (kind === "forward" && !(opts.role === "office" || (opts.role === "township" && opts.township === compound.getString("township")))) {
      throw M.forbidden("forward_not_allowed");
    }
  }

  if (kind === "back") {
    var prev = P.prevStage(current);
    if (!prev) throw M.bad("first_stage", "to");
    if (to !== prev) {
      throw M.bad("one_step_back", "to", { current: P.stageZh(current), prev: P.stageZh(prev), currentCode: current, prevCode: prev });
    }
    if (!String(ev.getString("note") || "").trim()) {
      throw M.bad("back_needs_reason", "note");
    }
    return;
  }

  // The first record of a compound that entered the programme at 征集需求: when its need was collected.
  if (to === "demand" && current === "demand" && !last.length) return;

  var next = P.nextStage(current);
  if (!next) throw M.bad("last_stage", "to");
  if (to !== next) {
    throw M.bad("one_step_forward", "to", {
      current: P.stageZh(current), next: P.stageZh(next), to: P.stageZh(to), currentCode: current, nextCode: next, toCode: to,
    });
  }
  if (to === "planned" && !opts.viaPlan) {
    throw M.bad("planned_via_plan", "to");
  }
  var missing = missingEvidence(ev, to);
  var keys = Object.keys(missing);
  if (keys.length) {
    var list = keys.map(function (k) { return M.zh(missing[k]); }).join(";");
    throw M.badFields("evidence_missing", { stage: P.stageZh(to), list: list, to: to, fields: keys.join(", ") }, missing);
  }
  checkDates(app, ev, compound, to);
  if (to === "accepted") checkChecklist(app, compound);
}

/** Evidence dates in the order of the works: no start before the plan, no acceptance before the start or in the future. */
function checkDates(app, ev, compound, to) {
  var today = P.todayBeijing();
  if (to === "construction") {
    var start = P.dateOf(ev, "start_date");
    if (start > today) throw M.bad("date_in_future_field", "start_date", { label: "开工日期", date: start });
    var planned = app.findRecordsByFilter("stage_events", "compound = {:c} && to = 'planned' && kind = 'forward'", "-date", 1, 0, { c: compound.id });
    if (planned.length && start < P.dateOf(planned[0], "date")) {
      throw M.bad("start_before_plan", "start_date", { date: start, planned: P.dateOf(planned[0], "date") });
    }
  } else if (to === "accepted") {
    var acc = P.dateOf(ev, "acceptance_date");
    if (acc > today) throw M.bad("date_in_future_field", "acceptance_date", { label: "竣工验收日期", date: acc });
    var began = P.dateOf(compound, "construction_start");
    if (began && acc < began) throw M.bad("acceptance_before_start", "acceptance_date", { date: acc, start: began });
  }
}

/**
 * The acceptance checklist: every renovation item of the compound done (with its date and a photo) or waived with a
 * reason. Throws naming each item that is not.
 */
function checkChecklist(app, compound) {
  var items = app.findRecordsByFilter("renovation_items", "compound = {:c}", "class,item", 0, 0, { c: compound.id });
  var catalogue = require(__hooks + "/lib/money.js").loadCatalogue();
  var problems = [];
  for (var i = 0; i < items.length; i++) {
    var it = items[i];
    var entry = catalogue[it.getString("item")];
    var p = { name: entry ? entry.zh : it.getString("item"), item: it.getString("item") };
    var st = it.getString("status") || "planned";
    if (st === "done") {
      if (!P.dateOf(it, "done_date")) problems.push({ code: "checklist_no_date", params: p });
      else if (countFiles(it, "photos") === 0) problems.push({ code: "checklist_no_photo", params: p });
    } else if (st === "waived") {
      if (blank(it, "waive_reason")) problems.push({ code: "checklist_no_reason", params: p });
    } else {
      p.status = st === "in_progress" ? "实施中" : "计划";
      p.statusCode = st;
      problems.push({ code: "checklist_item_open", params: p });
    }
  }
  if (problems.length) throw M.badList("checklist_incomplete", "items", problems);
}

/**
 * Applies the event to the compound and its staff-only facts (compound_private) and saves both with `app` (the
 * caller's transaction): the stage, plan year and tier, the construction dates; the implementing unit, management and
 * maintenance fund go to the private record.
 */
function apply(app, ev, compound) {
  var A = require(__hooks + "/lib/audience.js");
  var to = ev.getString("to");
  var facts = null;
  compound.set("stage", to);
  if (ev.getString("kind") === "back") {
    if (P.stageIndex(to) < P.stageIndex("planned")) { compound.set("plan_year", null); compound.set("tier", ""); }
    if (P.stageIndex(to) < P.stageIndex("construction")) {
      compound.set("construction_start", ""); compound.set("construction_end_planned", "");
      facts = A.privateRecord(app, compound.id);
      if (facts.isNew()) facts = null;
      else facts.set("implementing_unit", "");
    }
  } else if (to === "construction") {
    compound.set("construction_start", ev.getString("start_date"));
    compound.set("construction_end_planned", ev.getString("planned_end_date"));
    facts = A.privateRecord(app, compound.id);
    facts.set("implementing_unit", ev.getString("implementing_unit"));
  } else if (to === "maintained") {
    facts = A.privateRecord(app, compound.id);
    facts.set("management", ev.getString("management"));
    facts.set("maintenance_fund", ev.getString("maintenance_fund_status") === "established");
  }
  app.save(compound);
  if (facts) app.save(facts);
  return compound;
}

module.exports = {
  validate: validate, apply: apply, missingEvidence: missingEvidence, checkChecklist: checkChecklist, ACCEPTANCE_UNITS: ACCEPTANCE_UNITS,
};
