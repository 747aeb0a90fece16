// Renovation items and funding: one target (a compound or a design zone), catalogue keys and units, and a new funding
// record states its amount. Amounts and quantities themselves are checked by the one value rule (lib/values.js).
var M = require(__hooks + "/lib/messages.js");

var catalogue = null;
function loadCatalogue() {
  if (catalogue) return catalogue;
  var path = __hooks + "/../data/renovation-items.json";
  var json = JSON.parse(toString($os.readFile(path)));
  catalogue = {};
  for (var i = 0; i < json.items.length; i++) catalogue[json.items[i].key] = json.items[i];
  return catalogue;
}

function checkTarget(rec) {
  var c = rec.getString("compound"), z = rec.getString("zone");
  if (!c && !z) throw M.bad("target_required", "compound");
  if (c && z) throw M.bad("target_both", "zone");
}

var CLASS_ZH = { basic: "基础类", improvement: "完善类", enhancement: "提升类" };

function checkItem(e) {
  var rec = e.record;
  checkTarget(rec);
  var entry = loadCatalogue()[rec.getString("item")];
  if (!entry) throw M.bad("item_unknown", "item", { item: rec.getString("item") });
  if (entry["class"] !== rec.getString("class")) {
    throw M.bad("item_class", "class", { name: entry.zh, classZh: CLASS_ZH[entry["class"]], item: entry.key, cls: entry["class"] });
  }
  if (!rec.getString("unit")) rec.set("unit", entry.unit);
  if (rec.getString("unit") !== entry.unit) {
    throw M.bad("item_unit", "unit", { name: entry.zh, unitZh: entry.unit_zh, item: entry.key, unit: entry.unit });
  }
  if (!rec.getString("status")) rec.set("status", "planned");
  checkItemStatus(rec, entry);
}

function fileCount(rec, field) {
  var v = rec.get(field);
  if (!v) return 0;
  if (typeof v === "string") return 1;
  return v.length || 0;
}

/**
 * The acceptance checklist's rule for one item (policy 四(五)): done means a completion date (not in the future) and at
 * least one photo; waived means a reason. Planned and in-progress items need neither.
 */
function checkItemStatus(rec, entry) {
  var P = require(__hooks + "/lib/programme.js");
  var st = rec.getString("status");
  var p = { name: entry.zh, item: entry.key };
  if (st === "done") {
    var d = P.dateOf(rec, "done_date");
    if (!d) throw M.bad("item_done_date", "done_date", p);
    if (d > P.todayBeijing()) throw M.bad("date_in_future_field", "done_date", { label: "完成日期", date: d });
    if (fileCount(rec, "photos") === 0) throw M.bad("item_done_photo", "photos", p);
  } else if (st === "waived") {
    if (!String(rec.getString("waive_reason") || "").trim()) throw M.bad("item_waive_reason", "waive_reason", p);
  }
}

function checkFunding(e) {
  var rec = e.record;
  checkTarget(rec);
  // A number field reads 0 when left out: a new funding record must say its amount.
  var body = e.requestInfo().body;
  if (rec.isNew() && (body["amount_yuan"] === undefined || body["amount_yuan"] === null || body["amount_yuan"] === "")) {
    throw M.bad("amount_required", "amount_yuan");
  }
}

module.exports = { loadCatalogue: loadCatalogue, checkItem: checkItem, checkFunding: checkFunding };
