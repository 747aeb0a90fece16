/// <reference path="../pb_data/types.d.ts" />
// Hidden means unreachable: the staff-only facts of a compound (original owner, management, maintenance fund, resident
// consent and its survey date, implementing unit) move out of `compounds` — which anyone may list, filter and sort, so a
// field only stripped from responses could still be recovered one filter at a time — into `compound_private`, one
// record per compound (same id), which only staff may list or view. PocketBase applies a collection's rules to every
// relation join (filters, back-relations, expand, realtime), so nothing outside staff can reach these values.
// Existing values are moved, then the fields are removed from compounds. Down moves them back.

const STAFF = "@request.auth.collectionName = 'users' && @request.auth.role != '' && @request.auth.active = true";
const OFFICE = "@request.auth.collectionName = 'users' && @request.auth.role = 'office' && @request.auth.active = true";
const TOWNSHIP_OWN = "(@request.auth.collectionName = 'users' && @request.auth.role = 'township' && @request.auth.active = true" +
  " && @request.auth.township = compound.township)";

const FIELDS = [
  { name: "property_owner", type: "text", max: 120 },
  { name: "management", type: "select", maxSelect: 1, values: ["property_company", "self", "none"] },
  { name: "maintenance_fund", type: "bool" },
  { name: "consent_pct", type: "number", min: 0, max: 100 },
  { name: "consent_date", type: "date" },
  { name: "implementing_unit", type: "text", max: 120 },
];
const NAMES = FIELDS.map((f) => f.name);

function isSet(rec, f) {
  if (f.type === "bool") return rec.getBool(f.name);
  if (f.type === "number") return rec.getFloat(f.name) !== 0;
  return rec.getString(f.name) !== "";
}

migrate((app) => {
  const compounds = app.findCollectionByNameOrId("compounds");
  const priv = new Collection({
    type: "base",
    name: "compound_private",
    listRule: STAFF,
    viewRule: STAFF,
    createRule: OFFICE + " || " + TOWNSHIP_OWN,
    // The link to the compound never changes (pb_hooks/audience.pb.js refuses it for everyone), so a batch upsert may
    // name it either way.
    updateRule: OFFICE + " || " + TOWNSHIP_OWN,
    deleteRule: OFFICE,
    fields: [
      { name: "compound", type: "relation", required: true, maxSelect: 1, collectionId: compounds.id, cascadeDelete: true },
      ...FIELDS,
      { name: "created", type: "autodate", onCreate: true },
      { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
    ],
    indexes: ["CREATE UNIQUE INDEX idx_compound_private_compound ON compound_private (compound)"],
  });
  app.save(priv);

  for (const c of app.findAllRecords("compounds")) {
    if (!FIELDS.some((f) => isSet(c, f))) continue;
    const rec = new Record(priv);
    rec.set("id", c.id);
    rec.set("compound", c.id);
    for (const name of NAMES) rec.set(name, c.get(name));
    app.save(rec);
  }

  for (const name of NAMES) compounds.fields.removeByName(name);
  app.save(compounds);
}, (app) => {
  const compounds = app.findCollectionByNameOrId("compounds");
  compounds.fields.add(new TextField({ name: "property_owner", max: 120 }));
  compounds.fields.add(new SelectField({ name: "management", maxSelect: 1, values: ["property_company", "self", "none"] }));
  compounds.fields.add(new BoolField({ name: "maintenance_fund" }));
  compounds.fields.add(new NumberField({ name: "consent_pct", min: 0, max: 100 }));
  compounds.fields.add(new DateField({ name: "consent_date" }));
  compounds.fields.add(new TextField({ name: "implementing_unit", max: 120 }));
  app.save(compounds);
  for (const p of app.findAllRecords("compound_private")) {
    let c;
    try {
      c = app.findRecordById("compounds", p.getString("compound"));
    } catch (_) {
      continue;
    }
    for (const name of NAMES) c.set(name, p.get(name));
    app.save(c);
  }
  app.delete(app.findCollectionByNameOrId("compound_private"));
});
