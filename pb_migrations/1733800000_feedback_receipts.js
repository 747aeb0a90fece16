/// <reference path="../pb_data/types.d.ts" />
// Complaints that can be followed (policy §七(一)): every feedback carries a receipt number FY-YYYY-NNNNNN (unique,
// sequential per year; set by the server in the create's transaction), a response deadline `due_at` in working days
// (programme settings `feedback_response_days`, default 5; `holidays` lists extra days off) and `answered_at`, the first
// public reply or resolution. Feedback already stored gets numbers in the order it came, deadlines from its date.
// The public looks a receipt up through GET /api/fy/receipts/{no} (pb_hooks/participation.pb.js), rate-limited here.

const LOOKUP_LIMIT = { label: "/api/fy/receipts/", audience: "@guest", duration: 60, maxRequests: 20 };

function dueAt(fromMs, days) {
  const BJ = 8 * 3600 * 1000, DAY = 24 * 3600 * 1000;
  let t = Math.floor((fromMs + BJ) / DAY) * DAY, n = days;
  while (n > 0) { t += DAY; const wd = new Date(t).getUTCDay(); if (wd !== 0 && wd !== 6) n--; }
  return new Date(t + DAY - 1000 - BJ).toISOString().replace("T", " ");
}

migrate((app) => {
  const feedback = app.findCollectionByNameOrId("feedback");
  feedback.fields.add(new TextField({ name: "receipt_no", max: 20 }));
  feedback.fields.add(new DateField({ name: "due_at" }));
  feedback.fields.add(new DateField({ name: "answered_at" }));
  feedback.addIndex("idx_feedback_receipt_no", true, "receipt_no", "receipt_no != ''");
  feedback.addIndex("idx_feedback_due", false, "answered_at, due_at", "");
  app.save(feedback);

  const settings = app.findCollectionByNameOrId("programme_settings");
  settings.fields.add(new NumberField({ name: "feedback_response_days", onlyInt: true, min: 1, max: 30 }));
  settings.fields.add(new JSONField({ name: "holidays", maxSize: 20000 }));
  app.save(settings);
  try {
    const s = app.findRecordById("programme_settings", "settings0000001");
    s.set("feedback_response_days", 5);
    s.set("holidays", []);
    app.save(s);
  } catch (_) { /* no settings record: the hooks use the default */ }

  const rows = app.findRecordsByFilter("feedback", "id != ''", "created", 0, 0);
  const next = {};
  for (const r of rows) {
    const ms = Date.parse(r.getString("created").replace(" ", "T"));
    const year = new Date(ms + 8 * 3600 * 1000).getUTCFullYear();
    next[year] = (next[year] || 0) + 1;
    r.set("receipt_no", "FY-" + year + "-" + String(next[year]).padStart(6, "0"));
    r.set("due_at", dueAt(ms, 5));
    if (r.getString("public_reply") || r.getString("status") === "resolved") r.set("answered_at", r.getString("replied_at") || r.getString("updated"));
    app.saveNoValidate(r);
  }

  const ps = app.settings();
  // A prefix rule (the number is in the path) counts only when listed before PocketBase's "/api/" prefix rule.
  ps.rateLimits.rules = [LOOKUP_LIMIT, ...ps.rateLimits.rules.filter((x) => x.label !== LOOKUP_LIMIT.label)];
  app.save(ps);
}, (app) => {
  const feedback = app.findCollectionByNameOrId("feedback");
  feedback.removeIndex("idx_feedback_receipt_no");
  feedback.removeIndex("idx_feedback_due");
  for (const f of ["receipt_no", "due_at", "answered_at"]) feedback.fields.removeByName(f);
  app.save(feedback);
  const settings = app.findCollectionByNameOrId("programme_settings");
  for (const f of ["feedback_response_days", "holidays"]) settings.fields.removeByName(f);
  app.save(settings);
  const ps = app.settings();
  ps.rateLimits.rules = ps.rateLimits.rules.filter((x) => x.label !== LOOKUP_LIMIT.label);
  app.save(ps);
});
