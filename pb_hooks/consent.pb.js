/// <reference path="../pb_data/types.d.ts" />
// Resident consent from evidence (lib/consent.js): a consent survey — or a consultation of kind survey, which carries
// one — sets the compound's consent figure in its own transaction; nobody writes that figure directly, superusers
// included (compound_private requests carrying consent_pct or consent_date are refused).

onRecordCreateRequest((e) => require(`${__hooks}/lib/consent.js`).surveyRequest(e, "create"), "consent_surveys");
onRecordUpdateRequest((e) => require(`${__hooks}/lib/consent.js`).surveyRequest(e, "update"), "consent_surveys");
onRecordDeleteRequest((e) => require(`${__hooks}/lib/consent.js`).surveyRequest(e, "delete"), "consent_surveys");

onRecordCreateRequest((e) => require(`${__hooks}/lib/consent.js`).consultationRequest(e, "create"), "consultations");
onRecordUpdateRequest((e) => require(`${__hooks}/lib/consent.js`).consultationRequest(e, "update"), "consultations");
onRecordDeleteRequest((e) => require(`${__hooks}/lib/consent.js`).consultationRequest(e, "delete"), "consultations");

onRecordCreateRequest((e) => { require(`${__hooks}/lib/consent.js`).checkPrivateBody(e); e.next(); }, "compound_private");
onRecordUpdateRequest((e) => { require(`${__hooks}/lib/consent.js`).checkPrivateBody(e); e.next(); }, "compound_private");
