/// <reference path="../pb_data/types.d.ts" />
// Request limits. Rate limits, the whole list (per client address): PocketBase's own defaults for anonymous clients
// (every API request, creates, batches), the project's stricter ones (feedback, sign-in, mail), and looser general ones
// for signed-in staff, who may share one office address. Batches: at most 64 MB a request (staff
// imports; anonymous bodies are held to 1 MB by pb_hooks/limits.pb.js), 5,000 requests, 60 s.

const RULES = [
  // the project's
  { label: "feedback:create", audience: "@guest", duration: 60, maxRequests: 5 },
  { label: "*:auth", audience: "@guest", duration: 60, maxRequests: 30 },
  { label: "*:requestPasswordReset", audience: "", duration: 60, maxRequests: 3 },
  { label: "*:requestVerification", audience: "", duration: 60, maxRequests: 3 },
  { label: "*:requestEmailChange", audience: "", duration: 60, maxRequests: 3 },
  { label: "*:requestOTP", audience: "", duration: 60, maxRequests: 3 },
  // PocketBase's defaults, for anonymous clients
  { label: "*:create", audience: "@guest", duration: 5, maxRequests: 20 },
  { label: "/api/batch", audience: "@guest", duration: 1, maxRequests: 3 },
  { label: "/api/", audience: "@guest", duration: 10, maxRequests: 300 },
  // signed-in staff: the same shape, sized for an office behind one address (an import or a saved fact is one batch)
  { label: "/api/batch", audience: "@auth", duration: 10, maxRequests: 30 },
  { label: "/api/", audience: "@auth", duration: 10, maxRequests: 3000 },
];
const BEFORE = [
  { label: "feedback:create", audience: "@guest", duration: 60, maxRequests: 5 },
  { label: "*:auth", audience: "@guest", duration: 60, maxRequests: 30 },
  { label: "*:requestPasswordReset", audience: "", duration: 60, maxRequests: 3 },
  { label: "*:requestVerification", audience: "", duration: 60, maxRequests: 3 },
  { label: "*:requestEmailChange", audience: "", duration: 60, maxRequests: 3 },
  { label: "*:requestOTP", audience: "", duration: 60, maxRequests: 3 },
];

migrate((app) => {
  const settings = app.settings();
  settings.rateLimits.enabled = true;
  settings.rateLimits.rules = RULES;
  settings.batch.enabled = true;
  settings.batch.maxRequests = 5000;
  settings.batch.timeout = 60;
  settings.batch.maxBodySize = 64 * 1024 * 1024;
  app.save(settings);
}, (app) => {
  const settings = app.settings();
  settings.rateLimits.rules = BEFORE;
  settings.batch.maxBodySize = 128 * 1024 * 1024;
  app.save(settings);
});
