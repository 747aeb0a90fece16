/// <reference path="../pb_data/types.d.ts" />
// Queues the compounds whose public page changed, for the static publication (lib/publish-queue.js).
const PUBLIC_PAGE = ["compounds", "stage_events", "renovation_items", "funding", "feedback"];
// Records the bulk-load route wrote carry fyBulkLoad (lib/bulk.js WRITTEN_BY_BULK): it queues them in one statement.
onRecordAfterCreateSuccess((e) => {
  if (e.record.get("fyBulkLoad") !== true) require(`${__hooks}/lib/publish-queue.js`).queue(e.record);
  e.next();
}, ...PUBLIC_PAGE);
onRecordAfterUpdateSuccess((e) => {
  if (e.record.get("fyBulkLoad") !== true) require(`${__hooks}/lib/publish-queue.js`).queue(e.record);
  e.next();
}, ...PUBLIC_PAGE);
onRecordAfterDeleteSuccess((e) => { require(`${__hooks}/lib/publish-queue.js`).queue(e.record); e.next(); }, ...PUBLIC_PAGE);
routerAdd("GET", "/api/fy/publish/pending", (e) => require(`${__hooks}/lib/publish-queue.js`).pending(e));
routerAdd("POST", "/api/fy/publish/done", (e) => require(`${__hooks}/lib/publish-queue.js`).done(e));
