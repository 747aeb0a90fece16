import { describe, expect, it } from 'vitest';
import gcoord from 'gcoord';
import { explain } from '../../src/lib/i18n/index.svelte';
import {
  BD09,
  GCJ02,
  WGS84,
  FENYANG_BBOX,
  fromWgs84Position,
  gaussKrugerCrs,
  getCrs,
  guessCrs,
  parsePrj,
  toWgs84Position,
  transformGeometry,
} from '../../src/lib/geo/crs';

const R = 6371008.8;
/** Great-circle distance in metres (enough for sub-metre checks over tiny separations). */
function distM(a: number[], b: number[]): number {
  const toRad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * toRad;
  const dLon = (b[0] - a[0]) * toRad * Math.cos(((a[1] + b[1]) / 2) * toRad);
  return Math.hypot(dLat, dLon) * R;
}

/**
 * Meridian arc length on GRS80 from the equator to latitude `latDeg`, by Simpson integration of
 * M(φ) = ∫ a(1−e²)/(1−e² sin²φ)^{3/2} dφ — independent of proj4's series.
 */
function meridianArcGRS80(latDeg: number): number {
  const a = 6378137;
  const f = 1 / 298.257222101;
  const e2 = f * (2 - f);
  const phi = (latDeg * Math.PI) / 180;
  const n = 2000;
  const h = phi / n;
  const g = (t: number) => (a * (1 - e2)) / Math.pow(1 - e2 * Math.sin(t) ** 2, 1.5);
  let s = g(0) + g(phi);
  for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * g(i * h);
  return (s * h) / 3;
}

describe('GCJ-02 / BD-09', () => {
  const samples = [
    [111.78, 37.27],
    [111.77, 37.25],
    [111.8, 37.28],
    [116.404, 39.915],
  ];
  it('WGS84 → GCJ-02 → WGS84 round trip is within 1 m', () => {
    for (const p of samples) {
      const g = fromWgs84Position(p, GCJ02);
      // GCJ-02 really moved the point (hundreds of metres in Shanxi), so the test can fail.
      expect(distM(g, p)).toBeGreaterThan(100);
      expect(distM(toWgs84Position(g, GCJ02), p)).toBeLessThan(1);
    }
  });
  it('WGS84 → BD-09 → WGS84 round trip is within 1 m', () => {
    for (const p of samples) {
      const b = fromWgs84Position(p, BD09);
      expect(distM(b, p)).toBeGreaterThan(300);
      expect(distM(toWgs84Position(b, BD09), p)).toBeLessThan(1);
    }
  });
  it('matches a published WGS84 → GCJ-02 pair', () => {
    // Pair quoted in the README of the open-source coordTransform library (wandergis):
    // wgs84togcj02(116.404, 39.915) = [116.41024449916938, 39.91640428150164]. It was recalled
    // from that README, not from an official source; it agrees with gcoord to 1e-12°.
    const g = fromWgs84Position([116.404, 39.915], GCJ02);
    expect(distM(g, [116.41024449916938, 39.91640428150164])).toBeLessThan(1);
  });
  it('GCJ-02 → BD-09 matches the public Baidu formula implemented here', () => {
    // The widely published GCJ-02 → BD-09 formula, written out independently of gcoord.
    const xp = (Math.PI * 3000) / 180;
    const bd = (x: number, y: number) => {
      const z = Math.sqrt(x * x + y * y) + 0.00002 * Math.sin(y * xp);
      const t = Math.atan2(y, x) + 0.000003 * Math.cos(x * xp);
      return [z * Math.cos(t) + 0.0065, z * Math.sin(t) + 0.006];
    };
    for (const p of samples) {
      const g = fromWgs84Position(p, GCJ02);
      const viaGcoord = gcoord.transform([g[0], g[1]] as [number, number], gcoord.GCJ02, gcoord.BD09);
      expect(distM(viaGcoord, bd(g[0], g[1]))).toBeLessThan(1);
      expect(distM(fromWgs84Position(p, BD09), bd(g[0], g[1]))).toBeLessThan(1);
    }
  });
});

describe('Gauss-Krüger (CGCS2000)', () => {
  const zone37 = getCrs('EPSG:4525')!;
  const cm111 = getCrs('EPSG:4546')!;
  it('EPSG codes map to the right zones', () => {
    expect(zone37.tm).toMatchObject({ centralMeridianDeg: 111, falseEastingM: 37_500_000, prefixed: true, zone: 37 });
    expect(cm111.tm).toMatchObject({ centralMeridianDeg: 111, falseEastingM: 500_000, prefixed: false });
    expect(getCrs('EPSG:4513')!.tm!.centralMeridianDeg).toBe(75);
    expect(getCrs('EPSG:4533')!.tm!.centralMeridianDeg).toBe(135);
    expect(getCrs('EPSG:4497')!.tm).toMatchObject({ centralMeridianDeg: 111, falseEastingM: 19_500_000, zoneWidthDeg: 6 });
    expect(getCrs('EPSG:4508')!.tm).toMatchObject({ centralMeridianDeg: 111, falseEastingM: 500_000, zoneWidthDeg: 6 });
    expect(gaussKrugerCrs(3, 37, true).id).toBe('EPSG:4525');
  });
  it('points on the central meridian: easting 37 500 000, northing = GRS80 meridian arc (< 0.1 m)', () => {
    for (const lat of [37.0, 37.27, 37.5, 45.0, 20.0]) {
      const [e, n] = fromWgs84Position([111, lat], zone37);
      expect(Math.abs(e - 37_500_000)).toBeLessThan(0.1);
      expect(Math.abs(n - meridianArcGRS80(lat))).toBeLessThan(0.1);
      const [e2] = fromWgs84Position([111, lat], cm111);
      expect(Math.abs(e2 - 500_000)).toBeLessThan(0.1);
    }
  });
  it('is symmetric about the central meridian', () => {
    const [e1, n1] = fromWgs84Position([111.78, 37.27], zone37);
    const [e2, n2] = fromWgs84Position([110.22, 37.27], zone37);
    expect(Math.abs(e1 - 37_500_000 - (37_500_000 - e2))).toBeLessThan(0.001);
    expect(Math.abs(n1 - n2)).toBeLessThan(0.001);
    // 0.78° east of the CM at 37.27°N is about 69 km.
    expect(e1 - 37_500_000).toBeGreaterThan(68_000);
    expect(e1 - 37_500_000).toBeLessThan(70_000);
  });
  it('forward/inverse round trip < 1 mm', () => {
    for (const p of [[111.78, 37.27], [111.3, 37.0], [112.1, 37.5], [111.5, 37.2]]) {
      const xy = fromWgs84Position(p, zone37);
      const back = toWgs84Position(xy, zone37);
      expect(distM(back, p)).toBeLessThan(0.001);
      const xy2 = fromWgs84Position(p, cm111);
      expect(Math.abs(xy2[0] + 37_000_000 - xy[0])).toBeLessThan(0.001);
    }
  });
  it('transformGeometry handles X/Y survey order', () => {
    const xy = fromWgs84Position([111.78, 37.27], zone37);
    const g = transformGeometry({ type: 'Point', coordinates: [xy[1], xy[0]] }, zone37, true);
    expect(distM(g.coordinates, [111.78, 37.27])).toBeLessThan(0.001);
  });
});

describe('parsePrj', () => {
  const gcs2000 =
    'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
  it('recognises CGCS2000 3° zone 37 with prefix (ESRI WKT)', () => {
    const wkt = `PROJCS["CGCS2000_3_Degree_GK_Zone_37",${gcs2000},PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",37500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",111.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`;
    expect(parsePrj(wkt).crs?.id).toBe('EPSG:4525');
  });
  it('recognises CGCS2000 3° CM 111 without prefix and 6° zone 19', () => {
    const cm = `PROJCS["CGCS2000_3_Degree_GK_CM_111E",${gcs2000},PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",111.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`;
    expect(parsePrj(cm).crs?.id).toBe('EPSG:4546');
    const six = cm.replace('CGCS2000_3_Degree_GK_CM_111E', 'CGCS2000_GK_Zone_19').replace('500000.0', '19500000.0');
    expect(parsePrj(six).crs?.id).toBe('EPSG:4497');
  });
  it('recognises WGS84 and CGCS2000 geographic', () => {
    expect(parsePrj('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]').crs?.id).toBe('EPSG:4326');
    expect(parsePrj(gcs2000).crs?.id).toBe('EPSG:4490');
  });
  it('reports Xian 1980 and Beijing 1954 as unsupported, in Chinese', () => {
    const xian = 'PROJCS["Xian_1980_3_Degree_GK_Zone_37",GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",37500000.0],PARAMETER["Central_Meridian",111.0],UNIT["Meter",1.0]]';
    const r = parsePrj(xian);
    expect(r.crs).toBeNull();
    expect(r.reason).toEqual({ code: 'prj_xian80', params: { name: 'Xian_1980_3_Degree_GK_Zone_37' } });
    expect(explain(r.reason!)).toContain('西安1980');
    const bj = parsePrj('GEOGCS["GCS_Beijing_1954",DATUM["D_Beijing_1954",SPHEROID["Krasovsky_1940",6378245.0,298.3]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]');
    expect(bj.crs).toBeNull();
    expect(explain(bj.reason!)).toContain('北京1954');
  });
  it('rejects non-WKT text', () => {
    expect(parsePrj('hello').crs).toBeNull();
  });
});

describe('guessCrs', () => {
  it('8-digit eastings starting with 37 → 3° zone 37 first', () => {
    const xy = fromWgs84Position([111.78, 37.27], getCrs('EPSG:4525')!);
    const c = guessCrs([xy, [xy[0] + 100, xy[1] + 50]]);
    expect(c[0].crs.id).toBe('EPSG:4525');
    expect(c[0].swapXY).toBe(false);
    expect(c[0].reason).toEqual({ code: 'crs_gk_prefixed', params: expect.objectContaining({ prefix: 37, width: 3, cm: 111, fenyang: 1 }) });
  });
  it('survey order (X northing first) is detected', () => {
    const xy = fromWgs84Position([111.78, 37.27], getCrs('EPSG:4525')!);
    const c = guessCrs([[xy[1], xy[0]]]);
    expect(c[0].crs.id).toBe('EPSG:4525');
    expect(c[0].swapXY).toBe(true);
  });
  it('6-digit eastings near 500 000 with northing ~4 125 000 → CM 111°E without prefix', () => {
    const xy = fromWgs84Position([111.78, 37.27], getCrs('EPSG:4546')!);
    const c = guessCrs([xy]);
    expect(c[0].crs.id).toBe('EPSG:4546');
    expect(c[0].crs.tm!.centralMeridianDeg).toBe(111);
    const lonlat = toWgs84Position(xy, c[0].crs);
    expect(lonlat[0]).toBeGreaterThan(FENYANG_BBOX[0]);
    // Other meridians are offered too, ranked lower.
    expect(c.some((k) => k.crs.tm?.centralMeridianDeg === 114)).toBe(true);
  });
  it('6° zone 19 prefix → EPSG:4497', () => {
    const xy = fromWgs84Position([111.78, 37.27], getCrs('EPSG:4497')!);
    expect(guessCrs([xy])[0].crs.id).toBe('EPSG:4497');
  });
  it('lon/lat → WGS84 first, GCJ-02 and BD-09 listed with the ambiguity explained', () => {
    const c = guessCrs([[111.78, 37.27]]);
    expect(c.map((k) => k.crs.id)).toEqual([WGS84.id, GCJ02.id, BD09.id]);
    expect(c[0].reason.code).toBe('crs_lonlat_wgs84');
    expect(c[0].reason.params).toMatchObject({ where: 'fenyang', swapped: 0 });
  });
  it('a source name naming GCJ-02 or Baidu moves it first', () => {
    expect(guessCrs([[111.78, 37.27]], { text: 'compounds-gcj02.geojson' })[0].crs.id).toBe('GCJ-02');
    expect(guessCrs([[111.78, 37.27]], { text: '百度坐标.csv' })[0].crs.id).toBe('BD-09');
  });
  it('degrees with latitude first are recognised at Fenyang (longitude above 90°) and elsewhere in China', () => {
    for (const [lon, lat] of [[111.78, 37.27], [126.63, 45.75], [87.62, 43.82], [113.26, 23.13]]) {
      const c = guessCrs([[lat, lon], [lat + 0.001, lon + 0.002]]);
      expect(c[0].swapXY, `${lon},${lat}`).toBe(true);
      expect(c[0].reason.params).toMatchObject({ swapped: 1 });
      expect(toWgs84Position([lat, lon], c[0].crs, c[0].swapXY)[0]).toBeCloseTo(lon, 6);
    }
    // The normal order stays as it is.
    expect(guessCrs([[111.78, 37.27]])[0].swapXY).toBe(false);
    expect(guessCrs([[87.62, 43.82]])[0].swapXY).toBe(false);
  });
  it('returns nothing for numbers that fit no CRS', () => {
    expect(guessCrs([[1e9, 1e9]])).toEqual([]);
  });
});
