// Finding out which CRS data are in: reading a shapefile's .prj, and ranking guesses from the numbers alone.
import type { Position } from 'geojson';
import {
  BD09, CGCS2000_GEOG, FENYANG_BBOX, FENYANG_LON, GCJ02, WGS84, gaussKrugerCrs, tmercCrs, type Crs, type CrsCandidate, type PrjResult,
} from './definitions';
import { toWgs84Position } from './transform';

// ---------------------------------------------------------------------------------------------
// .prj (ESRI WKT / OGC WKT1 / WKT2) recognition

type Datum = 'wgs84' | 'cgcs2000' | 'xian80' | 'beijing54' | 'unknown';

function datumOf(wkt: string): Datum {
  if (/CGCS[_ ]?2000|China[_ ]?2000|China Geodetic Coordinate System 2000/i.test(wkt)) return 'cgcs2000';
  if (/Xian[_ ]?1980|Xi'?an[_ ]?80|IAG[_ ]?75/i.test(wkt)) return 'xian80';
  if (/Beijing[_ ]?1954|Krasovsky|Krassowsky|Krassovsky/i.test(wkt)) return 'beijing54';
  if (/WGS[_ ]?(19)?84/i.test(wkt)) return 'wgs84';
  return 'unknown';
}

function param(wkt: string, names: string[]): number | undefined {
  for (const n of names) {
    const re = new RegExp(`PARAMETER\\[\\s*"${n}"\\s*,\\s*(-?[\\d.eE+-]+)`, 'i');
    const m = re.exec(wkt);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/**
 * Recognise the CRS of a shapefile `.prj` (ESRI WKT or OGC WKT1; WKT2 keywords are accepted too).
 * Supported: WGS84 and CGCS2000 geographic, any CGCS2000 / WGS84 Transverse Mercator / Gauss-Krüger
 * grid (3° and 6°, with or without zone prefix). Xian 1980 and Beijing 1954 grids are reported as
 * unsupported because converting them needs local datum-shift parameters we do not have.
 * @example parsePrj('PROJCS["CGCS2000_3_Degree_GK_Zone_37",…]').crs?.id // 'EPSG:4525'
 */
export function parsePrj(wkt: string): PrjResult {
  const text = wkt.trim();
  const top = /^\s*(PROJCS|PROJCRS|PROJECTEDCRS|GEOGCS|GEOGCRS|GEODCRS|GEOGRAPHICCRS)\s*\[\s*"([^"]*)"/i.exec(text);
  if (!top) {
    return {
      crs: null,
      name: '',
      reason: { code: 'prj_not_wkt', params: {} },
    };
  }
  const kind = top[1].toUpperCase();
  const name = top[2];
  const datum = datumOf(text);
  const projected = kind.startsWith('PROJ');

  if (datum === 'xian80' || datum === 'beijing54') {
    return { crs: null, name, reason: { code: datum === 'xian80' ? 'prj_xian80' : 'prj_beijing54', params: { name } } };
  }
  if (datum === 'unknown') {
    return { crs: null, name, reason: { code: 'prj_unknown_datum', params: { name } } };
  }
  if (!projected) {
    return { crs: datum === 'cgcs2000' ? CGCS2000_GEOG : WGS84, name, reason: null };
  }
  const isTm = /Transverse[_ ]?Mercator|Gauss[_ ]?Kruger|Gauss-Kr[uü]ger/i.test(text);
  if (!isTm) {
    return { crs: null, name, reason: { code: 'prj_projection_unsupported', params: { name } } };
  }
  const cm = param(text, ['central_meridian', 'Longitude of natural origin', 'longitude_of_center']);
  const fe = param(text, ['false_easting', 'False easting']) ?? 500000;
  const fn = param(text, ['false_northing', 'False northing']) ?? 0;
  const k = param(text, ['scale_factor', 'Scale factor at natural origin']) ?? 1;
  const lat0 = param(text, ['latitude_of_origin', 'Latitude of natural origin']) ?? 0;
  if (cm === undefined) {
    return { crs: null, name, reason: { code: 'prj_no_central_meridian', params: { name } } };
  }
  const ellps = datum === 'cgcs2000' ? 'GRS80' : 'WGS84';
  if (datum === 'cgcs2000' && k === 1 && fn === 0 && lat0 === 0) {
    const prefix = Math.floor(fe / 1e6);
    const rem = fe - prefix * 1e6;
    if (rem === 500000) {
      const threeDeg = /3[_ -]?Degree|3度/i.test(name) || (!/6[_ -]?Degree|6度/i.test(name) && (cm % 6 !== 3));
      if (prefix > 0) {
        if (prefix >= 25 && prefix <= 45 && prefix * 3 === cm) return ok(gaussKrugerCrs(3, prefix, true), name);
        if (prefix >= 13 && prefix <= 23 && prefix * 6 - 3 === cm) return ok(gaussKrugerCrs(6, prefix, true), name);
      } else if (cm % 3 === 0) {
        if (threeDeg) return ok(gaussKrugerCrs(3, cm / 3, false), name);
        if ((cm + 3) % 6 === 0) return ok(gaussKrugerCrs(6, (cm + 3) / 6, false), name);
      }
    }
  }
  return ok(
    tmercCrs({
      centralMeridianDeg: cm,
      falseEastingM: fe,
      falseNorthingM: fn,
      scale: k,
      latOriginDeg: lat0,
      ellps,
      prefixed: fe >= 1e6,
    }),
    name,
  );
}

function ok(crs: Crs, name: string): PrjResult {
  return { crs, name, reason: null };
}

/**
 * The ESRI WKT for WGS84 lon/lat, written as the `.prj` of exported shapefiles.
 */
export const WGS84_PRJ =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],' +
  'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

// ---------------------------------------------------------------------------------------------
// Guessing a CRS from numbers

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

function inBox(p: Position, b: readonly number[]): boolean {
  return p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3];
}
const CHINA_BOX = [73, 3, 136, 54] as const;

/** Optional hints for {@link guessCrs}. */
export interface GuessHints {
  /** Free text that may name the source system: a file name, a GeoJSON `crs` name, a layer name. */
  text?: string;
}

/**
 * Rank plausible CRSs for raw coordinates read from a file (best first). Numbers alone cannot tell
 * WGS84 from GCJ-02 / BD-09 (they differ by a few hundred metres), so lon/lat input lists all three
 * and says so (`crs_lonlat_ambiguous`; lib/import/datum.ts decides by comparing with known places);
 * `hints.text` (e.g. a file name containing 'gcj02' / '高德' / 'baidu') moves the named one to the top.
 * Degrees with latitude first are recognised anywhere in China (`swapXY`), also where the longitude
 * exceeds 90° (read as a "latitude" it would be out of range). Projected numbers: an 8-digit easting
 * whose first two digits are 25–45 (3°) or 13–23 (6°) is a zone-prefixed Gauss-Krüger grid; a 6-digit
 * easting (166–834 km) is a grid without prefix whose central meridian is chosen so the points land in
 * Fenyang (then in China). Northing-first (X/Y survey order) input is recognised and flagged with `swapXY`.
 * Each candidate's `reason` is a code with values, worded by the UI (messages `reason.crs_*`).
 * @param sample positions in file units (degrees or metres); a few hundred are enough
 * @returns candidates, best first; empty when nothing fits
 * @example guessCrs([[37512345.6, 4126543.2]])[0].crs.id // 'EPSG:4525'
 * @example guessCrs([[37.27, 111.78]])[0].swapXY // true
 */
export function guessCrs(sample: Position[], hints: GuessHints = {}): CrsCandidate[] {
  const pts = sample.filter((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]));
  if (pts.length === 0) return [];
  const mx = median(pts.map((p) => p[0]));
  const my = median(pts.map((p) => p[1]));
  const text = (hints.text ?? '').toLowerCase();
  const out: CrsCandidate[] = [];

  // Geographic degrees, in either axis order.
  const lonLat = (x: number, y: number) => Math.abs(x) <= 180 && Math.abs(y) <= 90;
  const asIs = lonLat(mx, my) && pts.every((p) => lonLat(p[0], p[1]));
  const flipped = lonLat(my, mx) && pts.every((p) => lonLat(p[1], p[0]));
  if (asIs || flipped) {
    // Latitude first when only the flipped order is geographic, or when only the flipped order lies in China.
    const swapped = !asIs || (!inBox([mx, my], CHINA_BOX) && flipped && inBox([my, mx], CHINA_BOX));
    const c = swapped ? [my, mx] : [mx, my];
    const where = inBox(c, FENYANG_BBOX) ? 'fenyang' : inBox(c, CHINA_BOX) ? 'china' : 'abroad';
    const base = where === 'fenyang' ? 0.6 : where === 'china' ? 0.4 : 0.2;
    let wScore = base + 0.1;
    let gScore = base;
    let bScore = base - 0.05;
    let named = '';
    if (/gcj|火星|高德|amap|gaode|腾讯|tencent|qq/.test(text)) {
      gScore += 0.3;
      named = 'gcj02';
    } else if (/bd-?09|百度|baidu/.test(text)) {
      bScore += 0.3;
      named = 'bd09';
    } else if (/cgcs|2000/.test(text)) {
      wScore += 0.05;
    }
    const params = { where, swapped: swapped ? 1 : 0, named };
    out.push(
      { crs: WGS84, swapXY: swapped, score: wScore, reason: { code: 'crs_lonlat_wgs84', params } },
      { crs: GCJ02, swapXY: swapped, score: gScore, reason: { code: 'crs_lonlat_gcj02', params } },
      { crs: BD09, swapXY: swapped, score: bScore, reason: { code: 'crs_lonlat_bd09', params } },
    );
    return out.sort((a, b) => b.score - a.score);
  }

  // Projected metres. Try both axis orders; a China northing is 0.3–6 Mm, an easting either
  // 8 digits with a zone prefix or 6 digits around 500 000.
  for (const swapXY of [false, true]) {
    const e = swapXY ? my : mx;
    const n = swapXY ? mx : my;
    if (!(n > 300_000 && n < 6_000_000)) continue;
    const prefix = Math.floor(e / 1e6);
    if (e >= 1e7 && e < 1e8) {
      const rem = e - prefix * 1e6;
      const plausible = rem > 150_000 && rem < 850_000;
      for (const width of [3, 6] as const) {
        const fits = width === 3 ? prefix >= 25 && prefix <= 45 : prefix >= 13 && prefix <= 23;
        if (!fits || !plausible) continue;
        const crs = gaussKrugerCrs(width, prefix, true);
        const fen = inBox(toWgs84Position([e, n], crs), FENYANG_BBOX);
        out.push({
          crs, swapXY, score: fen ? 0.95 : 0.8,
          reason: { code: 'crs_gk_prefixed', params: { prefix, width, cm: width === 3 ? prefix * 3 : prefix * 6 - 3, fenyang: fen ? 1 : 0, swapped: swapXY ? 1 : 0 } },
        });
      }
    } else if (e > 150_000 && e < 850_000) {
      // No prefix: the central meridian is not in the numbers. Prefer the one that puts the
      // points in Fenyang, then in China; the 3° and 6° grids on 111°E are the same projection.
      for (const cm of [111, 108, 114, 105, 117]) {
        const crs = gaussKrugerCrs(3, cm / 3, false);
        const lonlat = toWgs84Position([e, n], crs);
        const fen = inBox(lonlat, FENYANG_BBOX);
        const china = inBox(lonlat, CHINA_BOX);
        const near = 1 - Math.min(1, Math.abs(cm - FENYANG_LON) / 10);
        out.push({
          crs, swapXY, score: (fen ? 0.7 : china ? 0.3 : 0.1) + 0.1 * near,
          reason: {
            code: 'crs_gk_plain',
            params: { eastKm: Math.round(e / 1000), northKm: Math.round(n / 1000), cm, fenyang: fen ? 1 : 0, swapped: swapXY ? 1 : 0,
              sixZone: (cm + 3) % 6 === 0 ? (cm + 3) / 6 : 0, sixEpsg: (cm + 3) % 6 === 0 ? 4502 + (cm + 3) / 6 - 13 : 0 },
          },
        });
      }
    }
  }
  return out.sort((a, b) => b.score - a.score);
}
