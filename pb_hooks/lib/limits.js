// Request body limits per route, and batches for staff only. Anonymous clients may send at most 1 MB (feedback with its photo: 6 MB, the photo
// itself being limited to 5 MB by its field); signed-in staff get PocketBase's own limits (per collection from its
// file fields; batches from settings.batch.maxBodySize, 64 MB). A body without a stated length is read through the same
// limit. Plain JS for PocketBase's VM.

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
 * Middleware body: continues the chain (e.next()) for requests within their limit, refuses the others with 413.
 * Batches are for staff only: nobody else has a use for them, and an upsert answers differently for an existing and a
 * missing record, which would let anyone probe whether, say, a compound has staff-only facts recorded.
 */
function guard(e) {
  var method = e.request.method;
  var path = e.request.url.path;
  if ((path === "/api/batch" || path === "/api/batch/") && !require(__hooks + "/lib/audience.js").isStaff(e.auth)) {
    throw require(__hooks + "/lib/messages.js").forbidden("batch_staff_only");
  }
  if (e.auth || method === "GET" || method === "HEAD" || method === "OPTIONS") return e.next();
  var limit = limitFor(method, path);
  if (e.request.contentLength > limit) {
    var M = require(__hooks + "/lib/messages.js");
    throw new ApiError(413, M.text("body_too_large", { limit: Math.round(limit / MB) + " MB" }), {});
  }
  // Also caps a body sent without Content-Length (chunked): reading past the limit fails the request.
  return $apis.bodyLimit(limit).func(e);
}

module.exports = { guard: guard, ANONYMOUS_LIMIT: ANONYMOUS_LIMIT };
