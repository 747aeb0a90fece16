/// <reference path="../pb_data/types.d.ts" />
// The procedure around the stage machine (policy 三(二), 四, 六): programme periods and their overall plans
// (lib/periods.js), and the implementation records — implementing body, procurement, design review, 拆违 and the
// approval bureau's simplified routes (lib/implementation.js). Superusers pass the same checks.

onRecordCreateRequest((e) => { require(`${__hooks}/lib/periods.js`).checkPeriod(e); e.next(); }, "periods");
onRecordUpdateRequest((e) => { require(`${__hooks}/lib/periods.js`).checkPeriod(e); e.next(); }, "periods");
onRecordDeleteRequest((e) => { require(`${__hooks}/lib/periods.js`).checkPeriodDelete(e); e.next(); }, "periods");
onRecordCreateRequest((e) => { require(`${__hooks}/lib/periods.js`).checkEntry(e); e.next(); }, "overall_plan_entries");
onRecordUpdateRequest((e) => { require(`${__hooks}/lib/periods.js`).checkEntry(e); e.next(); }, "overall_plan_entries");

onRecordCreateRequest((e) => { require(`${__hooks}/lib/implementation.js`).checkBody(e); e.next(); }, "implementing_bodies");
onRecordUpdateRequest((e) => { require(`${__hooks}/lib/implementation.js`).checkBody(e); e.next(); }, "implementing_bodies");
onRecordCreateRequest((e) => { require(`${__hooks}/lib/implementation.js`).checkProcurement(e); e.next(); }, "procurements");
onRecordUpdateRequest((e) => { require(`${__hooks}/lib/implementation.js`).checkProcurement(e); e.next(); }, "procurements");
onRecordCreateRequest((e) => { require(`${__hooks}/lib/implementation.js`).checkDesignReview(e); e.next(); }, "design_reviews");
onRecordUpdateRequest((e) => { require(`${__hooks}/lib/implementation.js`).checkDesignReview(e); e.next(); }, "design_reviews");
onRecordCreateRequest((e) => { require(`${__hooks}/lib/implementation.js`).checkDemolition(e); e.next(); }, "demolitions");
onRecordUpdateRequest((e) => { require(`${__hooks}/lib/implementation.js`).checkDemolition(e); e.next(); }, "demolitions");
onRecordCreateRequest((e) => { require(`${__hooks}/lib/implementation.js`).checkApproval(e); e.next(); }, "approvals");
onRecordUpdateRequest((e) => { require(`${__hooks}/lib/implementation.js`).checkApproval(e); e.next(); }, "approvals");
