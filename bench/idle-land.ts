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

export interface IdleLandNationalRow {
  size: number;
  buildings: number;
  /** findIdleLandEach over every compound (what the worker runs), ms (one run). */
  ours_ms: number;
  pieces: number;
  candidateM2: number;
  skipped: number;
  /** Progress reports seen, and the longest wait between two of them, ms. */
  progressReports: number;
  maxProgressGapMs: number;
  /** Every k-th compound, timed in both engines on the same file (GEOS on all of them would take a quarter hour). */
  sampleSize: number;
  oursSampleMs: number;
  geosSampleMs: number | null;
  /** GEOS over every compound, estimated as sample time × size / sample size (null without GEOS). */
  geosEstimatedMs: number | null;
  note?: string;
}

/**
 * Idle land at national scale: findIdleLandEach over every compound of syntheticCity({ compounds: size }) with its
 * buildings, with progress; GEOS on an evenly spaced sample of `geosSample` compounds (ours timed on the same sample).
 * @example
 * const row = await runIdleLandNationalBench({ size: 1000, geosSample: 100, geos: false });
 */
export async function runIdleLandNationalBench(opts: { size?: number; geosSample?: number; geos?: boolean; seed?: number; onStep?: (m: string) => void } = {}): Promise<IdleLandNationalRow> {
  const size = opts.size ?? 170_000;
  const { findIdleLandEach } = await import('../src/lib/geo/idle-land-each');
  opts.onStep?.(`idle-land ${size}: generating the city with buildings`);
  const city = syntheticCity({ compounds: size, seed: opts.seed ?? 1, withBuildings: true });
  const empty = { type: 'FeatureCollection' as const, features: [] };
  const input = { buildings: city.buildings, roads: city.roads, facilities: city.facilities, idleBuildings: empty };
  opts.onStep?.(`idle-land ${size}: ${city.buildings.features.length.toLocaleString('en-US')} buildings; scanning every compound`);
  let reports = 0;
  let last = performance.now();
  let maxGap = 0;
  const t0 = performance.now();
  const scan = findIdleLandEach(city.compounds, input, IDLE_OPTS, (fraction) => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
    reports++;
    if (reports % 20 === 0) opts.onStep?.(`idle-land ${size}: ${Math.round(fraction * 100)} %`);
  });
  const oursMs = performance.now() - t0;

  const k = Math.max(1, Math.floor(size / (opts.geosSample ?? 7701)));
  const sample = { type: 'FeatureCollection' as const, features: city.compounds.features.filter((_, i) => i % k === 0) };
  const s0 = performance.now();
  findIdleLandEach(sample, input, IDLE_OPTS);
  const oursSampleMs = performance.now() - s0;
  let geosSampleMs: number | null = null;
  let note: string | undefined;
  if (opts.geos) {
    opts.onStep?.(`idle-land ${size}: GEOS on ${sample.features.length.toLocaleString('en-US')} compounds`);
    const dir = mkdtempSync(join(tmpdir(), 'idle-land-national-'));
    const file = join(dir, 'city.json');
    try {
      const ring = (f: (typeof city.compounds.features)[number]) => (f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : f.geometry.coordinates[0][0]);
      let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      for (const f of sample.features) for (const [x, y] of ring(f)) { x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
      writeFileSync(file, JSON.stringify({
        lon0: (x0 + x1) / 2, lat0: (y0 + y1) / 2, compounds: sample, buildings: city.buildings, roads: city.roads,
        facilities: city.facilities, idleBuildings: empty, opts: IDLE_OPTS, runs: 1, warmup: 0, withCoverage: false,
      }));
      const g = runGeos(file);
      if ('error' in g && g.error) note = `GEOS: ${g.error}`;
      else geosSampleMs = round1((g as GeosOut).idle_land_ms);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return {
    size, buildings: city.buildings.features.length, ours_ms: round1(oursMs)!, pieces: scan.pieces, candidateM2: Math.round(scan.candidateM2),
    skipped: scan.skipped.length, progressReports: reports, maxProgressGapMs: round1(maxGap)!, sampleSize: sample.features.length,
    oursSampleMs: round1(oursSampleMs)!, geosSampleMs, geosEstimatedMs: geosSampleMs === null ? null : Math.round((geosSampleMs * size) / sample.features.length),
    ...(note ? { note } : {}),
  };
}
