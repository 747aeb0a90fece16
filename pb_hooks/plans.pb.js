/// <reference path="../pb_data/types.d.ts" />
// Annual plans (policy §四(三)): a township drafts and submits its plan (due 31 August of the year before; a later
// submission is marked late), the office approves it (实施一批 compounds move to planned, in one transaction) or returns
// it with comments — the transition table in lib/plans.js. Superusers bypass these checks (data repair, demo seed).

onRecordCreateRequest((e) => require(`${__hooks}/lib/plans.js`).create(e), "annual_plans");

onRecordUpdateRequest((e) => {
  if (e.hasSuperuserAuth()) {
    e.next();
    return;
  }
  require(`${__hooks}/lib/plans.js`).update(e);
}, "annual_plans");

onRecordCreateRequest((e) => { require(`${__hooks}/lib/plans.js`).entryGuard(e, "create"); e.next(); }, "plan_entries");
onRecordUpdateRequest((e) => { require(`${__hooks}/lib/plans.js`).entryGuard(e, "update"); e.next(); }, "plan_entries");
onRecordDeleteRequest((e) => { require(`${__hooks}/lib/plans.js`).entryGuard(e, "delete"); e.next(); }, "plan_entries");
