/// <reference path="../pb_data/types.d.ts" />
// Whole-layer GeoJSON routes (#8): the map fetches all compounds (and all buildings) in one request each.
// The cached string is dropped on every committed create/update/delete of a record in that collection, whether it
// came from a single request, a batch or another hook; realtime keeps working as before for live edits.

// gzip: the layer is mostly digits; 7,701 compounds are ~6 MB raw, a fraction of that compressed.
routerAdd("GET", "/api/fy/compounds.geojson", (e) => require(`${__hooks}/lib/layer-cache.js`).serve(e, "compounds"), $apis.gzip());
routerAdd("GET", "/api/fy/buildings.geojson", (e) => require(`${__hooks}/lib/layer-cache.js`).serve(e, "buildings"), $apis.gzip());

// Records the bulk-load route wrote carry fyBulkLoad (lib/bulk.js WRITTEN_BY_BULK): it invalidates once for the whole load
// (checked here, before any require, since these hooks then run once per record of a province's load).
// A compound's create or update also queues it for the static publication here (publish-queue.pb.js leaves those to
// this hook): one call into the JS VM per compound write instead of two.
onRecordAfterCreateSuccess((e) => {
  if (e.record.get("fyBulkLoad") !== true) {
    require(`${__hooks}/lib/layer-cache.js`).invalidate("compounds");
    require(`${__hooks}/lib/publish-queue.js`).queue(e.record);
  }
  e.next();
}, "compounds");
onRecordAfterUpdateSuccess((e) => {
  if (e.record.get("fyBulkLoad") !== true) {
    require(`${__hooks}/lib/layer-cache.js`).invalidate("compounds");
    require(`${__hooks}/lib/publish-queue.js`).queue(e.record);
  }
  e.next();
}, "compounds");
onRecordAfterCreateSuccess((e) => {
  if (e.record.get("fyBulkLoad") !== true) require(`${__hooks}/lib/layer-cache.js`).invalidate("buildings");
  e.next();
}, "buildings");
onRecordAfterUpdateSuccess((e) => {
  if (e.record.get("fyBulkLoad") !== true) require(`${__hooks}/lib/layer-cache.js`).invalidate("buildings");
  e.next();
}, "buildings");
onRecordAfterDeleteSuccess((e) => {
  require(`${__hooks}/lib/layer-cache.js`).invalidate(e.record.collection().name);
  e.next();
}, "compounds", "buildings");
// Deleting a compound cascades to its buildings inside the same transaction; be safe and drop both.
onRecordAfterDeleteSuccess((e) => {
  require(`${__hooks}/lib/layer-cache.js`).invalidate("buildings");
  e.next();
}, "compounds");
// The staff variant of the compound layer carries each compound's staff-only facts (compound_private).
onRecordAfterCreateSuccess((e) => {
  if (e.record.get("fyBulkLoad") !== true) require(`${__hooks}/lib/layer-cache.js`).invalidate("compounds");
  e.next();
}, "compound_private");
onRecordAfterUpdateSuccess((e) => {
  if (e.record.get("fyBulkLoad") !== true) require(`${__hooks}/lib/layer-cache.js`).invalidate("compounds");
  e.next();
}, "compound_private");
onRecordAfterDeleteSuccess((e) => {
  require(`${__hooks}/lib/layer-cache.js`).invalidate("compounds");
  e.next();
}, "compound_private");
