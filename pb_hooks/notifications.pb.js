/// <reference path="../pb_data/types.d.ts" />
// Staff notifications (lib/notifications.js): written after the event's own save has committed, so a failing mail
// never loses a resident's feedback; and the to-do route.

onRecordAfterCreateSuccess((e) => {
  require(`${__hooks}/lib/notifications.js`).onFeedback(e.app, e.record);
  e.next();
}, "feedback");
onRecordAfterCreateSuccess((e) => {
  require(`${__hooks}/lib/notifications.js`).onComment(e.app, e.record);
  e.next();
}, "scheme_comments");
// A returned plan: noticed in the return's own transaction (the status it had is known only before the save).
onRecordUpdate((e) => {
  const was = e.record.original().getString("status");
  e.next();
  if (e.record.getString("status") === "returned" && was !== "returned") {
    require(`${__hooks}/lib/notifications.js`).onPlanReturned(e.app, e.record);
  }
}, "annual_plans");

onRecordUpdateRequest((e) => {
  require(`${__hooks}/lib/notifications.js`).onUpdate(e);
  e.next();
}, "notifications");

routerAdd("GET", "/api/fy/todo", (e) => require(`${__hooks}/lib/notifications.js`).todo(e), $apis.requireAuth("users", "_superusers"));
