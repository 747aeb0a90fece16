// Complaint receipts: every feedback gets a receipt number FY-YYYY-NNNNNN (sequential per year in Beijing time,
// assigned inside the create's transaction, so numbers never repeat or skip) and a response deadline counted in working
// days (Monday–Friday except the holidays listed in programme settings). `answered_at` is the first time staff gave a
// public reply or marked it resolved; the supervision scores read "answered in time" as answered_at <= due_at.
// Plain JS for PocketBase's VM; the date arithmetic is loadable from Node (no VM globals at load time).

var BEIJING_MS = 8 * 3600 * 1000;
var DAY_MS = 24 * 3600 * 1000;
var DEFAULT_DAYS = 5;

function pad(n, w) { var s = String(n); while (s.length < w) s = "0" + s; return s; }

/** "YYYY-MM-DD" of an instant in Beijing time. */
function beijingDay(ms) {
  var d = new Date(ms + BEIJING_MS);
  return d.getUTCFullYear() + "-" + pad(d.getUTCMonth() + 1, 2) + "-" + pad(d.getUTCDate(), 2);
}

/**
 * The deadline for an answer: the end (23:59:59 Beijing time) of the `days`-th working day after the day `fromMs`
 * falls on. Weekends and `holidays` ("YYYY-MM-DD" in Beijing time) do not count.
 * @example dueAt(Date.parse("2026-12-04T02:00:00Z"), 5, []) // Friday → "2026-12-11 15:59:59.000Z" (next Friday)
 */
function dueAt(fromMs, days, holidays) {
  var off = {};
  (holidays || []).forEach(function (h) { off[String(h).slice(0, 10)] = true; });
  var n = Math.max(1, Math.floor(days || DEFAULT_DAYS));
  var startOfDay = Math.floor((fromMs + BEIJING_MS) / DAY_MS) * DAY_MS; // midnight, Beijing, as a shifted instant
  var t = startOfDay;
  for (var guard = 0; n > 0 && guard < 400; guard++) {
    t += DAY_MS;
    var wd = new Date(t).getUTCDay();
    if (wd === 0 || wd === 6) continue;
    if (off[beijingDay(t - BEIJING_MS)]) continue;
    n--;
  }
  var end = t + DAY_MS - 1000 - BEIJING_MS;
  return new Date(end).toISOString().replace("T", " ");
}

/** "FY-2026-000123" for the n-th receipt of a year. */
function receiptNo(year, n) { return "FY-" + year + "-" + pad(n, 6); }

var PATTERN = /^FY-(\d{4})-(\d{6})$/;

/** Reads the programme's response days and holidays (defaults when the settings record is missing). */
function settings(app) {
  try {
    var s = app.findRecordById("programme_settings", "settings0000001");
    var days = s.getInt("feedback_response_days") || DEFAULT_DAYS;
    var holidays = [];
    try { holidays = JSON.parse(s.getString("holidays") || "[]") || []; } catch (err) { holidays = []; }
    return { days: days, holidays: Array.isArray(holidays) ? holidays : [] };
  } catch (err) {
    return { days: DEFAULT_DAYS, holidays: [] };
  }
}

/**
 * Sets receipt_no and due_at on a new feedback record. `tx` must be the create's transaction: PocketBase runs write
 * transactions one at a time, so the highest number read here is still the highest when the record is inserted.
 */
function assign(tx, rec) {
  var now = Date.now();
  var year = beijingDay(now).slice(0, 4);
  var prefix = "FY-" + year + "-";
  var row = new DynamicModel({ last: "" });
  tx.db().newQuery("SELECT COALESCE(MAX(receipt_no), '') AS last FROM feedback WHERE receipt_no LIKE {:p}").bind({ p: prefix + "%" }).one(row);
  var m = PATTERN.exec(row.last);
  var next = m ? parseInt(m[2], 10) + 1 : 1;
  rec.set("receipt_no", receiptNo(year, next));
  var s = settings(tx);
  rec.set("due_at", dueAt(now, s.days, s.holidays));
  rec.set("answered_at", "");
}

/** On a staff update: answered_at is set once, the first time there is a public reply or the status is resolved. */
function markAnswered(rec, before) {
  var was = before.getString("answered_at");
  if (was) { rec.set("answered_at", was); return; }
  if (rec.getString("public_reply").trim() || rec.getString("status") === "resolved") rec.set("answered_at", new DateTime());
  else rec.set("answered_at", "");
}

/**
 * What the public may know of a receipt: its status and dates, the compound it concerns and the public reply —
 * never the message, contact, photo or who answered (numbers are sequential, so anyone can try any number).
 */
function publicView(app, rec) {
  var compound = null;
  if (rec.getString("compound")) {
    try { compound = app.findRecordById("compounds", rec.getString("compound")); } catch (err) { compound = null; }
  }
  var due = rec.getString("due_at");
  var answered = rec.getString("answered_at");
  var overdue = !answered && due && Date.parse(due.replace(" ", "T")) < Date.now();
  return {
    receipt_no: rec.getString("receipt_no"),
    status: rec.getString("status"),
    category: rec.getString("category"),
    compound_code: compound ? compound.getString("code") : "",
    compound_name: compound ? compound.getString("name") : "",
    created: rec.getString("created"),
    due_at: due,
    answered_at: answered,
    overdue: !!overdue,
    public_reply: rec.getString("public_reply"),
  };
}

module.exports = { dueAt: dueAt, receiptNo: receiptNo, beijingDay: beijingDay, assign: assign, markAnswered: markAnswered,
  publicView: publicView, settings: settings, PATTERN: PATTERN, DEFAULT_DAYS: DEFAULT_DAYS };
