// Guards of the audit trail's own existence: the audit log cannot be renamed, redefined, dropped or truncated, and an
// audited collection cannot be renamed, dropped or truncated — through the API or a collections import, by anyone,
// superusers included (schema changes go through migrations). Collections are identified by id, so a rename is judged
// by the name the collection has now, not the one the request asks for.
var A = require(__hooks + "/lib/audit.js");
var M = require(__hooks + "/lib/messages.js");

function isProtected(name) {
  return name === A.LOG || A.AUDITED.indexOf(name) >= 0;
}

/** The stored collection with this id or name (null when there is none). */
function stored(app, idOrName) {
  try {
    return app.findCollectionByNameOrId(idOrName);
  } catch (_) {
    return null;
  }
}

function checkUpdate(e) {
  var before = stored(e.app, e.collection.id);
  var oldName = before ? before.name : e.collection.name;
  if (oldName === A.LOG || e.collection.name === A.LOG) throw M.forbidden("audit_schema_fixed");
  if (A.AUDITED.indexOf(oldName) >= 0 && e.collection.name !== oldName) throw M.forbidden("audited_collection_fixed", { name: oldName });
}

function checkDelete(e) {
  var before = stored(e.app, e.collection.id);
  var name = before ? before.name : e.collection.name;
  if (name === A.LOG) throw M.forbidden("audit_undeletable");
  if (isProtected(name)) throw M.forbidden("audited_collection_fixed", { name: name });
}

/** An import may add or change other collections; it may not touch the log, rename an audited collection or drop one. */
function checkImport(e) {
  var data = e.collectionsData || [];
  var offending = [];
  var present = {};
  for (var i = 0; i < data.length; i++) {
    var c = data[i] || {};
    var existing = stored(e.app, c.id || "") || stored(e.app, c.name || "");
    var oldName = existing ? existing.name : "";
    if (existing) present[oldName] = true;
    if (c.name === A.LOG || oldName === A.LOG) offending.push(A.LOG);
    else if (isProtected(oldName) && c.name !== oldName) offending.push(oldName);
  }
  if (e.deleteMissing) {
    var names = [A.LOG].concat(A.AUDITED);
    for (var j = 0; j < names.length; j++) {
      if (!present[names[j]] && stored(e.app, names[j])) offending.push(names[j]);
    }
  }
  if (offending.length) throw M.forbidden("audit_import_refused", { names: offending.join(", ") });
}

var TRUNCATE = /^\/api\/collections\/([^/]+)\/truncate\/?$/;

function checkTruncate(e) {
  if (e.request.method !== "DELETE") return;
  var m = TRUNCATE.exec(e.request.url.path);
  if (!m) return;
  var c = stored(e.app, decodeURIComponent(m[1]));
  if (!c) return;
  if (c.name === A.LOG) throw M.forbidden("audit_undeletable");
  if (isProtected(c.name)) throw M.forbidden("audited_collection_fixed", { name: c.name });
}

module.exports = { checkUpdate: checkUpdate, checkDelete: checkDelete, checkImport: checkImport, checkTruncate: checkTruncate };
