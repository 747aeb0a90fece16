/// <reference path="../pb_data/types.d.ts" />
// Renovation content (#5, policy §三(二)): items from data/renovation-items.json chosen per compound or per design zone,
// with quantity, unit and estimate. pb_hooks/items.pb.js checks the item key and class against the catalogue.

const STAFF = "@request.auth.collectionName = 'users' && @request.auth.role != '' && @request.auth.active = true";
const WRITERS = STAFF + " && (@request.auth.role = 'office' || @request.auth.role = 'planner'"
  + " || (@request.auth.role = 'township' && compound != '' && @request.auth.township = compound.township))";

migrate((app) => {
  const compounds = app.findCollectionByNameOrId("compounds");
  const zones = app.findCollectionByNameOrId("design_zones");
  const items = new Collection({
    type: "base",
    name: "renovation_items",
    listRule: STAFF,
    viewRule: STAFF,
    createRule: WRITERS,
    updateRule: WRITERS,
    deleteRule: WRITERS,
    fields: [
      { name: "compound", type: "relation", maxSelect: 1, collectionId: compounds.id, cascadeDelete: true },
      { name: "zone", type: "relation", maxSelect: 1, collectionId: zones.id, cascadeDelete: true },
      { name: "class", type: "select", required: true, maxSelect: 1, values: ["basic", "improvement", "enhancement"] },
      { name: "item", type: "text", required: true, max: 40, pattern: "^[a-z_]+$" },
      { name: "quantity", type: "number", min: 0 },
      { name: "unit", type: "text", max: 20 },
      { name: "estimate_yuan", type: "number", min: 0 },
      { name: "status", type: "select", maxSelect: 1, values: ["planned", "in_progress", "done"] },
      { name: "note", type: "text", max: 2000 },
      { name: "internal_note", type: "text", max: 5000 },
      { name: "is_demo", type: "bool" },
      { name: "created", type: "autodate", onCreate: true },
      { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
    ],
    indexes: [
      "CREATE INDEX idx_items_compound ON renovation_items (compound)",
      "CREATE INDEX idx_items_item ON renovation_items (item)",
    ],
  });
  app.save(items);
}, (app) => {
  app.delete(app.findCollectionByNameOrId("renovation_items"));
});
