/// <reference path="../pb_data/types.d.ts" />
// Renovation items (policy §三(二)) and funding (§五): catalogue keys and classes from data/renovation-items.json,
// exactly one target (compound or zone), amounts non-negative yuan. Who may write is in the API rules.

onRecordCreateRequest((e) => { require(`${__hooks}/lib/money.js`).checkItem(e); e.next(); }, "renovation_items");
onRecordUpdateRequest((e) => { require(`${__hooks}/lib/money.js`).checkItem(e); e.next(); }, "renovation_items");
onRecordCreateRequest((e) => { require(`${__hooks}/lib/money.js`).checkFunding(e); e.next(); }, "funding");
onRecordUpdateRequest((e) => { require(`${__hooks}/lib/money.js`).checkFunding(e); e.next(); }, "funding");
