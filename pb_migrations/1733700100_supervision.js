/// <reference path="../pb_data/types.d.ts" />
// Supervision (督导考核, policy 七(二)): the city government's 督查室 becomes a role (`inspection`) that issues 督办 items to
// a township — what, by when — which the township answers with its rectification and evidence and the issuer closes
// (or returns). The township score's weights are one settings record (programme_settings, summing to 100 — enforced
// by pb_hooks/lib/supervision.js). Staff read the items; the office and the 督查室 issue and close them; the township
// named writes only its rectification (the hook decides which fields each may touch).

const AUTH = "@request.auth.collectionName = 'users'";
const STAFF = `${AUTH} && @request.auth.role != '' && @request.auth.active = true`;
const ISSUERS = `${AUTH} && @request.auth.active = true && (@request.auth.role = 'office' || @request.auth.role = 'inspection')`;
const TOWNSHIP_OWN = `${AUTH} && @request.auth.active = true && @request.auth.role = 'township' && @request.auth.township = township`;
const ROLES_BEFORE = ["office", "township", "department", "planner"];

/** The default weights (percent): plan on time, started and accepted against the task, overdue, feedback, funds. */
const WEIGHTS = { weight_plan: 15, weight_started: 25, weight_accepted: 25, weight_overdue: 15, weight_feedback: 10, weight_funds: 10 };

migrate((app) => {
  const users = app.findCollectionByNameOrId("users");
  users.fields.getByName("role").values = [...ROLES_BEFORE, "inspection"];
  app.save(users);

  const townships = app.findCollectionByNameOrId("townships");
  const compounds = app.findCollectionByNameOrId("compounds");
  app.save(new Collection({
    type: "base",
    name: "supervision_items",
    listRule: STAFF,
    viewRule: STAFF,
    createRule: ISSUERS,
    updateRule: `${ISSUERS} || (${TOWNSHIP_OWN})`,
    deleteRule: null, // a 督办 item is closed, never deleted
    fields: [
      { name: "township", type: "relation", required: true, maxSelect: 1, collectionId: townships.id, cascadeDelete: false },
      { name: "compound", type: "relation", maxSelect: 1, collectionId: compounds.id, cascadeDelete: false },
      { name: "title", type: "text", required: true, max: 200 },
      { name: "requirement", type: "text", max: 5000 },
      { name: "deadline", type: "date", required: true },
      { name: "status", type: "select", required: true, maxSelect: 1, values: ["open", "rectified", "closed"] },
      { name: "issued_by", type: "relation", maxSelect: 1, collectionId: users.id },
      { name: "issued_date", type: "date" },
      { name: "rectification", type: "text", max: 5000 },
      { name: "evidence", type: "file", maxSelect: 6, maxSize: 10 * 1024 * 1024, mimeTypes: ["image/jpeg", "image/png", "image/webp", "application/pdf"] },
      { name: "rectified_by", type: "relation", maxSelect: 1, collectionId: users.id },
      { name: "rectified_date", type: "date" },
      { name: "closed_by", type: "relation", maxSelect: 1, collectionId: users.id },
      { name: "closed_date", type: "date" },
      { name: "issuer_comment", type: "text", max: 2000 },
      { name: "is_demo", type: "bool" },
      { name: "created", type: "autodate", onCreate: true },
      { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
    ],
    indexes: [
      "CREATE INDEX idx_supervision_township ON supervision_items (township)",
      "CREATE INDEX idx_supervision_status ON supervision_items (status)",
    ],
  }));

  // When feedback was received and answered, per township, for every staff account that scores townships (the 督查室
  // does not read feedback itself: no messages, no contacts here).
  app.save(new Collection({
    type: "view",
    name: "feedback_timeliness",
    listRule: STAFF,
    viewRule: STAFF,
    viewQuery: "SELECT f.id, f.township, f.created, f.replied_at, f.status FROM feedback f",
  }));

  const settings = app.findCollectionByNameOrId("programme_settings");
  for (const f of Object.keys(WEIGHTS)) settings.fields.add(new NumberField({ name: f, min: 0, max: 100 }));
  app.save(settings);
  const rec = app.findRecordById("programme_settings", "settings0000001");
  for (const [f, v] of Object.entries(WEIGHTS)) rec.set(f, v);
  app.save(rec);
}, (app) => {
  app.delete(app.findCollectionByNameOrId("feedback_timeliness"));
  app.delete(app.findCollectionByNameOrId("supervision_items"));
  const settings = app.findCollectionByNameOrId("programme_settings");
  for (const f of Object.keys(WEIGHTS)) settings.fields.removeByName(f);
  app.save(settings);
  const users = app.findCollectionByNameOrId("users");
  for (const u of app.findRecordsByFilter("users", "role = 'inspection'", "", 0, 0)) {
    u.set("active", false);
    u.set("role", "planner"); // deactivated: the role it had no longer exists
    app.save(u);
  }
  users.fields.getByName("role").values = ROLES_BEFORE;
  app.save(users);
});
