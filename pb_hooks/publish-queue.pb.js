/// <reference path="../pb_data/types.d.ts" />
// Queues the compounds whose public page changed, for the static publication (lib/publish-queue.js).
const PUBLIC_PAGE = ["compounds", "stage_events", "renovation_items", "funding", "feedback"];
onRecordAfterCreateSuccess((e) => { require(`${__hooks}/lib/publish-queue.js`).queue(e.record); e.next(); }, ...PUBLIC_PAGE);
onRecordAfterUpdateSuccess((e) => { require(`${__hooks}/lib/publish-queue.js`).queue(e.record); e.next(); }, ...PUBLIC_PAGE);
onRecordAfterDeleteSuccess((e) => { require(`${__hooks}/lib/publish-queue.js`).queue(e.record); e.next(); }, ...PUBLIC_PAGE);
routerAdd("GET", "/api/fy/publish/pending", (e) => require(`${__hooks}/lib/publish-queue.js`).pending(e));
routerAdd("POST", "/api/fy/publish/done", (e) => require(`${__hooks}/lib/publish-queue.js`).done(e));
