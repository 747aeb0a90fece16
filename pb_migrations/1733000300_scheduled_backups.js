/// <reference path="../pb_data/types.d.ts" />
// Scheduled backups: PocketBase zips the data dir (database and uploads) every night at 02:30 server time into
// pb_data/backups/ and keeps the latest 14 of its own; `npm run backup` makes one on demand and `npm run restore FILE`
// puts one back after checking it starts and serves the same record counts (README: copying backups off the machine).

migrate((app) => {
  const settings = app.settings();
  settings.backups.cron = "30 2 * * *";
  settings.backups.cronMaxKeep = 14;
  app.save(settings);
}, (app) => {
  const settings = app.settings();
  settings.backups.cron = "";
  settings.backups.cronMaxKeep = 3;
  app.save(settings);
});
