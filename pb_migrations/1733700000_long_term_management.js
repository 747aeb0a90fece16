/// <reference path="../pb_data/types.d.ts" />
// Long-term management after acceptance (长效管理, policy 四(六), 七(四)): what follows a compound once the works are
// accepted — its management arrangement (物业 company with contract period, fee standard and subsidy tied to service;
// or self-management / 业委会 / community), the maintenance fund collected where none existed (target, collected, date),
// and periodic checks (date, inspector, findings, photos, score, and a staff-entered residents' service rating 1–5).
// Staff read; the office and the compound's own township write. The check interval (default 6 months) is a setting.

const AUTH = "@request.auth.collectionName = 'users'";
const STAFF = `${AUTH} && @request.auth.role != '' && @request.auth.active = true`;
const OFFICE = `${AUTH} && @request.auth.role = 'office' && @request.auth.active = true`;
const TOWNSHIP = `${AUTH} && @request.auth.role = 'township' && @request.auth.active = true`;
const WRITERS = `${OFFICE} || (${TOWNSHIP} && @request.auth.township = compound.township)`;
const PINNED = `${OFFICE} || (${TOWNSHIP} && @request.auth.township = compound.township && @request.body.compound:isset = false)`;
const PHOTOS = { maxSelect: 6, maxSize: 10 * 1024 * 1024, mimeTypes: ["image/jpeg", "image/png", "image/webp"] };

const tail = () => [
  { name: "note", type: "text", max: 2000 },
  { name: "is_demo", type: "bool" },
  { name: "created", type: "autodate", onCreate: true },
  { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
];

migrate((app) => {
  const compounds = app.findCollectionByNameOrId("compounds");
  const users = app.findCollectionByNameOrId("users");
  const base = (name, fields, indexes) => new Collection({
    type: "base", name,
    listRule: STAFF, viewRule: STAFF, createRule: WRITERS, updateRule: PINNED, deleteRule: OFFICE,
    fields: [
      { name: "compound", type: "relation", required: true, maxSelect: 1, collectionId: compounds.id, cascadeDelete: true },
      ...fields, ...tail(),
    ],
    indexes: [`CREATE INDEX idx_${name}_compound ON ${name} (compound)`, ...(indexes || [])],
  });

  // The arrangement in force from `start_date` (a later record replaces an earlier one).
  app.save(base("management_arrangements", [
    { name: "mode", type: "select", required: true, maxSelect: 1, values: ["property_company", "owners_committee", "self", "community"] },
    { name: "start_date", type: "date", required: true },
    { name: "company", type: "text", max: 120 },
    { name: "contract_start", type: "date" },
    { name: "contract_end", type: "date" },
    // 物业费标准, yuan per m² of floor area per month.
    { name: "fee_yuan_m2_month", type: "number", min: 0, max: 20 },
    // Subsidy per year, paid against the service checks' scores (以奖代补).
    { name: "subsidy_yuan_year", type: "number", min: 0 },
    { name: "subsidy_min_score", type: "number", min: 0, max: 100 },
  ]));

  // One fund record per compound: the target and what has been collected by `date`.
  app.save(base("maintenance_funds", [
    { name: "target_yuan", type: "number", required: true, min: 0 },
    { name: "collected_yuan", type: "number", min: 0 },
    { name: "date", type: "date", required: true },
  ], ["CREATE UNIQUE INDEX idx_maintenance_funds_one ON maintenance_funds (compound)"]));

  app.save(base("management_checks", [
    { name: "date", type: "date", required: true },
    { name: "inspector", type: "text", required: true, max: 80 },
    { name: "findings", type: "text", max: 5000 },
    { name: "photos", type: "file", ...PHOTOS },
    { name: "score", type: "number", required: true, min: 0, max: 100 },
    // Residents' service rating as recorded by staff (1–5); residents' own ratings come from their own collection.
    { name: "service_rating", type: "number", min: 0, max: 5 },
    { name: "checked_by", type: "relation", maxSelect: 1, collectionId: users.id },
  ]));

  const settings = app.findCollectionByNameOrId("programme_settings");
  settings.fields.add(new NumberField({ name: "check_interval_months", onlyInt: true, min: 1, max: 36 }));
  app.save(settings);
  const rec = app.findRecordById("programme_settings", "settings0000001");
  rec.set("check_interval_months", 6);
  app.save(rec);
}, (app) => {
  for (const n of ["management_checks", "maintenance_funds", "management_arrangements"]) app.delete(app.findCollectionByNameOrId(n));
  const settings = app.findCollectionByNameOrId("programme_settings");
  settings.fields.removeByName("check_interval_months");
  app.save(settings);
});
