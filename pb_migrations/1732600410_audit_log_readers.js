/// <reference path="../pb_data/types.d.ts" />
// Who reads the audit trail: the office and the audit bureau read all of it; other staff read the history of the
// programme's records but not of feedback (residents' messages) or accounts (staff e-mails), which only those two see.

const STAFF = "@request.auth.collectionName = 'users' && @request.auth.role != '' && @request.auth.active = true";
const FULL = "(@request.auth.role = 'office' || (@request.auth.role = 'department' && @request.auth.department = 'audit'))";
const RULE = `${STAFF} && (${FULL} || (collection != 'feedback' && collection != 'users'))`;

migrate((app) => {
  const c = app.findCollectionByNameOrId("audit_log");
  c.listRule = RULE;
  c.viewRule = RULE;
  app.save(c);
}, (app) => {
  const c = app.findCollectionByNameOrId("audit_log");
  c.listRule = STAFF;
  c.viewRule = STAFF;
  app.save(c);
});
