/// <reference path="../pb_data/types.d.ts" />
// Stage events (#5, policy §四): the only way a compound changes stage. Each event carries the evidence of the stage it
// enters; pb_hooks/stages.pb.js validates it and moves the compound in the same transaction. Events are never edited or
// deleted through the API. `note` is public (the reason of a step back, a short remark); `internal_note` is staff-only.
// `imported` marks history loaded by a superuser (the demo seed): it records the past and moves nothing.

const STAFF = "@request.auth.collectionName = 'users' && @request.auth.role != '' && @request.auth.active = true";
const STAGES = ["demand", "scheme", "planned", "construction", "accepted", "maintained"];
const IMAGES = ["image/jpeg", "image/png", "image/webp", "image/gif"];

migrate((app) => {
  const compounds = app.findCollectionByNameOrId("compounds");
  const users = app.findCollectionByNameOrId("users");
  const entries = app.findCollectionByNameOrId("plan_entries");

  const events = new Collection({
    type: "base",
    name: "stage_events",
    listRule: STAFF,
    viewRule: STAFF,
    createRule: STAFF,
    updateRule: null,
    deleteRule: null,
    fields: [
      { name: "compound", type: "relation", required: true, maxSelect: 1, collectionId: compounds.id, cascadeDelete: true },
      { name: "from", type: "select", maxSelect: 1, values: STAGES },
      { name: "to", type: "select", required: true, maxSelect: 1, values: STAGES },
      { name: "kind", type: "select", required: true, maxSelect: 1, values: ["forward", "back"] },
      { name: "date", type: "date", required: true },
      { name: "note", type: "text", max: 2000 },
      { name: "internal_note", type: "text", max: 5000 },
      { name: "by", type: "relation", maxSelect: 1, collectionId: users.id },
      { name: "imported", type: "bool" },
      { name: "plan_entry", type: "relation", maxSelect: 1, collectionId: entries.id, cascadeDelete: false },
      // scheme: 初步方案及预算
      { name: "scheme_summary", type: "text", max: 5000 },
      { name: "budget_estimate_yuan", type: "number", min: 0 },
      // construction: 开工
      { name: "start_date", type: "date" },
      { name: "planned_end_date", type: "date" },
      { name: "implementing_unit", type: "text", max: 120 },
      // accepted: 竣工验收(居民代表参与)
      { name: "acceptance_date", type: "date" },
      { name: "residents_present", type: "bool" },
      { name: "resident_reps", type: "text", max: 500 },
      // maintained: 长效管理
      { name: "management", type: "select", maxSelect: 1, values: ["property_company", "self"] },
      { name: "maintenance_fund_status", type: "select", maxSelect: 1, values: ["established", "collecting", "none"] },
      { name: "photos_before", type: "file", maxSelect: 12, maxSize: 10485760, mimeTypes: IMAGES, thumbs: ["200x150"] },
      { name: "photos_after", type: "file", maxSelect: 12, maxSize: 10485760, mimeTypes: IMAGES, thumbs: ["200x150"] },
      { name: "documents", type: "file", maxSelect: 12, maxSize: 20971520, mimeTypes: IMAGES.concat(["application/pdf"]) },
      { name: "is_demo", type: "bool" },
      { name: "created", type: "autodate", onCreate: true },
    ],
    indexes: [
      "CREATE INDEX idx_stage_events_compound ON stage_events (compound)",
      "CREATE INDEX idx_stage_events_date ON stage_events (date)",
    ],
  });
  app.save(events);

  // What the ledger and the overdue check need from the construction event, kept on the compound.
  compounds.fields.add(new DateField({ name: "construction_start" }));
  compounds.fields.add(new DateField({ name: "construction_end_planned" }));
  compounds.fields.add(new TextField({ name: "implementing_unit", max: 120 }));
  app.save(compounds);
}, (app) => {
  app.delete(app.findCollectionByNameOrId("stage_events"));
  const compounds = app.findCollectionByNameOrId("compounds");
  for (const f of ["construction_start", "construction_end_planned", "implementing_unit"]) compounds.fields.removeByName(f);
  app.save(compounds);
});
