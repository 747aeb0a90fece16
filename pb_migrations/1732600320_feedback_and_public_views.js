/// <reference path="../pb_data/types.d.ts" />
// Feedback and complaints (#6, policy §七(一) 畅通投诉举报渠道) and the public's read-only views (§七(三)).
// Anyone may send feedback (rate-limited per client); the contact and photo stay with staff. The office and departments
// read all feedback, a township only its own compounds'; the office and the township answer it. The public reads
// compounds and answered feedback through view collections that carry public fields only.

const OFFICE = "@request.auth.collectionName = 'users' && @request.auth.role = 'office' && @request.auth.active = true";
const DEPT = "(@request.auth.collectionName = 'users' && @request.auth.role = 'department' && @request.auth.active = true)";
const TOWNSHIP_OWN = "(@request.auth.collectionName = 'users' && @request.auth.role = 'township' && @request.auth.active = true && @request.auth.township = township)";

const FEEDBACK_LIMIT = { label: "feedback:create", audience: "@guest", duration: 60, maxRequests: 5 };
const AUTH_LIMIT = { label: "*:auth", audience: "@guest", duration: 60, maxRequests: 30 };
const PB_DEFAULTS = [
  { label: "*:auth", audience: "", duration: 3, maxRequests: 2 },
  { label: "*:create", audience: "", duration: 5, maxRequests: 20 },
  { label: "/api/batch", audience: "", duration: 1, maxRequests: 3 },
  { label: "/api/", audience: "", duration: 10, maxRequests: 300 },
];

migrate((app) => {
  const compounds = app.findCollectionByNameOrId("compounds");
  const townships = app.findCollectionByNameOrId("townships");
  const users = app.findCollectionByNameOrId("users");

  const feedback = new Collection({
    type: "base",
    name: "feedback",
    listRule: OFFICE + " || " + DEPT + " || " + TOWNSHIP_OWN,
    viewRule: OFFICE + " || " + DEPT + " || " + TOWNSHIP_OWN,
    createRule: "",
    updateRule: OFFICE + " || " + TOWNSHIP_OWN,
    deleteRule: OFFICE,
    fields: [
      { name: "compound", type: "relation", maxSelect: 1, collectionId: compounds.id, cascadeDelete: false },
      { name: "point", type: "json", maxSize: 2000 },
      { name: "category", type: "select", required: true, maxSelect: 1, values: ["disturbance", "quality", "progress", "suggestion", "other"] },
      { name: "message", type: "text", required: true, min: 2, max: 2000 },
      { name: "contact", type: "text", max: 100 },
      { name: "photo", type: "file", maxSelect: 1, maxSize: 5 * 1024 * 1024, mimeTypes: ["image/jpeg", "image/png", "image/webp"], protected: true },
      { name: "status", type: "select", required: true, maxSelect: 1, values: ["new", "acknowledged", "resolved"] },
      { name: "public_reply", type: "text", max: 2000 },
      { name: "replied_at", type: "date" },
      { name: "replied_by", type: "relation", maxSelect: 1, collectionId: users.id },
      { name: "township", type: "relation", maxSelect: 1, collectionId: townships.id },
      { name: "created", type: "autodate", onCreate: true },
      { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
    ],
    indexes: [
      "CREATE INDEX idx_feedback_compound ON feedback (compound)",
      "CREATE INDEX idx_feedback_township ON feedback (township)",
      "CREATE INDEX idx_feedback_status ON feedback (status)",
    ],
  });
  app.save(feedback);

  app.save(new Collection({
    type: "view",
    name: "public_compounds",
    listRule: "",
    viewRule: "",
    viewQuery: "SELECT c.id, c.code, c.name, c.township, t.name AS township_name, t.code AS township_code, c.address, " +
      "c.built_year, c.buildings, c.households, c.stage, c.plan_year, c.tier, c.geometry, c.is_demo, c.updated " +
      "FROM compounds c LEFT JOIN townships t ON t.id = c.township",
  }));

  // Only answered feedback is shown, without contact, photo, township or who answered.
  app.save(new Collection({
    type: "view",
    name: "public_feedback",
    listRule: "",
    viewRule: "",
    viewQuery: "SELECT f.id, f.compound, f.category, f.message, f.status, f.public_reply, f.replied_at, f.created " +
      "FROM feedback f WHERE f.public_reply != ''",
  }));

  // Only these two limits: PocketBase's generic defaults (e.g. 300 requests / 10 s on /api/) would also throttle staff
  // behind one office NAT and the seeding batch; production adds its own in the admin UI if needed (README).
  const settings = app.settings();
  settings.rateLimits.enabled = true;
  settings.rateLimits.rules = [FEEDBACK_LIMIT, AUTH_LIMIT];
  app.save(settings);
}, (app) => {
  app.delete(app.findCollectionByNameOrId("public_feedback"));
  app.delete(app.findCollectionByNameOrId("public_compounds"));
  app.delete(app.findCollectionByNameOrId("feedback"));
  const settings = app.settings();
  settings.rateLimits.rules = PB_DEFAULTS;
  settings.rateLimits.enabled = false;
  app.save(settings);
});
