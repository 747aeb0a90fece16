// Converting positions and geometries between a CRS (crs/definitions.ts) and WGS84 lon/lat.
import proj4 from 'proj4';
import gcoord from 'gcoord';
import type { Geometry, Position } from 'geojson';
import { proj4String, type Crs, type TmParams } from './definitions';

const converters = new Map<string, proj4.Converter>();
function tmConverter(tm: TmParams): proj4.Converter {
  const key = proj4String(tm);
  let c = converters.get(key);
  if (!c) {
    // Geographic on the same ellipsoid, so proj4 applies no datum step (CGCS2000 ≈ WGS84).
    c = proj4(key, `+proj=longlat +ellps=${tm.ellps} +no_defs`);
    converters.set(key, c);
  }
  return c;
}

/**
 * Convert one position from `crs` to WGS84 lon/lat (degrees). Projected input is metres
 * [easting, northing]; with `swapXY` the input is [northing, easting] (Chinese survey X/Y order).
 * Extra ordinates (z) are kept.
 * @example toWgs84Position([37500000, 4124800], getCrs('EPSG:4525')!) // ≈ [111, 37.26]
 */
export function toWgs84Position(p: Position, crs: Crs, swapXY = false): Position {
  const x = swapXY ? p[1] : p[0];
  const y = swapXY ? p[0] : p[1];
  const rest = p.slice(2);
  switch (crs.kind) {
    case 'wgs84':
      return [x, y, ...rest];
    case 'gcj02': {
      const r = gcoord.transform([x, y] as [number, number], gcoord.GCJ02, gcoord.WGS84);
      return [r[0], r[1], ...rest];
    }
    case 'bd09': {
      const r = gcoord.transform([x, y] as [number, number], gcoord.BD09, gcoord.WGS84);
      return [r[0], r[1], ...rest];
    }
    case 'tmerc': {
      if (!crs.tm) throw new Error(`CRS ${crs.id} has no Transverse Mercator parameters`);
      const r = tmConverter(crs.tm).forward([x, y]);
      return [r[0], r[1], ...rest];
    }
  }
}

/**
 * Convert one WGS84 lon/lat position (degrees) into `crs` (metres for projected CRSs,
 * [easting, northing]). The inverse of {@link toWgs84Position}; used by exports and tests.
 * @example fromWgs84Position([111, 37], getCrs('EPSG:4525')!)[0] // 37500000 (on the central meridian)
 */
export function fromWgs84Position(p: Position, crs: Crs): Position {
  const rest = p.slice(2);
  switch (crs.kind) {
    case 'wgs84':
      return [p[0], p[1], ...rest];
    case 'gcj02': {
      const r = gcoord.transform([p[0], p[1]] as [number, number], gcoord.WGS84, gcoord.GCJ02);
      return [r[0], r[1], ...rest];
    }
    case 'bd09': {
      const r = gcoord.transform([p[0], p[1]] as [number, number], gcoord.WGS84, gcoord.BD09);
      return [r[0], r[1], ...rest];
    }
    case 'tmerc': {
      if (!crs.tm) throw new Error(`CRS ${crs.id} has no Transverse Mercator parameters`);
      const r = tmConverter(crs.tm).inverse([p[0], p[1]]);
      return [r[0], r[1], ...rest];
    }
  }
}

/** Apply `fn` to every position of a geometry, returning a new geometry (input untouched). */
export function mapPositions<G extends Geometry>(geom: G, fn: (p: Position) => Position): G {
  const g = geom as Geometry;
  switch (g.type) {
    case 'Point':
      return { ...g, coordinates: fn(g.coordinates) } as G;
    case 'MultiPoint':
    case 'LineString':
      return { ...g, coordinates: g.coordinates.map(fn) } as G;
    case 'MultiLineString':
    case 'Polygon':
      return { ...g, coordinates: g.coordinates.map((r) => r.map(fn)) } as G;
    case 'MultiPolygon':
      return { ...g, coordinates: g.coordinates.map((p) => p.map((r) => r.map(fn))) } as G;
    case 'GeometryCollection':
      return { ...g, geometries: g.geometries.map((c) => mapPositions(c, fn)) } as G;
  }
}

/**
 * Transform a geometry from `crs` to WGS84 lon/lat (degrees). Returns a new geometry.
 * @param swapXY input positions are [northing, easting] (Chinese X/Y survey order)
 * @example transformGeometry({ type: 'Point', coordinates: [500000, 4124800] }, getCrs('EPSG:4546')!)
 */
export function transformGeometry<G extends Geometry>(geom: G, crs: Crs, swapXY = false): G {
  if (crs.kind === 'wgs84' && !swapXY) return geom;
  return mapPositions(geom, (p) => toWgs84Position(p, crs, swapXY));
}

