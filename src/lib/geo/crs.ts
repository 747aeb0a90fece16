// Coordinate reference systems and their conversion to WGS84, in three files by job: crs/definitions.ts (what the
// systems are, lookup), crs/transform.ts (converting positions and geometries), crs/detect.ts (.prj and guessing).
// Pure: no svelte / maplibre / pocketbase.
export * from './crs/definitions';
export * from './crs/transform';
export * from './crs/detect';
