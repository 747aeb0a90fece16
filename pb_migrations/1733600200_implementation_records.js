/// <reference path="../pb_data/types.d.ts" />
// What happens between the plan and the works (policy 四(四), 六(一)–(四)): the implementing body (实施主体: 业委会,
// 社区, 街道, 原产权单位, 代建 …), procurement (招投标 / government procurement: method, dates, winning unit, contract
// amount, documents), design review (施工图审查 or 联合审查 with its opinion) and the removal of illegal structures
// (拆违: count, area, date, photos). The approval bureau's records gain the policy's simplified routes: merged approval
// of proposal, feasibility study, preliminary design and budget (合并审批), the notification-commitment route (告知承诺,
// with the commitment letter) and filing of fee waivers for pipe connections and road openings (备案).
// Staff read everything; the office and the compound's own township write (design reviews also the approval bureau).
// The public reads the implementing body and the tender results (winning unit, amount) through two views.

const AUTH = "@request.auth.collectionName = 'users'";
const STAFF = `${AUTH} && @request.auth.role != '' && @request.auth.active = true`;
const OFFICE = `${AUTH} && @request.auth.role = 'office' && @request.auth.active = true`;
const TOWNSHIP = `${AUTH} && @request.auth.role = 'township' && @request.auth.active = true`;
const APPROVAL = `(${AUTH} && @request.auth.role = 'department' && @request.auth.department = 'approval' && @request.auth.active = true)`;
/** The compound's own township, which may not re-point the record at another compound. */
const ownTownship = (pinned) => `(${TOWNSHIP} && @request.auth.township = compound.township${pinned ? " && @request.body.compound:isset = false" : ""})`;
const writers = (extra) => ({
  createRule: `${OFFICE}${extra} || ${ownTownship(false)}`,
  updateRule: `${OFFICE}${extra} || ${ownTownship(true)}`,
  deleteRule: `${OFFICE}${extra} || ${ownTownship(false)}`,
});
const DOCS = { type: "file", maxSelect: 10, maxSize: 20 * 1024 * 1024, mimeTypes: ["application/pdf", "image/jpeg", "image/png", "image/webp"] };
const PHOTOS = { type: "file", maxSelect: 12, maxSize: 10 * 1024 * 1024, mimeTypes: ["image/jpeg", "image/png", "image/webp"], thumbs: ["200x150"] };

function collection(app, name, extraWriters, fields, unique) {
  const compounds = app.findCollectionByNameOrId("compounds");
  app.save(new Collection({
    type: "base",
    name,
    listRule: STAFF,
    viewRule: STAFF,
    ...writers(extraWriters),
    fields: [
      { name: "compound", type: "relation", required: true, maxSelect: 1, collectionId: compounds.id, cascadeDelete: true },
      ...fields,
      { name: "note", type: "text", max: 2000 },
      { name: "is_demo", type: "bool" },
      { name: "created", type: "autodate", onCreate: true },
      { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
    ],
    indexes: [`CREATE ${unique ? "UNIQUE " : ""}INDEX idx_${name}_compound ON ${name} (compound)`],
  }));
}

migrate((app) => {
  collection(app, "implementing_bodies", "", [
    { name: "body_type", type: "select", required: true, maxSelect: 1,
      values: ["owners_committee", "community", "subdistrict", "property_unit", "agent_builder", "housing_bureau", "other"] },
    { name: "body_name", type: "text", required: true, max: 120 },
    { name: "decided_date", type: "date" },
    { name: "documents", ...DOCS },
  ], true);
  collection(app, "procurements", "", [
    { name: "scope", type: "select", required: true, maxSelect: 1, values: ["construction", "design", "supervision", "design_build", "other"] },
    { name: "method", type: "select", required: true, maxSelect: 1,
      values: ["open_tender", "invited_tender", "competitive_consultation", "competitive_negotiation", "single_source", "inquiry", "other"] },
    { name: "status", type: "select", required: true, maxSelect: 1, values: ["announced", "awarded", "failed"] },
    { name: "announce_date", type: "date" },
    { name: "result_date", type: "date" },
    { name: "winning_unit", type: "text", max: 120 },
    { name: "contract_amount_yuan", type: "number", min: 0 },
    { name: "documents", ...DOCS },
  ]);
  collection(app, "design_reviews", ` || ${APPROVAL}`, [
    { name: "kind", type: "select", required: true, maxSelect: 1, values: ["construction_drawing", "joint"] },
    { name: "date", type: "date", required: true },
    { name: "result", type: "select", required: true, maxSelect: 1, values: ["passed", "conditional", "failed"] },
    { name: "reviewer", type: "text", max: 120 },
    { name: "opinion", type: "text", max: 5000 },
    { name: "documents", ...DOCS },
  ]);
  collection(app, "demolitions", "", [
    { name: "date", type: "date", required: true },
    { name: "structures", type: "number", onlyInt: true, min: 0 },
    { name: "area_m2", type: "number", min: 0 },
    { name: "photos", ...PHOTOS },
  ]);

  const approvals = app.findCollectionByNameOrId("approvals");
  const kind = approvals.fields.getByName("kind");
  kind.values = ["joint_review", "permit", "permit_exempt", "land_use", "merged", "notification_commitment", "fee_waiver_filing", "other"];
  approvals.fields.add(new SelectField({ name: "merged_documents", maxSelect: 4, values: ["proposal", "feasibility", "preliminary_design", "budget_estimate"] }));
  approvals.fields.add(new SelectField({ name: "waiver_items", maxSelect: 2, values: ["pipe_connection", "road_opening"] }));
  approvals.fields.add(new NumberField({ name: "waived_fees_yuan", min: 0 }));
  app.save(approvals);

  // What the public is entitled to see of the works: who implements them and who won which tender, for how much.
  app.save(new Collection({
    type: "view",
    name: "public_implementing_bodies",
    listRule: "",
    viewRule: "",
    viewQuery: "SELECT b.id, b.compound, b.body_type, b.body_name FROM implementing_bodies b",
  }));
  app.save(new Collection({
    type: "view",
    name: "public_tenders",
    listRule: "",
    viewRule: "",
    viewQuery: "SELECT p.id, p.compound, p.scope, p.method, p.status, p.announce_date, p.result_date, p.winning_unit, " +
      "p.contract_amount_yuan FROM procurements p",
  }));
}, (app) => {
  for (const name of ["public_tenders", "public_implementing_bodies", "demolitions", "design_reviews", "procurements", "implementing_bodies"]) {
    app.delete(app.findCollectionByNameOrId(name));
  }
  const approvals = app.findCollectionByNameOrId("approvals");
  for (const f of ["merged_documents", "waiver_items", "waived_fees_yuan"]) approvals.fields.removeByName(f);
  approvals.fields.getByName("kind").values = ["joint_review", "permit", "permit_exempt", "land_use", "other"];
  app.save(approvals);
});
