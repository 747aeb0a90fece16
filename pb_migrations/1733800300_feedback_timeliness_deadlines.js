/// <reference path="../pb_data/types.d.ts" />
// The township score's "answered in time" reads feedback_timeliness: now that feedback carries its response deadline
// (`due_at`, working days) and the first answer (`answered_at`), the view shows them too (still no messages or contacts).
const WITH_DEADLINES = "SELECT f.id, f.township, f.created, f.replied_at, f.due_at, f.answered_at, f.status FROM feedback f";
const WITHOUT = "SELECT f.id, f.township, f.created, f.replied_at, f.status FROM feedback f";

migrate((app) => {
  const view = app.findCollectionByNameOrId("feedback_timeliness");
  view.viewQuery = WITH_DEADLINES;
  app.save(view);
}, (app) => {
  const view = app.findCollectionByNameOrId("feedback_timeliness");
  view.viewQuery = WITHOUT;
  app.save(view);
});
