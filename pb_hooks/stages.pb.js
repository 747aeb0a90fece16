/// <reference path="../pb_data/types.d.ts" />
// Stage machine (#5, policy §四). A compound changes stage only by a stage_events record: the hook checks order, role
// and evidence, then saves the event and the compound in one transaction. Superusers may write `imported` events
// (history, e.g. the demo seed) that move nothing; staff may not. A staff update of compounds.stage is refused.

onRecordCreateRequest((e) => {
  const P = require(`${__hooks}/lib/programme.js`);
  const S = require(`${__hooks}/lib/stages.js`);
  const superuser = e.hasSuperuserAuth();
  if (e.record.getBool("imported")) {
    if (!superuser) throw P.forbidden("只有系统管理员可以导入历史阶段记录 / only a superuser may import historical stage events");
    e.next();
    return;
  }
  if (!e.record.getString("compound")) throw P.bad("须指定小区 / choose the compound", "compound");
  if (P.isUser(e)) e.record.set("by", e.auth.id);
  e.app.runInTransaction((txApp) => {
    const compound = P.related(txApp, "compounds", e.record.getString("compound"), "compound", "小区");
    S.validate(txApp, e.record, compound, {
      superuser, role: P.roleOf(e), township: P.townshipOf(e), viaPlan: false,
    });
    e.app = txApp;
    e.next();
    S.apply(txApp, e.record, compound);
  });
}, "stage_events");

// Direct edits of what the stage machine owns are refused for staff (the list below, kept inside the handler: handlers run isolated).
// Creating a compound (office only, by the API rule) may set its current stage: loading an existing register (#7 import)
// is not a stage change; the report treats a compound without events as being at its current stage.
onRecordUpdateRequest((e) => {
  const P = require(`${__hooks}/lib/programme.js`);
  if (!e.hasSuperuserAuth()) {
    const orig = e.record.original();
    for (const f of ["stage", "plan_year", "tier", "construction_start", "construction_end_planned"]) {
      if (orig.getString(f) !== e.record.getString(f)) {
        throw P.bad("「" + f + "」不能直接修改:阶段变更须新建阶段记录(stage_events),纳入计划须经年度计划审批 / " + f +
          " cannot be edited directly: create a stage_events record (or approve an annual plan)", f);
      }
    }
  }
  e.next();
}, "compounds");
