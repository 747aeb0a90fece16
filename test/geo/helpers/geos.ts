// GEOS as an independent judge of validity in tests (Debian: apt-get install python3-shapely, used through
// /usr/bin/python3). One process per call, for a whole batch of geometries.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const PY = '/usr/bin/python3';
const SCRIPT = path.join(__dirname, 'geos_validity.py');

/** True when GEOS can be asked (python3 with shapely). */
export const geosAvailable: boolean = (() => {
  if (!fs.existsSync(PY)) return false;
  return spawnSync(PY, ['-c', 'import shapely.geometry'], { stdio: 'ignore' }).status === 0;
})();

export interface GeosVerdict {
  valid: boolean;
  /** GEOS's explanation, e.g. "Self-intersection[111.78 37.26]"; empty when valid. */
  reason: string;
  /** Planar area in squared degrees (for sanity only). */
  area: number;
}

/**
 * GEOS's verdict on each geometry (same order).
 * @example geosValidity([square, bowtie]) // [{ valid: true, … }, { valid: false, reason: 'Self-intersection[…]' }]
 */
export function geosValidity(geoms: unknown[]): GeosVerdict[] {
  const r = spawnSync(PY, [SCRIPT], { input: JSON.stringify(geoms), encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`GEOS validity check failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as GeosVerdict[];
}
