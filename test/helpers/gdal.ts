// GDAL as QGIS and ArcGIS read files (Debian's gdal-bin: ogrinfo, ogr2ogr, gdalinfo). A test that needs it fails
// loudly when it is missing — `.ci/run` installs gdal-bin — it never skips.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FeatureCollection } from 'geojson';

export function requireGdal(): string {
  try {
    return execFileSync('ogrinfo', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('GDAL is required to read exports back (ogrinfo/ogr2ogr/gdalinfo): apt-get install -y gdal-bin');
  }
}

/** Run a GDAL program; its stdout. */
export function gdal(program: 'ogrinfo' | 'ogr2ogr' | 'gdalinfo' | 'gdal_translate' | 'gdalsrsinfo', args: string[], env: Record<string, string> = {}): string {
  return execFileSync(program, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, ...env } });
}

/** Read any vector file (or /vsizip/ path) as GeoJSON through ogr2ogr, optionally reprojected. */
export function readVector(src: string, opts: { layer?: string; tSrs?: string; sSrs?: string; oo?: string[]; env?: Record<string, string> } = {}): FeatureCollection {
  const args = ['-f', 'GeoJSON', '/vsistdout/', src];
  if (opts.layer) args.push(opts.layer);
  if (opts.sSrs) args.push('-s_srs', opts.sSrs);
  if (opts.tSrs) args.push('-t_srs', opts.tSrs);
  for (const o of opts.oo ?? []) args.push('-oo', o);
  args.push('-lco', 'COORDINATE_PRECISION=10', '-lco', 'RFC7946=NO');
  return JSON.parse(gdal('ogr2ogr', args, opts.env));
}

/** A fresh temp dir, removed by the returned function. */
export function tempDir(prefix = 'fy-export-'): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Run a GDAL program and return what it wrote to stderr (warnings and errors), failing on a non-zero exit. */
export function gdalStderr(program: 'gdal_translate' | 'ogr2ogr' | 'ogrinfo', args: string[]): string {
  const r = spawnSync(program, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${program} failed (${r.status}): ${r.stderr}`);
  return r.stderr;
}
