/// <reference path="../pb_data/types.d.ts" />
// Audit trail (#6, policy §七 督导 / 审计局): one row per create, update or delete of an audited record, with who, when
// and the values before and after. Written only by server hooks (pb_hooks/audit.pb.js) with app.save; no API rule lets
// anyone create, change or delete a row, and a hook refuses even superusers (pb_hooks/audit.pb.js).

const STAFF = "@request.auth.collectionName = 'users' && @request.auth.role != '' && @request.auth.active = true";

migrate((app) => {
  app.save(new Collection({
    type: "base",
    name: "audit_log",
    listRule: STAFF,
    viewRule: STAFF,
    createRule: null,
    updateRule: null,
    deleteRule: null,
    fields: [
      { name: "collection", type: "text", required: true, max: 60 },
      { name: "record", type: "text", required: true, max: 40 },
      { name: "label", type: "text", max: 200 },
      { name: "action", type: "select", required: true, maxSelect: 1, values: ["create", "update", "delete"] },
      { name: "changed", type: "json", maxSize: 20000 },
      { name: "before", type: "json", maxSize: 20000000 },
      { name: "after", type: "json", maxSize: 20000000 },
      { name: "by", type: "text", max: 40 },
      { name: "by_name", type: "text", max: 200 },
      { name: "by_kind", type: "select", required: true, maxSelect: 1, values: ["user", "superuser", "public", "system"] },
      { name: "by_role", type: "text", max: 40 },
      { name: "ip", type: "text", max: 64 },
      { name: "at", type: "autodate", onCreate: true },
    ],
    indexes: [
      "CREATE INDEX idx_audit_record ON audit_log (collection, record)",
      "CREATE INDEX idx_audit_at ON audit_log (at)",
      "CREATE INDEX idx_audit_by ON audit_log (by)",
    ],
  }));
}, (app) => {
  app.delete(app.findCollectionByNameOrId("audit_log"));
});
