/// <reference path="../pb_data/types.d.ts" />
// Compounds are public so anyone's map stays live (realtime), but some of their fields are for staff only
// (lib/audience.js): they are hidden from anonymous readers in every list, view and realtime message.

onRecordEnrich((e) => {
  const audience = require(`${__hooks}/lib/audience.js`);
  if (!audience.isStaff(e.requestInfo && e.requestInfo.auth)) {
    for (const f of audience.staffOnly("compounds")) e.record.hide(f);
  }
  e.next();
}, "compounds");
