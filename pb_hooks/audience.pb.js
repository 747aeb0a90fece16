/// <reference path="../pb_data/types.d.ts" />
// Compounds are public so anyone's map stays live (realtime), but some facts about them are for staff only: those live
// in compound_private (lib/audience.js), which only staff may list or view, so no public filter, sort, expand or
// subscription reaches them. Staff see one compound shape: their records API responses and realtime messages carry the
// compound's private facts too.

onRecordEnrich((e) => {
  const A = require(`${__hooks}/lib/audience.js`);
  if (A.isStaff(e.requestInfo && e.requestInfo.auth)) {
    const facts = A.privateFacts(e.app, e.record.id);
    e.record.withCustomData(true);
    for (const k of Object.keys(facts)) e.record.set(k, facts[k]);
  }
  e.next();
}, "compounds");

onRecordCreateRequest((e) => { require(`${__hooks}/lib/audience.js`).refuseInCompoundBody(e); e.next(); }, "compounds");
onRecordUpdateRequest((e) => { require(`${__hooks}/lib/audience.js`).refuseInCompoundBody(e); e.next(); }, "compounds");

onRecordCreateRequest((e) => { require(`${__hooks}/lib/audience.js`).checkPrivateRequest(e, true); e.next(); }, "compound_private");
onRecordUpdateRequest((e) => { require(`${__hooks}/lib/audience.js`).checkPrivateRequest(e, false); e.next(); }, "compound_private");
