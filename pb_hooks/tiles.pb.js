/// <reference path="../pb_data/types.d.ts" />
// Vector tiles of the compounds and buildings (lib/tiles.js), per z/x/y, cached with the layer's version and
// invalidated with it (layer-cache.pb.js bumps the version on every change). gzip: tiles are mostly small integers.
routerAdd("GET", "/api/fy/tiles/{layer}/{z}/{x}/{y}", (e) => require(`${__hooks}/lib/tiles.js`).serve(e), $apis.gzip());
