/// <reference path="../pb_data/types.d.ts" />
// The city's plan for a year (policy 四(三)): townships declare their lists (annual_plans, by 31 August); the office
// reviews each declaration, then fixes the year's arrangement (办公室审查), reports it to the city government for
// consent (市政府同意: date, document), and 住建局, 发改委 and 财政局 issue it in a joint document (联合发文: number,
// date, PDF, the three issuing bodies) — only then do 实施一批 compounds enter "planned" — which is filed with 吕梁市
// (报吕梁市备案: date, receipt). `plan_years` holds that chain, one record per year, with the year's budget ceiling
// (over-ceiling approvals need a reason). pb_hooks/lib/plans.js holds the transition table; the API rules let staff
// in and the hooks decide who may take which step, so every refusal carries a Chinese reason.
// Years whose township plans were approved before this chain was recorded are marked `legacy` and stand at "issued"
// (their compounds were moved to planned at that approval).

const AUTH = "@request.auth.collectionName = 'users'";
const STAFF = `${AUTH} && @request.auth.role != '' && @request.auth.active = true`;
const OFFICE = `${AUTH} && @request.auth.role = 'office' && @request.auth.active = true`;
const PDF = ["application/pdf"];
const PDF_OR_IMAGE = ["application/pdf", "image/jpeg", "image/png"];
const MB20 = 20 * 1024 * 1024;

migrate((app) => {
  const users = app.findCollectionByNameOrId("users");
  const periods = app.findCollectionByNameOrId("periods");
  const years = new Collection({
    type: "base",
    name: "plan_years",
    listRule: STAFF,
    viewRule: STAFF,
    createRule: OFFICE,
    updateRule: STAFF,
    deleteRule: `${OFFICE} && status = 'open'`,
    fields: [
      { name: "year", type: "number", required: true, onlyInt: true, min: 2000, max: 2100 },
      { name: "period", type: "relation", maxSelect: 1, collectionId: periods.id, cascadeDelete: false },
      { name: "status", type: "select", required: true, maxSelect: 1, values: ["open", "reviewed", "city_approved", "issued", "filed"] },
      { name: "budget_ceiling_yuan", type: "number", min: 0 },
      // 办公室审查
      { name: "reviewed_at", type: "date" },
      { name: "reviewed_by", type: "relation", maxSelect: 1, collectionId: users.id },
      { name: "review_opinion", type: "text", max: 5000 },
      { name: "over_ceiling", type: "bool" },
      { name: "over_ceiling_reason", type: "text", max: 2000 },
      // 市政府同意
      { name: "city_consent_date", type: "date" },
      { name: "city_consent_number", type: "text", max: 80 },
      { name: "city_consent_file", type: "file", maxSelect: 1, maxSize: MB20, mimeTypes: PDF },
      { name: "city_consent_by", type: "relation", maxSelect: 1, collectionId: users.id },
      // 联合发文 (住建局、发改委、财政局)
      { name: "joint_doc_number", type: "text", max: 80 },
      { name: "joint_doc_date", type: "date" },
      { name: "joint_doc_issuers", type: "select", maxSelect: 3, values: ["housing", "development", "finance"] },
      { name: "joint_doc_file", type: "file", maxSelect: 1, maxSize: MB20, mimeTypes: PDF },
      { name: "joint_doc_by", type: "relation", maxSelect: 1, collectionId: users.id },
      // 报吕梁市备案
      { name: "filed_date", type: "date" },
      { name: "filing_number", type: "text", max: 80 },
      { name: "filing_receipt", type: "file", maxSelect: 1, maxSize: MB20, mimeTypes: PDF_OR_IMAGE },
      { name: "filed_by", type: "relation", maxSelect: 1, collectionId: users.id },
      // The last return (a step sent back with its reason); every step is also in the audit trail.
      { name: "return_reason", type: "text", max: 2000 },
      { name: "returned_at", type: "date" },
      { name: "returned_by", type: "relation", maxSelect: 1, collectionId: users.id },
      { name: "returned_from", type: "select", maxSelect: 1, values: ["reviewed", "city_approved"] },
      { name: "legacy", type: "bool" },
      { name: "note", type: "text", max: 2000 },
      { name: "is_demo", type: "bool" },
      { name: "created", type: "autodate", onCreate: true },
      { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
    ],
    indexes: ["CREATE UNIQUE INDEX idx_plan_years_year ON plan_years (year)"],
  });
  app.save(years);

  // A township plan approved over the year's budget ceiling carries the office's reason.
  const plans = app.findCollectionByNameOrId("annual_plans");
  plans.fields.add(new BoolField({ name: "over_ceiling" }));
  plans.fields.add(new TextField({ name: "over_ceiling_reason", max: 2000 }));
  app.save(plans);

  // One plan year for every year that has township plans; years approved before the chain stand at "issued".
  const byYear = new Map();
  for (const p of app.findAllRecords("annual_plans")) {
    const y = p.getInt("year");
    const approved = p.getString("status") === "approved";
    byYear.set(y, { approved: (byYear.get(y)?.approved ?? false) || approved, period: p.getString("period"), demo: p.getBool("is_demo") });
  }
  for (const [year, info] of byYear) {
    const rec = new Record(years);
    rec.set("year", year);
    rec.set("period", info.period);
    rec.set("status", info.approved ? "issued" : "open");
    rec.set("legacy", info.approved);
    rec.set("is_demo", info.demo);
    if (info.approved) rec.set("note", "审批链建立前已审批(无市政府同意、联合发文记录)");
    app.save(rec);
  }
}, (app) => {
  const plans = app.findCollectionByNameOrId("annual_plans");
  plans.fields.removeByName("over_ceiling");
  plans.fields.removeByName("over_ceiling_reason");
  app.save(plans);
  app.delete(app.findCollectionByNameOrId("plan_years"));
});
