/// <reference path="../pb_data/types.d.ts" />
// The compound register edited in the app (lib/compounds.js): a staff save must carry the version it was loaded with
// (a stale one is refused with 409), the community lies in the compound's township, exclusions are the office's.
// Every saved change, by any path (edits, stage events, plan approval), moves the version on; the same model hook runs
// the audit trail's model hook for compounds (lib/compounds.js bumpVersion).

onRecordCreateRequest((e) => require(`${__hooks}/lib/compounds.js`).createRequest(e), "compounds");
onRecordUpdateRequest((e) => {
  if (e.hasSuperuserAuth()) {
    e.next();
    return;
  }
  require(`${__hooks}/lib/compounds.js`).updateRequest(e);
}, "compounds");

onRecordCreate((e) => require(`${__hooks}/lib/compounds.js`).bumpVersion(e, true), "compounds");
onRecordUpdate((e) => require(`${__hooks}/lib/compounds.js`).bumpVersion(e, false), "compounds");
