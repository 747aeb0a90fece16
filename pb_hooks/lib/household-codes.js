// Household codes: one-time codes printed on slips, one per household, for a consent round (同意/不同意) or a rating
// round (1–5 per aspect). Only HMAC-SHA256(code) with a server secret is stored (the secret lives in the data dir,
// created on first use; a stolen database alone cannot test codes). An answer marks the code used and adds to the
// round's tally in one transaction; the pair code ↔ answer is never written anywhere, and neither the codes nor this
// route's writes are audited or timestamped. Plain JS for PocketBase's VM.

var ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"; // no 0/O, 1/I/L: read aloud and typed from paper
var CODE_LENGTH = 10;
var SECRET_FILE = "household-codes.key";
var STORE_KEY = "fy:household-codes:secret";
var MAX_SLIPS = 3000;

function M() { return require(__hooks + "/lib/messages.js"); }

function secret(app) {
  var cached = app.store().get(STORE_KEY);
  if (cached) return cached;
  var path = app.dataDir() + "/" + SECRET_FILE;
  var value = "";
  try { value = toString($os.readFile(path)).trim(); } catch (err) { value = ""; }
  if (value.length < 32) {
    value = $security.randomString(64);
    $os.writeFile(path, value, 0o600);
  }
  app.store().set(STORE_KEY, value);
  return value;
}

/** "ab3d-EF…" → "AB3DEF…": case, spaces and dashes do not matter. */
function normalize(code) {
  return String(code || "").toUpperCase().replace(/[\s-]/g, "");
}

function wellFormed(code) {
  if (code.length !== CODE_LENGTH) return false;
  for (var i = 0; i < code.length; i++) if (ALPHABET.indexOf(code[i]) < 0) return false;
  return true;
}

function hashOf(app, code) {
  return $security.hs256(code, secret(app));
}

function newCode() {
  return $security.randomStringWithAlphabet(CODE_LENGTH, ALPHABET);
}

function campaignCollection(kind) {
  return kind === "rating" ? "rating_campaigns" : "consent_campaigns";
}

/** The staff member may act for the compound: the office, or the compound's own township. */
function mayManage(auth, compound) {
  if (!auth) return false;
  if (auth.collection().name === "_superusers") return true;
  if (auth.collection().name !== "users" || !auth.getBool("active")) return false;
  var role = auth.getString("role");
  return role === "office" || (role === "township" && auth.getString("township") === compound.getString("township"));
}

/**
 * POST /api/fy/codes {kind, campaign, households: ["1-101", …]}: makes one code per household for an open round,
 * stores their hashes (in random order, so storage order says nothing about households) and returns the codes once,
 * for printing. Printed again, a household gets a new code; the round counts every code issued.
 */
function print(e) {
  var body = e.requestInfo().body || {};
  var kind = body.kind === "rating" ? "rating" : body.kind === "consent" ? "consent" : "";
  if (!kind) throw M().bad("codes_kind", "kind");
  var campaign;
  try { campaign = e.app.findRecordById(campaignCollection(kind), String(body.campaign || "")); } catch (err) {
    throw new NotFoundError(M().text("campaign_not_found"));
  }
  var compound = e.app.findRecordById("compounds", campaign.getString("compound"));
  if (!mayManage(e.auth, compound)) throw M().forbidden("codes_not_allowed");
  if (campaign.getString("status") !== "open") throw M().bad("campaign_closed", "campaign");
  if (kind === "rating" && campaign.getString("mode") !== "codes") throw M().bad("rating_open_mode", "campaign");
  var list = body.households;
  if (!Array.isArray(list) || list.length === 0) throw M().bad("codes_households_required", "households");
  if (list.length > MAX_SLIPS) throw M().bad("codes_too_many", "households", { max: MAX_SLIPS });
  var seen = {};
  var households = list.map(function (h, i) {
    var s = typeof h === "string" || typeof h === "number" ? String(h).trim() : "";
    if (!s || s.length > 30) throw M().bad("codes_household_invalid", "households", { n: i + 1 });
    if (seen[s]) throw M().bad("codes_household_repeated", "households", { household: s });
    seen[s] = true;
    return s;
  });
  var slips = households.map(function (h) { return { household: h, code: newCode() }; });
  var order = slips.map(function (s) { return s; });
  for (var i = order.length - 1; i > 0; i--) {
    var j = Math.floor(Math.random() * (i + 1));
    var tmp = order[i]; order[i] = order[j]; order[j] = tmp;
  }
  var col = e.app.findCollectionByNameOrId("household_codes");
  e.app.runInTransaction(function (tx) {
    for (var k = 0; k < order.length; k++) {
      var rec = new Record(col);
      rec.set("hash", hashOf(tx, order[k].code));
      rec.set("kind", kind);
      rec.set("campaign", campaign.id);
      rec.set("compound", compound.id);
      rec.set("used", false);
      tx.save(rec);
    }
    var fresh = tx.findRecordById(campaignCollection(kind), campaign.id);
    fresh.set("codes_issued", fresh.getInt("codes_issued") + slips.length);
    tx.save(fresh);
  });
  e.response.header().set("Cache-Control", "no-store");
  return e.json(200, {
    compound: { code: compound.getString("code"), name: compound.getString("name") },
    kind: kind,
    slips: slips,
  });
}

function compoundByCode(app, code) {
  try {
    return app.findFirstRecordByData("compounds", "code", String(code || ""));
  } catch (err) {
    throw new NotFoundError(M().text("feedback_unknown_compound"));
  }
}

/**
 * Finds the unused code of `kind` for `compound` in `tx`, or throws: unknown → 404 (the same answer for any code not
 * issued, so nothing about valid codes leaks), another compound's → 400, used → 409, round closed → 409.
 */
function claim(tx, compound, kind, raw) {
  var code = normalize(raw);
  var rec = null;
  if (wellFormed(code)) {
    try { rec = tx.findFirstRecordByData("household_codes", "hash", hashOf(tx, code)); } catch (err) { rec = null; }
  }
  if (!rec) throw new NotFoundError(M().text("code_unknown"));
  if (rec.getString("compound") !== compound.id) throw M().bad("code_other_compound", "code", { name: compound.getString("name") });
  if (rec.getString("kind") !== kind) throw M().bad(kind === "consent" ? "code_is_rating" : "code_is_consent", "code");
  if (rec.getBool("used")) throw new ApiError(409, M().text("code_used"), {});
  var campaign = tx.findRecordById(campaignCollection(kind), rec.getString("campaign"));
  if (campaign.getString("status") !== "open") throw new ApiError(409, M().text("campaign_closed"), {});
  rec.set("used", true);
  tx.save(rec);
  return campaign;
}

/**
 * GET /api/fy/codes/check?compound=CODE&code=XXXX: before reading the scheme, a resident learns whether the slip's
 * code can still answer (same refusals as an answer, nothing is written).
 */
function check(e) {
  var compound = compoundByCode(e.app, e.request.url.query().get("compound"));
  var raw = e.request.url.query().get("code");
  var code = normalize(raw);
  var rec = null;
  if (wellFormed(code)) {
    try { rec = e.app.findFirstRecordByData("household_codes", "hash", hashOf(e.app, code)); } catch (err) { rec = null; }
  }
  if (!rec) throw new NotFoundError(M().text("code_unknown"));
  if (rec.getString("compound") !== compound.id) throw M().bad("code_other_compound", "code", { name: compound.getString("name") });
  if (rec.getBool("used")) throw new ApiError(409, M().text("code_used"), {});
  var campaign = e.app.findRecordById(campaignCollection(rec.getString("kind")), rec.getString("campaign"));
  if (campaign.getString("status") !== "open") throw new ApiError(409, M().text("campaign_closed"), {});
  return e.json(200, { kind: rec.getString("kind"), compound: { code: compound.getString("code"), name: compound.getString("name") }, publication: campaign.getString("publication") || "" });
}

/** The hidden split of a round with codes (created on its first answer). */
function tallyOf(tx, roundId) {
  try {
    return tx.findRecordById("round_tallies", roundId);
  } catch (err) {
    var t = new Record(tx.findCollectionByNameOrId("round_tallies"));
    t.set("id", roundId);
    ["agree", "disagree", "quality_sum", "management_sum", "property_sum"].forEach(function (f) { t.set(f, 0); });
    return t;
  }
}

function answerOf(body) {
  var a = body.answer;
  if (a !== "agree" && a !== "disagree") throw M().bad("consent_answer_required", "answer");
  return a;
}

/** POST /api/fy/answers/consent {compound, code, answer: agree|disagree}: a resident's online answer. */
function answerConsent(e) {
  var body = e.requestInfo().body || {};
  var answer = answerOf(body);
  var compound = compoundByCode(e.app, body.compound);
  e.app.runInTransaction(function (tx) {
    var campaign = claim(tx, compound, "consent", body.code);
    campaign.set("online_answers", campaign.getInt("online_answers") + 1);
    tx.save(campaign);
    var tally = tallyOf(tx, campaign.id);
    tally.set(answer, tally.getInt(answer) + 1);
    tx.save(tally);
  });
  return e.json(200, { ok: true });
}

/**
 * POST /api/fy/answers/paper {compound, code, answer} (staff of the compound's township or the office): a household
 * without a phone answered on its paper slip; the township enters the slip's code, so the household counts once.
 */
function answerPaper(e) {
  var body = e.requestInfo().body || {};
  var answer = answerOf(body);
  var compound = compoundByCode(e.app, body.compound);
  if (!mayManage(e.auth, compound)) throw M().forbidden("codes_not_allowed");
  e.app.runInTransaction(function (tx) {
    var campaign = claim(tx, compound, "consent", body.code);
    var field = answer === "agree" ? "paper_agree" : "paper_disagree";
    campaign.set(field, campaign.getInt(field) + 1);
    tx.save(campaign);
  });
  return e.json(200, { ok: true });
}

var ASPECTS = ["quality", "management", "property"];

/**
 * POST /api/fy/answers/rating {compound, code?, quality, management, property, comment?}: 1–5 for each aspect (whole
 * numbers, given as numbers), to the compound's open rating round; a code is needed when the round uses codes, an open
 * round takes anyone (rate-limited per client). The comment is stored apart from the ratings.
 */
function answerRating(e) {
  var body = e.requestInfo().body || {};
  var scores = {};
  ASPECTS.forEach(function (a) {
    var v = body[a];
    if (typeof v !== "number" || v !== Math.floor(v) || v < 1 || v > 5) throw M().bad("rating_value", a, { aspect: M().zh("rating_aspect_" + a) });
    scores[a] = v;
  });
  var comment = typeof body.comment === "string" ? body.comment.trim() : "";
  if (comment.length > 1000) throw M().bad("rating_comment_long", "comment");
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(comment)) throw M().bad("text_control_chars", "comment", { label: "评价意见", field: "comment" });
  var compound = compoundByCode(e.app, body.compound);
  e.app.runInTransaction(function (tx) {
    var campaign;
    if (body.code) {
      campaign = claim(tx, compound, "rating", body.code);
    } else {
      var open = tx.findRecordsByFilter("rating_campaigns", "compound = {:c} && status = 'open'", "-created", 1, 0, { c: compound.id });
      if (!open.length) throw new ApiError(409, M().text("rating_none_open"), {});
      campaign = open[0];
      if (campaign.getString("mode") === "codes") throw M().bad("rating_code_required", "code");
    }
    campaign.set("responses", campaign.getInt("responses") + 1);
    // With codes the sums wait in the hidden tally until the round closes; an open round has no codes to pair.
    var sums = campaign.getString("mode") === "codes" ? tallyOf(tx, campaign.id) : campaign;
    ASPECTS.forEach(function (a) { sums.set(a + "_sum", sums.getInt(a + "_sum") + scores[a]); });
    tx.save(campaign);
    if (sums !== campaign) tx.save(sums);
    if (comment) {
      var c = new Record(tx.findCollectionByNameOrId("rating_comments"));
      c.set("campaign", campaign.id);
      c.set("compound", compound.id);
      c.set("township", compound.getString("township"));
      c.set("message", comment);
      tx.save(c);
    }
  });
  return e.json(200, { ok: true });
}

module.exports = { print: print, check: check, answerConsent: answerConsent, answerPaper: answerPaper, answerRating: answerRating,
  normalize: normalize, wellFormed: wellFormed, ALPHABET: ALPHABET, CODE_LENGTH: CODE_LENGTH, mayManage: mayManage };
