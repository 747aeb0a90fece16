// Renovation items and funding (#5): one target (a compound or a design zone), catalogue keys, non-negative amounts.
var P = require(__hooks + "/lib/programme.js");

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
  if (!c && !z) throw P.bad("须指定小区或设计单元 / choose a compound or a design zone", { compound: "须指定小区或设计单元 / compound or zone required" });
  if (c && z) throw P.bad("只能指定小区或设计单元之一 / choose either a compound or a design zone, not both", { zone: "只能指定其一 / either, not both" });
}

function checkAmount(rec, field, label) {
  var raw = rec.get(field);
  var n = rec.getFloat(field);
  if (raw === null || raw === undefined || raw === "" || !isFinite(n) || n < 0) {
    throw P.bad(label + "须为不小于0的数字(元) / " + field + " must be a non-negative number (yuan)", field);
  }
}

function checkItem(e) {
  var rec = e.record;
  checkTarget(rec);
  var cat = loadCatalogue();
  var entry = cat[rec.getString("item")];
  if (!entry) throw P.bad("改造内容「" + rec.getString("item") + "」不在改造内容清单中 / unknown renovation item", "item");
  if (entry["class"] !== rec.getString("class")) {
    throw P.bad("「" + entry.zh + "」属于" + ({ basic: "基础类", improvement: "完善类", enhancement: "提升类" })[entry["class"]] +
      "改造 / item " + entry.key + " belongs to class " + entry["class"], "class");
  }
  if (!rec.getString("unit")) rec.set("unit", entry.unit);
  if (rec.getString("unit") !== entry.unit) {
    throw P.bad("「" + entry.zh + "」的计量单位是「" + entry.unit_zh + "」 / the unit of " + entry.key + " is " + entry.unit, "unit");
  }
  var q = rec.getFloat("quantity");
  if (!isFinite(q) || q < 0) throw P.bad("数量须为不小于0的数字 / quantity must be a non-negative number", "quantity");
  checkAmount(rec, "estimate_yuan", "估算金额");
  if (!rec.getString("status")) rec.set("status", "planned");
}

function checkFunding(e) {
  var rec = e.record;
  checkTarget(rec);
  // A number field reads 0 when left out: a new funding record must say its amount.
  var body = e.requestInfo().body;
  if (rec.isNew() && (body["amount_yuan"] === undefined || body["amount_yuan"] === null || body["amount_yuan"] === "")) {
    throw P.bad("请填写金额(元) / the amount (yuan) is required", "amount_yuan");
  }
  checkAmount(rec, "amount_yuan", "金额");
}

module.exports = { loadCatalogue: loadCatalogue, checkItem: checkItem, checkFunding: checkFunding };
