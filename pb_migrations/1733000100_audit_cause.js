/// <reference path="../pb_data/types.d.ts" />
// Audit rows for the records a request changes besides its own (a compound's stage moved by a stage event, the
// funding, items and notes removed with a deleted compound) name that request's record as their cause, e.g.
// "delete compounds k3j…". The full read rules are restated (office and audit bureau: everything; other staff: not the
// history of feedback and accounts).

const STAFF = "@request.auth.collectionName = 'users' && @request.auth.role != '' && @request.auth.active = true";
const FULL = "(@request.auth.role = 'office' || (@request.auth.role = 'department' && @request.auth.department = 'audit'))";
const RULE = `${STAFF} && (${FULL} || (collection != 'feedback' && collection != 'users'))`;

migrate((app) => {
  const c = app.findCollectionByNameOrId("audit_log");
  c.fields.add(new TextField({ name: "cause", max: 200 }));
  c.listRule = RULE;
  c.viewRule = RULE;
  c.createRule = null;
  c.updateRule = null;
  c.deleteRule = null;
  app.save(c);
}, (app) => {
  const c = app.findCollectionByNameOrId("audit_log");
  c.fields.removeByName("cause");
  app.save(c);
});
