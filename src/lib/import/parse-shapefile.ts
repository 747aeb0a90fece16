// Shapefile reader: a zip, or loose .shp/.dbf/.prj/.cpg parts. Raw coordinates are read with shpjs
// (without its built-in reprojection) so the CRS step stays ours and the user can override it.
import JSZip from 'jszip';
import { parseShp, parseDbf } from 'shpjs';
import type { Feature, Geometry, GeoJsonProperties } from 'geojson';
import { parsePrj } from '../geo/crs';
import { makeLayer } from './common';
import { baseOf, extOf, normaliseEncoding } from './detect';
import type { InputFile, ImportIssue, ParsedLayer } from './types';
import { issue } from './types';

/** The parts of one shapefile. */
export interface ShapefileParts {
  name: string;
  shp?: Uint8Array;
  dbf?: Uint8Array;
  prj?: string;
  cpg?: string;
}

/** dBASE language driver ids that mean GBK (code page 936). */
const GBK_LDIDS = new Set([0x4d, 0x7a]);

/**
 * Choose the DBF text encoding: the .cpg when it names one, else the language-driver byte, else
 * UTF-8 if the records are valid UTF-8, else GBK (ArcGIS in China writes GBK without a .cpg).
 */
export function dbfEncoding(dbf: Uint8Array, cpg?: string): string {
  const fromCpg = normaliseEncoding(cpg);
  if (fromCpg) return fromCpg;
  if (dbf.length > 29 && GBK_LDIDS.has(dbf[29])) return 'gbk';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(dbf.subarray(32));
    return 'utf-8';
  } catch {
    return 'gbk';
  }
}

function cleanProps(p: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p)) out[k] = typeof v === 'number' && Number.isNaN(v) ? null : v;
  return out;
}

/**
 * Parse one shapefile from its parts. Errors: `shp_missing_shp`, `shp_missing_dbf` (attributes are
 * needed to name and match compounds), `shp_bad` (unreadable), `crs_unsupported` (e.g. Xian 1980).
 * Without a .prj the CRS is guessed from the numbers.
 * @example parseShapefileParts({ name: 'a', shp, dbf, prj, cpg: 'GBK' }).features.length
 */
export function parseShapefileParts(parts: ShapefileParts): ParsedLayer {
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  if (!parts.shp) {
    errors.push(issue('shp_missing_shp', { name: parts.name }));
    return makeLayer({ format: 'shapefile', name: parts.name, features: [], errors });
  }
  let geoms: (Geometry | null)[];
  try {
    geoms = parseShp(parts.shp) as (Geometry | null)[];
  } catch (e) {
    errors.push(issue('shp_bad', { detail: (e as Error).message }));
    return makeLayer({ format: 'shapefile', name: parts.name, features: [], errors });
  }
  let rows: Record<string, unknown>[] = [];
  let encoding: string | undefined;
  if (parts.dbf) {
    encoding = dbfEncoding(parts.dbf, parts.cpg);
    rows = (parseDbf(parts.dbf, encoding) as Record<string, unknown>[]).map(cleanProps);
    if (rows.length !== geoms.length)
      warnings.push(issue('shp_dbf_count', { shapes: geoms.length, rows: rows.length }));
  } else {
    errors.push(issue('shp_missing_dbf', { name: parts.name }));
  }
  const features: Feature<Geometry | null, GeoJsonProperties>[] = geoms.map((g, i) => ({
    type: 'Feature',
    properties: rows[i] ?? {},
    geometry: g ?? null,
  }));
  const prj = parts.prj ? parsePrj(parts.prj) : undefined;
  if (prj && !prj.crs) errors.push(issue('crs_unsupported', { name: prj.name }));
  if (!parts.prj)
    warnings.push(issue('shp_missing_prj'));
  return makeLayer({
    format: 'shapefile',
    name: parts.name,
    features,
    columns: rows.length ? Object.keys(rows[0]) : [],
    crs: prj?.crs ?? null,
    crsSource: 'prj',
    prj,
    errors,
    warnings,
    encoding,
  });
}

/** Collect shapefile parts by base name from loose files or zip entries. */
function groupParts(entries: { name: string; data: Uint8Array }[]): ShapefileParts[] {
  const groups = new Map<string, ShapefileParts>();
  const dec = new TextDecoder('utf-8');
  for (const e of entries) {
    const ext = extOf(e.name);
    if (!['shp', 'dbf', 'prj', 'cpg'].includes(ext)) continue;
    const key = e.name.slice(0, e.name.length - ext.length - 1).toLowerCase();
    const g = groups.get(key) ?? { name: baseOf(e.name) };
    if (ext === 'shp') {
      g.shp = e.data;
      g.name = baseOf(e.name);
    } else if (ext === 'dbf') g.dbf = e.data;
    else if (ext === 'prj') g.prj = dec.decode(e.data);
    else g.cpg = dec.decode(e.data);
    groups.set(key, g);
  }
  return [...groups.values()];
}

/**
 * Parse shapefile sources: a zip (any number of .shp inside, folders allowed) or loose parts
 * uploaded together. Returns one layer per .shp.
 * @example await parseShapefile([{ name: 'a.zip', data }])
 */
export async function parseShapefile(files: InputFile[]): Promise<ParsedLayer[]> {
  const entries: { name: string; data: Uint8Array }[] = [];
  for (const f of files) {
    if (extOf(f.name) === 'zip' || (f.data[0] === 0x50 && f.data[1] === 0x4b)) {
      const zip = await JSZip.loadAsync(f.data);
      for (const [n, entry] of Object.entries(zip.files)) {
        if (entry.dir || n.startsWith('__MACOSX')) continue;
        entries.push({ name: n, data: await entry.async('uint8array') });
      }
    } else entries.push(f);
  }
  const groups = groupParts(entries);
  if (!groups.length) {
    return [
      makeLayer({
        format: 'shapefile',
        name: files[0]?.name ?? '',
        features: [],
        errors: [issue('shp_missing_shp', { name: files[0]?.name ?? '' })],
      }),
    ];
  }
  return groups.map(parseShapefileParts);
}
