// Benchmark: merge adjacent compounds into design zones, ours (flatbush + exact distance +
// union-find + Clipper2 closing) against GEOS (shapely, same steps, same file) and a Turf 7.4
// baseline (our groups, one turf.union per group; sizes ≤ 1,000 only — it is far slower).
// Timings live here, never in tests. Run it through scripts/bench.mjs (Vite SSR / vitest), e.g.
//   const { runMergeBench, formatMergeTable } = await import('./bench/merge.ts');
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { clusterAdjacent } from '../src/lib/geo/cluster-adjacent';
import { mergeAdjacent } from '../src/lib/geo/merge-zones';
import { checkGeometry } from '../src/lib/geo/polygon-validity';
import { syntheticCity } from './synthetic-city';

export interface MergeBenchOptions {
  /** City sizes in compounds (default 49, 1,000, 7,701). */
  sizes?: number[];
  /** Timed runs per engine (median reported). Default 5. */
  runs?: number;
  /** Untimed runs first (JIT warm-up). Default 2. */
  warmup?: number;
  /** Also run bench/geos/merge.py on the same file (default true). */
  geos?: boolean;
  /** Merge tolerance in metres (default 15). */
  toleranceM?: number;
  seed?: number;
  /** Largest size the Turf baseline runs at (default 1,000). */
  turfMax?: number;
}

export interface MergeBenchRow {
  size: number;
  toleranceM: number;
  groups: number;
  singletons: number;
  candidatePairs: number;
  /** clusterAdjacent alone, ms (median). */
  clusterMs: number;
  /** mergeAdjacent (clustering + closing unions + outlines), ms (median). */
  mergeMs: number;
  /** Zones whose outline passes the one validity rule (all of them, or the merge is wrong), untimed. */
  validZones: number;
  /** Zones whose outline needed a repair to be valid (properties.repairs). */
  repairedZones: number;
  /** GEOS, same steps on the same file, ms (median); null when not run or shapely missing. */
  geosMs: number | null;
  geosGroups: number | null;
  /** Turf 7.4: our groups, one turf.union per multi-member group, ms (median); null above turfMax. */
  turfUnionMs: number | null;
  /** mergeMs / geosMs. */
  ratioToGeos: number | null;
  file: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function time(fn: () => unknown, runs: number, warmup: number): number {
  // warm up for at least `warmup` runs and ~250 ms, so small sizes are not timed on cold JIT code
  const w0 = performance.now();
  for (let i = 0; i < warmup || (warmup > 0 && performance.now() - w0 < 250 && i < 200); i++) fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return Math.round(median(t) * 10) / 10;
}

function runGeos(file: string, toleranceM: number, runs: number): { ms_median: number; groups: number } | null {
  const script = path.join(here, 'geos', 'merge.py');
  for (const py of ['/usr/bin/python3', 'python3']) {
    try {
      const out = execFileSync(py, [script, file, String(toleranceM), String(runs)], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 30 * 60_000,
        maxBuffer: 1 << 20,
      });
      return JSON.parse(out.trim().split('\n').pop() ?? 'null');
    } catch {
      // interpreter or shapely missing here: try the next one
    }
  }
  return null;
}

/**
 * Generate each city, write its compounds to bench/tmp/, time ours / GEOS / Turf, return rows.
 * @example
 * const rows = await runMergeBench({ sizes: [49, 1000, 7701], runs: 5, warmup: 2, geos: true });
 */
export async function runMergeBench(opts: MergeBenchOptions = {}): Promise<MergeBenchRow[]> {
  const sizes = opts.sizes ?? [49, 1000, 7701];
  const runs = Math.max(1, opts.runs ?? 5);
  const warmup = Math.max(0, opts.warmup ?? 2);
  const tol = opts.toleranceM ?? 15;
  const seed = opts.seed ?? 1;
  const turfMax = opts.turfMax ?? 1000;
  const tmp = path.join(here, 'tmp');
  fs.mkdirSync(tmp, { recursive: true });
  const rows: MergeBenchRow[] = [];
  for (const size of sizes) {
    const fc = syntheticCity({ compounds: size, seed, withBuildings: false }).compounds;
    const file = path.join(tmp, `compounds-${size}-seed${seed}.geojson`);
    fs.writeFileSync(file, JSON.stringify(fc));
    const big = size > 50_000; // one timed run at China scale
    const r = big ? 1 : runs;
    const w = big ? Math.min(warmup, 1) : warmup;
    const cl = clusterAdjacent(fc, { toleranceM: tol });
    const clusterMs = time(() => clusterAdjacent(fc, { toleranceM: tol }), r, w);
    const mergeMs = time(() => mergeAdjacent(fc, { toleranceM: tol }), r, w);
    const zones = mergeAdjacent(fc, { toleranceM: tol }).features;
    const validZones = zones.filter((z) => checkGeometry(z.geometry, { maxVertices: Infinity, maxPairs: Infinity }).ok).length;
    const repairedZones = zones.filter((z) => z.properties.repairs).length;
    let turfUnionMs: number | null = null;
    if (size <= turfMax) {
      const byId = new Map(fc.features.map((f) => [f.properties.id, f as Feature<Polygon | MultiPolygon>]));
      turfUnionMs = time(
        () => {
          const groups = clusterAdjacent(fc, { toleranceM: tol }).groups;
          for (const g of groups) {
            if (g.length < 2) continue;
            turf.union(turf.featureCollection(g.map((id) => byId.get(id)!)));
          }
        },
        big ? 1 : Math.min(r, 3),
        Math.min(w, 1),
      );
    }
    const geos = opts.geos === false ? null : runGeos(file, tol, big ? 1 : Math.min(r, 3));
    rows.push({
      size,
      toleranceM: tol,
      groups: cl.stats.groups,
      singletons: cl.stats.singletons,
      candidatePairs: cl.stats.candidatePairs,
      clusterMs,
      mergeMs,
      validZones,
      repairedZones,
      geosMs: geos?.ms_median ?? null,
      geosGroups: geos?.groups ?? null,
      turfUnionMs,
      ratioToGeos: geos ? Math.round((mergeMs / geos.ms_median) * 1000) / 1000 : null,
      file: path.relative(path.join(here, '..'), file),
    });
  }
  return rows;
}

/** Rows as a fixed-width text table. */
export function formatMergeTable(rows: MergeBenchRow[]): string {
  const head = ['compounds', 'groups', 'singletons', 'cluster ms', 'merge ms (ours)', 'GEOS ms', 'ours/GEOS', 'Turf union ms'];
  const cells = rows.map((r) => [
    r.size.toLocaleString('en-US'),
    String(r.groups) + (r.geosGroups !== null && r.geosGroups !== r.groups ? ` (GEOS ${r.geosGroups})` : ''),
    String(r.singletons),
    r.clusterMs.toFixed(1),
    r.mergeMs.toFixed(1),
    r.geosMs === null ? '—' : r.geosMs.toFixed(1),
    r.ratioToGeos === null ? '—' : r.ratioToGeos.toFixed(2),
    r.turfUnionMs === null ? '—' : r.turfUnionMs.toFixed(1),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((v, i) => v.padStart(widths[i])).join('  ');
  return [line(head), ...cells.map(line)].join('\n');
}
