// Where the merge spends its time: mergeAdjacent run with `phaseMs`, phases averaged over the runs (after one
// untimed run). Used by scripts/bench-merge-former.mjs --phases; timings live here, never in tests.
//   const { mergePhases, formatPhases } = await vite.ssrLoadModule('/bench/merge-phases.ts');
//   console.log(formatPhases(mergePhases(compounds, { toleranceM: 15 }, 9)));
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { mergeAdjacent, type MergeOptions, type MergePhase } from '../src/lib/geo/merge-zones';

/** In the order the merge runs them, with what each covers. */
export const MERGE_PHASES: { phase: MergePhase; what: string }[] = [
  { phase: 'clustering', what: 'adjacency groups (index, exact distances, union-find)' },
  { phase: 'paths', what: "each group's frame, member rings to integer paths, vertex table" },
  { phase: 'closing', what: 'grow + shrink (mitre) and snapping corners back onto members' },
  { phase: 'containment', what: 'which members the closing cut into' },
  { phase: 'add_back', what: 'union of the closing with the members it cut' },
  { phase: 'union', what: 'plain union (singletons, tolerance 0)' },
  { phase: 'normalise', what: 'normalizePolygons: touching rings, slits, near-touches (the validity sweep)' },
  { phase: 'rounding', what: 'to lon/lat (member vertices exact), area; re-checks after a repair' },
];

export interface MergePhaseTimes {
  runs: number;
  /** Mean wall time of mergeAdjacent per run, ms (timing included). */
  totalMs: number;
  /** Mean ms per run for each phase. */
  phaseMs: Record<MergePhase, number>;
}

/**
 * Time each phase of mergeAdjacent on `fc` (mean of `runs` runs after one untimed run).
 * @example mergePhases(syntheticCity({ compounds: 7701 }).compounds, { toleranceM: 15 }, 9).phaseMs.closing // ≈ 45
 */
export function mergePhases(
  fc: FeatureCollection<Polygon | MultiPolygon | null>,
  opts: MergeOptions = {},
  runs = 5,
): MergePhaseTimes {
  mergeAdjacent(fc, { ...opts, phaseMs: {} });
  const acc: Partial<Record<MergePhase, number>> = {};
  let total = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    mergeAdjacent(fc, { ...opts, phaseMs: acc });
    total += performance.now() - t0;
  }
  const phaseMs = {} as Record<MergePhase, number>;
  for (const { phase } of MERGE_PHASES) phaseMs[phase] = (acc[phase] ?? 0) / runs;
  return { runs, totalMs: total / runs, phaseMs };
}

/** The phases as a text table (ms per run and share of the total). */
export function formatPhases(t: MergePhaseTimes): string {
  const lines = [`  phase         ms/run   share  (mean of ${t.runs} runs, total ${t.totalMs.toFixed(1)} ms)`];
  let sum = 0;
  for (const { phase, what } of MERGE_PHASES) {
    const ms = t.phaseMs[phase];
    sum += ms;
    lines.push(`  ${phase.padEnd(12)} ${ms.toFixed(1).padStart(7)}  ${((100 * ms) / t.totalMs).toFixed(0).padStart(4)} %  ${what}`);
  }
  lines.push(`  ${'other'.padEnd(12)} ${(t.totalMs - sum).toFixed(1).padStart(7)}  ${((100 * (t.totalMs - sum)) / t.totalMs).toFixed(0).padStart(4)} %  features, stats, progress`);
  return lines.join('\n');
}
