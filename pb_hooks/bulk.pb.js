/// <reference path="../pb_data/types.d.ts" />
// Bulk load (office only): a FeatureCollection or a list of create/update operations for compounds, buildings or context
// features, written in one transaction with the same rules as single writes (lib/bulk.js). A province's register is one
// request of a few seconds instead of thousands of batched requests.
routerAdd("POST", "/api/fy/bulk", (e) => require(`${__hooks}/lib/bulk.js`).handle(e), $apis.bodyLimit(256 << 20));
