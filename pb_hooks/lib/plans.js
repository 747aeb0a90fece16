// Annual plans (policy §四(三)): who may do what with a plan and its entries, and what approval does. The life of a
// plan is one transition table; plans.pb.js calls create(e) and update(e).
var P = require(__hooks + "/lib/programme.js");
var M = require(__hooks + "/lib/messages.js");

var STATUS_ZH = { draft: "草稿", submitted: "已提交", approved: "已审批", returned: "已退回" };
/** The policy's exclusions (compounds.exclusion_reason). */
var EXCLUSION_ZH = { shanty_town: "棚户区", self_built: "以自建住房为主", demolish_rebuild: "宜拆除新建", other: "其他" };
var PROTECTED = ["submitted_at", "late", "submitted_by", "reviewed_at", "reviewed_by"];

/**
 * Status changes a plan may make, who may make them, and what happens then. A township submits its own plan (a draft
 * or a returned one) by 31 August of the year before (later is marked late); the office approves it — 实施一批 compounds
 * move to planned, in the same transaction — or returns it with a review comment. Any other change is refused.
 */
var TRANSITIONS = [
  { from: ["draft", "returned"], to: "submitted", roles: ["township", "office"], refused: "plan_submit_role", effect: "submit" },
  { from: ["submitted"], to: "approved", roles: ["office"], refused: "plan_review_office", effect: "approve" },
  { from: ["submitted"], to: "returned", roles: ["office"], refused: "plan_review_office", effect: "return" },
];
/** Statuses in which a role may edit a plan without changing its status (notes, comments, its entries). */
var EDITABLE = { township: ["draft", "returned"], office: ["draft", "returned", "submitted"] };

function transition(from, to) {
  for (var i = 0; i < TRANSITIONS.length; i++) {
    var t = TRANSITIONS[i];
    if (t.to === to && t.from.indexOf(from) >= 0) return t;
  }
  return null;
}

function planLabel(plan) { return plan.getInt("year") + "年度计划"; }

/** The user may act for this plan's township at all (office: any; township: own only). */
function checkActor(e, townshipId) {
  var role = P.roleOf(e);
  if (role === "office") return;
  if (role === "township") {
    if (P.townshipOf(e) !== townshipId) throw M.forbidden("plan_other_township");
    return;
  }
  throw M.forbidden("plan_role");
}

/** A compound may be listed in a plan of this township: own township, not excluded, not yet planned, consent above threshold. */
function entryProblems(app, compound, townshipId) {
  var p = P.named(compound);
  if (compound.getString("township") !== townshipId) return { code: "entry_other_township", params: p };
  if (compound.getBool("excluded")) {
    var why = compound.getString("exclusion_reason");
    p.reason = EXCLUSION_ZH[why] || why;
    p.reasonCode = why;
    return { code: "entry_excluded", params: p };
  }
  var st = compound.getString("stage");
  if (st !== "demand" && st !== "scheme") {
    p.stage = P.stageZh(st);
    p.stageCode = st;
    return { code: "entry_stage_taken", params: p };
  }
  return P.consentProblem(app, compound);
}

function entriesOf(app, planId) {
  return app.findRecordsByFilter("plan_entries", "plan = {:p}", "created", 0, 0, { p: planId });
}

/** Checks before a plan is submitted; returns the entries. */
function checkSubmit(app, plan) {
  var entries = entriesOf(app, plan.id);
  if (!entries.length) throw M.bad("plan_empty", "status");
  var problems = [];
  for (var i = 0; i < entries.length; i++) {
    var c = app.findRecordById("compounds", entries[i].getString("compound"));
    var p = entryProblems(app, c, plan.getString("township"));
    if (p) problems.push(p);
  }
  if (problems.length) throw M.badList("plan_cannot_submit", "status", problems);
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
    var tier = en.getString("tier");
    if (!tier) { problems.push({ code: "entry_no_tier", params: P.named(c) }); continue; }
    var p = entryProblems(app, c, plan.getString("township"));
    if (p) { problems.push(p); continue; }
    if (tier === "implement" && c.getString("stage") !== "scheme") {
      var np = P.named(c);
      np.stage = P.stageZh(c.getString("stage"));
      np.stageCode = c.getString("stage");
      problems.push({ code: "entry_needs_scheme", params: np });
      continue;
    }
    out.push({ entry: en, compound: c });
  }
  if (problems.length) throw M.badList("plan_cannot_approve", "status", problems);
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

/** A create request: staff start drafts of their own township; one plan per township and year (superusers too). */
function create(e) {
  var plan = e.record;
  if (!e.hasSuperuserAuth()) {
    checkActor(e, plan.getString("township"));
    if ((plan.getString("status") || "draft") !== "draft") throw M.bad("plan_new_draft", "status");
    plan.set("status", "draft");
    for (var i = 0; i < PROTECTED.length; i++) plan.set(PROTECTED[i], PROTECTED[i] === "late" ? false : "");
    plan.set("review_comment", "");
  }
  var dup = e.app.findRecordsByFilter("annual_plans", "year = {:y} && township = {:t}", "", 1, 0,
    { y: plan.getInt("year"), t: plan.getString("township") });
  if (dup.length) throw M.bad("plan_exists", "year", { year: plan.getInt("year") });
  e.next();
}

/** An update request (staff): a same-status edit, or one transition of the table with its effect. */
function update(e) {
  var plan = e.record;
  var orig = plan.original();
  checkActor(e, orig.getString("township"));
  if (plan.getString("township") !== orig.getString("township") || plan.getInt("year") !== orig.getInt("year")) {
    throw M.bad("plan_year_fixed", "year");
  }
  for (var i = 0; i < PROTECTED.length; i++) plan.set(PROTECTED[i], orig.get(PROTECTED[i]));
  var role = P.roleOf(e);
  var from = orig.getString("status");
  var to = plan.getString("status");
  if (from === "approved") throw M.bad("plan_approved_frozen", "status");
  if (role !== "office" && plan.getString("review_comment") !== orig.getString("review_comment")) {
    throw M.forbidden("review_comment_office");
  }

  if (from === to) {
    if ((EDITABLE[role] || []).indexOf(from) < 0) throw M.bad("plan_submitted_locked", "status");
    e.next();
    return;
  }

  var t = transition(from, to);
  if (!t) {
    throw M.bad("plan_transition_refused", "status", { fromZh: STATUS_ZH[from] || from, toZh: STATUS_ZH[to] || to, from: from, to: to });
  }
  if (t.roles.indexOf(role) < 0) throw M.forbidden(t.refused);
  var now = new Date().toISOString().replace("T", " ");
  if (t.effect === "submit") {
    checkSubmit(e.app, plan);
    plan.set("submitted_at", now);
    plan.set("late", Date.now() > P.planDeadlineMs(plan.getInt("year")));
    plan.set("submitted_by", e.auth.id);
    e.next();
    return;
  }
  plan.set("reviewed_at", now);
  plan.set("reviewed_by", e.auth.id);
  if (t.effect === "return") {
    if (!String(plan.getString("review_comment") || "").trim()) throw M.bad("plan_return_comment", "review_comment");
    e.next();
    return;
  }
  // approve: the plan and the compounds it moves, in one transaction
  e.app.runInTransaction(function (txApp) {
    var items = checkApprove(txApp, plan);
    var outer = e.app;
    e.app = txApp;
    try {
      e.next();
    } finally {
      e.app = outer;
    }
    require(__hooks + "/lib/audit.js").caused(e, "update", function () { applyApproval(txApp, plan, items, e.auth.id); });
  });
}

/** Who may add, change or remove a plan entry, and which compounds may be listed. */
function entryGuard(e, action) {
  if (e.hasSuperuserAuth()) return;
  var rec = e.record;
  if (action === "update" && rec.getString("plan") !== rec.original().getString("plan")) throw M.bad("entry_plan_fixed", "plan");
  var plan = P.related(e.app, "annual_plans", rec.getString("plan"), "plan", "年度计划");
  checkActor(e, plan.getString("township"));
  var status = plan.getString("status");
  if ((EDITABLE[P.roleOf(e)] || []).indexOf(status) < 0) {
    throw M.bad("entries_frozen", "plan", { status: STATUS_ZH[status] || status, statusCode: status });
  }
  if (action !== "delete") {
    var compound = P.related(e.app, "compounds", rec.getString("compound"), "compound", "小区");
    var problem = entryProblems(e.app, compound, plan.getString("township"));
    if (problem) throw M.bad(problem.code, "compound", problem.params);
  }
}

module.exports = {
  TRANSITIONS: TRANSITIONS, STATUS_ZH: STATUS_ZH, PROTECTED: PROTECTED, planLabel: planLabel, checkActor: checkActor,
  entryProblems: entryProblems, entriesOf: entriesOf, checkSubmit: checkSubmit, checkApprove: checkApprove,
  applyApproval: applyApproval, create: create, update: update, entryGuard: entryGuard,
};
