// Annual plans (#5, policy §四(三)): who may do what with a plan and its entries, and what approval does.
var P = require(__hooks + "/lib/programme.js");

var STATUS_ZH = { draft: "草稿", submitted: "已提交", approved: "已审批", returned: "已退回" };
var PROTECTED = ["submitted_at", "late", "submitted_by", "reviewed_at", "reviewed_by"];

function planLabel(plan) { return plan.getInt("year") + "年度计划"; }

/** The user may act for this plan's township at all (office: any; township: own only). */
function checkActor(e, townshipId) {
  var role = P.roleOf(e);
  if (role === "office") return;
  if (role === "township") {
    if (P.townshipOf(e) !== townshipId) {
      throw P.forbidden("不能编制或修改其他街道/镇的年度计划 / a township may only work on its own annual plan");
    }
    return;
  }
  throw P.forbidden("只有街道/镇或市改造办可以编制年度计划 / only a township or the office may work on annual plans");
}

/** A compound may be listed in a plan of this township: own township, not yet planned, consent above threshold. */
function entryProblems(app, compound, townshipId) {
  var name = compound.getString("name") + "(" + compound.getString("code") + ")";
  if (compound.getString("township") !== townshipId) {
    return "小区" + name + "不属于该街道/镇 / the compound belongs to another township";
  }
  var st = compound.getString("stage");
  if (st !== "demand" && st !== "scheme") {
    return "小区" + name + "已处于「" + P.stageZh(st) + "」阶段,不能再列入年度计划 / the compound is already at " + st;
  }
  return P.consentProblem(app, compound);
}

function entriesOf(app, planId) {
  return app.findRecordsByFilter("plan_entries", "plan = {:p}", "created", 0, 0, { p: planId });
}

/** Checks before a plan is submitted; returns the entries. */
function checkSubmit(app, plan) {
  var entries = entriesOf(app, plan.id);
  if (!entries.length) throw P.bad("计划中没有小区,不能提交 / the plan lists no compounds: add at least one before submitting", "status");
  var problems = [];
  for (var i = 0; i < entries.length; i++) {
    var c = app.findRecordById("compounds", entries[i].getString("compound"));
    var p = entryProblems(app, c, plan.getString("township"));
    if (p) problems.push(p);
  }
  if (problems.length) throw P.bad("不能提交:" + problems.join(";"), "status");
  return entries;
}

/** Checks before approval; returns [{entry, compound}]. */
function checkApprove(app, plan) {
  var entries = entriesOf(app, plan.id);
  var out = [];
  var problems = [];
  for (var i = 0; i < entries.length; i++) {
    var en = entries[i];
    var c = app.findRecordById("compounds", en.getString("compound"));
    var name = c.getString("name") + "(" + c.getString("code") + ")";
    var tier = en.getString("tier");
    if (!tier) { problems.push("小区" + name + "未分类(实施一批/谋划一批/储备一批) / entry has no tier"); continue; }
    var p = entryProblems(app, c, plan.getString("township"));
    if (p) { problems.push(p); continue; }
    if (tier === "implement" && c.getString("stage") !== "scheme") {
      problems.push("小区" + name + "尚无初步方案及预算(当前「" + P.stageZh(c.getString("stage")) +
        "」),不能列入实施一批 / an implement entry needs the compound at scheme (preliminary scheme and budget)");
      continue;
    }
    out.push({ entry: en, compound: c });
  }
  if (problems.length) throw P.bad("不能审批:" + problems.join(";"), "status");
  return out;
}

/** Moves 实施一批 compounds to planned (one stage event each) and records the tier of the others. */
function applyApproval(txApp, plan, items, userId) {
  var events = txApp.findCollectionByNameOrId("stage_events");
  var year = plan.getInt("year");
  var today = P.todayBeijing() + " 00:00:00.000Z";
  for (var i = 0; i < items.length; i++) {
    var en = items[i].entry, c = items[i].compound;
    var tier = en.getString("tier");
    if (tier === "implement") {
      var ev = new Record(events);
      ev.set("compound", c.id);
      ev.set("from", "scheme");
      ev.set("to", "planned");
      ev.set("kind", "forward");
      ev.set("date", today);
      ev.set("by", userId || "");
      ev.set("plan_entry", en.id);
      ev.set("note", "纳入" + year + "年度计划(实施一批)");
      ev.set("is_demo", false);
      txApp.save(ev);
      c.set("stage", "planned");
      c.set("plan_year", year);
    }
    c.set("tier", tier);
    txApp.save(c);
  }
}

/** Who may add, change or remove a plan entry, and which compounds may be listed. */
function entryGuard(e, action) {
  if (e.hasSuperuserAuth()) return;
  var rec = e.record;
  if (action === "update" && rec.getString("plan") !== rec.original().getString("plan")) {
    throw P.bad("条目不能移到另一个计划 / an entry cannot move to another plan", "plan");
  }
  var plan = P.related(e.app, "annual_plans", rec.getString("plan"), "plan", "年度计划");
  checkActor(e, plan.getString("township"));
  var status = plan.getString("status");
  var role = P.roleOf(e);
  var editable = role === "office" ? ["draft", "returned", "submitted"] : ["draft", "returned"];
  if (editable.indexOf(status) < 0) {
    throw P.bad("计划" + (STATUS_ZH[status] || status) + ",不能再修改其中的小区 / the plan is " + status + ": its entries cannot change", "plan");
  }
  if (action !== "delete") {
    var compound = P.related(e.app, "compounds", rec.getString("compound"), "compound", "小区");
    var problem = entryProblems(e.app, compound, plan.getString("township"));
    if (problem) throw P.bad(problem, "compound");
  }
}


module.exports = {
  entryGuard: entryGuard,
  STATUS_ZH: STATUS_ZH, PROTECTED: PROTECTED, planLabel: planLabel, checkActor: checkActor, entryProblems: entryProblems,
  entriesOf: entriesOf, checkSubmit: checkSubmit, checkApprove: checkApprove, applyApproval: applyApproval,
};
