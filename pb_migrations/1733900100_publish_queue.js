/// <reference path="../pb_data/types.d.ts" />
// The static publication's queue (pb_hooks/publish-queue.pb.js): one row per compound whose public page changed since
// the last publish. A plain table, not a collection: no records API reaches it.
migrate((app) => {
  app.db().newQuery("CREATE TABLE IF NOT EXISTS _fy_publish_queue (compound TEXT PRIMARY KEY NOT NULL, at TEXT NOT NULL)").execute();
}, (app) => {
  app.db().newQuery("DROP TABLE IF EXISTS _fy_publish_queue").execute();
});
