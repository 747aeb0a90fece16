/// <reference path="../pb_data/types.d.ts" />
// Funding (#5, policy §五): money per compound or zone by source, planned / received / spent, in yuan.
// The office and the finance bureau record any compound; a township records its own compounds.

const STAFF = "@request.auth.collectionName = 'users' && @request.auth.role != '' && @request.auth.active = true";
const WRITERS = STAFF + " && (@request.auth.role = 'office' || (@request.auth.role = 'department' && @request.auth.department = 'finance')"
  + " || (@request.auth.role = 'township' && compound != '' && @request.auth.township = compound.township))";
const SOURCES = ["central", "provincial", "municipal", "special_bonds", "resident_housing_fund", "resident_maintenance_fund",
  "resident_direct", "property_unit", "utilities", "social_capital", "bank_credit"];

migrate((app) => {
  const compounds = app.findCollectionByNameOrId("compounds");
  const zones = app.findCollectionByNameOrId("design_zones");
  const funding = new Collection({
    type: "base",
    name: "funding",
    listRule: STAFF,
    viewRule: STAFF,
    createRule: WRITERS,
    updateRule: WRITERS,
    deleteRule: WRITERS,
    fields: [
      { name: "compound", type: "relation", maxSelect: 1, collectionId: compounds.id, cascadeDelete: true },
      { name: "zone", type: "relation", maxSelect: 1, collectionId: zones.id, cascadeDelete: true },
      { name: "source", type: "select", required: true, maxSelect: 1, values: SOURCES },
      { name: "kind", type: "select", required: true, maxSelect: 1, values: ["planned", "received", "spent"] },
      { name: "amount_yuan", type: "number", min: 0 },
      { name: "date", type: "date", required: true },
      { name: "document", type: "file", maxSelect: 1, maxSize: 20971520, mimeTypes: ["application/pdf", "image/jpeg", "image/png"] },
      { name: "note", type: "text", max: 2000 },
      { name: "internal_note", type: "text", max: 5000 },
      { name: "is_demo", type: "bool" },
      { name: "created", type: "autodate", onCreate: true },
      { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
    ],
    indexes: [
      "CREATE INDEX idx_funding_compound ON funding (compound)",
      "CREATE INDEX idx_funding_source ON funding (source)",
    ],
  });
  app.save(funding);
}, (app) => {
  app.delete(app.findCollectionByNameOrId("funding"));
});
