/// <reference path="../pb_data/types.d.ts" />
// Staff notifications: one record per account and event (new feedback or a resident's comment for my township, my plan
// returned), read only by its account, which may only mark it read or delete it. Hooks write them
// (pb_hooks/notifications.pb.js) and send the same as e-mail through PocketBase's mailer when SMTP is configured
// (settings → mail; off by default). The to-do list (GET /api/fy/todo) is counted live from the records themselves.

migrate((app) => {
  const users = app.findCollectionByNameOrId("users");
  const compounds = app.findCollectionByNameOrId("compounds");
  const OWN = "@request.auth.id != '' && user = @request.auth.id";
  app.save(new Collection({
    type: "base",
    name: "notifications",
    listRule: OWN,
    viewRule: OWN,
    createRule: null,
    updateRule: OWN,
    deleteRule: OWN,
    fields: [
      { name: "user", type: "relation", required: true, maxSelect: 1, collectionId: users.id, cascadeDelete: true },
      { name: "kind", type: "select", required: true, maxSelect: 1, values: ["feedback_new", "comment_new", "plan_returned"] },
      { name: "title", type: "text", required: true, max: 200 },
      { name: "link", type: "text", max: 300 },
      { name: "compound", type: "relation", maxSelect: 1, collectionId: compounds.id, cascadeDelete: true },
      { name: "read", type: "bool" },
      { name: "mailed", type: "bool" },
      { name: "is_demo", type: "bool" },
      { name: "created", type: "autodate", onCreate: true },
    ],
    indexes: ["CREATE INDEX idx_notifications_user ON notifications (user, read)"],
  }));
}, (app) => {
  app.delete(app.findCollectionByNameOrId("notifications"));
});
