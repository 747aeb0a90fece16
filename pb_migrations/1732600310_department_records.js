/// <reference path="../pb_data/types.d.ts" />
// Records each department keeps under its duty (policy 附件 职责): 行政审批局 approvals (joint review, permits and
// exemptions, §六), 市场监管局 elevator inspections, 民政局 resident consultation. Staff read them all; only the office
// and the department named (and, for consultation, the compound's own township) write them.

const STAFF = "@request.auth.collectionName = 'users' && @request.auth.role != '' && @request.auth.active = true";
const OFFICE = "@request.auth.collectionName = 'users' && @request.auth.role = 'office' && @request.auth.active = true";
const dept = (d) => "(@request.auth.collectionName = 'users' && @request.auth.role = 'department' && @request.auth.department = '" + d + "' && @request.auth.active = true)";
const TOWNSHIP_OWN = "(@request.auth.collectionName = 'users' && @request.auth.role = 'township' && @request.auth.active = true && @request.auth.township = compound.township)";
const DOCS = { maxSelect: 5, maxSize: 10 * 1024 * 1024, mimeTypes: ["image/jpeg", "image/png", "image/webp", "application/pdf"] };

function make(app, name, writers, fields, indexes) {
  const compounds = app.findCollectionByNameOrId("compounds");
  const c = new Collection({
    type: "base",
    name,
    listRule: STAFF,
    viewRule: STAFF,
    createRule: writers,
    updateRule: writers,
    deleteRule: writers,
    fields: [
      { name: "compound", type: "relation", required: true, maxSelect: 1, collectionId: compounds.id, cascadeDelete: false },
      ...fields,
      { name: "documents", type: "file", ...DOCS },
      { name: "note", type: "text", max: 2000 },
      { name: "is_demo", type: "bool" },
      { name: "created", type: "autodate", onCreate: true },
      { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
    ],
    indexes: ["CREATE INDEX idx_" + name + "_compound ON " + name + " (compound)", ...(indexes || [])],
  });
  app.save(c);
}

migrate((app) => {
  make(app, "approvals", OFFICE + " || " + dept("approval"), [
    { name: "kind", type: "select", required: true, maxSelect: 1, values: ["joint_review", "permit", "permit_exempt", "land_use", "other"] },
    { name: "number", type: "text", max: 80 },
    { name: "date", type: "date", required: true },
    { name: "status", type: "select", required: true, maxSelect: 1, values: ["pending", "approved", "returned"] },
  ]);
  make(app, "elevator_inspections", OFFICE + " || " + dept("market"), [
    { name: "building", type: "text", max: 40 },
    { name: "kind", type: "select", required: true, maxSelect: 1, values: ["installation", "periodic", "maintenance"] },
    { name: "date", type: "date", required: true },
    { name: "result", type: "select", required: true, maxSelect: 1, values: ["pass", "fail", "pending"] },
    { name: "certificate", type: "text", max: 80 },
  ]);
  make(app, "consultations", OFFICE + " || " + dept("civil") + " || " + TOWNSHIP_OWN, [
    { name: "kind", type: "select", required: true, maxSelect: 1, values: ["meeting", "survey", "hearing", "acceptance"] },
    { name: "date", type: "date", required: true },
    { name: "participants", type: "number", onlyInt: true, min: 0 },
    { name: "consent_pct", type: "number", min: 0, max: 100 },
    { name: "summary", type: "text", max: 5000 },
  ]);
}, (app) => {
  for (const name of ["consultations", "elevator_inspections", "approvals"]) app.delete(app.findCollectionByNameOrId(name));
});
