/// <reference path="../pb_data/types.d.ts" />
// Geometry sanity: a record whose geometry is too large, malformed or not a valid OGC polygon is refused with a
// message saying what and where; an accepted one is stored as type + coordinates with RFC 7946 winding.
// Runs on every create and update request, single or batched, for each collection that stores geometry.
// (Handlers run in their own VM scope: everything they use is required inside them.)

onRecordCreateRequest((e) => require(`${__hooks}/lib/geometry.js`).checkRequest(e),
  "compounds", "buildings", "design_zones", "facility_sites", "context_features");
onRecordUpdateRequest((e) => require(`${__hooks}/lib/geometry.js`).checkRequest(e),
  "compounds", "buildings", "design_zones", "facility_sites", "context_features");
