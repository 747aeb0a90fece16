/// <reference path="../pb_data/types.d.ts" />
// Programme settings (#5): one record the office edits. The consent threshold (居民自愿) gates entry into annual plans;
// the default is two thirds. Hooks read record "settings0000001" and fall back to the default when it is missing.

const STAFF = "@request.auth.collectionName = 'users' && @request.auth.role != '' && @request.auth.active = true";
const OFFICE = "@request.auth.collectionName = 'users' && @request.auth.role = 'office' && @request.auth.active = true";

migrate((app) => {
  const settings = new Collection({
    type: "base",
    name: "programme_settings",
    listRule: STAFF,
    viewRule: STAFF,
    createRule: null,
    updateRule: OFFICE,
    deleteRule: null,
    fields: [
      { name: "consent_threshold_pct", type: "number", required: true, min: 0, max: 100 },
      { name: "created", type: "autodate", onCreate: true },
      { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
    ],
  });
  app.save(settings);
  const rec = new Record(settings);
  rec.set("id", "settings0000001");
  rec.set("consent_threshold_pct", 200 / 3);
  app.save(rec);
}, (app) => {
  app.delete(app.findCollectionByNameOrId("programme_settings"));
});
