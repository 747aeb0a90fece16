// Benchmark: findIdleLand over every compound of a synthetic city, and coverage of N compounds by
// 500 facilities; optionally the same pipelines in shapely/GEOS (bench/geos/idle_land.py) on the
// same data file. Timings are medians of `runs` after `warmup` runs, in milliseconds.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, Point } from 'geojson';
import { syntheticCity } from './synthetic-city';
import { findIdleLand, type IdleLandOptions } from '../src/lib/geo/idle-land';
import { coverage, catalogueRadiusM, type FacilityFC } from '../src/lib/geo/coverage';

export interface IdleLandBenchOptions {
  /** City sizes in compounds; default [49, 7701]. */
  sizes?: number[];
  runs?: number;
  warmup?: number;
  /** Also run bench/geos/idle_land.py with /usr/bin/python3 (null figures when shapely is missing). */
  geos?: boolean;
  seed?: number;
  /** Facilities in the coverage task; default 500. */
  coverageFacilities?: number;
}

export interface IdleLandBenchRow {
  task: 'idle-land' | 'coverage';
  size: number;
  compounds: number;
  buildings: number;
  facilities: number;
  /** Median time of our TypeScript/Clipper2 code, ms. */
  ours_ms: number;
  /** Median time of the shapely/GEOS pipeline, ms (null when not run or unavailable). */
  geos_ms: number | null;
  /** idle-land: pieces kept and their total area (m²); coverage: covered (compound, type) pairs. */
  ours_result: number;
  geos_result: number | null;
  ours_area_m2?: number;
  geos_area_m2?: number | null;
  note?: string;
}

const IDLE_OPTS: Required<Pick<IdleLandOptions, 'setbackM' | 'minWidthM' | 'minAreaM2'>> = { setbackM: 6, minWidthM: 10, minAreaM2: 100 };

const round1 = (v: number | null | undefined) => (typeof v === 'number' ? Math.round(v * 10) / 10 : null);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeIt<T>(runs: number, warmup: number, fn: () => T): { ms: number; result: T } {
  let result!: T;
  const times: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const t0 = performance.now();
    result = fn();
    if (i >= warmup) times.push(performance.now() - t0);
  }
  return { ms: Math.round(median(times) * 10) / 10, result };
}

/** Evenly spaced subset of n facilities (all when there are fewer). */
function pickFacilities(fc: FeatureCollection<Point, { type: string }>, n: number): FacilityFC {
  const all = fc.features;
  if (all.length <= n) return { type: 'FeatureCollection', features: all };
  const step = all.length / n;
  return { type: 'FeatureCollection', features: Array.from({ length: n }, (_, i) => all[Math.floor(i * step)]) };
}

interface GeosOut {
  idle_land_ms: number | null;
  coverage_ms: number | null;
  pieces?: number;
  candidateM2?: number;
  coveredPairs?: number | null;
  error?: string;
}

function runGeos(dataFile: string): GeosOut | { error: string } {
  const script = join(dirname(fileURLToPath(import.meta.url)), 'geos', 'idle_land.py');
  if (!existsSync('/usr/bin/python3')) return { error: 'no /usr/bin/python3' };
  const r = spawnSync('/usr/bin/python3', [script, dataFile], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) return { error: (r.stderr || 'python failed').slice(-500) };
  try {
    return JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as GeosOut;
  } catch {
    return { error: 'unreadable python output' };
  }
}

/**
 * Times findIdleLand over every compound of syntheticCity({ compounds: size, withBuildings: true })
 * and coverage of those compounds by 500 of its facilities (all types present, catalogue radii,
 * 300 m for types the catalogue lacks), ours vs GEOS.
 *
 * @example
 * const rows = await runIdleLandBench({ sizes: [49], runs: 1, warmup: 0, geos: false });
 * rows[0]; // { task: 'idle-land', size: 49, ours_ms: 41.2, geos_ms: null, … }
 */
export async function runIdleLandBench(opts: IdleLandBenchOptions = {}): Promise<IdleLandBenchRow[]> {
  const sizes = opts.sizes ?? [49, 7701];
  const runs = opts.runs ?? 3;
  const warmup = opts.warmup ?? 1;
  const nFac = opts.coverageFacilities ?? 500;
  const rows: IdleLandBenchRow[] = [];
  for (const size of sizes) {
    const city = syntheticCity({ compounds: size, seed: opts.seed ?? 1, withBuildings: true });
    const empty = { type: 'FeatureCollection' as const, features: [] };
    const input = { buildings: city.buildings, roads: city.roads, facilities: city.facilities, idleBuildings: empty };

    const idle = timeIt(runs, warmup, () => {
      let pieces = 0;
      let area = 0;
      for (const c of city.compounds.features) {
        const r = findIdleLand({ area: c.geometry, ...input }, IDLE_OPTS);
        pieces += r.stats.idleLandPieces;
        area += r.stats.candidateM2;
      }
      return { pieces, area };
    });

    const covFac = pickFacilities(city.facilities, nFac);
    const types = [...new Set(covFac.features.map((f) => String(f.properties?.type)))].sort();
    const radiusM = Object.fromEntries(types.map((t) => [t, catalogueRadiusM(t) ?? 300]));
    const cov = timeIt(runs, warmup, () => {
      const r = coverage(city.compounds, covFac, { types, radiusM });
      return Object.values(r.byType).reduce((s, t) => s + t.covered.length, 0);
    });

    let geos: GeosOut | { error: string } | null = null;
    if (opts.geos) {
      const dir = mkdtempSync(join(tmpdir(), 'idle-land-bench-'));
      const file = join(dir, `city-${size}.json`);
      try {
        const [lon0, lat0] = (() => {
          let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
          for (const f of city.compounds.features) {
            const ring = f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : f.geometry.coordinates[0][0];
            for (const [x, y] of ring) {
              x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
            }
          }
          return [(x0 + x1) / 2, (y0 + y1) / 2];
        })();
        writeFileSync(file, JSON.stringify({
          lon0, lat0,
          compounds: city.compounds, buildings: city.buildings, roads: city.roads, facilities: city.facilities,
          idleBuildings: empty, coverageFacilities: covFac, radiusM, opts: IDLE_OPTS,
          runs, warmup, withCoverage: true,
        }));
        geos = runGeos(file);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    const g = geos && !('error' in geos && geos.error) ? (geos as GeosOut) : null;
    const note = geos && 'error' in geos && geos.error ? `GEOS: ${geos.error}` : undefined;
    rows.push({
      task: 'idle-land', size, compounds: city.compounds.features.length, buildings: city.buildings.features.length,
      facilities: city.facilities.features.length, ours_ms: idle.ms, geos_ms: round1(g?.idle_land_ms),
      ours_result: idle.result.pieces, geos_result: g?.pieces ?? null,
      ours_area_m2: Math.round(idle.result.area), geos_area_m2: g?.candidateM2 !== undefined ? Math.round(g.candidateM2) : null,
      ...(note ? { note } : {}),
    });
    rows.push({
      task: 'coverage', size, compounds: city.compounds.features.length, buildings: city.buildings.features.length,
      facilities: covFac.features.length, ours_ms: cov.ms, geos_ms: round1(g?.coverage_ms),
      ours_result: cov.result, geos_result: g?.coveredPairs ?? null,
      ...(note ? { note } : {}),
    });
  }
  return rows;
}
