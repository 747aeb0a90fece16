/// <reference path="../pb_data/types.d.ts" />
// Vector tiles of the heavy layers (pb_hooks/tiles.pb.js) find the features of a tile through a box per feature: this
// plain table (not a collection: no API reaches it) is rebuilt by the tile route from the stored geometry whenever the
// layer has changed, in one SQL statement, and read with an index on the boxes.
migrate((app) => {
  app.db().newQuery(`CREATE TABLE IF NOT EXISTS _fy_tile_bbox (
    layer TEXT NOT NULL, id TEXT NOT NULL, minx REAL NOT NULL, miny REAL NOT NULL, maxx REAL NOT NULL, maxy REAL NOT NULL,
    PRIMARY KEY (layer, id))`).execute();
  app.db().newQuery("CREATE INDEX IF NOT EXISTS idx_fy_tile_bbox ON _fy_tile_bbox (layer, minx, maxx)").execute();
}, (app) => {
  app.db().newQuery("DROP TABLE IF EXISTS _fy_tile_bbox").execute();
});
