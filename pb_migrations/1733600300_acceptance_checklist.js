/// <reference path="../pb_data/types.d.ts" />
// The acceptance checklist (policy 四(五) 组织竣工验收): every renovation item of a compound is done — on a date, with
// a photo — or waived with a reason before the compound may be accepted; the acceptance names the five parties (建设,
// 设计, 施工, 监理 units and the resident representatives) and attaches the record. pb_hooks/lib/stages.js checks it.

const IMAGES = ["image/jpeg", "image/png", "image/webp"];
const UNITS = ["builder_unit", "design_unit", "construction_unit", "supervision_unit"];

migrate((app) => {
  const items = app.findCollectionByNameOrId("renovation_items");
  items.fields.getByName("status").values = ["planned", "in_progress", "done", "waived"];
  items.fields.add(new DateField({ name: "done_date" }));
  items.fields.add(new FileField({ name: "photos", maxSelect: 6, maxSize: 10 * 1024 * 1024, mimeTypes: IMAGES, thumbs: ["200x150"] }));
  items.fields.add(new TextField({ name: "waive_reason", max: 2000 }));
  app.save(items);

  const events = app.findCollectionByNameOrId("stage_events");
  for (const name of UNITS) events.fields.add(new TextField({ name, max: 120 }));
  app.save(events);
}, (app) => {
  const items = app.findCollectionByNameOrId("renovation_items");
  for (const r of app.findRecordsByFilter("renovation_items", "status = 'waived'", "", 0, 0)) {
    r.set("status", "planned");
    app.save(r);
  }
  items.fields.getByName("status").values = ["planned", "in_progress", "done"];
  for (const f of ["done_date", "photos", "waive_reason"]) items.fields.removeByName(f);
  app.save(items);
  const events = app.findCollectionByNameOrId("stage_events");
  for (const name of UNITS) events.fields.removeByName(name);
  app.save(events);
});
