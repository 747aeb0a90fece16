// Helpers shared by the parsers.
import type { Feature, Geometry, GeoJsonProperties, Position } from 'geojson';
import { guessCrs, type Crs, type PrjResult } from '../geo/crs';
import type { ImportFormat, ImportIssue, ParsedLayer } from './types';

/** Every position of a geometry, in order (holes and parts included). */
export function positionsOf(g: Geometry | null | undefined): Position[] {
  if (!g) return [];
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
    case 'GeometryCollection':
      return g.geometries.flatMap(positionsOf);
  }
}

/** Up to `max` positions spread over the features, for CRS guessing. */
export function samplePositions(features: Feature<Geometry | null>[], max = 400): Position[] {
  const all: Position[] = [];
  const step = Math.max(1, Math.floor(features.length / max));
  for (let i = 0; i < features.length && all.length < max; i += step) {
    const ps = positionsOf(features[i].geometry);
    if (ps.length) all.push(ps[0], ps[Math.floor(ps.length / 2)]);
  }
  return all;
}

/** Attribute names in first-seen order. */
export function columnsOf(features: Feature<Geometry | null, GeoJsonProperties>[]): string[] {
  const seen = new Set<string>();
  for (const f of features) for (const k of Object.keys(f.properties ?? {})) seen.add(k);
  return [...seen];
}

/**
 * Assemble a {@link ParsedLayer}: guess CRS candidates from the numbers and pick the CRS — the
 * explicit one (from a .prj or the file) if any, else the best guess.
 */
export function makeLayer(args: {
  format: ImportFormat;
  name: string;
  features: Feature<Geometry | null, GeoJsonProperties>[];
  columns?: string[];
  crs?: Crs | null;
  crsSource?: ParsedLayer['crsSource'];
  prj?: PrjResult;
  hint?: string;
  errors?: ImportIssue[];
  warnings?: ImportIssue[];
  encoding?: string;
  dxfLayers?: ParsedLayer['dxfLayers'];
}): ParsedLayer {
  const candidates = guessCrs(samplePositions(args.features), { text: args.hint ?? args.name });
  let crs = args.crs ?? null;
  let crsSource: ParsedLayer['crsSource'] = crs ? (args.crsSource ?? 'file') : 'none';
  let swapXY = false;
  if (!crs && candidates.length) {
    crs = candidates[0].crs;
    swapXY = candidates[0].swapXY;
    crsSource = 'guess';
  } else if (crs) {
    const same = candidates.find((c) => c.crs.id === crs!.id);
    swapXY = same?.swapXY ?? false;
  }
  // A file without any geometry says so first (it can still update attributes), instead of asking for a CRS.
  const warnings = args.warnings ?? [];
  if (args.features.length && args.features.every((f) => !f.geometry)) warnings.unshift({ code: 'no_geometry', params: {}, repairable: false });
  const layer: ParsedLayer = {
    format: args.format,
    name: args.name,
    features: args.features,
    columns: args.columns ?? columnsOf(args.features),
    crs,
    swapXY,
    crsSource,
    candidates,
    errors: args.errors ?? [],
    warnings,
  };
  if (args.prj) layer.prj = args.prj;
  if (args.encoding) layer.encoding = args.encoding;
  if (args.dxfLayers) layer.dxfLayers = args.dxfLayers;
  return layer;
}
