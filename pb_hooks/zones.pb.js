/// <reference path="../pb_data/types.d.ts" />
// Design zones (#3): who made them, and optimistic concurrency. An update must carry the `version` it was loaded with;
// a save over a zone someone else changed since then is refused (409), never a silent overwrite. The stored version
// is read inside the write transaction (PocketBase runs write transactions one at a time), so concurrent saves of the
// same version cannot both pass.

onRecordCreateRequest((e) => {
  e.record.set("version", 1);
  if (!e.record.get("status")) e.record.set("status", "active");
  const byUser = e.auth && e.auth.collection().name === "users";
  e.record.set("created_by", byUser ? e.auth.id : "");
  e.record.set("updated_by", byUser ? e.auth.id : "");
  e.next();
}, "design_zones");

onRecordUpdateRequest((e) => {
  const sent = e.requestInfo().body["version"];
  const check = (app) => {
    const stored = app.findRecordById("design_zones", e.record.id);
    if (sent === undefined || sent === null || sent === "" || Number(sent) !== stored.getInt("version")) {
      const msg = require(`${__hooks}/lib/messages.js`).text("zone_stale_version");
      throw new ApiError(409, msg, { version: new ValidationError("stale_version", msg) });
    }
    e.record.set("version", stored.getInt("version") + 1);
    e.record.set("created_by", stored.get("created_by")); // authorship is not editable
    if (e.auth && e.auth.collection().name === "users") e.record.set("updated_by", e.auth.id);
    e.next();
  };
  if (e.app.isTransactional()) return check(e.app);
  e.app.runInTransaction((txApp) => {
    const outer = e.app;
    e.app = txApp;
    try {
      check(txApp);
    } finally {
      e.app = outer;
    }
  });
}, "design_zones");
