/// <reference path="../pb_data/types.d.ts" />
// Every backup (the nightly one, a superuser's, `npm run backup`) carries the record count of each collection as it
// was when the backup was made (backup-counts.json inside the zip), so `npm run restore` can check that a restored
// data dir serves the same numbers.

onBackupCreate((e) => {
  const file = `${e.app.dataDir()}/backup-counts.json`;
  try {
    const counts = {};
    for (const c of e.app.findAllCollections()) {
      if (c.type === "view") continue;
      const row = new DynamicModel({ n: 0 });
      e.app.db().newQuery("SELECT COUNT(*) AS n FROM [" + String(c.name).replace(/]/g, "]]") + "]").one(row);
      counts[c.name] = row.n;
    }
    $os.writeFile(file, JSON.stringify({ at: new Date().toISOString(), counts: counts }, null, 1), 0o600);
  } catch (err) {
    e.app.logger().warn("backup counts not written", "error", String(err));
  }
  try {
    e.next();
  } finally {
    try {
      $os.remove(file);
    } catch (_) {
      /* not written */
    }
  }
});
