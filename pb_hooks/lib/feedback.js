// Feedback invariants, plain JS for PocketBase's JSVM.
var SENDER_FIELDS = ["compound", "point", "category", "message", "contact", "photo"];

function refuse(field, code) {
  throw require(__hooks + "/lib/messages.js").bad(code, field);
}

function readPoint(rec) {
  var raw = rec.getString("point");
  if (!raw || raw === "null") return null;
  var g;
  try { g = JSON.parse(raw); } catch (err) { refuse("point", "feedback_point_invalid"); }
  if (!g || g.type !== "Point" || !Array.isArray(g.coordinates) || g.coordinates.length < 2) {
    refuse("point", "feedback_point_invalid");
  }
  var lon = g.coordinates[0], lat = g.coordinates[1];
  if (typeof lon !== "number" || typeof lat !== "number" || lon < 111.3 || lon > 112.2 || lat < 37.0 || lat > 37.6) {
    refuse("point", "feedback_point_outside");
  }
  return g;
}

function inRing(pt, ring) {
  var inside = false;
  for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    var xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
    if ((yi > pt[1]) !== (yj > pt[1]) && pt[0] < (xj - xi) * (pt[1] - yi) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygon(pt, rings) {
  if (!rings.length || !inRing(pt, rings[0])) return false;
  for (var h = 1; h < rings.length; h++) if (inRing(pt, rings[h])) return false;
  return true;
}

// The compound a map point falls in, so the point's feedback reaches that compound's township ("" when none).
function compoundAt(app, pt) {
  var rows = app.findRecordsByFilter("compounds", "id != ''", "", 0, 0);
  for (var i = 0; i < rows.length; i++) {
    var g;
    try { g = JSON.parse(rows[i].getString("geometry")); } catch (err) { continue; }
    if (!g) continue;
    var polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
    for (var k = 0; k < polys.length; k++) if (inPolygon(pt, polys[k])) return rows[i];
  }
  return null;
}

function onCreate(e) {
  var rec = e.record;
  var point = readPoint(rec);
  var compoundId = rec.getString("compound");
  if (!compoundId && !point) refuse("compound", "feedback_target_required");
  if (rec.getString("message").trim().length < 2) refuse("message", "feedback_message_required");
  rec.set("status", "new");
  rec.set("public_reply", "");
  rec.set("replied_at", "");
  rec.set("replied_by", "");
  rec.set("township", "");
  if (!compoundId && point) {
    var hit = compoundAt(e.app, point.coordinates);
    if (hit) { compoundId = hit.id; rec.set("compound", hit.id); }
  }
  if (compoundId) {
    var c;
    try { c = e.app.findRecordById("compounds", compoundId); } catch (err) { refuse("compound", "feedback_unknown_compound"); }
    rec.set("township", c.getString("township"));
  }
}

function onUpdate(e) {
  var rec = e.record;
  var before = rec.original();
  for (var i = 0; i < SENDER_FIELDS.length; i++) {
    var f = SENDER_FIELDS[i];
    if (rec.getString(f) !== before.getString(f)) {
      refuse(f, "feedback_sender_field");
    }
  }
  if (rec.getString("township") !== before.getString("township")) refuse("township", "feedback_township_readonly");
  // The receipt and its deadline are the server's; answered_at is set once, by the first answer.
  rec.set("receipt_no", before.getString("receipt_no"));
  if (!e.hasSuperuserAuth()) rec.set("due_at", before.get("due_at")); // a superuser may correct a deadline
  require(__hooks + "/lib/receipts.js").markAnswered(rec, before);
  if (rec.getString("public_reply") !== before.getString("public_reply")) {
    rec.set("replied_at", new DateTime());
    rec.set("replied_by", e.auth && !e.auth.isSuperuser() ? e.auth.id : "");
    if (rec.getString("public_reply") && rec.getString("status") === "new") rec.set("status", "acknowledged");
  } else {
    rec.set("replied_at", before.get("replied_at"));
    rec.set("replied_by", before.getString("replied_by"));
  }
}

module.exports = { onCreate: onCreate, onUpdate: onUpdate };
