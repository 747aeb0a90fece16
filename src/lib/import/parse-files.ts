// Parsing uploaded files, start to end: detect the formats, then parse each source (a zip may hold several shapefiles,
// a DXF several layers). Large shapefiles and DXFs take seconds, so the wizard runs this in the worker (lib/worker),
// with progress per source and cancel by ending the worker. Coordinates stay in the file's CRS.
import { detectFormat, toInputFiles } from './detect';
import { parseSource } from './index';
import type { ImportIssue, InputFile, ParsedLayer } from './types';

export interface ParseFilesResult {
  layers: ParsedLayer[];
  rejected: { name: string; issue: ImportIssue }[];
}

/**
 * @param dxfLayers per DXF file name, the layers the user chose
 * @param onProgress fraction 0–1 done and the name of the source being read ('' while detecting formats)
 * @example const { layers, rejected } = await parseFiles([{ name: 'a.geojson', data }])
 */
export async function parseFiles(
  files: InputFile[], dxfLayers: Record<string, string[]> = {}, onProgress?: (fraction: number, label: string) => void,
): Promise<ParseFilesResult> {
  onProgress?.(0, '');
  const inputs = await toInputFiles(files);
  const { sources, rejected } = await detectFormat(inputs);
  const total = sources.length + 1;
  const layers: ParsedLayer[] = [];
  for (let i = 0; i < sources.length; i++) {
    onProgress?.((i + 1) / total, sources[i].name);
    const options = dxfLayers[sources[i].name] ? { layers: dxfLayers[sources[i].name] } : {};
    layers.push(...(await parseSource(sources[i], options)));
  }
  return { layers, rejected };
}
