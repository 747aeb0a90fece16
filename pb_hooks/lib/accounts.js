// Role consistency for staff accounts (#6), plain JS for PocketBase's JSVM.
function refuse(field, code, msg) {
  var data = {};
  data[field] = new ValidationError(code, msg);
  throw new BadRequestError(msg, data);
}

function checkRole(rec) {
  var role = rec.getString("role");
  if (role === "township" && !rec.getString("township")) {
    refuse("township", "township_required", "街道/镇账号必须指定所属街道/镇 / a township account needs its township");
  }
  if (role === "department" && !rec.getString("department")) {
    refuse("department", "department_required", "部门账号必须指定部门 / a department account needs its department");
  }
  // A role's scope never leaks into another role: clear what does not apply.
  if (role !== "township") rec.set("township", "");
  if (role !== "department") rec.set("department", "");
}

module.exports = { checkRole: checkRole };
