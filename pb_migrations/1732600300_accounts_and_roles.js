/// <reference path="../pb_data/types.d.ts" />
// Accounts and roles (#6). The office manages accounts (create, deactivate, reset password through manageRule);
// anyone may edit their own name but never their own role, township, department or active flag.
// Passwords are at least 10 characters; tokens last 24 hours. A township may edit its own compounds but never move
// one to another township; it cannot re-point a private note at another compound.

const STAFF = "@request.auth.collectionName = 'users' && @request.auth.role != '' && @request.auth.active = true";
const OFFICE = "@request.auth.collectionName = 'users' && @request.auth.role = 'office' && @request.auth.active = true";
const TOWNSHIP = "@request.auth.collectionName = 'users' && @request.auth.role = 'township' && @request.auth.active = true";
const SELF_SAFE = "@request.body.role:isset = false && @request.body.township:isset = false && " +
  "@request.body.department:isset = false && @request.body.active:isset = false && @request.body.is_demo:isset = false && " +
  "@request.body.email:isset = false && @request.body.verified:isset = false";

migrate((app) => {
  const users = app.findCollectionByNameOrId("users");
  users.updateRule = OFFICE + " || (" + STAFF + " && id = @request.auth.id && " + SELF_SAFE + ")";
  users.manageRule = OFFICE;
  users.createRule = OFFICE;
  users.deleteRule = null; // accounts are deactivated, never deleted: the audit trail names them
  users.authToken.duration = 24 * 3600;
  users.fields.getByName("password").min = 10;
  app.save(users);

  const compounds = app.findCollectionByNameOrId("compounds");
  compounds.updateRule = OFFICE + " || (" + TOWNSHIP + " && @request.auth.township = township && " +
    "(@request.body.township:isset = false || @request.body.township = @request.auth.township))";
  app.save(compounds);

  const notes = app.findCollectionByNameOrId("compound_notes");
  notes.updateRule = OFFICE + " || (" + TOWNSHIP + " && @request.auth.township = compound.township && @request.body.compound:isset = false)";
  app.save(notes);

  const buildings = app.findCollectionByNameOrId("buildings");
  buildings.updateRule = OFFICE + " || (" + TOWNSHIP + " && @request.auth.township = compound.township && @request.body.compound:isset = false)";
  app.save(buildings);
}, (app) => {
  const users = app.findCollectionByNameOrId("users");
  users.updateRule = OFFICE + " || id = @request.auth.id";
  users.manageRule = null;
  users.authToken.duration = 604800;
  users.fields.getByName("password").min = 8;
  app.save(users);
  const compounds = app.findCollectionByNameOrId("compounds");
  compounds.updateRule = OFFICE + " || (" + STAFF + " && @request.auth.role = 'township' && @request.auth.township = township)";
  app.save(compounds);
  for (const name of ["compound_notes", "buildings"]) {
    const c = app.findCollectionByNameOrId(name);
    c.updateRule = OFFICE + " || (" + STAFF + " && @request.auth.role = 'township' && @request.auth.township = compound.township)";
    app.save(c);
  }
});
