/// <reference path="../pb_data/types.d.ts" />
// Annual plans (#5): township drafts and submits (due 31 August of the year before; a later submission is marked late),
// the office sorts entries into tiers and approves (实施一批 compounds move to planned, in one transaction) or returns
// with comments. Superusers bypass these checks (data repair, demo seed).

onRecordCreateRequest((e) => {
  if (!e.hasSuperuserAuth()) {
    const P = require(`${__hooks}/lib/programme.js`);
    const L = require(`${__hooks}/lib/plans.js`);
    L.checkActor(e, e.record.getString("township"));
    const status = e.record.getString("status") || "draft";
    if (status !== "draft") {
      throw P.bad("新建的年度计划只能是草稿,添加小区后再提交 / a new plan starts as a draft: add compounds, then submit", "status");
    }
    e.record.set("status", "draft");
    for (const f of L.PROTECTED) e.record.set(f, f === "late" ? false : "");
    e.record.set("review_comment", "");
  }
  const P = require(`${__hooks}/lib/programme.js`);
  const dup = e.app.findRecordsByFilter("annual_plans", "year = {:y} && township = {:t}", "", 1, 0,
    { y: e.record.getInt("year"), t: e.record.getString("township") });
  if (dup.length) {
    throw P.bad("该街道/镇的 " + e.record.getInt("year") + " 年度计划已存在,请在原计划中修改 / this township already has a plan for " +
      e.record.getInt("year"), "year");
  }
  e.next();
}, "annual_plans");

onRecordUpdateRequest((e) => {
  if (e.hasSuperuserAuth()) { e.next(); return; }
  const P = require(`${__hooks}/lib/programme.js`);
  const L = require(`${__hooks}/lib/plans.js`);
  const orig = e.record.original();
  const plan = e.record;
  L.checkActor(e, orig.getString("township"));
  if (plan.getString("township") !== orig.getString("township") || plan.getInt("year") !== orig.getInt("year")) {
    throw P.bad("年度计划的年度和街道/镇不能修改 / a plan's year and township cannot change", "year");
  }
  for (const f of L.PROTECTED) plan.set(f, orig.get(f));
  const role = P.roleOf(e);
  const from = orig.getString("status");
  const to = plan.getString("status");
  if (from === "approved") throw P.bad("年度计划已审批,不能再修改 / the plan is approved and can no longer change", "status");
  if (role !== "office" && plan.getString("review_comment") !== orig.getString("review_comment")) {
    throw P.forbidden("审核意见只能由市改造办填写 / only the office writes review comments");
  }

  if (from === to) {
    if (role === "township" && from === "submitted") {
      throw P.bad("计划已提交,等待市改造办审核,不能修改 / the plan is submitted and awaits review", "status");
    }
    e.next();
    return;
  }

  if (to === "submitted" && (from === "draft" || from === "returned")) {
    L.checkSubmit(e.app, plan);
    const now = new Date();
    plan.set("submitted_at", now.toISOString().replace("T", " "));
    plan.set("late", now.getTime() > P.planDeadlineMs(plan.getInt("year")));
    plan.set("submitted_by", e.auth.id);
    e.next();
    return;
  }
  if ((to === "approved" || to === "returned") && from === "submitted") {
    if (role !== "office") throw P.forbidden("只有市改造办可以审批或退回年度计划 / only the office may approve or return a plan");
    plan.set("reviewed_at", new Date().toISOString().replace("T", " "));
    plan.set("reviewed_by", e.auth.id);
    if (to === "returned") {
      if (!String(plan.getString("review_comment") || "").trim()) {
        throw P.bad("退回计划须填写审核意见 / returning a plan needs a review comment", "review_comment");
      }
      e.next();
      return;
    }
    e.app.runInTransaction((txApp) => {
      const items = L.checkApprove(txApp, plan);
      e.app = txApp;
      e.next();
      L.applyApproval(txApp, plan, items, e.auth.id);
    });
    return;
  }
  throw P.bad("不允许的状态变更:「" + (L.STATUS_ZH[from] || from) + "」→「" + (L.STATUS_ZH[to] || to) + "」 / status change " +
    from + " → " + to + " is not allowed", "status");
}, "annual_plans");

onRecordCreateRequest((e) => { require(`${__hooks}/lib/plans.js`).entryGuard(e, "create"); e.next(); }, "plan_entries");
onRecordUpdateRequest((e) => { require(`${__hooks}/lib/plans.js`).entryGuard(e, "update"); e.next(); }, "plan_entries");
onRecordDeleteRequest((e) => { require(`${__hooks}/lib/plans.js`).entryGuard(e, "delete"); e.next(); }, "plan_entries");
