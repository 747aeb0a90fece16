/// <reference path="../pb_data/types.d.ts" />
// Residents take part (policy §一 居民参与, 尊重群众意愿; §四(一)): the township publishes a compound's scheme for a period
// (方案公示) and answers residents' comments; residents answer 同意/不同意 (consent) or rate the finished work (1–5 per
// aspect) with one-time household codes printed on slips; a closed consent round becomes the compound's consent survey.
//
// Household codes: only an HMAC of each code (secret in the data dir, never in git) is kept, with its compound, round
// and a used flag — no household number, no time. No API rule opens `household_codes` to anyone (superusers only), and
// it is not audited. An answer marks its code used and increments the round's tally in one transaction; nothing
// stores which code gave which answer. While a round with codes is open, staff see how many answered, not how: the
// split (agree/disagree, rating sums) waits in `round_tallies` (no API rule) and moves onto the round when it closes —
// otherwise whoever kept the printed codes could check one (used or not) and watch the split change.
// Answers and printing go through pb_hooks/participation.pb.js.

const OFFICE = "(@request.auth.collectionName = 'users' && @request.auth.role = 'office' && @request.auth.active = true)";
const DEPT = "(@request.auth.collectionName = 'users' && @request.auth.role = 'department' && @request.auth.active = true)";
const OWN_BY_FIELD = "(@request.auth.collectionName = 'users' && @request.auth.role = 'township' && @request.auth.active = true && @request.auth.township = township)";
const OWN_BY_COMPOUND = "(@request.auth.collectionName = 'users' && @request.auth.role = 'township' && @request.auth.active = true && @request.auth.township = compound.township)";
const STAFF_READ = `${OFFICE} || ${DEPT} || ${OWN_BY_FIELD}`;
const WRITERS = `${OFFICE} || ${OWN_BY_COMPOUND}`;

const LIMITS = [
  { label: "scheme_comments:create", audience: "@guest", duration: 60, maxRequests: 5 },
  { label: "/api/fy/answers/consent", audience: "@guest", duration: 60, maxRequests: 10 },
  { label: "/api/fy/answers/rating", audience: "@guest", duration: 60, maxRequests: 10 },
  { label: "/api/fy/codes/check", audience: "@guest", duration: 60, maxRequests: 20 },
];

const auto = () => [
  { name: "is_demo", type: "bool" },
  { name: "created", type: "autodate", onCreate: true },
  { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
];

migrate((app) => {
  const compounds = app.findCollectionByNameOrId("compounds");
  const townships = app.findCollectionByNameOrId("townships");
  const users = app.findCollectionByNameOrId("users");
  const consultations = app.findCollectionByNameOrId("consultations");

  // 方案公示 and the consultation record its closing writes.
  const kind = consultations.fields.getByName("kind");
  kind.values = [...kind.values, "publication"];
  app.save(consultations);

  const publications = new Collection({
    type: "base",
    name: "scheme_publications",
    listRule: "",
    viewRule: "",
    createRule: WRITERS,
    updateRule: WRITERS,
    deleteRule: OFFICE,
    fields: [
      { name: "compound", type: "relation", required: true, maxSelect: 1, collectionId: compounds.id, cascadeDelete: false },
      { name: "township", type: "relation", maxSelect: 1, collectionId: townships.id },
      { name: "title", type: "text", max: 120 },
      { name: "summary", type: "text", required: true, max: 5000 },
      { name: "items", type: "json", maxSize: 200000 },
      { name: "estimate_yuan", type: "number", min: 0 },
      { name: "images", type: "file", maxSelect: 6, maxSize: 10 * 1024 * 1024, mimeTypes: ["image/jpeg", "image/png", "image/webp", "application/pdf"] },
      { name: "starts_at", type: "date" },
      { name: "ends_at", type: "date", required: true },
      { name: "closed", type: "bool" },
      { name: "comment_count", type: "number", onlyInt: true, min: 0 },
      { name: "answer_count", type: "number", onlyInt: true, min: 0 },
      { name: "consultation", type: "relation", maxSelect: 1, collectionId: consultations.id },
      { name: "published_by", type: "relation", maxSelect: 1, collectionId: users.id },
      ...auto(),
    ],
    indexes: ["CREATE INDEX idx_scheme_publications_compound ON scheme_publications (compound)"],
  });
  app.save(publications);

  const comments = new Collection({
    type: "base",
    name: "scheme_comments",
    listRule: STAFF_READ,
    viewRule: STAFF_READ,
    createRule: "",
    updateRule: `${OFFICE} || ${OWN_BY_FIELD}`,
    deleteRule: OFFICE,
    fields: [
      { name: "publication", type: "relation", required: true, maxSelect: 1, collectionId: publications.id, cascadeDelete: true },
      { name: "compound", type: "relation", maxSelect: 1, collectionId: compounds.id },
      { name: "township", type: "relation", maxSelect: 1, collectionId: townships.id },
      { name: "message", type: "text", required: true, min: 2, max: 1000 },
      { name: "nickname", type: "text", max: 30 },
      { name: "contact", type: "text", max: 100 },
      { name: "answer", type: "text", max: 2000 },
      { name: "answered_at", type: "date" },
      { name: "answered_by", type: "relation", maxSelect: 1, collectionId: users.id },
      ...auto(),
    ],
    indexes: ["CREATE INDEX idx_scheme_comments_publication ON scheme_comments (publication)"],
  });
  app.save(comments);

  app.save(new Collection({
    type: "view",
    name: "public_scheme_comments",
    listRule: "",
    viewRule: "",
    viewQuery: "SELECT id, publication, compound, message, nickname, answer, answered_at, created FROM scheme_comments",
  }));

  const consent = new Collection({
    type: "base",
    name: "consent_campaigns",
    listRule: STAFF_READ,
    viewRule: STAFF_READ,
    createRule: WRITERS,
    updateRule: WRITERS,
    deleteRule: OFFICE,
    fields: [
      { name: "compound", type: "relation", required: true, maxSelect: 1, collectionId: compounds.id, cascadeDelete: false },
      { name: "township", type: "relation", maxSelect: 1, collectionId: townships.id },
      { name: "publication", type: "relation", maxSelect: 1, collectionId: publications.id },
      { name: "status", type: "select", maxSelect: 1, values: ["open", "closed"] },
      { name: "codes_issued", type: "number", onlyInt: true, min: 0 },
      { name: "online_answers", type: "number", onlyInt: true, min: 0 },
      { name: "online_agree", type: "number", onlyInt: true, min: 0 },
      { name: "online_disagree", type: "number", onlyInt: true, min: 0 },
      { name: "paper_agree", type: "number", onlyInt: true, min: 0 },
      { name: "paper_disagree", type: "number", onlyInt: true, min: 0 },
      { name: "closed_at", type: "date" },
      { name: "result_collection", type: "text", max: 40 },
      { name: "result_id", type: "text", max: 15 },
      { name: "note", type: "text", max: 2000 },
      ...auto(),
    ],
    indexes: ["CREATE INDEX idx_consent_campaigns_compound ON consent_campaigns (compound)"],
  });
  app.save(consent);

  const ratings = new Collection({
    type: "base",
    name: "rating_campaigns",
    listRule: STAFF_READ,
    viewRule: STAFF_READ,
    createRule: WRITERS,
    updateRule: WRITERS,
    deleteRule: OFFICE,
    fields: [
      { name: "compound", type: "relation", required: true, maxSelect: 1, collectionId: compounds.id, cascadeDelete: false },
      { name: "township", type: "relation", maxSelect: 1, collectionId: townships.id },
      { name: "mode", type: "select", required: true, maxSelect: 1, values: ["codes", "open"] },
      { name: "status", type: "select", maxSelect: 1, values: ["open", "closed"] },
      { name: "codes_issued", type: "number", onlyInt: true, min: 0 },
      { name: "responses", type: "number", onlyInt: true, min: 0 },
      { name: "quality_sum", type: "number", onlyInt: true, min: 0 },
      { name: "management_sum", type: "number", onlyInt: true, min: 0 },
      { name: "property_sum", type: "number", onlyInt: true, min: 0 },
      { name: "closed_at", type: "date" },
      ...auto(),
    ],
    indexes: ["CREATE INDEX idx_rating_campaigns_compound ON rating_campaigns (compound)"],
  });
  app.save(ratings);

  // Rating comments are not tied to a code or a rating; staff read them per round.
  app.save(new Collection({
    type: "base",
    name: "rating_comments",
    listRule: STAFF_READ,
    viewRule: STAFF_READ,
    createRule: null,
    updateRule: null,
    deleteRule: OFFICE,
    fields: [
      { name: "campaign", type: "relation", required: true, maxSelect: 1, collectionId: ratings.id, cascadeDelete: true },
      { name: "compound", type: "relation", maxSelect: 1, collectionId: compounds.id },
      { name: "township", type: "relation", maxSelect: 1, collectionId: townships.id },
      { name: "message", type: "text", required: true, max: 1000 },
      { name: "is_demo", type: "bool" },
    ],
  }));

  app.save(new Collection({
    type: "view",
    name: "public_ratings",
    listRule: "",
    viewRule: "",
    viewQuery: "SELECT id, compound, mode, status, responses, " +
      "CAST(ROUND(quality_sum * 1.0 / MAX(responses, 1), 2) AS REAL) AS avg_quality, " +
      "CAST(ROUND(management_sum * 1.0 / MAX(responses, 1), 2) AS REAL) AS avg_management, " +
      "CAST(ROUND(property_sum * 1.0 / MAX(responses, 1), 2) AS REAL) AS avg_property, " +
      "closed_at, is_demo, created FROM rating_campaigns",
  }));

  // Household codes: no rule opens them; no created/updated time (a use time could be matched to a tally's change).
  app.save(new Collection({
    type: "base",
    name: "household_codes",
    listRule: null,
    viewRule: null,
    createRule: null,
    updateRule: null,
    deleteRule: null,
    fields: [
      { name: "hash", type: "text", required: true, min: 64, max: 64 },
      { name: "kind", type: "select", required: true, maxSelect: 1, values: ["consent", "rating"] },
      { name: "campaign", type: "text", required: true, max: 15 },
      { name: "compound", type: "relation", required: true, maxSelect: 1, collectionId: compounds.id, cascadeDelete: true },
      { name: "used", type: "bool" },
    ],
    indexes: ["CREATE UNIQUE INDEX idx_household_codes_hash ON household_codes (hash)"],
  }));

  // The split of an open round's answers (same id as the round); superusers only, not audited.
  app.save(new Collection({
    type: "base",
    name: "round_tallies",
    listRule: null,
    viewRule: null,
    createRule: null,
    updateRule: null,
    deleteRule: null,
    fields: [
      { name: "agree", type: "number", onlyInt: true, min: 0 },
      { name: "disagree", type: "number", onlyInt: true, min: 0 },
      { name: "quality_sum", type: "number", onlyInt: true, min: 0 },
      { name: "management_sum", type: "number", onlyInt: true, min: 0 },
      { name: "property_sum", type: "number", onlyInt: true, min: 0 },
    ],
  }));

  const ps = app.settings();
  const labels = LIMITS.map((l) => l.label);
  ps.rateLimits.rules = [...ps.rateLimits.rules.filter((x) => !labels.includes(x.label)), ...LIMITS];
  app.save(ps);
}, (app) => {
  for (const name of ["round_tallies", "household_codes", "public_ratings", "rating_comments", "rating_campaigns", "consent_campaigns",
    "public_scheme_comments", "scheme_comments", "scheme_publications"]) {
    app.delete(app.findCollectionByNameOrId(name));
  }
  const consultations = app.findCollectionByNameOrId("consultations");
  const kind = consultations.fields.getByName("kind");
  kind.values = kind.values.filter((v) => v !== "publication");
  app.save(consultations);
  const ps = app.settings();
  const labels = LIMITS.map((l) => l.label);
  ps.rateLimits.rules = ps.rateLimits.rules.filter((x) => !labels.includes(x.label));
  app.save(ps);
});
