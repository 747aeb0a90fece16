// Request body limits per route, and batches for staff only. Anonymous clients may send at most 1 MB (feedback with its
// photo: 6 MB, the photo itself being limited to 5 MB by its field) and must state the length (browsers always do; a
// chunked body could not be judged before it is read); signed-in staff get PocketBase's own limits (per collection from
// its file fields; batches from settings.batch.maxBodySize, 64 MB). Plain JS for PocketBase's VM.

var MB = 1024 * 1024;
var ANONYMOUS_LIMIT = 1 * MB;
var ANONYMOUS_ROUTES = [
  { method: "POST", path: /^\/api\/collections\/feedback\/records\/?$/, limit: 6 * MB },
];

function limitFor(method, path) {
  for (var i = 0; i < ANONYMOUS_ROUTES.length; i++) {
    var r = ANONYMOUS_ROUTES[i];
    if (r.method === method && r.path.test(path)) return r.limit;
  }
  return ANONYMOUS_LIMIT;
}

/**
 * Refuses (throws) a request over its body limit (413) or without a stated length (411), and batches from non-staff.
 * Batches are for staff only: nobody else has a use for them, and an upsert answers differently for an existing and a
 * missing record, which would let anyone probe whether, say, a compound has staff-only facts recorded.
 */
function guard(e) {
  var method = e.request.method;
  var path = e.request.url.path;
  if ((path === "/api/batch" || path === "/api/batch/") && !require(__hooks + "/lib/audience.js").isStaff(e.auth)) {
    throw require(__hooks + "/lib/messages.js").forbidden("batch_staff_only");
  }
  if (e.auth || method === "GET" || method === "HEAD" || method === "OPTIONS") return;
  var limit = limitFor(method, path);
  var M = require(__hooks + "/lib/messages.js");
  if (e.request.contentLength > limit) {
    throw new ApiError(413, M.text("body_too_large", { limit: Math.round(limit / MB) + " MB" }), {});
  }
  if (e.request.contentLength < 0) throw new ApiError(411, M.text("body_length_required"), {});
}

module.exports = { check: guard, ANONYMOUS_LIMIT: ANONYMOUS_LIMIT };
