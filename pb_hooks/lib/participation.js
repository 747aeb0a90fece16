// Scheme publication (方案公示), residents' comments and the township's answers, and the consent and rating rounds'
// records: what staff may set, what only the server sets, and what closing writes. Plain JS for PocketBase's VM.

var DAY_MS = 24 * 3600 * 1000;
var DEFAULT_DAYS = 7;
var MAX_DAYS = 90;

function M() { return require(__hooks + "/lib/messages.js"); }

function ms(dateString) {
  var s = String(dateString || "");
  if (!s) return NaN;
  return Date.parse(s.replace(" ", "T"));
}

function pbDate(t) { return new Date(t).toISOString().replace("T", " "); }

/** "2026-12-09 18:00" in Beijing time, for messages. */
function beijing(dateString) {
  var t = ms(dateString);
  if (isNaN(t)) return String(dateString || "");
  return new Date(t + 8 * 3600 * 1000).toISOString().slice(0, 16).replace("T", " ");
}

function authId(e) { return e.auth && !e.auth.isSuperuser() ? e.auth.id : ""; }

function keep(rec, before, fields) {
  for (var i = 0; i < fields.length; i++) rec.set(fields[i], before.get(fields[i]));
}

function compoundOf(app, id, field) {
  try { return app.findRecordById("compounds", id); } catch (err) { throw M().bad("feedback_unknown_compound", field || "compound"); }
}

function itemsSnapshot(app, compoundId) {
  var rows = app.findRecordsByFilter("renovation_items", "compound = {:c}", "class,item", 0, 0, { c: compoundId });
  var total = 0;
  var items = rows.map(function (r) {
    total += r.getFloat("estimate_yuan");
    return { class: r.getString("class"), item: r.getString("item"), quantity: r.getFloat("quantity"), unit: r.getString("unit"), estimate_yuan: r.getFloat("estimate_yuan") };
  });
  return { items: items, total: total };
}

function isOpen(pub, now) {
  return !pub.getBool("closed") && ms(pub.getString("ends_at")) > now;
}

// --- publications --------------------------------------------------------------------------------------------------

function onPublicationCreate(e) {
  var rec = e.record;
  var compound = compoundOf(e.app, rec.getString("compound"));
  var now = Date.now();
  var open = e.app.findRecordsByFilter("scheme_publications", "compound = {:c} && closed = false", "", 0, 0, { c: compound.id });
  for (var i = 0; i < open.length; i++) {
    if (ms(open[i].getString("ends_at")) > now) throw M().bad("publication_already_open", "compound", { until: beijing(open[i].getString("ends_at")) });
  }
  if (!rec.getString("summary").trim()) throw M().bad("publication_summary_required", "summary");
  var end = ms(rec.getString("ends_at"));
  if (isNaN(end)) end = now + DEFAULT_DAYS * DAY_MS;
  if (end <= now) throw M().bad("publication_end_past", "ends_at");
  if (end > now + MAX_DAYS * DAY_MS) throw M().bad("publication_too_long", "ends_at", { days: MAX_DAYS });
  var snap = itemsSnapshot(e.app, compound.id);
  rec.set("township", compound.getString("township"));
  rec.set("items", snap.items);
  if (!(rec.getFloat("estimate_yuan") > 0)) rec.set("estimate_yuan", snap.total);
  rec.set("starts_at", pbDate(now));
  rec.set("ends_at", pbDate(end));
  rec.set("closed", false);
  rec.set("comment_count", 0);
  rec.set("answer_count", 0);
  rec.set("consultation", "");
  rec.set("published_by", authId(e));
}

/** Before the save: a closed publication is frozen; an end date at or before now ends it now. Returns true to close. */
function onPublicationUpdate(e) {
  var rec = e.record;
  var before = rec.original();
  if (before.getBool("closed")) throw M().bad("publication_closed_frozen", "ends_at", { date: beijing(before.getString("ends_at")) });
  if (rec.getString("compound") !== before.getString("compound")) throw M().bad("publication_compound_fixed", "compound");
  keep(rec, before, ["township", "items", "starts_at", "closed", "comment_count", "answer_count", "consultation", "published_by"]);
  var now = Date.now();
  var end = ms(rec.getString("ends_at"));
  if (isNaN(end)) throw M().bad("publication_end_required", "ends_at");
  if (end > ms(rec.getString("starts_at")) + MAX_DAYS * DAY_MS) throw M().bad("publication_too_long", "ends_at", { days: MAX_DAYS });
  if (end <= now) {
    rec.set("ends_at", pbDate(now));
    return true;
  }
  return false;
}

/**
 * Ends a publication: counts its comments and answers and writes the consultation record (民政局's register of resident
 * consultation) that says so. Runs in the caller's transaction.
 */
function closePublication(tx, pub) {
  var comments = tx.findRecordsByFilter("scheme_comments", "publication = {:p}", "", 0, 0, { p: pub.id });
  var answered = comments.filter(function (c) { return c.getString("answer").trim() !== ""; }).length;
  var c = new Record(tx.findCollectionByNameOrId("consultations"));
  c.set("compound", pub.getString("compound"));
  c.set("kind", "publication");
  c.set("date", pub.getString("ends_at"));
  c.set("participants", comments.length);
  c.set("summary", M().fill("方案公示 {from} 至 {to}:收到居民意见 {n} 条,已答复 {a} 条。{title}", {
    from: beijing(pub.getString("starts_at")).slice(0, 10), to: beijing(pub.getString("ends_at")).slice(0, 10),
    n: comments.length, a: answered, title: pub.getString("title"),
  }).trim());
  c.set("is_demo", pub.getBool("is_demo"));
  tx.save(c);
  pub.set("closed", true);
  pub.set("comment_count", comments.length);
  pub.set("answer_count", answered);
  pub.set("consultation", c.id);
  tx.save(pub);
}

/** Closes every publication whose period has ended (cron, every few minutes). Returns how many. */
function closeDue(app) {
  var due = app.findRecordsByFilter("scheme_publications", "closed = false && ends_at <= {:now}", "", 0, 0, { now: pbDate(Date.now()) });
  due.forEach(function (p) {
    app.runInTransaction(function (tx) {
      var fresh = tx.findRecordById("scheme_publications", p.id);
      if (!fresh.getBool("closed")) closePublication(tx, fresh);
    });
  });
  return due.length;
}

// --- comments ------------------------------------------------------------------------------------------------------

function onCommentCreate(e) {
  var rec = e.record;
  var pub;
  try { pub = e.app.findRecordById("scheme_publications", rec.getString("publication")); } catch (err) {
    throw M().bad("publication_not_found", "publication");
  }
  if (!isOpen(pub, Date.now())) throw M().bad("publication_comments_closed", "publication", { date: beijing(pub.getString("ends_at")) });
  if (rec.getString("message").trim().length < 2) throw M().bad("feedback_message_required", "message");
  rec.set("compound", pub.getString("compound"));
  rec.set("township", pub.getString("township"));
  rec.set("answer", "");
  rec.set("answered_at", "");
  rec.set("answered_by", "");
}

function onCommentUpdate(e) {
  var rec = e.record;
  var before = rec.original();
  var fixed = ["publication", "message", "nickname", "contact"];
  for (var i = 0; i < fixed.length; i++) {
    if (rec.getString(fixed[i]) !== before.getString(fixed[i])) throw M().bad("comment_resident_field", fixed[i]);
  }
  keep(rec, before, ["compound", "township", "is_demo"]);
  if (rec.getString("answer") !== before.getString("answer")) {
    rec.set("answered_at", rec.getString("answer").trim() ? new DateTime() : "");
    rec.set("answered_by", rec.getString("answer").trim() ? authId(e) : "");
  } else {
    keep(rec, before, ["answered_at", "answered_by"]);
  }
}

// --- consent and rating rounds -------------------------------------------------------------------------------------

var CONSENT_TALLIES = ["codes_issued", "online_answers", "online_agree", "online_disagree", "paper_agree", "paper_disagree", "closed_at", "result_collection", "result_id"];
var RATING_TALLIES = ["codes_issued", "responses", "quality_sum", "management_sum", "property_sum", "closed_at"];

function onRoundCreate(e, kind) {
  var rec = e.record;
  var compound = compoundOf(e.app, rec.getString("compound"));
  var col = kind === "rating" ? "rating_campaigns" : "consent_campaigns";
  var open = e.app.findRecordsByFilter(col, "compound = {:c} && status = 'open'", "", 1, 0, { c: compound.id });
  if (open.length) throw M().bad("campaign_already_open", "compound");
  if (kind === "rating") {
    var stage = compound.getString("stage");
    if (stage !== "accepted" && stage !== "maintained") throw M().bad("rating_after_acceptance", "compound");
  } else if (rec.getString("publication")) {
    var pub;
    try { pub = e.app.findRecordById("scheme_publications", rec.getString("publication")); } catch (err) { throw M().bad("publication_not_found", "publication"); }
    if (pub.getString("compound") !== compound.id) throw M().bad("publication_other_compound", "publication");
  }
  rec.set("township", compound.getString("township"));
  rec.set("status", "open");
  (kind === "rating" ? RATING_TALLIES : CONSENT_TALLIES).forEach(function (f) { rec.set(f, f === "closed_at" || f.indexOf("result") === 0 ? "" : 0); });
}

/** On closing: the hidden split of the answers given with codes moves onto the round. */
function revealSplit(app, rec, kind) {
  var t;
  try { t = app.findRecordById("round_tallies", rec.id); } catch (err) { return; }
  if (kind === "consent") {
    rec.set("online_agree", t.getInt("agree"));
    rec.set("online_disagree", t.getInt("disagree"));
  } else if (rec.getString("mode") === "codes") {
    ["quality_sum", "management_sum", "property_sum"].forEach(function (f) { rec.set(f, t.getInt(f)); });
  }
}

/** Returns true when this update closes the round. */
function onRoundUpdate(e, kind) {
  var rec = e.record;
  var before = rec.original();
  if (before.getString("status") === "closed") throw M().bad("campaign_closed_frozen", "status");
  if (rec.getString("compound") !== before.getString("compound")) throw M().bad("publication_compound_fixed", "compound");
  keep(rec, before, ["township"].concat(kind === "rating" ? RATING_TALLIES.concat(["mode"]) : CONSENT_TALLIES));
  if (rec.getString("status") === "closed") {
    rec.set("closed_at", new DateTime());
    revealSplit(e.app, rec, kind);
    return true;
  }
  rec.set("status", "open");
  return false;
}

/**
 * The closed consent round as the compound's consent survey (method online, online and paper answers together): the
 * survey sets the compound's consent figure (lib/consent.js) in this same transaction. A round nobody answered writes
 * no survey. Runs in the caller's transaction; `e` is the closing request (the figure's audit rows name it).
 */
function recordConsentResult(e, tx, round) {
  var C = require(__hooks + "/lib/consent.js");
  var compound = tx.findRecordById("compounds", round.getString("compound"));
  var agree = round.getInt("online_agree") + round.getInt("paper_agree");
  var disagree = round.getInt("online_disagree") + round.getInt("paper_disagree");
  var surveyed = agree + disagree;
  if (surveyed === 0) return;
  var t = C.tally(compound, 0, surveyed, agree, { total: "status", surveyed: "status", agreeing: "status" });
  var rec = new Record(tx.findCollectionByNameOrId(C.COLLECTION));
  rec.set("compound", compound.id);
  rec.set("survey_date", pbDate(Date.now()));
  rec.set("households_total", t.total);
  rec.set("households_surveyed", surveyed);
  rec.set("households_agreeing", agree);
  rec.set("consent_pct", t.pct);
  rec.set("method", "online");
  rec.set("recorded_by", authId(e));
  rec.set("note", M().fill("住户码征询:发出 {issued} 份;线上同意 {oa}、不同意 {od};纸质同意 {pa}、不同意 {pd}", {
    issued: round.getInt("codes_issued"), oa: round.getInt("online_agree"), od: round.getInt("online_disagree"),
    pa: round.getInt("paper_agree"), pd: round.getInt("paper_disagree"),
  }));
  rec.set("is_demo", round.getBool("is_demo"));
  require(__hooks + "/lib/audit.js").caused(e, "update", function () {
    tx.save(rec);
    C.applyLatest(tx, compound.id);
  });
  round.set("result_collection", C.COLLECTION);
  round.set("result_id", rec.id);
  tx.save(round);
}

module.exports = {
  onPublicationCreate: onPublicationCreate, onPublicationUpdate: onPublicationUpdate, closePublication: closePublication,
  closeDue: closeDue, onCommentCreate: onCommentCreate, onCommentUpdate: onCommentUpdate, onRoundCreate: onRoundCreate,
  onRoundUpdate: onRoundUpdate, recordConsentResult: recordConsentResult, beijing: beijing,
};
