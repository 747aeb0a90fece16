/// <reference path="../pb_data/types.d.ts" />
// Stage machine (#5, policy §四). A compound changes stage only by a stage_events record: the hook checks order, role
// and evidence, then saves the event and the compound in one transaction. Superusers may write `imported` events
// (history, e.g. the demo seed) that move nothing; staff may not. A staff update of compounds.stage is refused.

onRecordCreateRequest((e) => {
  const P = require(`${__hooks}/lib/programme.js`);
  const S = require(`${__hooks}/lib/stages.js`);
  const superuser = e.hasSuperuserAuth();
  if (e.record.getBool("imported")) {
    if (!superuser) throw require(`${__hooks}/lib/messages.js`).forbidden("import_superuser_only");
    e.next();
    return;
  }
  if (!e.record.getString("compound")) throw require(`${__hooks}/lib/messages.js`).bad("compound_required", "compound");
  if (P.isUser(e)) e.record.set("by", e.auth.id);
  e.app.runInTransaction((txApp) => {
    const compound = P.related(txApp, "compounds", e.record.getString("compound"), "compound", "小区");
    S.validate(txApp, e.record, compound, {
      superuser, role: P.roleOf(e), township: P.townshipOf(e), viaPlan: false,
    });
    // The compound (and its staff-only facts) moves before the event is saved, in the same transaction: in a batch,
    // e.next() runs the batch's later requests too, and they must see the compound where this event left it.
    // Audited with the event (its id given now) as cause.
    if (!e.record.id) e.record.set("id", $security.randomStringWithAlphabet(15, "abcdefghijklmnopqrstuvwxyz0123456789"));
    require(`${__hooks}/lib/audit.js`).caused(e, "create", () => S.apply(txApp, e.record, compound));
    e.app = txApp;
    e.next();
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
        const label = { stage: "改造阶段", plan_year: "计划年度", tier: "计划批次", construction_start: "开工日期", construction_end_planned: "计划竣工日期" }[f];
        throw require(`${__hooks}/lib/messages.js`).bad("machine_owned_field", f, { label: label, field: f });
      }
    }
  }
  e.next();
}, "compounds");
