// The static publication's queue: every committed change to what a compound's public page shows (the compound, its
// stage events, items, funding, answered feedback) queues the compound; the publisher (scripts/publish.mjs) asks how
// many are queued — a scheduled run with nothing queued does nothing — and clears what it published.

/** The compound a changed record belongs to ("" when none). */
function compoundOf(rec) {
  var name = rec.collection().name;
  if (name === "compounds") return rec.id;
  try {
    return rec.getString("compound");
  } catch (_) {
    return "";
  }
}

function queue(rec) {
  var id = compoundOf(rec);
  if (!id) return;
  $app.db().newQuery("INSERT OR REPLACE INTO _fy_publish_queue (compound, at) VALUES ({:id}, {:at})")
    .bind({ id: id, at: new Date().toISOString() }).execute();
}

/** Queues many compounds by id in one statement (the bulk-load route, after its transaction committed). */
function queueMany(app, ids) {
  if (!ids.length) return;
  app.db().newQuery("INSERT OR REPLACE INTO _fy_publish_queue (compound, at) SELECT [value], {:at} FROM json_each({:ids})")
    .bind({ ids: JSON.stringify(ids), at: new Date().toISOString() }).execute();
}

/** GET: how many compounds changed since the last publish, and the earliest change (public: no ids, no contents). */
function pending(e) {
  var row = new DynamicModel({ n: 0, since: "" });
  $app.db().newQuery("SELECT COUNT(*) AS n, COALESCE(MIN(at), '') AS since FROM _fy_publish_queue").one(row);
  return e.json(200, { pending: row.n, since: row.since });
}

/** POST {before}: clears what was queued up to `before` (superusers: the publisher signs in with the instance's). */
function done(e) {
  if (!e.hasSuperuserAuth()) throw new ForbiddenError("仅限系统管理员 / superusers only");
  var before = String((e.requestInfo().body || {}).before || "");
  if (!/^\d{4}-\d{2}-\d{2}T/.test(before)) throw new BadRequestError("before: ISO time");
  $app.db().newQuery("DELETE FROM _fy_publish_queue WHERE at <= {:before}").bind({ before: before }).execute();
  return pending(e);
}

module.exports = { queue: queue, queueMany: queueMany, pending: pending, done: done };
