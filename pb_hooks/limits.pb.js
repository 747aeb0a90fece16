/// <reference path="../pb_data/types.d.ts" />
// Body size limits per route for anonymous clients (lib/limits.js); rate limits are settings (pb_migrations).

routerUse((e) => require(`${__hooks}/lib/limits.js`).guard(e));
