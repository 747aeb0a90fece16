// Coordinate reference systems met in Chinese survey and CAD data: what they are (WGS84, CGCS2000, GCJ-02, BD-09,
// CGCS2000 Gauss-Krüger grids), how to name and look them up. CGCS2000 is treated as equal to WGS84 (they differ by
// centimetres, well below the precision of compound outlines).
import type { Reason } from '../reasons';

export type CrsKind = 'wgs84' | 'gcj02' | 'bd09' | 'tmerc';

/** Transverse Mercator (Gauss-Krüger) parameters, metres and degrees. */
export interface TmParams {
  centralMeridianDeg: number;
  falseEastingM: number;
  falseNorthingM: number;
  scale: number;
  latOriginDeg: number;
  /** Ellipsoid: GRS80 for CGCS2000, WGS84 for WGS84-based grids. */
  ellps: 'GRS80' | 'WGS84';
  /** Zone width for Chinese GK grids (3 or 6 degrees), when known. */
  zoneWidthDeg?: 3 | 6;
  /** Zone number (3°: 25–45, 6°: 13–23 in China), when known. */
  zone?: number;
  /** True when the zone number is prefixed to the easting (false easting = zone·10⁶ + 500 000). */
  prefixed: boolean;
}

/** A coordinate reference system the importer understands. */
export interface Crs {
  /** Stable id: 'EPSG:4326', 'EPSG:4490', 'EPSG:4525', 'GCJ-02', 'BD-09' or 'TMERC:<params>'. */
  id: string;
  kind: CrsKind;
  name_zh: string;
  name_en: string;
  epsg?: number;
  tm?: TmParams;
}

/** A ranked guess from {@link guessCrs}. */
export interface CrsCandidate {
  crs: Crs;
  /** True when the numbers look like Chinese survey order (X = northing first, Y = easting). */
  swapXY: boolean;
  /** Why, as a code with values (the UI words it: messages `reason.crs_*`). */
  reason: Reason;
  /** 0–1, higher is more likely. */
  score: number;
}

/** Result of {@link parsePrj}. */
export interface PrjResult {
  /** The recognised CRS, or null when it is not supported. */
  crs: Crs | null;
  /** Name found in the WKT (PROJCS/GEOGCS), for display. */
  name: string;
  /**
   * Why the CRS is not supported (null when supported), worded by the UI (`reason.<code>`): prj_not_wkt, prj_xian80,
   * prj_beijing54, prj_unknown_datum, prj_projection_unsupported, prj_no_central_meridian — params {name}.
   */
  reason: Reason | null;
}

/**
 * Bounding box around 汾阳市 county, [west, south, east, north] in degrees (WGS84).
 * Taken from data/fenyang-outline.geojson (extent 111.441–112.016°E, 37.147–37.486°N when this was
 * written) and grown by 0.01° (~1 km) because that outline is quantised to ~100 m and may be GCJ-02.
 */
export const FENYANG_BBOX: readonly [number, number, number, number] = [111.43, 37.13, 112.03, 37.5];

/** Longitude of Fenyang's urban area, used to pick a Gauss-Krüger central meridian when data carry none. */
export const FENYANG_LON = 111.78;

export const WGS84: Crs = { id: 'EPSG:4326', kind: 'wgs84', epsg: 4326, name_zh: 'WGS84 经纬度', name_en: 'WGS84 lon/lat' };
export const CGCS2000_GEOG: Crs = {
  id: 'EPSG:4490',
  kind: 'wgs84',
  epsg: 4490,
  name_zh: 'CGCS2000 经纬度（按WGS84处理）',
  name_en: 'CGCS2000 lon/lat (treated as WGS84)',
};
export const GCJ02: Crs = { id: 'GCJ-02', kind: 'gcj02', name_zh: 'GCJ-02 火星坐标（高德、腾讯）', name_en: 'GCJ-02 (Amap, Tencent)' };
export const BD09: Crs = { id: 'BD-09', kind: 'bd09', name_zh: 'BD-09 百度坐标', name_en: 'BD-09 (Baidu)' };

/**
 * The CGCS2000 Gauss-Krüger grid for a zone or central meridian, with its EPSG code.
 * 3° zones 25–45 (CM = 3·zone): EPSG:4513–4533 prefixed, 4534–4554 without prefix.
 * 6° zones 13–23 (CM = 6·zone − 3): EPSG:4491–4501 prefixed, 4502–4512 without prefix.
 * @param zoneWidthDeg 3 or 6 (degrees)
 * @param zone zone number (3°: 25–45, 6°: 13–23)
 * @param prefixed whether eastings carry the zone number (e.g. 37 500 000 m)
 * @example gaussKrugerCrs(3, 37, true).id // 'EPSG:4525' (CM 111°E, easting 37 500 000 at the CM)
 */
export function gaussKrugerCrs(zoneWidthDeg: 3 | 6, zone: number, prefixed: boolean): Crs {
  const cm = zoneWidthDeg === 3 ? zone * 3 : zone * 6 - 3;
  const first = zoneWidthDeg === 3 ? 25 : 13;
  const last = zoneWidthDeg === 3 ? 45 : 23;
  let epsg: number | undefined;
  if (zone >= first && zone <= last) {
    const base = zoneWidthDeg === 3 ? (prefixed ? 4513 : 4534) : prefixed ? 4491 : 4502;
    epsg = base + zone - first;
  }
  const w = zoneWidthDeg === 3 ? '3度带' : '6度带';
  const name_zh = prefixed
    ? `CGCS2000 高斯-克吕格 ${w}第${zone}带（中央子午线${cm}°E，东坐标带号前缀）`
    : `CGCS2000 高斯-克吕格 ${w}中央子午线${cm}°E（无带号）`;
  const name_en = prefixed
    ? `CGCS2000 Gauss-Krüger ${zoneWidthDeg}° zone ${zone} (CM ${cm}°E, zone-prefixed easting)`
    : `CGCS2000 Gauss-Krüger ${zoneWidthDeg}° CM ${cm}°E (no zone prefix)`;
  return {
    id: epsg ? `EPSG:${epsg}` : `TMERC:${cm}:${prefixed ? zone * 1e6 + 500000 : 500000}:0:1:GRS80`,
    kind: 'tmerc',
    epsg,
    name_zh,
    name_en,
    tm: {
      centralMeridianDeg: cm,
      falseEastingM: prefixed ? zone * 1e6 + 500000 : 500000,
      falseNorthingM: 0,
      scale: 1,
      latOriginDeg: 0,
      ellps: 'GRS80',
      zoneWidthDeg,
      zone,
      prefixed,
    },
  };
}

/**
 * Look a CRS up by id: 'EPSG:4326', 'EPSG:4490', 'EPSG:4491'–'EPSG:4554', 'GCJ-02', 'BD-09'
 * (case-insensitive; 'WGS84', 'CGCS2000', 'GCJ02', 'BD09' also accepted).
 * @example getCrs('EPSG:4546')?.tm?.centralMeridianDeg // 111
 */
export function getCrs(id: string): Crs | undefined {
  const s = id.trim().toUpperCase().replace(/\s+/g, '');
  if (s === 'EPSG:4326' || s === 'WGS84' || s === 'WGS-84' || s === '4326') return WGS84;
  if (s === 'EPSG:4490' || s === 'CGCS2000' || s === '4490') return CGCS2000_GEOG;
  if (s === 'GCJ-02' || s === 'GCJ02') return GCJ02;
  if (s === 'BD-09' || s === 'BD09') return BD09;
  const m = /^(?:EPSG:)?(\d{4,5})$/.exec(s);
  if (m) {
    const code = Number(m[1]);
    if (code >= 4491 && code <= 4501) return gaussKrugerCrs(6, 13 + code - 4491, true);
    if (code >= 4502 && code <= 4512) return gaussKrugerCrs(6, 13 + code - 4502, false);
    if (code >= 4513 && code <= 4533) return gaussKrugerCrs(3, 25 + code - 4513, true);
    if (code >= 4534 && code <= 4554) return gaussKrugerCrs(3, 25 + code - 4534, false);
  }
  if (s.startsWith('TMERC:')) {
    const [, cm, fe, fn, k, ellps] = id.split(':');
    return tmercCrs({
      centralMeridianDeg: Number(cm),
      falseEastingM: Number(fe),
      falseNorthingM: Number(fn),
      scale: Number(k),
      latOriginDeg: 0,
      ellps: ellps === 'WGS84' ? 'WGS84' : 'GRS80',
      prefixed: Number(fe) >= 1e6,
    });
  }
  return undefined;
}

/**
 * The CRSs offered in a picker: WGS84, CGCS2000, GCJ-02, BD-09 and the CGCS2000 GK grids whose
 * central meridian is within 6° of Fenyang (3° CM 108/111/114, 6° CM 105/111/117), prefixed and not.
 * @example listCrs().map((c) => c.id).includes('EPSG:4525') // true
 */
export function listCrs(): Crs[] {
  const out: Crs[] = [WGS84, CGCS2000_GEOG, GCJ02, BD09];
  for (const zone of [37, 36, 38]) {
    out.push(gaussKrugerCrs(3, zone, true), gaussKrugerCrs(3, zone, false));
  }
  for (const zone of [19, 18, 20]) {
    out.push(gaussKrugerCrs(6, zone, true), gaussKrugerCrs(6, zone, false));
  }
  return out;
}

/** A Transverse Mercator CRS for parameters that match no EPSG grid. */
export function tmercCrs(tm: TmParams): Crs {
  const id = `TMERC:${tm.centralMeridianDeg}:${tm.falseEastingM}:${tm.falseNorthingM}:${tm.scale}:${tm.ellps}`;
  return {
    id,
    kind: 'tmerc',
    name_zh: `横轴墨卡托（中央子午线${tm.centralMeridianDeg}°E，东偏移${tm.falseEastingM} m，${tm.ellps}）`,
    name_en: `Transverse Mercator (CM ${tm.centralMeridianDeg}°E, false easting ${tm.falseEastingM} m, ${tm.ellps})`,
    tm,
  };
}

/** The proj4 definition string of a Transverse Mercator CRS. */
export function proj4String(tm: TmParams): string {
  return (
    `+proj=tmerc +lat_0=${tm.latOriginDeg} +lon_0=${tm.centralMeridianDeg} +k=${tm.scale} ` +
    `+x_0=${tm.falseEastingM} +y_0=${tm.falseNorthingM} +ellps=${tm.ellps} +units=m +no_defs`
  );
}

