/// <reference path="../pb_data/types.d.ts" />
// Contacts and internal notes of a compound (compound_notes, staff only) get the contact's role (e.g. 社区书记, 楼长,
// 物业经理), shown in the compound panel's staff-only section.

migrate((app) => {
  const notes = app.findCollectionByNameOrId("compound_notes");
  notes.fields.add(new TextField({ name: "contact_role", max: 60 }));
  app.save(notes);
}, (app) => {
  const notes = app.findCollectionByNameOrId("compound_notes");
  notes.fields.removeByName("contact_role");
  app.save(notes);
});
