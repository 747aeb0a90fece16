/// <reference path="../pb_data/types.d.ts" />
// Core schema (issue #2): divisions, compounds and their private notes, buildings, context features, staff roles.
// Rules: the public reads divisions, compounds, buildings and context; only signed-in staff write, each within its role.
// Private compound facts (contacts, internal notes) live in compound_notes, which the public cannot read.

const STAFF = "@request.auth.collectionName = 'users' && @request.auth.role != '' && @request.auth.active = true";
const OFFICE = "@request.auth.collectionName = 'users' && @request.auth.role = 'office' && @request.auth.active = true";

migrate((app) => {
  // --- staff accounts: roles on the built-in users collection --------------------------------------------------
  const users = app.findCollectionByNameOrId("users");

  const townships = new Collection({
    type: "base",
    name: "townships",
    listRule: "",
    viewRule: "",
    createRule: null,
    updateRule: null,
    deleteRule: null,
    fields: [
      { name: "code", type: "text", required: true, pattern: "^141182\\d{3}$" },
      { name: "name", type: "text", required: true, max: 40 },
      { name: "kind", type: "select", required: true, maxSelect: 1, values: ["subdistrict", "town"] },
      { name: "created", type: "autodate", onCreate: true },
      { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
    ],
    indexes: ["CREATE UNIQUE INDEX idx_townships_code ON townships (code)"],
  });
  app.save(townships);

  const communities = new Collection({
    type: "base",
    name: "communities",
    listRule: "",
    viewRule: "",
    createRule: null,
    updateRule: null,
    deleteRule: null,
    fields: [
      { name: "code", type: "text", required: true, pattern: "^141182\\d{6}$" },
      { name: "name", type: "text", required: true, max: 60 },
      { name: "township", type: "relation", required: true, maxSelect: 1, collectionId: townships.id, cascadeDelete: false },
      { name: "created", type: "autodate", onCreate: true },
      { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
    ],
    indexes: [
      "CREATE UNIQUE INDEX idx_communities_code ON communities (code)",
      "CREATE INDEX idx_communities_township ON communities (township)",
    ],
  });
  app.save(communities);

  users.fields.add(new SelectField({ name: "role", required: true, maxSelect: 1, values: ["office", "township", "department", "planner"] }));
  users.fields.add(new RelationField({ name: "township", maxSelect: 1, collectionId: townships.id }));
  users.fields.add(new SelectField({
    name: "department", maxSelect: 1,
    values: ["finance", "approval", "market", "civil", "audit", "development", "resources"],
  }));
  users.fields.add(new BoolField({ name: "active" }));
  users.fields.add(new BoolField({ name: "is_demo" }));
  // Staff see each other's names (who did what); only the office manages accounts.
  users.listRule = STAFF;
  users.viewRule = STAFF;
  users.createRule = OFFICE;
  users.updateRule = OFFICE + " || id = @request.auth.id";
  users.deleteRule = null;
  app.save(users);

  const compounds = new Collection({
    type: "base",
    name: "compounds",
    listRule: "",
    viewRule: "",
    createRule: OFFICE,
    updateRule: OFFICE + " || (" + STAFF + " && @request.auth.role = 'township' && @request.auth.township = township)",
    deleteRule: OFFICE,
    fields: [
      { name: "code", type: "text", required: true, max: 32, pattern: "^[A-Za-z0-9_-]+$" },
      { name: "name", type: "text", required: true, max: 80 },
      { name: "township", type: "relation", required: true, maxSelect: 1, collectionId: townships.id },
      { name: "community", type: "relation", maxSelect: 1, collectionId: communities.id },
      { name: "address", type: "text", max: 200 },
      { name: "built_year", type: "number", onlyInt: true, min: 1900, max: 2000 },
      { name: "buildings", type: "number", onlyInt: true, min: 0 },
      { name: "households", type: "number", onlyInt: true, min: 0 },
      { name: "floor_area_m2", type: "number", min: 0 },
      { name: "land_area_m2", type: "number", min: 0 },
      { name: "property_owner", type: "text", max: 120 },
      { name: "management", type: "select", maxSelect: 1, values: ["property_company", "self", "none"] },
      { name: "maintenance_fund", type: "bool" },
      { name: "consent_pct", type: "number", min: 0, max: 100 },
      { name: "consent_date", type: "date" },
      { name: "geometry", type: "json", required: true, maxSize: 2000000 },
      { name: "stage", type: "select", required: true, maxSelect: 1, values: ["demand", "scheme", "planned", "construction", "accepted", "maintained"] },
      { name: "plan_year", type: "number", onlyInt: true, min: 2021, max: 2030 },
      { name: "tier", type: "select", maxSelect: 1, values: ["implement", "prepare", "reserve"] },
      { name: "is_demo", type: "bool" },
      { name: "created", type: "autodate", onCreate: true },
      { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
    ],
    indexes: [
      "CREATE UNIQUE INDEX idx_compounds_code ON compounds (code)",
      "CREATE INDEX idx_compounds_township ON compounds (township)",
      "CREATE INDEX idx_compounds_stage ON compounds (stage)",
    ],
  });
  app.save(compounds);

  const notes = new Collection({
    type: "base",
    name: "compound_notes",
    listRule: STAFF,
    viewRule: STAFF,
    createRule: OFFICE + " || (" + STAFF + " && @request.auth.role = 'township' && @request.auth.township = compound.township)",
    updateRule: OFFICE + " || (" + STAFF + " && @request.auth.role = 'township' && @request.auth.township = compound.township)",
    deleteRule: OFFICE,
    fields: [
      { name: "compound", type: "relation", required: true, maxSelect: 1, collectionId: compounds.id, cascadeDelete: true },
      { name: "contact_name", type: "text", max: 60 },
      { name: "contact_phone", type: "text", max: 40 },
      { name: "internal_notes", type: "text", max: 5000 },
      { name: "created", type: "autodate", onCreate: true },
      { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
    ],
    indexes: ["CREATE UNIQUE INDEX idx_compound_notes_compound ON compound_notes (compound)"],
  });
  app.save(notes);

  const buildings = new Collection({
    type: "base",
    name: "buildings",
    listRule: "",
    viewRule: "",
    createRule: OFFICE + " || (" + STAFF + " && @request.auth.role = 'township' && @request.auth.township = compound.township)",
    updateRule: OFFICE + " || (" + STAFF + " && @request.auth.role = 'township' && @request.auth.township = compound.township)",
    deleteRule: OFFICE,
    fields: [
      { name: "compound", type: "relation", required: true, maxSelect: 1, collectionId: compounds.id, cascadeDelete: true },
      { name: "name", type: "text", max: 40 },
      { name: "geometry", type: "json", required: true, maxSize: 200000 },
      { name: "floors", type: "number", onlyInt: true, min: 1, max: 60 },
      { name: "built_year", type: "number", onlyInt: true, min: 1900, max: 2030 },
      { name: "households", type: "number", onlyInt: true, min: 0 },
      { name: "has_elevator", type: "bool" },
      { name: "is_demo", type: "bool" },
      { name: "created", type: "autodate", onCreate: true },
      { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
    ],
    indexes: ["CREATE INDEX idx_buildings_compound ON buildings (compound)"],
  });
  app.save(buildings);

  const context = new Collection({
    type: "base",
    name: "context_features",
    listRule: "",
    viewRule: "",
    createRule: OFFICE + " || (" + STAFF + " && @request.auth.role = 'planner')",
    updateRule: OFFICE + " || (" + STAFF + " && @request.auth.role = 'planner')",
    deleteRule: OFFICE,
    fields: [
      { name: "kind", type: "select", required: true, maxSelect: 1, values: ["road", "facility", "idle_building", "idle_land", "water", "green"] },
      { name: "subtype", type: "text", max: 40 },
      { name: "name", type: "text", max: 80 },
      { name: "geometry", type: "json", required: true, maxSize: 2000000 },
      { name: "area_m2", type: "number", min: 0 },
      { name: "width_m", type: "number", min: 0 },
      { name: "compound", type: "relation", maxSelect: 1, collectionId: compounds.id, cascadeDelete: false },
      { name: "is_demo", type: "bool" },
      { name: "created", type: "autodate", onCreate: true },
      { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
    ],
    indexes: ["CREATE INDEX idx_context_kind ON context_features (kind)"],
  });
  app.save(context);

  // Seeding writes a few thousand records in one all-or-nothing batch.
  const settings = app.settings();
  settings.batch.enabled = true;
  settings.batch.maxRequests = 5000;
  settings.batch.timeout = 60;
  settings.batch.maxBodySize = 128 * 1024 * 1024;
  settings.meta.appName = "汾阳市老旧小区改造一张图";
  app.save(settings);
}, (app) => {
  for (const name of ["context_features", "buildings", "compound_notes", "compounds", "communities"]) {
    app.delete(app.findCollectionByNameOrId(name));
  }
  const users = app.findCollectionByNameOrId("users");
  for (const f of ["role", "township", "department", "active", "is_demo"]) users.fields.removeByName(f);
  users.listRule = "id = @request.auth.id";
  users.viewRule = "id = @request.auth.id";
  users.createRule = "";
  users.updateRule = "id = @request.auth.id";
  users.deleteRule = "id = @request.auth.id";
  app.save(users);
  app.delete(app.findCollectionByNameOrId("townships"));
  const settings = app.settings();
  settings.batch.enabled = false;
  app.save(settings);
});
