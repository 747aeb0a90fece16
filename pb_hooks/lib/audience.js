// Who is asking, and which compound fields only staff may read. The records API (onRecordEnrich, also for realtime
// messages) and the whole-layer route both use this, so anonymous readers get the same public fields everywhere —
// the fields of the public_compounds view plus what the map needs to draw and describe a compound.

var STAFF_ONLY = {
  compounds: ["property_owner", "consent_pct", "consent_date", "management", "maintenance_fund", "implementing_unit"],
};

/** True for a superuser or an active staff account. */
function isStaff(auth) {
  if (!auth) return false;
  var name = auth.collection().name;
  if (name === "_superusers") return true;
  return name === "users" && auth.getString("role") !== "" && auth.getBool("active");
}

function staffOnly(collectionName) {
  return STAFF_ONLY[collectionName] || [];
}

module.exports = { isStaff: isStaff, staffOnly: staffOnly };
