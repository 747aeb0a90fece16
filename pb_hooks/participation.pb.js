/// <reference path="../pb_data/types.d.ts" />
// Residents take part: scheme publication and comments, consent and rating rounds with household codes, complaint
// receipts looked up by number. Rules live in lib/participation.js, lib/household-codes.js and lib/receipts.js.

// A save and what it causes run in one transaction (joining the audit hook's when that opened one first).
onRecordCreateRequest((e) => {
  require(`${__hooks}/lib/participation.js`).onPublicationCreate(e);
  e.next();
}, "scheme_publications");
onRecordUpdateRequest((e) => {
  const P = require(`${__hooks}/lib/participation.js`);
  const closing = P.onPublicationUpdate(e);
  e.app.runInTransaction((tx) => {
    const outer = e.app;
    e.app = tx;
    try {
      e.next();
      if (closing) P.closePublication(tx, e.record);
    } finally {
      e.app = outer;
    }
  });
}, "scheme_publications");

onRecordCreateRequest((e) => {
  require(`${__hooks}/lib/participation.js`).onCommentCreate(e);
  e.next();
}, "scheme_comments");
onRecordUpdateRequest((e) => {
  require(`${__hooks}/lib/participation.js`).onCommentUpdate(e);
  e.next();
}, "scheme_comments");

onRecordCreateRequest((e) => {
  require(`${__hooks}/lib/participation.js`).onRoundCreate(e, "consent");
  e.next();
}, "consent_campaigns");
onRecordUpdateRequest((e) => {
  const P = require(`${__hooks}/lib/participation.js`);
  const closing = P.onRoundUpdate(e, "consent");
  e.app.runInTransaction((tx) => {
    const outer = e.app;
    e.app = tx;
    try {
      e.next();
      if (closing) P.recordConsentResult(e, tx, e.record);
    } finally {
      e.app = outer;
    }
  });
}, "consent_campaigns");

onRecordCreateRequest((e) => {
  require(`${__hooks}/lib/participation.js`).onRoundCreate(e, "rating");
  e.next();
}, "rating_campaigns");
onRecordUpdateRequest((e) => {
  require(`${__hooks}/lib/participation.js`).onRoundUpdate(e, "rating");
  e.next();
}, "rating_campaigns");

// Publications end on their date: closed (counts + consultation record) within five minutes.
cronAdd("fy_close_publications", "*/5 * * * *", () => {
  require(`${__hooks}/lib/participation.js`).closeDue($app);
});

routerAdd("POST", "/api/fy/codes", (e) => require(`${__hooks}/lib/household-codes.js`).print(e), $apis.requireAuth("users", "_superusers"));
routerAdd("GET", "/api/fy/codes/check", (e) => require(`${__hooks}/lib/household-codes.js`).check(e));
routerAdd("POST", "/api/fy/answers/consent", (e) => require(`${__hooks}/lib/household-codes.js`).answerConsent(e));
routerAdd("POST", "/api/fy/answers/paper", (e) => require(`${__hooks}/lib/household-codes.js`).answerPaper(e), $apis.requireAuth("users", "_superusers"));
routerAdd("POST", "/api/fy/answers/rating", (e) => require(`${__hooks}/lib/household-codes.js`).answerRating(e));

// A complaint's status by its receipt number, for anyone (rate-limited; no message, contact or photo).
routerAdd("GET", "/api/fy/receipts/{no}", (e) => {
  const R = require(`${__hooks}/lib/receipts.js`);
  const M = require(`${__hooks}/lib/messages.js`);
  const no = String(e.request.pathValue("no") || "").trim().toUpperCase();
  if (!R.PATTERN.test(no)) throw new BadRequestError(M.text("receipt_format"));
  let rec;
  try {
    rec = e.app.findFirstRecordByData("feedback", "receipt_no", no);
  } catch (_) {
    throw new NotFoundError(M.text("receipt_unknown", { no }));
  }
  return e.json(200, R.publicView(e.app, rec));
});
