/// <reference path="../pb_data/types.d.ts" />
// Endpoints that send mail (password reset, verification, e-mail change, one-time codes) are limited per client, so a
// configured SMTP server cannot be used to flood inboxes. (Review finding.)

const MAIL_TAGS = ["*:requestPasswordReset", "*:requestVerification", "*:requestEmailChange", "*:requestOTP"];
const MAIL_LIMITS = MAIL_TAGS.map((label) => ({ label, audience: "", duration: 60, maxRequests: 3 }));

migrate((app) => {
  const settings = app.settings();
  settings.rateLimits.rules = [...settings.rateLimits.rules.filter((r) => !MAIL_TAGS.includes(r.label)), ...MAIL_LIMITS];
  settings.rateLimits.enabled = true;
  app.save(settings);
}, (app) => {
  const settings = app.settings();
  settings.rateLimits.rules = settings.rateLimits.rules.filter((r) => !MAIL_TAGS.includes(r.label));
  app.save(settings);
});
