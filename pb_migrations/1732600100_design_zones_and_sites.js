/// <reference path="../pb_data/types.d.ts" />
// Design zones (#3) and facility sites (#4). Staff read them; the office and planners write them.
// `version` makes saves optimistic: the zones hook refuses a save whose version is not the stored one.

const STAFF = "@request.auth.collectionName = 'users' && @request.auth.role != '' && @request.auth.active = true";
const PLANNERS = "@request.auth.collectionName = 'users' && @request.auth.active = true && (@request.auth.role = 'office' || @request.auth.role = 'planner')";

migrate((app) => {
  const compounds = app.findCollectionByNameOrId("compounds");
  const users = app.findCollectionByNameOrId("users");

  const zones = new Collection({
    type: "base",
    name: "design_zones",
    listRule: STAFF,
    viewRule: STAFF,
    createRule: PLANNERS,
    updateRule: PLANNERS,
    deleteRule: PLANNERS,
    fields: [
      { name: "name", type: "text", required: true, max: 80 },
      { name: "geometry", type: "json", required: true, maxSize: 5000000 },
      { name: "members", type: "relation", maxSelect: 999, collectionId: compounds.id, cascadeDelete: false },
      { name: "origin", type: "select", required: true, maxSelect: 1, values: ["merged", "drawn"] },
      { name: "status", type: "select", required: true, maxSelect: 1, values: ["active", "split"] },
      { name: "tolerance_m", type: "number", min: 0, max: 50 },
      { name: "min_cover_share", type: "number", min: 0, max: 1 },
      { name: "partial", type: "json", maxSize: 100000 },
      { name: "notes", type: "text", max: 5000 },
      { name: "area_m2", type: "number", min: 0 },
      { name: "version", type: "number", onlyInt: true, min: 0 },
      { name: "created_by", type: "relation", maxSelect: 1, collectionId: users.id },
      { name: "updated_by", type: "relation", maxSelect: 1, collectionId: users.id },
      { name: "created", type: "autodate", onCreate: true },
      { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
    ],
    indexes: ["CREATE INDEX idx_zones_status ON design_zones (status)"],
  });
  app.save(zones);
  // Lineage: a zone split into parts keeps its record (status "split"); each part names it as parent.
  zones.fields.add(new RelationField({ name: "parent", maxSelect: 1, collectionId: zones.id, cascadeDelete: false }));
  app.save(zones);

  const sites = new Collection({
    type: "base",
    name: "facility_sites",
    listRule: STAFF,
    viewRule: STAFF,
    createRule: PLANNERS,
    updateRule: PLANNERS,
    deleteRule: PLANNERS,
    fields: [
      { name: "facility_type", type: "text", required: true, max: 40 },
      { name: "name", type: "text", max: 80 },
      { name: "zone", type: "relation", maxSelect: 1, collectionId: zones.id, cascadeDelete: false },
      { name: "compound", type: "relation", maxSelect: 1, collectionId: compounds.id, cascadeDelete: false },
      { name: "geometry", type: "json", required: true, maxSize: 1000000 },
      { name: "area_m2", type: "number", min: 0 },
      { name: "building_area_m2", type: "number", min: 0 },
      { name: "source", type: "select", required: true, maxSelect: 1, values: ["idle_land", "idle_building", "new"] },
      { name: "source_feature", type: "text", max: 40 },
      { name: "changes_land_rights", type: "bool" },
      { name: "high_risk_work", type: "bool" },
      { name: "permit_exempt", type: "bool" },
      { name: "land_use_deferred", type: "bool" },
      { name: "reasons", type: "json", maxSize: 20000 },
      { name: "households_covered", type: "number", min: 0 },
      { name: "stage", type: "select", required: true, maxSelect: 1, values: ["proposed", "planned", "construction", "built"] },
      { name: "is_demo", type: "bool" },
      { name: "created_by", type: "relation", maxSelect: 1, collectionId: users.id },
      { name: "created", type: "autodate", onCreate: true },
      { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
    ],
    indexes: ["CREATE INDEX idx_sites_type ON facility_sites (facility_type)"],
  });
  app.save(sites);
}, (app) => {
  app.delete(app.findCollectionByNameOrId("facility_sites"));
  app.delete(app.findCollectionByNameOrId("design_zones"));
});
