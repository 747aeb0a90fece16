/// <reference path="../pb_data/types.d.ts" />
// Division boundaries: one polygon per township (街道/镇) or community (社区), named by its division code. Anyone may read
// them (the public map draws them with their names); only the office writes them (the import wizard's 行政区划边界
// target). The server sets `level`, `name`, `township` and `community` from the code and refuses unknown codes, invalid
// or far-outside polygons and overlaps (pb_hooks/boundaries.pb.js). Demo boundaries carry `is_demo`.
// The public compound view gains the compound's community (id and name), so the public search finds compounds by it.

const OFFICE = "@request.auth.collectionName = 'users' && @request.auth.role = 'office' && @request.auth.active = true";

const PUBLIC_COMPOUNDS_BEFORE = "SELECT c.id, c.code, c.name, c.township, t.name AS township_name, t.code AS township_code, c.address, " +
  "c.built_year, c.buildings, c.households, c.stage, c.plan_year, c.tier, c.geometry, c.is_demo, c.updated " +
  "FROM compounds c LEFT JOIN townships t ON t.id = c.township";
const PUBLIC_COMPOUNDS_AFTER = "SELECT c.id, c.code, c.name, c.township, t.name AS township_name, t.code AS township_code, " +
  "c.community, m.name AS community_name, c.address, " +
  "c.built_year, c.buildings, c.households, c.stage, c.plan_year, c.tier, c.geometry, c.is_demo, c.updated " +
  "FROM compounds c LEFT JOIN townships t ON t.id = c.township LEFT JOIN communities m ON m.id = c.community";

migrate((app) => {
  const townships = app.findCollectionByNameOrId("townships");
  const communities = app.findCollectionByNameOrId("communities");
  app.save(new Collection({
    type: "base",
    name: "division_boundaries",
    listRule: "",
    viewRule: "",
    createRule: OFFICE,
    updateRule: OFFICE,
    deleteRule: OFFICE,
    fields: [
      { name: "code", type: "text", required: true, max: 12 },
      { name: "level", type: "select", maxSelect: 1, values: ["township", "community"] },
      { name: "name", type: "text", max: 60 },
      { name: "township", type: "relation", maxSelect: 1, collectionId: townships.id, cascadeDelete: true },
      { name: "community", type: "relation", maxSelect: 1, collectionId: communities.id, cascadeDelete: true },
      { name: "geometry", type: "json", required: true, maxSize: 3000000 },
      { name: "area_m2", type: "number", min: 0 },
      { name: "source", type: "text", max: 500 },
      { name: "is_demo", type: "bool" },
      { name: "created", type: "autodate", onCreate: true },
      { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
    ],
    indexes: [
      "CREATE UNIQUE INDEX idx_division_boundaries_code ON division_boundaries (code)",
      "CREATE INDEX idx_division_boundaries_level ON division_boundaries (level)",
    ],
  }));

  const view = app.findCollectionByNameOrId("public_compounds");
  view.viewQuery = PUBLIC_COMPOUNDS_AFTER;
  app.save(view);
}, (app) => {
  const view = app.findCollectionByNameOrId("public_compounds");
  view.viewQuery = PUBLIC_COMPOUNDS_BEFORE;
  app.save(view);
  app.delete(app.findCollectionByNameOrId("division_boundaries"));
});
