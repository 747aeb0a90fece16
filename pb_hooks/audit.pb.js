/// <reference path="../pb_data/types.d.ts" />
// Audit trail (#6): every create, update and delete through the API (single or batched) of the collections listed in
// lib/audit.js is recorded with who, when and before/after values, in the same transaction as the change.
// The log itself is append-only: no API request may create, change or delete a row — not even a superuser's.
// (The collection list is repeated here because hook registration happens before any handler runs.)

onRecordCreateRequest((e) => require(`${__hooks}/lib/audit.js`).record(e, "create"),
  "compounds", "compound_notes", "design_zones", "facility_sites", "funding", "annual_plans", "plan_entries",
  "programme_settings", "stage_events", "renovation_items", "approvals", "elevator_inspections", "consultations", "feedback", "users");
onRecordUpdateRequest((e) => require(`${__hooks}/lib/audit.js`).record(e, "update"),
  "compounds", "compound_notes", "design_zones", "facility_sites", "funding", "annual_plans", "plan_entries",
  "programme_settings", "stage_events", "renovation_items", "approvals", "elevator_inspections", "consultations", "feedback", "users");
onRecordDeleteRequest((e) => require(`${__hooks}/lib/audit.js`).record(e, "delete"),
  "compounds", "compound_notes", "design_zones", "facility_sites", "funding", "annual_plans", "plan_entries",
  "programme_settings", "stage_events", "renovation_items", "approvals", "elevator_inspections", "consultations", "feedback", "users");

onRecordCreateRequest((e) => {
  throw new ForbiddenError("审计日志只能由系统写入 / the audit log is written by the server only");
}, "audit_log");
onRecordUpdateRequest((e) => {
  throw new ForbiddenError("审计日志不可修改 / the audit log cannot be changed");
}, "audit_log");
onRecordDeleteRequest((e) => {
  throw new ForbiddenError("审计日志不可删除 / the audit log cannot be deleted");
}, "audit_log");
// Model level too, so no code path (admin UI, custom route) can rewrite history.
onRecordUpdate((e) => {
  throw new ForbiddenError("审计日志不可修改 / the audit log cannot be changed");
}, "audit_log");
onRecordDelete((e) => {
  throw new ForbiddenError("审计日志不可删除 / the audit log cannot be deleted");
}, "audit_log");
onCollectionDeleteRequest((e) => {
  if (e.collection.name === "audit_log") throw new ForbiddenError("审计日志不可删除 / the audit log cannot be deleted");
  e.next();
});
onCollectionUpdateRequest((e) => {
  if (e.collection.name === "audit_log") throw new ForbiddenError("审计日志的结构和规则不可修改 / the audit log's schema and rules cannot be changed");
  e.next();
});
// A collections import may neither redefine the audit log nor drop it (deleteMissing without it).
onCollectionsImportRequest((e) => {
  const names = (e.collectionsData || []).map((c) => c && c.name);
  if (names.indexOf("audit_log") >= 0 || e.deleteMissing) {
    throw new ForbiddenError("导入集合不得修改或删除审计日志 / a collections import may not change or drop the audit log");
  }
  e.next();
});
