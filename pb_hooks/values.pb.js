/// <reference path="../pb_data/types.d.ts" />
// Values people type — money, percentages, counts, areas, years, dates, names — are refused with the field named in
// Chinese when they are not plain numbers or ISO dates in range (lib/values.js): checked on the raw request body (single
// requests and every request of a batch) before PocketBase could coerce them to 0 or blank; names trimmed in the record.

// The raw-body check is a router middleware: see requests.pb.js.
onRecordCreateRequest((e) => { require(`${__hooks}/lib/values.js`).checkRecord(e); e.next(); });
onRecordUpdateRequest((e) => { require(`${__hooks}/lib/values.js`).checkRecord(e); e.next(); });
