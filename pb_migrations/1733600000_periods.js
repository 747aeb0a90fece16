/// <reference path="../pb_data/types.d.ts" />
// Programme periods and the overall plan (policy 三(二) "逐级生成…总体计划(2021—2025)和分年度计划", 四(一)).
// A period (规划期) is a record: name, first and last year, the document that set it, and its targets. Its overall plan
// (总体计划) lists every compound declared for it, the year it is planned for, the estimate and the money expected by
// source; a compound not finished in one period is carried over into the next with `carried_from` (its history — stage
// events, items, money — stays on the compound). Annual plans belong to the period that covers their year (set by
// pb_hooks from the year). The action plan's own period, 2021–2025 with its 49 declared compounds, is a fact of the
// policy and is created here; later periods are created by the office.
// Periods are public (the public progress figures are per period); the overall plan's money is for staff, and the public
// reads which compounds belong to which period through `public_period_compounds`.

const AUTH = "@request.auth.collectionName = 'users'";
const STAFF = `${AUTH} && @request.auth.role != '' && @request.auth.active = true`;
const OFFICE = `${AUTH} && @request.auth.role = 'office' && @request.auth.active = true`;

/** The action plan's period (《汾阳市老旧小区改造攻坚行动方案(2021-2025年)》, 汾阳市人民政府办公室 2023-09-21). */
const POLICY_PERIOD = {
  id: "period202120250",
  name: "汾阳市老旧小区改造攻坚行动(2021—2025年)",
  first_year: 2021,
  last_year: 2025,
  target_compounds: 49,
  document: "汾阳市人民政府办公室关于印发汾阳市老旧小区改造攻坚行动方案(2021-2025年)的通知",
};

migrate((app) => {
  const compounds = app.findCollectionByNameOrId("compounds");

  const periods = new Collection({
    type: "base",
    name: "periods",
    listRule: "",
    viewRule: "",
    createRule: OFFICE,
    updateRule: OFFICE,
    deleteRule: OFFICE,
    fields: [
      { name: "name", type: "text", required: true, max: 120 },
      { name: "first_year", type: "number", required: true, onlyInt: true, min: 2000, max: 2100 },
      { name: "last_year", type: "number", required: true, onlyInt: true, min: 2000, max: 2100 },
      { name: "document", type: "text", max: 200 },
      { name: "target_compounds", type: "number", onlyInt: true, min: 0 },
      { name: "target_households", type: "number", onlyInt: true, min: 0 },
      { name: "target_investment_yuan", type: "number", min: 0 },
      { name: "note", type: "text", max: 2000 },
      { name: "is_demo", type: "bool" },
      { name: "created", type: "autodate", onCreate: true },
      { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
    ],
    indexes: ["CREATE UNIQUE INDEX idx_periods_first_year ON periods (first_year)"],
  });
  app.save(periods);

  const entries = new Collection({
    type: "base",
    name: "overall_plan_entries",
    listRule: STAFF,
    viewRule: STAFF,
    createRule: OFFICE,
    updateRule: OFFICE,
    deleteRule: OFFICE,
    fields: [
      { name: "period", type: "relation", required: true, maxSelect: 1, collectionId: periods.id, cascadeDelete: false },
      { name: "compound", type: "relation", required: true, maxSelect: 1, collectionId: compounds.id, cascadeDelete: true },
      { name: "year", type: "number", required: true, onlyInt: true, min: 2000, max: 2100 },
      { name: "estimate_yuan", type: "number", min: 0 },
      // Money expected by source (the funding collection's sources), yuan: {"central": 1200000, …}.
      { name: "funding", type: "json", maxSize: 4000 },
      { name: "carried_from", type: "relation", maxSelect: 1, collectionId: periods.id, cascadeDelete: false },
      { name: "note", type: "text", max: 2000 },
      { name: "is_demo", type: "bool" },
      { name: "created", type: "autodate", onCreate: true },
      { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
    ],
    indexes: [
      "CREATE UNIQUE INDEX idx_overall_period_compound ON overall_plan_entries (period, compound)",
      "CREATE INDEX idx_overall_compound ON overall_plan_entries (compound)",
    ],
  });
  app.save(entries);

  // Which compound belongs to which period, for the public progress figures: no money, no notes.
  app.save(new Collection({
    type: "view",
    name: "public_period_compounds",
    listRule: "",
    viewRule: "",
    viewQuery: "SELECT e.id, e.period, e.compound, e.year, e.carried_from FROM overall_plan_entries e",
  }));

  const plans = app.findCollectionByNameOrId("annual_plans");
  plans.fields.add(new RelationField({ name: "period", maxSelect: 1, collectionId: periods.id, cascadeDelete: false }));
  plans.fields.getByName("year").max = 2100;
  app.save(plans);

  // Plan years of later periods (2026–2030 and on) must fit on the compound.
  compounds.fields.getByName("plan_year").max = 2100;
  app.save(compounds);

  const rec = new Record(periods);
  for (const [k, v] of Object.entries(POLICY_PERIOD)) rec.set(k, v);
  rec.set("is_demo", false);
  app.save(rec);
  for (const p of app.findAllRecords("annual_plans")) {
    const y = p.getInt("year");
    if (y >= POLICY_PERIOD.first_year && y <= POLICY_PERIOD.last_year) {
      p.set("period", POLICY_PERIOD.id);
      app.save(p);
    }
  }
}, (app) => {
  const plans = app.findCollectionByNameOrId("annual_plans");
  plans.fields.removeByName("period");
  plans.fields.getByName("year").max = 2040;
  app.save(plans);
  const compounds = app.findCollectionByNameOrId("compounds");
  compounds.fields.getByName("plan_year").max = 2030;
  app.save(compounds);
  app.delete(app.findCollectionByNameOrId("public_period_compounds"));
  app.delete(app.findCollectionByNameOrId("overall_plan_entries"));
  app.delete(app.findCollectionByNameOrId("periods"));
});
