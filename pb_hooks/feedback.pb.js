/// <reference path="../pb_data/types.d.ts" />
// Feedback and complaints (#6). A sender sets only what they say (compound or map point, category, message, optional
// contact and photo); the server sets status, the compound's township (for the township's view) and clears any reply.
// Staff change only the status and the public reply; who answered and when is recorded by the server.

// The receipt number is read and written in the create's own transaction (the audit hook may have opened it already;
// runInTransaction then joins it), so two complaints sent at once never get the same number.
onRecordCreateRequest((e) => {
  require(`${__hooks}/lib/feedback.js`).onCreate(e);
  e.app.runInTransaction((tx) => {
    const outer = e.app;
    e.app = tx;
    try {
      require(`${__hooks}/lib/receipts.js`).assign(tx, e.record);
      e.next();
    } finally {
      e.app = outer;
    }
  });
}, "feedback");

onRecordUpdateRequest((e) => {
  require(`${__hooks}/lib/feedback.js`).onUpdate(e);
  e.next();
}, "feedback");
