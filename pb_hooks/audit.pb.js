/// <reference path="../pb_data/types.d.ts" />
// Audit trail: every create, update and delete through the API (single or batched) of the collections listed in
// lib/audit.js is recorded with who, when and before/after values, in the same transaction as the change; so is every
// other audited record that request writes or removes (hook writes, cascading deletes). The log itself is append-only
// and cannot be renamed, redefined, dropped, truncated or replaced by a collections import — not even by a superuser;
// nor can an audited collection be renamed or dropped (its writes would stop being recorded).

const AUDITED = require(`${__hooks}/lib/audit.js`).AUDITED;

onRecordCreateRequest((e) => require(`${__hooks}/lib/audit.js`).record(e, "create"), ...AUDITED);
onRecordUpdateRequest((e) => require(`${__hooks}/lib/audit.js`).record(e, "update"), ...AUDITED);
onRecordDeleteRequest((e) => require(`${__hooks}/lib/audit.js`).record(e, "delete"), ...AUDITED);

// Compounds: their create and update model hook (compounds.pb.js, the version) calls modelChange itself — one hook per save.
const MODEL_HOOKED = AUDITED.filter((name) => name !== "compounds");
onRecordCreate((e) => require(`${__hooks}/lib/audit.js`).modelChange(e, "create"), ...MODEL_HOOKED);
onRecordUpdate((e) => require(`${__hooks}/lib/audit.js`).modelChange(e, "update"), ...MODEL_HOOKED);
onRecordDelete((e) => require(`${__hooks}/lib/audit.js`).modelChange(e, "delete"), ...AUDITED);

onRecordCreateRequest((e) => {
  throw require(`${__hooks}/lib/messages.js`).forbidden("audit_written_by_server");
}, "audit_log");
onRecordUpdateRequest((e) => {
  throw require(`${__hooks}/lib/messages.js`).forbidden("audit_immutable");
}, "audit_log");
onRecordDeleteRequest((e) => {
  throw require(`${__hooks}/lib/messages.js`).forbidden("audit_undeletable");
}, "audit_log");
// Model level too, so no code path (admin UI, custom route, truncating the collection) can rewrite history.
onRecordUpdate((e) => {
  throw require(`${__hooks}/lib/messages.js`).forbidden("audit_immutable");
}, "audit_log");
onRecordDelete((e) => {
  throw require(`${__hooks}/lib/messages.js`).forbidden("audit_undeletable");
}, "audit_log");

// Collections: checked against the stored collection (by id), so a rename is caught by its old name.
onCollectionUpdateRequest((e) => {
  require(`${__hooks}/lib/audit-guard.js`).checkUpdate(e);
  e.next();
});
onCollectionDeleteRequest((e) => {
  require(`${__hooks}/lib/audit-guard.js`).checkDelete(e);
  e.next();
});
onCollectionsImportRequest((e) => {
  require(`${__hooks}/lib/audit-guard.js`).checkImport(e);
  e.next();
});
// Truncating a collection (deleting all its records at once) is refused for the log and audited collections by the
// request middleware in requests.pb.js (lib/audit-guard.js checkTruncate).
