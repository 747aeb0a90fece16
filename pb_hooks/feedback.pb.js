/// <reference path="../pb_data/types.d.ts" />
// Feedback and complaints (#6). A sender sets only what they say (compound or map point, category, message, optional
// contact and photo); the server sets status, the compound's township (for the township's view) and clears any reply.
// Staff change only the status and the public reply; who answered and when is recorded by the server.

onRecordCreateRequest((e) => {
  require(`${__hooks}/lib/feedback.js`).onCreate(e);
  e.next();
}, "feedback");

onRecordUpdateRequest((e) => {
  require(`${__hooks}/lib/feedback.js`).onUpdate(e);
  e.next();
}, "feedback");
