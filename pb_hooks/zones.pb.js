/// <reference path="../pb_data/types.d.ts" />
// Design zones (#3): who made them, and optimistic concurrency. An update must carry the `version` it was loaded with;
// a save over a zone someone else changed since then is refused (409), never a silent overwrite.

onRecordCreateRequest((e) => {
  e.record.set("version", 1);
  if (!e.record.get("status")) e.record.set("status", "active");
  if (e.auth && e.auth.collection().name === "users") {
    e.record.set("created_by", e.auth.id);
    e.record.set("updated_by", e.auth.id);
  }
  e.next();
}, "design_zones");

onRecordUpdateRequest((e) => {
  const sent = e.requestInfo().body["version"];
  const stored = e.record.original().getInt("version");
  if (sent === undefined || sent === null || sent === "" || Number(sent) !== stored) {
    const msg = "该设计单元已被他人修改,请重新加载后再保存 / this zone was changed by someone else since you loaded it: reload it before saving";
    throw new ApiError(409, msg, { version: new ValidationError("stale_version", msg) });
  }
  e.record.set("version", stored + 1);
  if (e.auth && e.auth.collection().name === "users") e.record.set("updated_by", e.auth.id);
  e.next();
}, "design_zones");
