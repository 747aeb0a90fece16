// Import pipeline, public API: detect → parse → (user confirms CRS) → toWgs84 → validate → repair
// → suggestMapping → planImport. The wizard UI and the database commit live elsewhere.
import type { Feature, Geometry, GeoJsonProperties } from 'geojson';
import { transformGeometry, type Crs } from '../geo/crs';
import { detectFormat, toInputFiles } from './detect';
import { parseCSV } from './parse-csv';
import { parseDXF, type DxfOptions } from './parse-dxf';
import { parseGeoJSON } from './parse-geojson';
import { parseKML, parseKMZ } from './parse-kml';
import { parseShapefile } from './parse-shapefile';
import { parseXLSX } from './parse-xlsx';
import type { DetectedSource, ImportIssue, InputFile, ParsedLayer, WgsFeatureCollection } from './types';

export * from './types';
export { detectFormat, decodeText, toInputFiles } from './detect';
export { parseGeoJSON } from './parse-geojson';
export { parseCSV, parseCsvRows } from './parse-csv';
export { parseShapefile, parseShapefileParts } from './parse-shapefile';
export { parseKML, parseKMZ } from './parse-kml';
export { parseDXF } from './parse-dxf';
export { parseXLSX } from './parse-xlsx';
export { validateFeatures, findSelfIntersection, featureName, MIN_COMPOUND_AREA_M2, MIN_BUILDING_AREA_M2 } from './validate';
export { repairFeature, repairsFor, REPAIR_FOR_CODE, type Repair } from './repair';
export * from './mapping';
export * from './plan';
export * from './plan-records';

/**
 * Parse one detected source into layers (a zip may hold several shapefiles).
 * @example const [layer] = await parseSource(detection.sources[0])
 */
export async function parseSource(src: DetectedSource, options: DxfOptions = {}): Promise<ParsedLayer[]> {
  const f = src.files[0];
  switch (src.format) {
    case 'geojson':
      return [parseGeoJSON(f.data, f.name)];
    case 'csv':
      return [parseCSV(f.data, f.name)];
    case 'kml':
      return [await parseKML(f.data, f.name)];
    case 'kmz':
      return [await parseKMZ(f.data, f.name)];
    case 'dxf':
      return [parseDXF(f.data, f.name, options)];
    case 'shapefile':
      return parseShapefile(src.files);
    case 'xlsx':
      return parseXLSX(f.data, f.name);
  }
}

/**
 * Detect and parse uploaded files in one call.
 * @returns layers (coordinates in the file CRS) and files that could not be used, with reasons
 * @example const { layers, rejected } = await readFiles(inputElement.files)
 */
export async function readFiles(files: Iterable<File | InputFile>, options: DxfOptions = {}): Promise<{ layers: ParsedLayer[]; rejected: { name: string; issue: ImportIssue }[] }> {
  const inputs = await toInputFiles(files);
  const { sources, rejected } = await detectFormat(inputs);
  const layers: ParsedLayer[] = [];
  for (const s of sources) layers.push(...(await parseSource(s, options)));
  return { layers, rejected };
}

/**
 * Convert a parsed layer to WGS84 with the layer's CRS, or the one the user picked instead.
 * Features with no geometry are kept (validation reports them).
 * @param crs override of `layer.crs` (e.g. a candidate the user chose)
 * @param swapXY override of `layer.swapXY` (X = northing first)
 * @throws when neither the layer nor the caller gives a CRS
 * @example toWgs84(layer).features[0].geometry.coordinates
 */
export function toWgs84(layer: ParsedLayer, crs: Crs | null = layer.crs, swapXY = crs === layer.crs ? layer.swapXY : false): WgsFeatureCollection {
  if (!crs) throw new Error(`No coordinate system for ${layer.name}; choose one first`);
  const features: Feature<Geometry | null, GeoJsonProperties>[] = layer.features.map((f) => ({
    ...f,
    geometry: f.geometry ? transformGeometry(f.geometry, crs, swapXY) : null,
  }));
  return { type: 'FeatureCollection', features };
}
