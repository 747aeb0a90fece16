/// <reference path="../pb_data/types.d.ts" />
// Annual plans (#5, policy §四(三)): a township declares next year's list by 31 August; the office sorts each entry into
// 实施一批/谋划一批/储备一批 and approves or returns the plan. Rules let staff in; pb_hooks/plans.pb.js decides who may
// do what (own township, office-only review) so every refusal carries a Chinese reason.

const STAFF = "@request.auth.collectionName = 'users' && @request.auth.role != '' && @request.auth.active = true";
const WRITERS = STAFF + " && (@request.auth.role = 'office' || @request.auth.role = 'township')";

migrate((app) => {
  const townships = app.findCollectionByNameOrId("townships");
  const compounds = app.findCollectionByNameOrId("compounds");
  const users = app.findCollectionByNameOrId("users");

  const plans = new Collection({
    type: "base",
    name: "annual_plans",
    listRule: STAFF,
    viewRule: STAFF,
    createRule: STAFF,
    updateRule: STAFF,
    deleteRule: "(" + WRITERS + ") && status = 'draft' && (@request.auth.role = 'office' || @request.auth.township = township)",
    fields: [
      { name: "year", type: "number", required: true, onlyInt: true, min: 2021, max: 2040 },
      { name: "township", type: "relation", required: true, maxSelect: 1, collectionId: townships.id },
      { name: "status", type: "select", required: true, maxSelect: 1, values: ["draft", "submitted", "approved", "returned"] },
      { name: "submitted_at", type: "date" },
      { name: "late", type: "bool" },
      { name: "submitted_by", type: "relation", maxSelect: 1, collectionId: users.id },
      { name: "reviewed_at", type: "date" },
      { name: "reviewed_by", type: "relation", maxSelect: 1, collectionId: users.id },
      { name: "review_comment", type: "text", max: 2000 },
      { name: "note", type: "text", max: 2000 },
      { name: "is_demo", type: "bool" },
      { name: "created", type: "autodate", onCreate: true },
      { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
    ],
    indexes: ["CREATE UNIQUE INDEX idx_annual_plans_year_township ON annual_plans (year, township)"],
  });
  app.save(plans);

  const entries = new Collection({
    type: "base",
    name: "plan_entries",
    listRule: STAFF,
    viewRule: STAFF,
    createRule: WRITERS,
    updateRule: WRITERS,
    deleteRule: WRITERS,
    fields: [
      { name: "plan", type: "relation", required: true, maxSelect: 1, collectionId: plans.id, cascadeDelete: true },
      { name: "compound", type: "relation", required: true, maxSelect: 1, collectionId: compounds.id, cascadeDelete: true },
      { name: "tier", type: "select", maxSelect: 1, values: ["implement", "prepare", "reserve"] },
      { name: "estimate_yuan", type: "number", min: 0 },
      { name: "note", type: "text", max: 2000 },
      { name: "is_demo", type: "bool" },
      { name: "created", type: "autodate", onCreate: true },
      { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
    ],
    indexes: [
      "CREATE UNIQUE INDEX idx_plan_entries_plan_compound ON plan_entries (plan, compound)",
      "CREATE INDEX idx_plan_entries_compound ON plan_entries (compound)",
    ],
  });
  app.save(entries);
}, (app) => {
  app.delete(app.findCollectionByNameOrId("plan_entries"));
  app.delete(app.findCollectionByNameOrId("annual_plans"));
});
