// Staff notifications and the to-do list. A notification goes to every active account that acts on the event: the
// township of the compound (or the office when the feedback names no compound); it is e-mailed through PocketBase's
// mailer only when SMTP is enabled in the settings. The to-do list counts, live, what an account still has to do.
// Plain JS for PocketBase's VM.

function recipients(app, townshipId) {
  if (townshipId) {
    return app.findRecordsByFilter("users", "role = 'township' && active = true && township = {:t}", "", 0, 0, { t: townshipId });
  }
  return app.findRecordsByFilter("users", "role = 'office' && active = true", "", 0, 0);
}

function mail(app, user, title, link) {
  var s = app.settings();
  if (!s.smtp.enabled) return false;
  var to = user.getString("email");
  if (!to) return false;
  try {
    var msg = new MailerMessage({
      from: { address: s.meta.senderAddress || "noreply@localhost", name: s.meta.senderName || "汾阳市老旧小区改造" },
      to: [{ address: to }],
      subject: title,
      text: title + "\n\n" + (s.meta.appURL ? s.meta.appURL.replace(/\/+$/, "") : "") + link + "\n",
    });
    app.newMailClient().send(msg);
    return true;
  } catch (err) {
    app.logger().warn("notification mail failed", "to", to, "error", String(err));
    return false;
  }
}

/** Writes one notification per recipient and mails it when SMTP is on. */
function notify(app, townshipId, kind, title, link, compoundId, isDemo) {
  var col = app.findCollectionByNameOrId("notifications");
  recipients(app, townshipId).forEach(function (u) {
    var n = new Record(col);
    n.set("user", u.id);
    n.set("kind", kind);
    n.set("title", title.slice(0, 200));
    n.set("link", link);
    n.set("compound", compoundId || "");
    n.set("is_demo", !!isDemo);
    n.set("mailed", mail(app, u, title, link));
    app.save(n);
  });
}

function compoundName(app, id) {
  if (!id) return "";
  try { return app.findRecordById("compounds", id).getString("name"); } catch (err) { return ""; }
}

function onFeedback(app, rec) {
  var name = compoundName(app, rec.getString("compound"));
  notify(app, rec.getString("township"), "feedback_new",
    "新的居民意见 " + rec.getString("receipt_no") + (name ? "(" + name + ")" : "") + ",请在期限内答复",
    "/feedback", rec.getString("compound"), false);
}

function onComment(app, rec) {
  var name = compoundName(app, rec.getString("compound"));
  notify(app, rec.getString("township"), "comment_new", "方案公示收到新的居民意见(" + name + ")", "/participation", rec.getString("compound"), rec.getBool("is_demo"));
}

function onPlanReturned(app, plan) {
  notify(app, plan.getString("township"), "plan_returned", plan.getInt("year") + " 年度计划被退回:" + plan.getString("review_comment").slice(0, 80), "/plans", "", plan.getBool("is_demo"));
}

/** A notification's owner may only mark it read (or unread). */
function onUpdate(e) {
  var before = e.record.original();
  var read = e.record.getBool("read");
  ["user", "kind", "title", "link", "compound", "mailed", "is_demo"].forEach(function (f) { e.record.set(f, before.get(f)); });
  e.record.set("read", read);
}

function count(app, collection, filter, params) {
  var row = new DynamicModel({ n: 0 });
  var where = filter;
  app.db().newQuery("SELECT COUNT(*) AS n FROM " + collection + " WHERE " + where).bind(params || {}).one(row);
  return row.n;
}

/**
 * GET /api/fy/todo: what the signed-in account still has to do, with counts — feedback not yet answered, overdue,
 * due within 7 days; residents' comments awaiting an answer; returned plans; 督办 items due within 7 days or overdue;
 * compounds due to finish construction
 * within 7 days — for its township (the office: all), plus its unread notifications.
 */
function todo(e) {
  var auth = e.auth;
  var app = e.app;
  var role = auth.collection().name === "users" ? auth.getString("role") : "office";
  var own = role === "township" ? auth.getString("township") : "";
  if (role !== "office" && role !== "township") {
    return e.json(200, { items: [], unread: 0, total: 0 });
  }
  var now = new Date().toISOString().replace("T", " ");
  var week = new Date(Date.now() + 7 * 86400000).toISOString().replace("T", " ");
  var tw = own ? " AND township = {:t}" : "";
  var p = { t: own, now: now, week: week };
  var items = [
    { kind: "feedback_new", link: "/feedback", n: count(app, "feedback", "status = 'new'" + tw, p) },
    { kind: "feedback_overdue", link: "/feedback?due=overdue", n: count(app, "feedback", "answered_at = '' AND due_at != '' AND due_at < {:now}" + tw, p) },
    { kind: "feedback_due_week", link: "/feedback?due=soon", n: count(app, "feedback", "answered_at = '' AND due_at >= {:now} AND due_at < {:week}" + tw, p) },
    { kind: "comments_unanswered", link: "/participation", n: count(app, "scheme_comments", "answer = ''" + tw, p) },
    { kind: "plans_returned", link: "/plans", n: count(app, "annual_plans", "status = 'returned'" + tw, p) },
    // 督办 items still to rectify whose deadline is within 7 days or past
    { kind: "supervision_due", link: "/supervision", n: count(app, "supervision_items", "status = 'open' AND deadline < {:week}" + tw, p) },
    { kind: "construction_due_week", link: "/ledger", n: count(app, "compounds",
      "stage = 'construction' AND construction_end_planned != '' AND construction_end_planned < {:week}" + tw, p) },
  ].filter(function (i) { return i.n > 0; });
  var unread = auth.collection().name === "users" ? count(app, "notifications", "user = {:u} AND read = FALSE", { u: auth.id }) : 0;
  var total = items.reduce(function (s, i) { return s + i.n; }, 0);
  return e.json(200, { items: items, unread: unread, total: total });
}

module.exports = { notify: notify, onFeedback: onFeedback, onComment: onComment, onPlanReturned: onPlanReturned, onUpdate: onUpdate, todo: todo };
