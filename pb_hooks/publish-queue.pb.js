/// <reference path="../pb_data/types.d.ts" />
// Queues the compounds whose public page changed, for the static publication (lib/publish-queue.js).
const PUBLIC_PAGE = ["compounds", "stage_events", "renovation_items", "funding", "feedback"];
// A compound's own create and update are queued by its layer-cache hook (layer-cache.pb.js: one hook per compound
// write); records the bulk-load route wrote are queued by the route, in one statement (lib/bulk.js).
const PUBLIC_PAGE_BUT_COMPOUNDS = PUBLIC_PAGE.filter((name) => name !== "compounds");
onRecordAfterCreateSuccess((e) => { require(`${__hooks}/lib/publish-queue.js`).queue(e.record); e.next(); }, ...PUBLIC_PAGE_BUT_COMPOUNDS);
onRecordAfterUpdateSuccess((e) => { require(`${__hooks}/lib/publish-queue.js`).queue(e.record); e.next(); }, ...PUBLIC_PAGE_BUT_COMPOUNDS);
onRecordAfterDeleteSuccess((e) => { require(`${__hooks}/lib/publish-queue.js`).queue(e.record); e.next(); }, ...PUBLIC_PAGE);
routerAdd("GET", "/api/fy/publish/pending", (e) => require(`${__hooks}/lib/publish-queue.js`).pending(e));
routerAdd("POST", "/api/fy/publish/done", (e) => require(`${__hooks}/lib/publish-queue.js`).done(e));
