/// <reference path="../pb_data/types.d.ts" />
// The coordinate system a compound's outline was imported from, and how it was decided (e.g. "GCJ-02(与库中 12 个
// 同名小区比对判定)" or "GCJ-02(导入时人工确认)"): lon/lat files in WGS84, GCJ-02 and BD-09 differ by hundreds of
// metres in Fenyang, so the choice is recorded on the records it placed.

migrate((app) => {
  const compounds = app.findCollectionByNameOrId("compounds");
  compounds.fields.add(new TextField({ name: "source_crs", max: 120 }));
  app.save(compounds);
}, (app) => {
  const compounds = app.findCollectionByNameOrId("compounds");
  compounds.fields.removeByName("source_crs");
  app.save(compounds);
});
