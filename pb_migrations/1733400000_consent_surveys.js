/// <reference path="../pb_data/types.d.ts" />
// Resident consent from evidence. A consent survey (`consent_surveys`) is the one place a tally of resident consent
// lands — a door-to-door survey, a residents' meeting, answers online, a 民政局 consultation of kind survey: its date,
// the compound's households, how many were surveyed and how many agree, the method, the survey sheet and who recorded
// it. The compound's consent figure (compound_private.consent_pct / consent_date, read by the annual-plan gate) is set by
// the hook (pb_hooks/consent.pb.js) from the latest survey, in the survey's transaction; no request may write it.
// Consultations of kind survey carry their tally (households surveyed / agreeing, method) and the hook keeps one linked
// survey per such consultation.
//
// The compound register becomes editable in the app: `version` (optimistic concurrency: a stale save is refused with
// 409, like design zones) and the policy's exclusions (棚户区, 以自建住房为主, 拆除新建) as a flag with a reason; the
// annual-plan gate keeps excluded compounds out. A township may now move its compound to another community of its own
// township (checked by the compound hook).

const AUTH = "@request.auth.collectionName = 'users'";
const STAFF = `${AUTH} && @request.auth.role != '' && @request.auth.active = true`;
const OFFICE = `${AUTH} && @request.auth.role = 'office' && @request.auth.active = true`;
const TOWNSHIP = `${AUTH} && @request.auth.role = 'township' && @request.auth.active = true`;
const CIVIL = `(${AUTH} && @request.auth.role = 'department' && @request.auth.department = 'civil' && @request.auth.active = true)`;
const OWN_COMPOUND = "@request.auth.township = compound.township";
/** Consent and its date are evidence-derived: never in a request body (the survey hook writes them). */
const NO_CONSENT = "@request.body.consent_pct:isset = false && @request.body.consent_date:isset = false";

const SURVEY_WRITERS = `${OFFICE} || ${CIVIL} || (${TOWNSHIP} && ${OWN_COMPOUND})`;
const SURVEY_RULES = {
  listRule: STAFF,
  viewRule: STAFF,
  createRule: SURVEY_WRITERS,
  updateRule: `(${SURVEY_WRITERS}) && @request.body.compound:isset = false`,
  deleteRule: SURVEY_WRITERS,
};

const PRIVATE_RULES_BEFORE = {
  createRule: `${OFFICE} || (${TOWNSHIP} && ${OWN_COMPOUND})`,
  updateRule: `${OFFICE} || (${TOWNSHIP} && ${OWN_COMPOUND})`,
};
const PRIVATE_RULES = {
  createRule: `(${OFFICE} || (${TOWNSHIP} && ${OWN_COMPOUND})) && ${NO_CONSENT}`,
  updateRule: `(${OFFICE} || (${TOWNSHIP} && ${OWN_COMPOUND})) && ${NO_CONSENT}`,
};

const COMPOUND_UPDATE_BEFORE = `${OFFICE} || (${TOWNSHIP} && @request.auth.township = township && (@request.body.township:isset = false || @request.body.township = @request.auth.township) && @request.body.community:isset = false && @request.body.code:isset = false && @request.body.is_demo:isset = false)`;
// The community may change within the township (the compound hook checks it belongs there); exclusions are the
// office's decision.
const COMPOUND_UPDATE = `${OFFICE} || (${TOWNSHIP} && @request.auth.township = township && (@request.body.township:isset = false || @request.body.township = @request.auth.township) && @request.body.code:isset = false && @request.body.is_demo:isset = false)`;

const METHODS = ["door_to_door", "meeting", "online", "other"];
const EXCLUSIONS = ["shanty_town", "self_built", "demolish_rebuild", "other"];

migrate((app) => {
  const compounds = app.findCollectionByNameOrId("compounds");
  const consultations = app.findCollectionByNameOrId("consultations");
  const users = app.findCollectionByNameOrId("users");

  const surveys = new Collection({
    type: "base",
    name: "consent_surveys",
    ...SURVEY_RULES,
    fields: [
      { name: "compound", type: "relation", required: true, maxSelect: 1, collectionId: compounds.id, cascadeDelete: false },
      { name: "survey_date", type: "date", required: true },
      // Households of the compound the figure is taken over (the compound's households when the request leaves it out).
      { name: "households_total", type: "number", onlyInt: true, min: 0, max: 100000 },
      { name: "households_surveyed", type: "number", onlyInt: true, min: 0, max: 100000 },
      { name: "households_agreeing", type: "number", onlyInt: true, min: 0, max: 100000 },
      // agreeing ÷ households_total × 100, set by the hook.
      { name: "consent_pct", type: "number", min: 0, max: 100 },
      { name: "method", type: "select", required: true, maxSelect: 1, values: METHODS },
      { name: "sheet", type: "file", maxSelect: 5, maxSize: 10 * 1024 * 1024, mimeTypes: ["image/jpeg", "image/png", "image/webp", "application/pdf"] },
      { name: "recorded_by", type: "relation", maxSelect: 1, collectionId: users.id, cascadeDelete: false },
      // Set by the hook for the survey a consultation of kind survey carries.
      { name: "consultation", type: "relation", maxSelect: 1, collectionId: consultations.id, cascadeDelete: false },
      { name: "note", type: "text", max: 2000 },
      { name: "is_demo", type: "bool" },
      { name: "created", type: "autodate", onCreate: true },
      { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
    ],
    indexes: [
      "CREATE INDEX idx_consent_surveys_compound ON consent_surveys (compound, survey_date)",
      "CREATE UNIQUE INDEX idx_consent_surveys_consultation ON consent_surveys (consultation) WHERE consultation != ''",
    ],
  });
  app.save(surveys);

  consultations.fields.add(new NumberField({ name: "households_surveyed", onlyInt: true, min: 0, max: 100000 }));
  consultations.fields.add(new NumberField({ name: "households_agreeing", onlyInt: true, min: 0, max: 100000 }));
  consultations.fields.add(new SelectField({ name: "survey_method", maxSelect: 1, values: METHODS }));
  app.save(consultations);

  compounds.fields.add(new NumberField({ name: "version", onlyInt: true, min: 0 }));
  compounds.fields.add(new BoolField({ name: "excluded" }));
  compounds.fields.add(new SelectField({ name: "exclusion_reason", maxSelect: 1, values: EXCLUSIONS }));
  compounds.fields.add(new TextField({ name: "exclusion_note", max: 500 }));
  compounds.updateRule = COMPOUND_UPDATE;
  app.save(compounds);
  app.db().newQuery("UPDATE compounds SET version = 1").execute();

  const priv = app.findCollectionByNameOrId("compound_private");
  Object.assign(priv, PRIVATE_RULES);
  app.save(priv);
}, (app) => {
  const priv = app.findCollectionByNameOrId("compound_private");
  Object.assign(priv, PRIVATE_RULES_BEFORE);
  app.save(priv);

  const compounds = app.findCollectionByNameOrId("compounds");
  for (const name of ["version", "excluded", "exclusion_reason", "exclusion_note"]) compounds.fields.removeByName(name);
  compounds.updateRule = COMPOUND_UPDATE_BEFORE;
  app.save(compounds);

  app.delete(app.findCollectionByNameOrId("consent_surveys"));

  const consultations = app.findCollectionByNameOrId("consultations");
  for (const name of ["households_surveyed", "households_agreeing", "survey_method"]) consultations.fields.removeByName(name);
  app.save(consultations);
});
