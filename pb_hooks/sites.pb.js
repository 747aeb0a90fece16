/// <reference path="../pb_data/types.d.ts" />
// Facility sites (#4): the server recomputes the permit verdict of policy §六(二) (permit_exempt, land_use_deferred,
// reasons) from the site's own facts on every create and update — what the client sends for them is ignored — and
// refuses impossible input (unknown type, negative areas) with a Chinese message naming the field.

onRecordCreateRequest((e) => require(`${__hooks}/lib/permit.js`).checkRequest(e, true), "facility_sites");
onRecordUpdateRequest((e) => require(`${__hooks}/lib/permit.js`).checkRequest(e, false), "facility_sites");
