// Export: GeoJSON, CSV (UTF-8 BOM, optional WKT), zipped Shapefile (UTF-8), WKT.
export { toGeoJSON } from './geojson';
export { toCSV, featureRows, type CsvColumn } from './csv';
export { toShapefileZip, shapefileFieldNames } from './shapefile';
export { toWKT, parseWKT } from './wkt';
