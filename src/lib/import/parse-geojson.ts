// GeoJSON reader: FeatureCollection, Feature, bare geometry; an old-style `crs` member is honoured.
import type { Feature, Geometry, GeoJsonProperties } from 'geojson';
import { getCrs, type Crs } from '../geo/crs';
import { makeLayer } from './common';
import { decodeText } from './detect';
import type { ParsedLayer } from './types';
import { issue } from './types';

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

function crsFromMember(obj: unknown): { crs: Crs | null; name: string } {
  const name = (obj as { crs?: { properties?: { name?: unknown } } })?.crs?.properties?.name;
  if (typeof name !== 'string') return { crs: null, name: '' };
  // 'urn:ogc:def:crs:EPSG::4525', 'EPSG:4490', 'urn:ogc:def:crs:OGC:1.3:CRS84', or 'GCJ02'.
  if (/CRS84$/i.test(name)) return { crs: getCrs('EPSG:4326')!, name };
  const m = /EPSG:{1,2}(\d+)/i.exec(name);
  return { crs: (m ? getCrs(`EPSG:${m[1]}`) : getCrs(name)) ?? null, name };
}

/**
 * Parse a GeoJSON file (UTF-8 or GBK bytes, or a string). Coordinates are left as they are; the
 * layer's `crs` is the file's `crs` member when it names a known CRS, else the best guess (WGS84
 * for lon/lat per RFC 7946, unless the file name hints GCJ-02/BD-09).
 * Error codes: `bad_json`, `not_geojson`.
 * @example parseGeoJSON('{"type":"Point","coordinates":[111.78,37.27]}', 'p.geojson').features.length // 1
 */
export function parseGeoJSON(input: Uint8Array | string, name: string): ParsedLayer {
  const text = typeof input === 'string' ? input : decodeText(input).text;
  let obj: unknown;
  try {
    obj = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return makeLayer({
      format: 'geojson',
      name,
      features: [],
      errors: [issue('bad_json', { detail: (e as Error).message })],
    });
  }
  const o = obj as { type?: unknown; features?: unknown; geometry?: unknown };
  let features: Feature<Geometry | null, GeoJsonProperties>[];
  if (o?.type === 'FeatureCollection' && Array.isArray(o.features)) features = o.features as Feature<Geometry | null>[];
  else if (o?.type === 'Feature') features = [o as Feature<Geometry | null>];
  else if (typeof o?.type === 'string' && GEOMETRY_TYPES.has(o.type))
    features = [{ type: 'Feature', properties: {}, geometry: o as Geometry }];
  else
    return makeLayer({
      format: 'geojson',
      name,
      features: [],
      errors: [issue('not_geojson')],
    });
  features = features.map((f) => ({ ...f, properties: f?.properties ?? {} }));
  const member = crsFromMember(obj);
  return makeLayer({
    format: 'geojson',
    name,
    features,
    crs: member.crs,
    crsSource: 'file',
    hint: `${name} ${member.name}`,
  });
}
