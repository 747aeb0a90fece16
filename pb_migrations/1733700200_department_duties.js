/// <reference path="../pb_data/types.d.ts" />
// Every department's duty (policy 附件 部门职责) gets its own records, written only by that department and read by all
// staff: 发改局 (development) central-budget applications (year, the compounds applied for, amount requested and
// granted, documents); 自然资源局 (resources) land records — parcel, use, right holder, approval — and, for idle
// buildings and land used for facilities, the holder and the transfer status; 审计局 (audit) findings per compound or
// design zone (finding, amount where it is about money, rectification, closed); 民政局 (civil) elderly-care subsidies
// tied to facility sites. Field rules that depend on each other are in pb_hooks/lib/duties.js.

const AUTH = "@request.auth.collectionName = 'users'";
const STAFF = `${AUTH} && @request.auth.role != '' && @request.auth.active = true`;
const dept = (d) => `${AUTH} && @request.auth.role = 'department' && @request.auth.department = '${d}' && @request.auth.active = true`;
const DOCS = { maxSelect: 5, maxSize: 10 * 1024 * 1024, mimeTypes: ["image/jpeg", "image/png", "image/webp", "application/pdf"] };
const NAMES = ["elderly_subsidies", "audit_findings", "land_records", "budget_applications"];

migrate((app) => {
  const compounds = app.findCollectionByNameOrId("compounds");
  const zones = app.findCollectionByNameOrId("design_zones");
  const sites = app.findCollectionByNameOrId("facility_sites");
  const make = (name, department, fields, indexes) => app.save(new Collection({
    type: "base", name,
    listRule: STAFF, viewRule: STAFF, createRule: dept(department), updateRule: dept(department), deleteRule: dept(department),
    fields: [
      ...fields,
      { name: "documents", type: "file", ...DOCS },
      { name: "note", type: "text", max: 2000 },
      { name: "is_demo", type: "bool" },
      { name: "created", type: "autodate", onCreate: true },
      { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
    ],
    indexes: indexes || [],
  }));

  make("budget_applications", "development", [
    { name: "year", type: "number", required: true, onlyInt: true, min: 2000, max: 2100 },
    { name: "title", type: "text", required: true, max: 200 },
    { name: "compounds", type: "relation", maxSelect: 500, collectionId: compounds.id, cascadeDelete: false },
    { name: "status", type: "select", required: true, maxSelect: 1, values: ["preparing", "submitted", "granted", "refused"] },
    { name: "requested_yuan", type: "number", required: true, min: 0 },
    { name: "granted_yuan", type: "number", min: 0 },
    { name: "submitted_date", type: "date" },
    { name: "granted_date", type: "date" },
    { name: "document_number", type: "text", max: 80 },
  ], ["CREATE INDEX idx_budget_applications_year ON budget_applications (year)"]);

  make("land_records", "resources", [
    { name: "compound", type: "relation", maxSelect: 1, collectionId: compounds.id, cascadeDelete: false },
    { name: "site", type: "relation", maxSelect: 1, collectionId: sites.id, cascadeDelete: false },
    { name: "parcel", type: "text", required: true, max: 80 },
    { name: "land_use", type: "select", required: true, maxSelect: 1, values: ["residential", "commercial", "public_service", "industrial", "idle_building", "idle_land", "other"] },
    { name: "area_m2", type: "number", min: 0 },
    { name: "right_holder", type: "text", max: 200 },
    { name: "approval_number", type: "text", max: 80 },
    { name: "approval_date", type: "date" },
    // For idle buildings and land used for facilities: who holds it and how far its transfer to the facility has got.
    { name: "transfer_status", type: "select", maxSelect: 1, values: ["not_needed", "negotiating", "agreed", "transferred", "leased", "refused"] },
    { name: "transfer_date", type: "date" },
  ], ["CREATE INDEX idx_land_records_compound ON land_records (compound)", "CREATE INDEX idx_land_records_site ON land_records (site)"]);

  make("audit_findings", "audit", [
    { name: "compound", type: "relation", maxSelect: 1, collectionId: compounds.id, cascadeDelete: false },
    { name: "zone", type: "relation", maxSelect: 1, collectionId: zones.id, cascadeDelete: false },
    { name: "date", type: "date", required: true },
    { name: "category", type: "select", required: true, maxSelect: 1, values: ["misused_funds", "overpayment", "procedure", "quality", "other"] },
    { name: "finding", type: "text", required: true, max: 5000 },
    { name: "amount_yuan", type: "number", min: 0 },
    { name: "rectification", type: "text", max: 5000 },
    { name: "closed", type: "bool" },
    { name: "closed_date", type: "date" },
  ], ["CREATE INDEX idx_audit_findings_compound ON audit_findings (compound)"]);

  make("elderly_subsidies", "civil", [
    { name: "site", type: "relation", required: true, maxSelect: 1, collectionId: sites.id, cascadeDelete: false },
    { name: "year", type: "number", required: true, onlyInt: true, min: 2000, max: 2100 },
    { name: "kind", type: "select", required: true, maxSelect: 1, values: ["construction", "operation", "beds", "other"] },
    { name: "amount_yuan", type: "number", required: true, min: 0 },
    { name: "recipient", type: "text", max: 200 },
    { name: "date", type: "date", required: true },
  ], ["CREATE INDEX idx_elderly_subsidies_site ON elderly_subsidies (site)"]);
}, (app) => {
  for (const n of NAMES) app.delete(app.findCollectionByNameOrId(n));
});
