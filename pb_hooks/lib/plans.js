// Annual plans (policy §四(三)): who may do what with a township's declaration and its entries, and the city's chain
// for a year — office review → 市政府同意 → 联合发文 → 报吕梁市备案. Both lives are transition tables (TRANSITIONS for a
// township's plan, YEAR_STEPS for the year); plans.pb.js calls create/update/entryGuard and the year functions.
// A superuser (data repair, the demo seed) passes the same checks — order, evidence, consent, tiers, budget — except
// the role checks, and may give the times a step was taken (submitted_at, reviewed_at …) to record history.
var P = require(__hooks + "/lib/programme.js");
var M = require(__hooks + "/lib/messages.js");

var STATUS_ZH = { draft: "草稿", submitted: "已提交", approved: "已审核", returned: "已退回" };
/** The policy's exclusions (compounds.exclusion_reason). */
var EXCLUSION_ZH = { shanty_town: "棚户区", self_built: "以自建住房为主", demolish_rebuild: "宜拆除新建", other: "其他" };
var PROTECTED = ["submitted_at", "late", "submitted_by", "reviewed_at", "reviewed_by", "over_ceiling", "period"];

/**
 * Status changes a township's plan may make, who may make them, and what happens then. A township submits its own plan
 * (a draft or a returned one) by 31 August of the year before (later is marked late); the office accepts it into the
 * year's plan (its entries are checked, and an approval that takes the year over its budget ceiling needs a reason) or
 * returns it with a review comment — also an accepted one, while the year's plan is still open. Compounds move only
 * when the year's plan is issued (YEAR_STEPS). Any other change is refused.
 */
var TRANSITIONS = [
  { from: ["draft", "returned"], to: "submitted", roles: ["township", "office"], refused: "plan_submit_role", effect: "submit" },
  { from: ["submitted"], to: "approved", roles: ["office"], refused: "plan_review_office", effect: "approve" },
  { from: ["submitted", "approved"], to: "returned", roles: ["office"], refused: "plan_review_office", effect: "return" },
];
/** Statuses in which a role may edit a plan without changing its status (notes, comments, its entries). */
var EDITABLE = { township: ["draft", "returned"], office: ["draft", "returned", "submitted"], superuser: ["draft", "returned", "submitted"] };

var YEAR_STATUSES = ["open", "reviewed", "city_approved", "issued", "filed"];
var YEAR_STATUS_ZH = { open: "待审查", reviewed: "已审查", city_approved: "市政府已同意", issued: "已联合发文", filed: "已报吕梁市备案" };
var ISSUERS = ["housing", "development", "finance"];
var ISSUER_ZH = { housing: "住建局", development: "发改委", finance: "财政局" };

/**
 * The city's chain for a year's plan, in order. `roles` are who may take the step ('department:finance' is the finance
 * bureau); `evidence` the fields it needs; `dates` its date with the earlier date it may not precede.
 */
var YEAR_STEPS = [
  { step: "review", from: "open", to: "reviewed", roles: ["office"], zh: "办公室审查",
    evidence: { review_opinion: "evidence_review_opinion" } },
  { step: "city_consent", from: "reviewed", to: "city_approved", roles: ["office"], zh: "市政府同意",
    evidence: { city_consent_date: "evidence_city_consent_date", city_consent_file: "evidence_city_consent_file" },
    date: "city_consent_date", after: "reviewed_at" },
  { step: "joint_doc", from: "city_approved", to: "issued", roles: ["office", "department:development", "department:finance"], zh: "联合发文",
    evidence: { joint_doc_number: "evidence_joint_doc_number", joint_doc_date: "evidence_joint_doc_date", joint_doc_file: "evidence_joint_doc_file" },
    date: "joint_doc_date", after: "city_consent_date" },
  { step: "filing", from: "issued", to: "filed", roles: ["office"], zh: "报吕梁市备案",
    evidence: { filed_date: "evidence_filed_date", filing_receipt: "evidence_filing_receipt" },
    date: "filed_date", after: "joint_doc_date" },
];
/** A step sent back (the city government does not consent, the office reopens its review): to "open", with a reason. */
var YEAR_RETURN = { from: ["reviewed", "city_approved"], to: "open", roles: ["office"] };
/** Fields each step writes; a step sent back clears the fields of the steps it undoes. */
var STEP_FIELDS = {
  review: ["reviewed_at", "reviewed_by", "review_opinion", "over_ceiling", "over_ceiling_reason"],
  city_consent: ["city_consent_date", "city_consent_number", "city_consent_file", "city_consent_by"],
  joint_doc: ["joint_doc_number", "joint_doc_date", "joint_doc_issuers", "joint_doc_file", "joint_doc_by"],
  filing: ["filed_date", "filing_number", "filing_receipt", "filed_by"],
};
var RETURN_FIELDS = ["return_reason", "returned_at", "returned_by", "returned_from"];

function transition(from, to) {
  for (var i = 0; i < TRANSITIONS.length; i++) {
    var t = TRANSITIONS[i];
    if (t.to === to && t.from.indexOf(from) >= 0) return t;
  }
  return null;
}

function planLabel(plan) { return plan.getInt("year") + "年度计划"; }

/** 'office', 'township', 'department:finance' …, or 'superuser'. */
function actorRole(e) {
  if (e.hasSuperuserAuth()) return "superuser";
  var role = P.roleOf(e);
  return role === "department" ? "department:" + e.auth.getString("department") : role;
}

/** The user may act for this plan's township at all (office: any; township: own only; superuser: any). */
function checkActor(e, townshipId) {
  if (e.hasSuperuserAuth()) return;
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

/** Checks before approval (and again before the year is issued); returns [{entry, compound}]. */
function checkApprove(app, plan, code) {
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
  if (problems.length) throw M.badList(code || "plan_cannot_approve", "status", problems);
  return out;
}

/** Yuan of 实施一批 entries of a plan. */
function implementTotal(app, planId) {
  var s = 0;
  var entries = entriesOf(app, planId);
  for (var i = 0; i < entries.length; i++) if (entries[i].getString("tier") === "implement") s += entries[i].getFloat("estimate_yuan");
  return s;
}

/** The year's 实施一批 total over its approved township plans, plus `extraPlanId`'s (the plan being approved). */
function yearTotal(app, year, extraPlanId) {
  var plans = app.findRecordsByFilter("annual_plans", "year = {:y} && status = 'approved'", "", 0, 0, { y: year });
  var s = 0;
  for (var i = 0; i < plans.length; i++) if (plans[i].id !== extraPlanId) s += implementTotal(app, plans[i].id);
  if (extraPlanId) s += implementTotal(app, extraPlanId);
  return Math.round(s * 100) / 100;
}

function wan(yuan) { return (Math.round(yuan / 100) / 100).toFixed(2) + " 万元"; }

/** {over, total, ceiling}: whether the year's total passes its ceiling (0 = no ceiling set). */
function ceilingCheck(app, year, extraPlanId) {
  var py = yearRecord(app, year);
  var ceiling = py ? py.getFloat("budget_ceiling_yuan") : 0;
  var total = yearTotal(app, year, extraPlanId);
  return { over: ceiling > 0 && total > ceiling + 1e-6, total: total, ceiling: ceiling };
}

/** Moves 实施一批 compounds to planned (one stage event each, dated `date`) and records the tier of the others. */
function applyApproval(txApp, plan, items, userId, date) {
  var events = txApp.findCollectionByNameOrId("stage_events");
  var year = plan.getInt("year");
  var day = (date || P.todayBeijing()).slice(0, 10) + " 00:00:00.000Z";
  for (var i = 0; i < items.length; i++) {
    var en = items[i].entry, c = items[i].compound;
    var tier = en.getString("tier");
    if (tier === "implement") {
      var last = txApp.findRecordsByFilter("stage_events", "compound = {:c}", "-date", 1, 0, { c: c.id });
      if (last.length && P.dateOf(last[0], "date") > day.slice(0, 10)) {
        throw M.bad("issue_before_last_event", "joint_doc_date", { name: P.named(c).name, date: day.slice(0, 10), last: P.dateOf(last[0], "date") });
      }
      var ev = new Record(events);
      ev.set("compound", c.id);
      ev.set("from", "scheme");
      ev.set("to", "planned");
      ev.set("kind", "forward");
      ev.set("date", day);
      ev.set("by", userId || "");
      ev.set("plan_entry", en.id);
      ev.set("note", "纳入" + year + "年度计划(实施一批)");
      ev.set("is_demo", plan.getBool("is_demo"));
      txApp.save(ev);
      c.set("stage", "planned");
      c.set("plan_year", year);
    }
    c.set("tier", tier);
    txApp.save(c);
  }
}

/** The plan_years record of a year, or null. */
function yearRecord(app, year) {
  var rows = app.findRecordsByFilter("plan_years", "year = {:y}", "", 1, 0, { y: year });
  return rows.length ? rows[0] : null;
}

/** The year's record, created (open, in its period) when the first plan of a year is started. */
function ensureYear(app, year, period, isDemo) {
  var py = yearRecord(app, year);
  if (py) return py;
  py = new Record(app.findCollectionByNameOrId("plan_years"));
  py.set("year", year);
  py.set("period", period.id);
  py.set("status", "open");
  py.set("is_demo", !!isDemo);
  app.save(py);
  return py;
}

/** Township plans and their entries change only while the year's plan is open (not yet reviewed by the office). */
function checkYearOpen(app, year, field) {
  var py = yearRecord(app, year);
  if (py && py.getString("status") !== "open") {
    throw M.bad("year_plan_closed", field || "year", { year: year, status: YEAR_STATUS_ZH[py.getString("status")] });
  }
}

/** "now" for a step: a superuser recording history may give it; everyone else gets the server's time. */
function stepTime(e, rec, field) {
  if (e.hasSuperuserAuth()) {
    var given = rec.getString(field);
    if (given) return given;
  }
  return new Date().toISOString().replace("T", " ");
}

/** A create request: drafts of the user's own township, in the period covering the year; one plan per township and year. */
function create(e) {
  var plan = e.record;
  var superuser = e.hasSuperuserAuth();
  checkActor(e, plan.getString("township"));
  if ((plan.getString("status") || "draft") !== "draft") throw M.bad("plan_new_draft", "status");
  plan.set("status", "draft");
  if (!superuser) {
    for (var i = 0; i < PROTECTED.length; i++) plan.set(PROTECTED[i], PROTECTED[i] === "late" || PROTECTED[i] === "over_ceiling" ? false : "");
    plan.set("review_comment", "");
  }
  var year = plan.getInt("year");
  var period = require(__hooks + "/lib/periods.js").requirePeriod(e.app, year, "year");
  plan.set("period", period.id);
  var dup = e.app.findRecordsByFilter("annual_plans", "year = {:y} && township = {:t}", "", 1, 0, { y: year, t: plan.getString("township") });
  if (dup.length) throw M.bad("plan_exists", "year", { year: year });
  checkYearOpen(e.app, year, "year");
  e.app.runInTransaction(function (txApp) {
    ensureYear(txApp, year, period, plan.getBool("is_demo"));
    var outer = e.app;
    e.app = txApp;
    try {
      e.next();
    } finally {
      e.app = outer;
    }
  });
}

/** An update request: a same-status edit, or one transition of the table with its effect. */
function update(e) {
  var plan = e.record;
  var orig = plan.original();
  var superuser = e.hasSuperuserAuth();
  checkActor(e, orig.getString("township"));
  if (plan.getString("township") !== orig.getString("township") || plan.getInt("year") !== orig.getInt("year")) {
    throw M.bad("plan_year_fixed", "year");
  }
  var given = {};
  for (var i = 0; i < PROTECTED.length; i++) {
    given[PROTECTED[i]] = plan.getString(PROTECTED[i]);
    plan.set(PROTECTED[i], orig.get(PROTECTED[i]));
  }
  var role = superuser ? "superuser" : P.roleOf(e);
  var from = orig.getString("status");
  var to = plan.getString("status");
  if (role !== "office" && role !== "superuser" && plan.getString("review_comment") !== orig.getString("review_comment")) {
    throw M.forbidden("review_comment_office");
  }
  checkYearOpen(e.app, orig.getInt("year"), "status");

  if (from === to) {
    if (from === "approved") throw M.bad("plan_approved_frozen", "status");
    if ((EDITABLE[role] || []).indexOf(from) < 0) throw M.bad("plan_submitted_locked", "status");
    e.next();
    return;
  }

  var t = transition(from, to);
  if (!t) {
    throw M.bad("plan_transition_refused", "status", { fromZh: STATUS_ZH[from] || from, toZh: STATUS_ZH[to] || to, from: from, to: to });
  }
  if (role !== "superuser" && t.roles.indexOf(role) < 0) throw M.forbidden(t.refused);
  var who = superuser ? null : e.auth.id;
  if (t.effect === "submit") {
    checkSubmit(e.app, plan);
    var at = superuser && given.submitted_at ? given.submitted_at : new Date().toISOString().replace("T", " ");
    plan.set("submitted_at", at);
    plan.set("late", Date.parse(at.replace(" ", "T")) > P.planDeadlineMs(plan.getInt("year")));
    plan.set("submitted_by", superuser ? given.submitted_by : who);
    e.next();
    return;
  }
  plan.set("reviewed_at", superuser && given.reviewed_at ? given.reviewed_at : new Date().toISOString().replace("T", " "));
  plan.set("reviewed_by", superuser ? given.reviewed_by : who);
  if (t.effect === "return") {
    if (!String(plan.getString("review_comment") || "").trim()) throw M.bad("plan_return_comment", "review_comment");
    plan.set("over_ceiling", false);
    e.next();
    return;
  }
  // approve: the entries are checked; the year's budget ceiling is weighed with this plan in it.
  checkApprove(e.app, plan);
  var c = ceilingCheck(e.app, plan.getInt("year"), plan.id);
  plan.set("over_ceiling", c.over);
  if (c.over && !String(plan.getString("over_ceiling_reason") || "").trim()) {
    throw M.bad("over_ceiling_reason_required", "over_ceiling_reason", { year: plan.getInt("year"), total: wan(c.total), ceiling: wan(c.ceiling) });
  }
  e.next();
}

/** Who may add, change or remove a plan entry, and which compounds may be listed. */
function entryGuard(e, action) {
  var rec = e.record;
  if (action === "update" && rec.getString("plan") !== rec.original().getString("plan")) throw M.bad("entry_plan_fixed", "plan");
  var plan = P.related(e.app, "annual_plans", rec.getString("plan"), "plan", "年度计划");
  checkActor(e, plan.getString("township"));
  var role = e.hasSuperuserAuth() ? "superuser" : P.roleOf(e);
  var status = plan.getString("status");
  checkYearOpen(e.app, plan.getInt("year"), "plan");
  if ((EDITABLE[role] || []).indexOf(status) < 0) {
    throw M.bad("entries_frozen", "plan", { status: STATUS_ZH[status] || status, statusCode: status });
  }
  if (action !== "delete") {
    var compound = P.related(e.app, "compounds", rec.getString("compound"), "compound", "小区");
    var problem = entryProblems(e.app, compound, plan.getString("township"));
    if (problem) throw M.bad(problem.code, "compound", problem.params);
    // The estimate defaults to the compound's items (their quantities at the catalogue's unit costs); the user may change it.
    var body = e.requestInfo().body || {};
    if (action === "create" && (body.estimate_yuan === undefined || body.estimate_yuan === null || body.estimate_yuan === "")) {
      rec.set("estimate_yuan", require(__hooks + "/lib/periods.js").itemsEstimate(e.app, compound.id));
    }
  }
}

// ---- the year's chain -------------------------------------------------------------------------------------------

function yearStep(from, to) {
  for (var i = 0; i < YEAR_STEPS.length; i++) if (YEAR_STEPS[i].from === from && YEAR_STEPS[i].to === to) return YEAR_STEPS[i];
  return null;
}

/** True when a field holds nothing: blank text, a zero date, no file (a file being uploaded counts as present). */
function blankField(rec, f) {
  if (String(rec.getString(f) || "").trim()) return false;
  var v = rec.get(f);
  if (!v || typeof v !== "object") return true;
  if (typeof v.isZero === "function") return v.isZero();
  if (v.length !== undefined) return v.length === 0;
  return !(v.name || v.originalName);
}

/** A new year record: open, in the period covering its year. */
function createYear(e) {
  var rec = e.record;
  if ((rec.getString("status") || "open") !== "open") throw M.bad("year_new_open", "status");
  rec.set("status", "open");
  var period = require(__hooks + "/lib/periods.js").requirePeriod(e.app, rec.getInt("year"), "year");
  rec.set("period", period.id);
  if (yearRecord(e.app, rec.getInt("year"))) throw M.bad("year_exists", "year", { year: rec.getInt("year") });
  var keep = ["budget_ceiling_yuan", "note", "is_demo"];
  var all = [].concat(STEP_FIELDS.review, STEP_FIELDS.city_consent, STEP_FIELDS.joint_doc, STEP_FIELDS.filing, RETURN_FIELDS, ["legacy"]);
  for (var i = 0; i < all.length; i++) if (keep.indexOf(all[i]) < 0) rec.set(all[i], null);
  e.next();
}

/** The fields a step owns, as they were (a same-status edit or another step may not change them). */
function restoreStepFields(rec, orig, except) {
  for (var s in STEP_FIELDS) {
    if (s === except) continue;
    for (var i = 0; i < STEP_FIELDS[s].length; i++) {
      var f = STEP_FIELDS[s][i];
      if (rec.getString(f) !== orig.getString(f)) {
        throw M.bad("year_field_step", f, { field: f, step: stepZh(s) });
      }
    }
  }
  for (var j = 0; j < RETURN_FIELDS.length; j++) {
    var rf = RETURN_FIELDS[j];
    if (except !== "return" && rec.getString(rf) !== orig.getString(rf)) throw M.bad("year_field_step", rf, { field: rf, step: "退回" });
  }
}

function stepZh(step) {
  for (var i = 0; i < YEAR_STEPS.length; i++) if (YEAR_STEPS[i].step === step) return YEAR_STEPS[i].zh;
  return step;
}

/** A dated step: its date not in the future and not before the step it follows. */
function checkStepDate(rec, step) {
  if (!step.date) return;
  var d = P.dateOf(rec, step.date);
  var V = require(__hooks + "/lib/values.js");
  var label = V.labelOf("plan_years", step.date);
  if (d > P.todayBeijing()) throw M.bad("date_in_future_field", step.date, { label: label, date: d });
  var before = P.dateOf(rec, step.after);
  if (before && d < before) {
    var prev = step.after === "reviewed_at" ? "办公室审查日期" : V.labelOf("plan_years", step.after);
    throw M.bad("step_date_order", step.date, { label: label, date: d, prev: prev, before: before });
  }
}

/** Approved township plans of a year, and the problems that keep it from being reviewed. */
function reviewProblems(app, year) {
  var plans = app.findRecordsByFilter("annual_plans", "year = {:y}", "township", 0, 0, { y: year });
  var pending = [], approved = [];
  for (var i = 0; i < plans.length; i++) {
    var st = plans[i].getString("status");
    var tw = app.findRecordById("townships", plans[i].getString("township")).getString("name");
    if (st === "submitted") pending.push(tw);
    if (st === "approved") approved.push(plans[i]);
  }
  if (pending.length) throw M.bad("year_plans_pending", "status", { list: pending.join("、") });
  if (!approved.length) throw M.bad("year_no_approved_plan", "status", { year: year });
  return approved;
}

/** An update of a year's plan: the budget ceiling and note while open, or one step of YEAR_STEPS, or a return. */
function updateYear(e) {
  var rec = e.record;
  var orig = rec.original();
  var role = actorRole(e);
  var superuser = role === "superuser";
  if (rec.getInt("year") !== orig.getInt("year")) throw M.bad("plan_year_fixed", "year");
  rec.set("period", orig.getString("period"));
  rec.set("legacy", orig.getBool("legacy"));
  var from = orig.getString("status");
  var to = rec.getString("status");
  var anyStep = superuser || role === "office" || role === "department:development" || role === "department:finance";
  if (!anyStep) throw M.forbidden("year_step_role_any");

  if (from === to) {
    restoreStepFields(rec, orig, null);
    if (rec.getFloat("budget_ceiling_yuan") !== orig.getFloat("budget_ceiling_yuan") && from !== "open") {
      throw M.bad("year_ceiling_fixed", "budget_ceiling_yuan", { status: YEAR_STATUS_ZH[from] });
    }
    if (!superuser && role !== "office") throw M.forbidden("year_edit_office");
    e.next();
    return;
  }

  var fi = YEAR_STATUSES.indexOf(from), ti = YEAR_STATUSES.indexOf(to);
  if (to === YEAR_RETURN.to && YEAR_RETURN.from.indexOf(from) >= 0) {
    if (!superuser && YEAR_RETURN.roles.indexOf(role) < 0) throw M.forbidden("year_return_office");
    restoreStepFields(rec, orig, "return");
    if (!String(rec.getString("return_reason") || "").trim()) throw M.bad("year_return_reason", "return_reason");
    rec.set("returned_at", stepTime(e, rec, "returned_at"));
    rec.set("returned_by", superuser ? rec.getString("returned_by") : e.auth.id);
    rec.set("returned_from", from);
    // The steps taken so far are undone (their record stays in the audit trail): the office reviews again.
    // The city's document, if one came, stays on the record (nothing uploaded is thrown away); the rest is cleared.
    var undo = ["review", "city_consent"];
    for (var u = 0; u < undo.length; u++) {
      for (var k = 0; k < STEP_FIELDS[undo[u]].length; k++) {
        if (STEP_FIELDS[undo[u]][k] !== "city_consent_file") rec.set(STEP_FIELDS[undo[u]][k], null);
      }
    }
    rec.set("over_ceiling", false);
    e.next();
    return;
  }
  if (ti < 0) throw M.bad("year_transition_refused", "status", { fromZh: YEAR_STATUS_ZH[from] || from, toZh: to, from: from, to: to });
  if (ti <= fi) {
    throw M.bad("year_transition_refused", "status", { fromZh: YEAR_STATUS_ZH[from] || from, toZh: YEAR_STATUS_ZH[to] || to, from: from, to: to });
  }
  if (ti > fi + 1) {
    var missing = [];
    for (var m = fi; m < ti - 1; m++) missing.push("「" + YEAR_STEPS[m].zh + "」");
    throw M.bad("year_step_skipped", "status", {
      current: YEAR_STATUS_ZH[from], missing: missing.join("、"), to: YEAR_STATUS_ZH[to], fromCode: from, toCode: to,
      missingCodes: YEAR_STEPS.slice(fi, ti - 1).map(function (s) { return s.step; }).join(", "),
    });
  }
  var step = yearStep(from, to);
  if (!superuser && step.roles.indexOf(role) < 0) {
    throw M.forbidden("year_step_role", { step: step.zh, holders: step.roles.map(function (r) { return ROLE_ZH[r] || r; }).join("、"), stepCode: step.step });
  }
  restoreStepFields(rec, orig, step.step);
  var missingEvidence = {};
  for (var f in step.evidence) if (blankField(rec, f)) missingEvidence[f] = step.evidence[f];
  if (step.step === "joint_doc") {
    var issuers = rec.getStringSlice("joint_doc_issuers");
    var lacking = ISSUERS.filter(function (x) { return issuers.indexOf(x) < 0; });
    if (lacking.length) missingEvidence.joint_doc_issuers = "evidence_joint_doc_issuers";
  }
  var keys = Object.keys(missingEvidence);
  if (keys.length) {
    var list = keys.map(function (k) { return M.zh(missingEvidence[k]); }).join(";");
    throw M.badFields("year_evidence_missing", { step: step.zh, list: list, stepCode: step.step, fields: keys.join(", ") }, missingEvidence);
  }
  var by = superuser ? null : e.auth.id;
  if (step.step === "review") {
    var approved = reviewProblems(e.app, rec.getInt("year"));
    for (var a = 0; a < approved.length; a++) checkApprove(e.app, approved[a], "year_cannot_review");
    var c = ceilingCheck(e.app, rec.getInt("year"), null);
    rec.set("over_ceiling", c.over);
    if (c.over && !String(rec.getString("over_ceiling_reason") || "").trim()) {
      throw M.bad("over_ceiling_reason_required", "over_ceiling_reason", { year: rec.getInt("year"), total: wan(c.total), ceiling: wan(c.ceiling) });
    }
    var at = stepTime(e, rec, "reviewed_at");
    if (at.slice(0, 10) > P.todayBeijing()) throw M.bad("date_in_future_field", "reviewed_at", { label: "办公室审查日期", date: at.slice(0, 10) });
    rec.set("reviewed_at", at);
    rec.set("reviewed_by", superuser ? rec.getString("reviewed_by") : by);
    e.next();
    return;
  }
  checkStepDate(rec, step);
  if (step.step === "city_consent") {
    rec.set("city_consent_by", superuser ? rec.getString("city_consent_by") : by);
    e.next();
    return;
  }
  if (step.step === "filing") {
    rec.set("filed_by", superuser ? rec.getString("filed_by") : by);
    e.next();
    return;
  }
  // joint_doc: the year's plan is issued — its 实施一批 compounds enter "planned" on the document's date, in one
  // transaction; they move before the year's record is saved (in a batch, e.next() runs the later requests too).
  rec.set("joint_doc_by", superuser ? rec.getString("joint_doc_by") : by);
  e.app.runInTransaction(function (txApp) {
    var plans = txApp.findRecordsByFilter("annual_plans", "year = {:y} && status = 'approved'", "township", 0, 0, { y: rec.getInt("year") });
    var work = [];
    for (var i = 0; i < plans.length; i++) work.push({ plan: plans[i], items: checkApprove(txApp, plans[i], "year_cannot_issue") });
    require(__hooks + "/lib/audit.js").caused(e, "update", function () {
      for (var j = 0; j < work.length; j++) applyApproval(txApp, work[j].plan, work[j].items, by || "", P.dateOf(rec, "joint_doc_date"));
    });
    var outer = e.app;
    e.app = txApp;
    try {
      e.next();
    } finally {
      e.app = outer;
    }
  });
}

var ROLE_ZH = { office: "市改造办", "department:development": "发改委", "department:finance": "财政局" };

/** A year's record goes only while open and without township plans. */
function deleteYear(e) {
  var plans = e.app.findRecordsByFilter("annual_plans", "year = {:y}", "", 1, 0, { y: e.record.getInt("year") });
  if (plans.length) throw M.bad("year_has_plans", "year", { year: e.record.getInt("year") });
}

module.exports = {
  TRANSITIONS: TRANSITIONS, YEAR_STEPS: YEAR_STEPS, YEAR_RETURN: YEAR_RETURN, YEAR_STATUSES: YEAR_STATUSES, ISSUERS: ISSUERS,
  ISSUER_ZH: ISSUER_ZH, STATUS_ZH: STATUS_ZH, YEAR_STATUS_ZH: YEAR_STATUS_ZH, PROTECTED: PROTECTED, planLabel: planLabel,
  checkActor: checkActor, entryProblems: entryProblems, entriesOf: entriesOf, checkSubmit: checkSubmit, checkApprove: checkApprove,
  applyApproval: applyApproval, blankField: blankField, ceilingCheck: ceilingCheck, yearTotal: yearTotal, yearRecord: yearRecord, create: create,
  update: update, entryGuard: entryGuard, createYear: createYear, updateYear: updateYear, deleteYear: deleteYear,
};
