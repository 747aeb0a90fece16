// Format detection for uploaded files, and text decoding that copes with GBK (Excel and ArcGIS in
// China write GBK by default).
import JSZip from 'jszip';
import type { DetectedSource, ImportFormat, ImportIssue, InputFile } from './types';
import { issue } from './types';

/**
 * Read browser `File`s (or pass-through `{name, data}`) into {@link InputFile}s.
 * @example await toInputFiles([fileFromInput]) // [{ name: 'a.zip', data: Uint8Array }]
 */
export async function toInputFiles(files: Iterable<File | InputFile>): Promise<InputFile[]> {
  const out: InputFile[] = [];
  for (const f of files) {
    if ('data' in f && f.data instanceof Uint8Array) out.push({ name: f.name, data: f.data });
    else out.push({ name: f.name, data: new Uint8Array(await (f as File).arrayBuffer()) });
  }
  return out;
}

/** Lower-case extension without the dot ('' when none). */
export function extOf(name: string): string {
  const i = name.lastIndexOf('.');
  return i < 0 ? '' : name.slice(i + 1).toLowerCase();
}

/** File name without folder and extension. */
export function baseOf(name: string): string {
  const file = name.split(/[\\/]/).pop() ?? name;
  const i = file.lastIndexOf('.');
  return i < 0 ? file : file.slice(0, i);
}

/** Map a `.cpg` text or encoding label to a TextDecoder label ('utf-8', 'gbk', …). */
export function normaliseEncoding(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const s = label.trim().toLowerCase().replace(/^ansi\s*/, '');
  if (!s) return undefined;
  if (/^(utf-?8|65001)$/.test(s)) return 'utf-8';
  if (/^(gbk|936|cp936|ms936|windows-936|gb2312|gb_2312|euc-cn|x-gbk|chinese)$/.test(s)) return 'gbk';
  if (/^(gb18030|54936)$/.test(s)) return 'gb18030';
  if (/^big5|950$/.test(s)) return 'big5';
  try {
    return new TextDecoder(s).encoding;
  } catch {
    return undefined;
  }
}

/**
 * Decode text bytes: a BOM or `encoding` wins; otherwise UTF-8 when the bytes are valid UTF-8,
 * else GBK. Returns the text and the encoding used.
 * @example decodeText(new Uint8Array([0xc4, 0xe3])).text // '你' (GBK)
 */
export function decodeText(bytes: Uint8Array, encoding?: string): { text: string; encoding: string } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (encoding) return { text: new TextDecoder(encoding).decode(bytes), encoding };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gbk').decode(bytes), encoding: 'gbk' };
  }
}

function isZip(d: Uint8Array): boolean {
  return d.length > 4 && d[0] === 0x50 && d[1] === 0x4b && (d[2] === 3 || d[2] === 5) && (d[3] === 4 || d[3] === 6);
}

function sniffText(d: Uint8Array): ImportFormat | null {
  const head = new TextDecoder('utf-8').decode(d.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return 'geojson';
  if (head.startsWith('<')) return /<kml[\s>]/i.test(new TextDecoder('utf-8').decode(d.subarray(0, 4096))) ? 'kml' : null;
  if (/^0\s*\r?\n\s*SECTION/.test(head) || /^999\s*\r?\n/.test(head)) return 'dxf';
  return null;
}

/** The result of {@link detectFormat}. */
export interface Detection {
  sources: DetectedSource[];
  /** Files that belong to no source (unknown type, stray .dbf …), with the reason. */
  rejected: { name: string; issue: ImportIssue }[];
}

const SHP_PARTS = new Set(['shp', 'dbf', 'prj', 'cpg', 'shx', 'sbn', 'sbx', 'xml', 'qix', 'qmd', 'fix']);

/**
 * Group uploaded files into sources and name each one's format: GeoJSON, zipped Shapefile, loose
 * Shapefile parts (.shp + .dbf + .prj + .cpg with the same base name), KML, KMZ, CSV or DXF.
 * Detection uses the extension and, for ambiguous or missing extensions, the first bytes.
 * @example (await detectFormat([{ name: 'a.geojson', data }])).sources[0].format // 'geojson'
 */
export async function detectFormat(files: InputFile[]): Promise<Detection> {
  const sources: DetectedSource[] = [];
  const rejected: Detection['rejected'] = [];
  const shpGroups = new Map<string, InputFile[]>();

  for (const f of files) {
    const ext = extOf(f.name);
    if (f.data.length === 0) {
      rejected.push({ name: f.name, issue: issue('empty_file', { name: f.name }) });
      continue;
    }
    if (isZip(f.data)) {
      const zip = await JSZip.loadAsync(f.data).catch(() => null);
      if (!zip) {
        rejected.push({ name: f.name, issue: issue('bad_zip', { name: f.name }) });
        continue;
      }
      const names = Object.keys(zip.files).filter((n) => !n.startsWith('__MACOSX') && !zip.files[n].dir);
      // An Excel workbook is a zip too.
      if (names.includes('xl/workbook.xml')) sources.push({ format: 'xlsx', name: f.name, files: [f] });
      else if (ext === 'kmz' || names.some((n) => extOf(n) === 'kml')) sources.push({ format: 'kmz', name: f.name, files: [f] });
      else if (names.some((n) => ['shp', 'dbf'].includes(extOf(n)))) sources.push({ format: 'shapefile', name: f.name, files: [f] });
      else
        rejected.push({
          name: f.name,
          issue: issue('zip_unknown_content', { name: f.name }),
        });
      continue;
    }
    if (ext === 'xls' || ext === 'et') {
      rejected.push({ name: f.name, issue: issue('xls_old_format', { name: f.name }) });
      continue;
    }
    if (SHP_PARTS.has(ext)) {
      const key = baseOf(f.name).toLowerCase();
      const g = shpGroups.get(key) ?? [];
      g.push(f);
      shpGroups.set(key, g);
      continue;
    }
    const byExt: Record<string, ImportFormat> = {
      geojson: 'geojson',
      json: 'geojson',
      kml: 'kml',
      kmz: 'kmz',
      csv: 'csv',
      txt: 'csv',
      tsv: 'csv',
      dxf: 'dxf',
    };
    const sniffed = sniffText(f.data);
    const fmt = byExt[ext] === 'csv' ? (sniffed === 'geojson' ? 'geojson' : 'csv') : (byExt[ext] ?? sniffed);
    if (fmt) sources.push({ format: fmt, name: f.name, files: [f] });
    else
      rejected.push({
        name: f.name,
        issue: issue('unknown_format', { name: f.name }),
      });
  }
  for (const group of shpGroups.values()) {
    const shp = group.find((f) => extOf(f.name) === 'shp');
    if (shp) sources.push({ format: 'shapefile', name: baseOf(shp.name), files: group });
    else
      for (const f of group)
        rejected.push({
          name: f.name,
          issue: issue('shp_missing_shp', { name: f.name }),
        });
  }
  return { sources, rejected };
}
