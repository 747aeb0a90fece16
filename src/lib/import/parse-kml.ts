// KML / KMZ reader (WGS84 by definition). Uses the platform DOMParser in browsers and
// @xmldom/xmldom in Node.
import JSZip from 'jszip';
import { kml } from '@tmcw/togeojson';
import type { Feature, Geometry, GeoJsonProperties } from 'geojson';
import { WGS84 } from '../geo/crs';
import { makeLayer } from './common';
import { decodeText, extOf } from './detect';
import type { ParsedLayer } from './types';
import { issue } from './types';

async function parseXml(text: string): Promise<Document> {
  const DP = (globalThis as { DOMParser?: typeof DOMParser }).DOMParser;
  if (DP) return new DP().parseFromString(text, 'text/xml');
  const xmldom = await import('@xmldom/xmldom');
  return new xmldom.DOMParser().parseFromString(text, 'text/xml') as unknown as Document;
}

/**
 * Parse KML text or bytes. Placemark names and ExtendedData become properties; styles are dropped.
 * Error codes: `kml_bad_xml`, `kml_empty`.
 * @example (await parseKML(bytes, 'a.kml')).features.length
 */
export async function parseKML(input: Uint8Array | string, name: string): Promise<ParsedLayer> {
  const text = typeof input === 'string' ? input : decodeText(input).text;
  let doc: Document;
  try {
    doc = await parseXml(text);
    if (!doc || doc.getElementsByTagName('parsererror').length) throw new Error('XML parser error');
  } catch (e) {
    return makeLayer({
      format: 'kml',
      name,
      features: [],
      errors: [issue('kml_bad_xml', { detail: (e as Error).message })],
    });
  }
  const fc = kml(doc);
  const features = fc.features.map((f) => {
    const { styleUrl: _s, styleHash: _h, styleMapHash: _m, stroke: _st, fill: _f, 'stroke-opacity': _so, 'fill-opacity': _fo, 'stroke-width': _sw, ...props } =
      (f.properties ?? {}) as Record<string, unknown>;
    return { type: 'Feature', properties: props, geometry: f.geometry } as Feature<Geometry | null, GeoJsonProperties>;
  });
  const errors = features.length ? [] : [issue('kml_empty')];
  return makeLayer({ format: 'kml', name, features, crs: WGS84, crsSource: 'format', errors });
}

/**
 * Parse a KMZ (zipped KML; doc.kml or the first .kml inside). Error code: `kmz_no_kml`.
 * @example (await parseKMZ(bytes, 'a.kmz')).format // 'kmz'
 */
export async function parseKMZ(data: Uint8Array, name: string): Promise<ParsedLayer> {
  const zip = await JSZip.loadAsync(data);
  const names = Object.keys(zip.files).filter((n) => extOf(n) === 'kml' && !n.startsWith('__MACOSX'));
  const pick = names.find((n) => n.toLowerCase().endsWith('doc.kml')) ?? names[0];
  if (!pick) {
    return makeLayer({ format: 'kmz', name, features: [], errors: [issue('kmz_no_kml')] });
  }
  const layer = await parseKML(await zip.files[pick].async('uint8array'), name);
  return { ...layer, format: 'kmz' };
}
