/// <reference path="../pb_data/types.d.ts" />
// Annual plans (policy §四(三)): a township drafts and submits its plan (due 31 August of the year before; a later
// submission is marked late), the office accepts it into the year's plan or returns it with comments; the year's plan
// then goes office review → 市政府同意 → 联合发文 (实施一批 compounds move to planned, in one transaction) → 报吕梁市备案
// — the transition tables in lib/plans.js. Superusers (data repair, the demo seed) pass the same checks except roles.

onRecordCreateRequest((e) => require(`${__hooks}/lib/plans.js`).create(e), "annual_plans");
onRecordUpdateRequest((e) => require(`${__hooks}/lib/plans.js`).update(e), "annual_plans");

onRecordCreateRequest((e) => { require(`${__hooks}/lib/plans.js`).entryGuard(e, "create"); e.next(); }, "plan_entries");
onRecordUpdateRequest((e) => { require(`${__hooks}/lib/plans.js`).entryGuard(e, "update"); e.next(); }, "plan_entries");
onRecordDeleteRequest((e) => { require(`${__hooks}/lib/plans.js`).entryGuard(e, "delete"); e.next(); }, "plan_entries");

onRecordCreateRequest((e) => require(`${__hooks}/lib/plans.js`).createYear(e), "plan_years");
onRecordUpdateRequest((e) => require(`${__hooks}/lib/plans.js`).updateYear(e), "plan_years");
onRecordDeleteRequest((e) => { require(`${__hooks}/lib/plans.js`).deleteYear(e); e.next(); }, "plan_years");
