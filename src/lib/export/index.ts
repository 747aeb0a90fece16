// Export: GeoJSON, CSV (UTF-8 BOM, formula-safe, WKT), zipped Shapefile (UTF-8, field map), XLSX (exceljs), DXF R12,
// Gauss-Krüger .prj, PNG resolution, and the print sheet (layout, canvas and PDF painters).
export { toGeoJSON } from './geojson';
export { csvCell, csvTable, toCSV, type CsvColumn } from './csv';
export { toShapefileZip, fieldMapText, type ShapefileResult } from './shapefile';
export { toWKT, parseWKT } from './wkt';
export { toDXF, dxfText, dxfBytes } from './dxf';
export { prjOf, exportCrs, EXPORT_GRIDS, DEFAULT_GRID, crsLine } from './prj';
export { uniformAreas, projectFC, rewind } from './geometry';
export { ExportError, EXCEL_CELL_MAX, EXCEL_ROWS_MAX, SHAPEFILE_FILE_MAX_BYTES } from './limits';
export { exportFields, staffOnlyFields, dbfWidth, labelOf, CODE_LABELS, type Audience, type ExportField, type ExportKind } from './schema';
export { noteLines, beijingTime, fileStamp, AUDIENCE_TEXT, DEMO_TEXT, type ExportNote } from './note';
