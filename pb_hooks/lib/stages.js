// Stage events (#5): validation of one transition and its effect on the compound. Used by stages.pb.js (API requests)
// and plans.pb.js (plan approval writes the "planned" events itself).
var P = require(__hooks + "/lib/programme.js");

function countFiles(rec, field) {
  var v = rec.get(field);
  if (!v) return 0;
  if (typeof v === "string") return v ? 1 : 0;
  return v.length || 0;
}

function blank(rec, field) { return !String(rec.getString(field) || "").trim(); }

/** Missing evidence for entering `to`: {field: message}. */
function missingEvidence(ev, to) {
  var m = {};
  if (to === "scheme") {
    if (blank(ev, "scheme_summary") && countFiles(ev, "documents") === 0) {
      m.scheme_summary = "缺少初步改造方案(方案说明或附件) / the preliminary scheme is missing (summary or a document)";
    }
    if (!(ev.getFloat("budget_estimate_yuan") > 0)) {
      m.budget_estimate_yuan = "缺少预算估算(元,须大于0) / the budget estimate in yuan (> 0) is missing";
    }
  } else if (to === "construction") {
    if (blank(ev, "start_date")) m.start_date = "缺少开工日期 / the start date is missing";
    if (blank(ev, "implementing_unit")) m.implementing_unit = "缺少实施单位 / the implementing unit is missing";
    if (blank(ev, "planned_end_date")) m.planned_end_date = "缺少计划竣工日期 / the planned completion date is missing";
    else if (!blank(ev, "start_date") && P.dateOf(ev, "planned_end_date") < P.dateOf(ev, "start_date")) {
      m.planned_end_date = "计划竣工日期早于开工日期 / the planned completion date is before the start date";
    }
  } else if (to === "accepted") {
    if (blank(ev, "acceptance_date")) m.acceptance_date = "缺少竣工验收日期 / the acceptance date is missing";
    if (!ev.getBool("residents_present")) {
      m.residents_present = "竣工验收须有业主委员会或居民代表参与 / resident representatives (owners' committee) must take part in the acceptance";
    }
    if (blank(ev, "resident_reps")) m.resident_reps = "缺少参与验收的居民代表姓名 / name the resident representatives present";
    if (countFiles(ev, "documents") === 0) m.documents = "缺少竣工验收记录附件 / attach the acceptance record";
  } else if (to === "maintained") {
    var mg = ev.getString("management");
    if (mg !== "property_company" && mg !== "self") {
      m.management = "须选择管理模式(专业物业或居民自管) / choose the management mode (property company or self-management)";
    }
    if (blank(ev, "maintenance_fund_status")) m.maintenance_fund_status = "须填写专项维修资金情况 / state the maintenance-fund status";
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
    throw P.bad("小区当前阶段为「" + P.stageZh(current) + "」,不是「" + P.stageZh(from) + "」,请刷新后重试 / the compound is at " +
      current + ", not " + from + ": reload and try again", "from");
  }
  ev.set("from", current);
  var kind = ev.getString("kind") || "forward";
  ev.set("kind", kind);
  var to = ev.getString("to");
  if (!ev.getString("date")) ev.set("date", P.todayBeijing() + " 00:00:00.000Z");
  // Dates keep the timeline (and the monthly report built from it) in order: not in the future, not before the last event.
  var date = P.dateOf(ev, "date");
  if (date > P.todayBeijing()) throw P.bad("日期 " + date + " 晚于今天 / the date " + date + " is in the future", "date");
  var last = app.findRecordsByFilter("stage_events", "compound = {:c}", "-date", 1, 0, { c: compound.id });
  if (last.length && P.dateOf(last[0], "date") > date) {
    throw P.bad("日期 " + date + " 早于该小区上一条阶段记录(" + P.dateOf(last[0], "date") + ") / the date is before the compound's last stage event", "date");
  }

  if (!opts.superuser) {
    if (kind === "back" && opts.role !== "office") {
      throw P.forbidden("只有市改造办可以退回阶段 / only the office may step a compound back");
    }
    if (kind === "forward" && !(opts.role === "office" || (opts.role === "township" && opts.township === compound.getString("township")))) {
      throw P.forbidden("只有市改造办或小区所在街道/镇可以推进阶段 / only the office or the compound's own township may move it forward");
    }
  }

  if (kind === "back") {
    var prev = P.prevStage(current);
    if (!prev) throw P.bad("「征集需求」是第一阶段,不能再退回 / demand is the first stage: nothing to step back to", "to");
    if (to !== prev) {
      throw P.bad("只能退回一级:当前「" + P.stageZh(current) + "」只能退回到「" + P.stageZh(prev) + "」 / one step back only: from " +
        current + " to " + prev, "to");
    }
    if (!String(ev.getString("note") || "").trim()) {
      throw P.bad("退回阶段须填写原因 / a step back needs a reason (note)", "note");
    }
    return;
  }

  var next = P.nextStage(current);
  if (!next) throw P.bad("小区已处于最后阶段「长效管理」 / the compound is already at the last stage", "to");
  if (to !== next) {
    throw P.bad("只能逐级推进:当前「" + P.stageZh(current) + "」的下一阶段是「" + P.stageZh(next) + "」,不能直接到「" + P.stageZh(to) +
      "」 / one step at a time: after " + current + " comes " + next + ", not " + to, "to");
  }
  if (to === "planned" && !opts.viaPlan) {
    throw P.bad("纳入年度计划只能通过年度计划审批 / a compound enters the annual plan only through an approved annual plan (annual_plans)", "to");
  }
  var missing = missingEvidence(ev, to);
  var keys = Object.keys(missing);
  if (keys.length) {
    var msg = "进入「" + P.stageZh(to) + "」缺少证明材料:" + keys.map(function (k) { return missing[k].split(" / ")[0]; }).join(";") +
      " / evidence missing for " + to + ": " + keys.join(", ");
    throw P.bad(msg, missing);
  }
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

module.exports = { validate: validate, apply: apply, missingEvidence: missingEvidence };
