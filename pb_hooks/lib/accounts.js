// Role consistency for staff accounts, plain JS for PocketBase's JSVM.
function refuse(field, code) {
  throw require(__hooks + "/lib/messages.js").bad(code, field);
}

function checkRole(rec) {
  var role = rec.getString("role");
  if (role === "township" && !rec.getString("township")) {
    refuse("township", "account_township_required");
  }
  if (role === "department" && !rec.getString("department")) {
    refuse("department", "account_department_required");
  }
  // A role's scope never leaks into another role: clear what does not apply.
  if (role !== "township") rec.set("township", "");
  if (role !== "department") rec.set("department", "");
}

module.exports = { checkRole: checkRole };
