// Turf-style fixture folders: test/geo/<fn>/in/*.geojson → out/*.geojson. REGEN=1 rewrites goldens.
import fs from 'node:fs';
import path from 'node:path';
import type { FeatureCollection } from 'geojson';

export const REGEN = process.env.REGEN === '1';

export interface Fixture {
  name: string;
  /** Options of the case live in the collection's `properties` (a GeoJSON foreign member). */
  input: FeatureCollection & { properties?: Record<string, unknown> };
  outPath: string;
}

/** Deep-freeze so a function that mutates its input throws in tests. */
export function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as object)) deepFreeze(v);
  }
  return o;
}

export function readFixtures(fn: string, sub = 'in', outSub = 'out'): Fixture[] {
  const dir = path.join(__dirname, '..', fn, sub);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.geojson'))
    .sort()
    .map((f) => ({
      name: f.replace(/\.geojson$/, ''),
      input: deepFreeze(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))),
      outPath: path.join(dir, '..', outSub, f),
    }));
}

/** Round coordinates to 7 decimals and numbers in properties to 0.1. */
export function roundFC<T>(o: T, inCoords = false): T {
  if (Array.isArray(o)) return o.map((v) => roundFC(v, inCoords)) as T;
  if (typeof o === 'number') return (inCoords ? Math.round(o * 1e7) / 1e7 : Math.round(o * 10) / 10) as T;
  if (o && typeof o === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) out[k] = roundFC(v, inCoords || k === 'coordinates');
    return out as T;
  }
  return o;
}

/** One feature a line: opens cleanly in a viewer and diffs well. */
export function formatFC(fc: FeatureCollection): string {
  const { features, ...rest } = fc;
  const head = JSON.stringify(rest);
  const body = features.map((f) => '  ' + JSON.stringify(f)).join(',\n');
  return head.slice(0, -1) + ',"features":[\n' + body + '\n]}\n';
}

/** Compare against the golden (or rewrite it under REGEN=1). Returns the golden. */
export function golden(outPath: string, actual: FeatureCollection): FeatureCollection {
  const text = formatFC(actual);
  if (REGEN) {
    fs.mkdirSync(path.dirname(outPath), { recursive: true });
    fs.writeFileSync(outPath, text);
  } else if (!fs.existsSync(outPath)) {
    // A missing golden is a failure, not a silent pass: write it with REGEN=1 and review the diff.
    throw new Error(`golden missing: ${outPath} (run with REGEN=1 and review it)`);
  }
  return JSON.parse(fs.readFileSync(outPath, 'utf8'));
}
