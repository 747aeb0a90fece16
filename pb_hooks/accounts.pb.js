/// <reference path="../pb_data/types.d.ts" />
// Accounts (#6): a deactivated account cannot sign in or refresh its token (API rules already refuse its requests);
// a role comes with what it needs (township → its township, department → its department); the office cannot lock
// itself out by deactivating or demoting its own account.

onRecordAuthRequest((e) => {
  // Runs after the password (or other method) was accepted, so it tells nothing to someone guessing passwords.
  if (e.record && !e.record.getBool("active")) {
    throw require(`${__hooks}/lib/messages.js`).forbidden("account_deactivated");
  }
  e.next();
}, "users");

onRecordCreateRequest((e) => {
  const body = e.requestInfo().body;
  if (body["active"] === undefined) e.record.set("active", true);
  require(`${__hooks}/lib/accounts.js`).checkRole(e.record);
  e.next();
}, "users");

onRecordUpdateRequest((e) => {
  const lib = require(`${__hooks}/lib/accounts.js`);
  lib.checkRole(e.record);
  if (e.auth && !e.auth.isSuperuser() && e.auth.id === e.record.id) {
    const before = e.record.original();
    if (!e.record.getBool("active") || e.record.getString("role") !== before.getString("role")) {
      throw require(`${__hooks}/lib/messages.js`).bad("account_self_lockout", "active");
    }
  }
  e.next();
}, "users");
