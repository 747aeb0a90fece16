/// <reference path="../pb_data/types.d.ts" />
// Update rules are checked against the stored record, so a township could re-point its own item, funding record or
// consultation at another township's compound (or a zone), or move its compound into another township's community.
// Townships now may not change those links; the office still can. (Review finding; see test/integration/permissions.test.ts.)

const TOWNSHIP_ITEM_GUARD = " && @request.body.compound:isset = false && @request.body.zone:isset = false";
const GUARDS = {
  renovation_items: "(@request.auth.role = 'township' && compound != '' && @request.auth.township = compound.township)",
  funding: "(@request.auth.role = 'township' && compound != '' && @request.auth.township = compound.township)",
};

migrate((app) => {
  for (const [name, branch] of Object.entries(GUARDS)) {
    const c = app.findCollectionByNameOrId(name);
    if (!c.updateRule.includes(branch)) throw new Error(`${name}: unexpected update rule`);
    c.updateRule = c.updateRule.replace(branch, branch.slice(0, -1) + TOWNSHIP_ITEM_GUARD + ")");
    app.save(c);
  }
  const consultations = app.findCollectionByNameOrId("consultations");
  const cBranch = "@request.auth.township = compound.township)";
  if (!consultations.updateRule.endsWith(cBranch)) throw new Error("consultations: unexpected update rule");
  consultations.updateRule = consultations.updateRule.slice(0, -1) + " && @request.body.compound:isset = false)";
  app.save(consultations);

  const compounds = app.findCollectionByNameOrId("compounds");
  const tail = "(@request.body.township:isset = false || @request.body.township = @request.auth.township))";
  if (!compounds.updateRule.endsWith(tail)) throw new Error("compounds: unexpected update rule");
  compounds.updateRule = compounds.updateRule.slice(0, -1) +
    " && @request.body.community:isset = false && @request.body.code:isset = false && @request.body.is_demo:isset = false)";
  app.save(compounds);
}, (app) => {
  for (const name of Object.keys(GUARDS)) {
    const c = app.findCollectionByNameOrId(name);
    c.updateRule = c.updateRule.replace(TOWNSHIP_ITEM_GUARD, "");
    app.save(c);
  }
  const consultations = app.findCollectionByNameOrId("consultations");
  consultations.updateRule = consultations.updateRule.replace(" && @request.body.compound:isset = false)", ")");
  app.save(consultations);
  const compounds = app.findCollectionByNameOrId("compounds");
  compounds.updateRule = compounds.updateRule.replace(
    " && @request.body.community:isset = false && @request.body.code:isset = false && @request.body.is_demo:isset = false)", ")");
  app.save(compounds);
});
