/// <reference path="../pb_data/types.d.ts" />
// Public views over the programme records of #5 (policy §七(三) 宣传): the stage timeline with its public note and
// before/after photos, the renovation items, and funding totals per compound — never internal notes, who recorded
// them, documents or single payments.

const VIEWS = [
  {
    name: "public_stage_events",
    viewQuery: "SELECT s.id, s.compound, s.\"from\", s.\"to\", s.kind, s.date, s.note, s.photos_before, s.photos_after, s.created " +
      "FROM stage_events s",
  },
  {
    name: "public_items",
    viewQuery: "SELECT i.id, i.compound, i.zone, i.class, i.item, i.quantity, i.unit, i.status, i.note FROM renovation_items i",
  },
  {
    // One row per compound, kind (planned/received/spent) and source: totals only.
    name: "public_funding_totals",
    viewQuery: "SELECT (f.compound || '-' || f.kind || '-' || f.source) AS id, f.compound, f.kind, f.source, " +
      "SUM(f.amount_yuan) AS total_yuan, COUNT(*) AS entries FROM funding f WHERE f.compound != '' " +
      "GROUP BY f.compound, f.kind, f.source",
  },
];

migrate((app) => {
  for (const v of VIEWS) {
    app.save(new Collection({ type: "view", name: v.name, listRule: "", viewRule: "", viewQuery: v.viewQuery }));
  }
}, (app) => {
  for (const v of VIEWS.slice().reverse()) app.delete(app.findCollectionByNameOrId(v.name));
});
