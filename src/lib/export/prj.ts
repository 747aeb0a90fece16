// The .prj (ESRI WKT) of the coordinate systems we export in: WGS84 lon/lat, and CGCS2000 Gauss-Krüger grids
// (3° and 6° zones, with or without the zone number in front of the easting), named as ArcGIS names them so that
// ArcGIS, QGIS and GDAL recognise the EPSG code (e.g. EPSG:4525 for 3° zone 37).
import { gaussKrugerCrs, WGS84, WGS84_PRJ, type Crs } from '../geo/crs';

/** The grids offered for export around Fenyang (111.4–112.0°E): 3° zone 37 is the default. */
export const EXPORT_GRIDS: readonly Crs[] = [
  gaussKrugerCrs(3, 37, true),
  gaussKrugerCrs(3, 37, false),
  gaussKrugerCrs(3, 36, true),
  gaussKrugerCrs(3, 38, true),
  gaussKrugerCrs(6, 19, true),
  gaussKrugerCrs(6, 19, false),
];
export const DEFAULT_GRID = EXPORT_GRIDS[0];

/** The CRSs an export may be written in (WGS84 first), by id. */
export function exportCrs(id: string): Crs {
  return id === WGS84.id ? WGS84 : (EXPORT_GRIDS.find((c) => c.id === id) ?? DEFAULT_GRID);
}

/**
 * ESRI WKT for WGS84 or a CGCS2000 Gauss-Krüger grid (units metres, scale 1, false northing 0).
 * @example prjOf(gaussKrugerCrs(3, 37, true)).startsWith('PROJCS["CGCS2000_3_Degree_GK_Zone_37"') // true
 */
export function prjOf(crs: Crs): string {
  if (crs.kind === 'wgs84') return WGS84_PRJ;
  const tm = crs.tm;
  if (crs.kind !== 'tmerc' || !tm || tm.ellps !== 'GRS80' || !tm.zoneWidthDeg || !tm.zone) throw new Error(`no .prj for ${crs.id}`);
  const width = tm.zoneWidthDeg === 3 ? '3_Degree_' : '';
  const name = tm.prefixed ? `CGCS2000_${width}GK_Zone_${tm.zone}` : `CGCS2000_${width}GK_CM_${tm.centralMeridianDeg}E`;
  const n = (v: number) => v.toFixed(1);
  return (
    `PROJCS["${name}",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",` +
    `SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],` +
    `PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",${n(tm.falseEastingM)}],PARAMETER["False_Northing",${n(tm.falseNorthingM)}],` +
    `PARAMETER["Central_Meridian",${n(tm.centralMeridianDeg)}],PARAMETER["Scale_Factor",${n(tm.scale)}],` +
    `PARAMETER["Latitude_Of_Origin",${n(tm.latOriginDeg)}],UNIT["Meter",1.0]]`
  );
}

/** One line naming the CRS for notes and file names, e.g. 'CGCS2000 高斯-克吕格 3度带第37带（… EPSG:4525）'. */
export function crsLine(crs: Crs): string {
  return `坐标系：${crs.name_zh}${crs.epsg ? `，EPSG:${crs.epsg}` : ''}${crs.kind === 'tmerc' ? '，单位米，东坐标在前' : ''}`;
}
