/// <reference path="../pb_data/types.d.ts" />
// Every API request passes these checks first, in this order (one middleware: hook files are loaded in no fixed order,
// so checks that depend on each other live together):
//  1. body limits: anonymous bodies at most 1 MB (feedback with a photo 6 MB) and of stated length; batches for staff
//     only (lib/limits.js);
//  2. no truncating the audit log or an audited collection (lib/audit-guard.js);
//  3. the one value rule on the raw body of record writes, single or batched (lib/values.js).
// Rate limits are PocketBase settings (pb_migrations).

routerUse((e) => {
  require(`${__hooks}/lib/limits.js`).check(e);
  require(`${__hooks}/lib/audit-guard.js`).checkTruncate(e);
  if (require(`${__hooks}/lib/values.js`).checkRoute(e)) return;
  return e.next();
});
