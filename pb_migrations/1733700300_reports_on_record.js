/// <reference path="../pb_data/types.d.ts" />
// Reports on record (附件 二.4 月报): the office submits a month's report, which freezes it — every figure as shown
// (`figures`), the XLSX as sent (`workbook`), who and when. A submitted report is never changed or deleted: a
// correction is a new version of the same month with a reason (pb_hooks/lib/reports.js numbers the versions and
// refuses a correction without a reason). Later months compare with what was submitted.
// The year-end summary's text blocks, which the office edits, are one record per year (its tables and charts are
// computed).

const AUTH = "@request.auth.collectionName = 'users'";
const STAFF = `${AUTH} && @request.auth.role != '' && @request.auth.active = true`;
const OFFICE = `${AUTH} && @request.auth.role = 'office' && @request.auth.active = true`;

migrate((app) => {
  const periods = app.findCollectionByNameOrId("periods");
  const users = app.findCollectionByNameOrId("users");
  const reports = new Collection({
    type: "base",
    name: "monthly_reports",
    listRule: STAFF,
    viewRule: STAFF,
    createRule: OFFICE,
    updateRule: null,
    deleteRule: null,
    fields: [
      { name: "month", type: "text", required: true, pattern: "^20[0-9]{2}-(0[1-9]|1[0-2])$" },
      { name: "period", type: "relation", maxSelect: 1, collectionId: periods.id, cascadeDelete: false },
      { name: "version", type: "number", onlyInt: true, min: 1 },
      { name: "reason", type: "text", max: 2000 },
      { name: "figures", type: "json", required: true, maxSize: 2000000 },
      { name: "workbook", type: "file", maxSelect: 1, maxSize: 5 * 1024 * 1024, mimeTypes: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] },
      { name: "submitted_by", type: "relation", maxSelect: 1, collectionId: users.id },
      { name: "is_demo", type: "bool" },
      { name: "created", type: "autodate", onCreate: true },
    ],
    indexes: ["CREATE UNIQUE INDEX idx_monthly_reports_version ON monthly_reports (month, period, version)"],
  });
  app.save(reports);
  reports.fields.add(new RelationField({ name: "supersedes", maxSelect: 1, collectionId: reports.id, cascadeDelete: false }));
  app.save(reports);

  app.save(new Collection({
    type: "base",
    name: "year_summaries",
    listRule: STAFF,
    viewRule: STAFF,
    createRule: OFFICE,
    updateRule: OFFICE,
    deleteRule: OFFICE,
    fields: [
      { name: "year", type: "number", required: true, onlyInt: true, min: 2000, max: 2100 },
      { name: "overview", type: "text", max: 10000 },
      { name: "achievements", type: "text", max: 10000 },
      { name: "management", type: "text", max: 10000 },
      { name: "problems", type: "text", max: 10000 },
      { name: "next_year", type: "text", max: 10000 },
      { name: "updated_by", type: "relation", maxSelect: 1, collectionId: users.id },
      { name: "is_demo", type: "bool" },
      { name: "created", type: "autodate", onCreate: true },
      { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
    ],
    indexes: ["CREATE UNIQUE INDEX idx_year_summaries_year ON year_summaries (year)"],
  }));
}, (app) => {
  app.delete(app.findCollectionByNameOrId("year_summaries"));
  app.delete(app.findCollectionByNameOrId("monthly_reports"));
});
