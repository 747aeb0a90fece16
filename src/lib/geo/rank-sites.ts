// Ranking candidate sites by the households they would newly bring within walking radius of a
// facility type, and a greedy pick of k sites (maximum coverage, each pick counting only households
// that earlier picks and existing facilities leave uncovered). Distances as in coverage.ts.
import Flatbush from 'flatbush';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { frameFor } from './local-metric';
import { collectionsBBox } from './bbox';
import { compoundId, coverage, type CompoundFC, type FacilityFC } from './coverage';
import { FACILITY_CATALOGUE, facilityTypeOf, type FacilityCatalogue } from './facility-catalogue';
import { boxGapM, planarShape, shapeDistanceM, type PlanarShape } from './planar-shape';
import { GeoError } from './reasons';

export type CandidateFC = FeatureCollection<
  Polygon | MultiPolygon | Point,
  { kind?: string; area_m2?: number; usable_width_m?: number; source_id?: string; [k: string]: unknown } | null
>;

export interface RankOptions {
  /** Walking radius in metres; default the catalogue's radius_m for the type. */
  radiusM?: number;
  /** Compound id property; default 'id'. */
  idProperty?: string;
}

export interface RankedCandidate {
  /** Index in candidates.features. */
  index: number;
  kind: string;
  area_m2: number | null;
  usable_width_m: number | null;
  source_id?: string;
  /** Households in compounds within the radius that no existing facility of the type covers. */
  newlyCoveredHouseholds: number;
  newlyCovered: string[];
  /** Every compound within the radius, covered already or not. */
  reached: string[];
  /** Meets the type's min_area_m2 and min_width_m (true when the candidate carries no figures). */
  fits: boolean;
}

interface Prepared {
  ids: string[];
  households: number[];
  /** per candidate: indexes of compounds within the radius */
  reach: number[][];
  /** per compound: covered by an existing facility */
  coveredBefore: boolean[];
  radius: number;
}

function prepare(
  candidates: CandidateFC,
  compounds: CompoundFC,
  existing: FacilityFC,
  type: string,
  catalogue: FacilityCatalogue,
  opts: RankOptions,
): Prepared {
  const radius = opts.radiusM ?? catalogue.types.find((t) => t.key === type)?.radius_m;
  if (radius === undefined || !(radius >= 0 && radius <= 5000)) {
    throw new GeoError(radius === undefined ? 'unknown_facility_type' : 'option_out_of_range', { type, option: 'radius', min: 0, max: 5000, value: String(radius) });
  }
  const idProperty = opts.idProperty ?? 'id';
  const ids = compounds.features.map((f, i) => compoundId(f, i, idProperty));
  const households = compounds.features.map((f) => Number(f.properties?.households ?? 0) || 0);
  const ofType: FacilityFC = { type: 'FeatureCollection', features: existing.features.filter((f) => facilityTypeOf(f) === type) };
  const before = coverage(compounds, ofType, { types: [type], radiusM: { [type]: radius }, idProperty, catalogue });
  const coveredBefore = ids.map((id) => before.perCompound[id]?.[type]?.covered ?? false);

  const reach: number[][] = candidates.features.map(() => []);
  if (compounds.features.length && candidates.features.length) {
    const frame = frameFor(collectionsBBox(compounds, candidates as FeatureCollection));
    const cs = compounds.features.map((f) => planarShape(f.geometry, frame));
    const valid = cs.flatMap((s, i) => (s ? [i] : []));
    if (valid.length === 0) return { ids, households, reach, coveredBefore, radius };
    const idx = new Flatbush(valid.length);
    for (const i of valid) idx.add(cs[i]!.minX, cs[i]!.minY, cs[i]!.maxX, cs[i]!.maxY);
    idx.finish();
    candidates.features.forEach((f, k) => {
      const s: PlanarShape | null = planarShape(f.geometry, frame);
      if (!s) return;
      for (const item of idx.search(s.minX - radius, s.minY - radius, s.maxX + radius, s.maxY + radius)) {
        const c = valid[item];
        const compound = cs[c]!;
        if (boxGapM(compound, s) <= radius && shapeDistanceM(compound, s) <= radius) reach[k].push(c);
      }
      reach[k].sort((a, b) => a - b);
    });
  }
  return { ids, households, reach, coveredBefore, radius };
}

/**
 * Ranks candidate sites for one facility type by the households they would newly cover: those in
 * compounds within the type's radius (metres) that no existing facility of the type covers yet.
 * Sorted by newlyCoveredHouseholds (desc), then fitting sites first, then area (desc), then index.
 *
 * @param candidates findIdleLand's candidates (or any points/polygons)
 * @param existingFacilities facilities with properties.type; only those of `type` count
 * @param type catalogue key, e.g. 'elderly_station'
 * @example
 * rankCandidates(idle.candidates, compounds, facilities, 'elderly_station')[0];
 * // { index: 3, kind: 'idle_land', newlyCoveredHouseholds: 412, newlyCovered: ['FY-007', …], fits: true, … }
 */
export function rankCandidates(
  candidates: CandidateFC,
  compounds: CompoundFC,
  existingFacilities: FacilityFC,
  type: string,
  catalogue: FacilityCatalogue = FACILITY_CATALOGUE,
  opts: RankOptions = {},
): RankedCandidate[] {
  const p = prepare(candidates, compounds, existingFacilities, type, catalogue, opts);
  const ft = catalogue.types.find((t) => t.key === type);
  const rows = candidates.features.map((f, index): RankedCandidate => {
    const props = f.properties ?? {};
    const area = typeof props.area_m2 === 'number' ? props.area_m2 : null;
    const width = typeof props.usable_width_m === 'number' ? props.usable_width_m : null;
    const newly = p.reach[index].filter((c) => !p.coveredBefore[c]);
    const row: RankedCandidate = {
      index,
      kind: String(props.kind ?? 'site'),
      area_m2: area,
      usable_width_m: width,
      newlyCoveredHouseholds: newly.reduce((s, c) => s + p.households[c], 0),
      newlyCovered: newly.map((c) => p.ids[c]),
      reached: p.reach[index].map((c) => p.ids[c]),
      fits: !ft || ((area === null || area >= ft.min_area_m2) && (width === null || width >= ft.min_width_m)),
    };
    if (props.source_id !== undefined) row.source_id = String(props.source_id);
    return row;
  });
  rows.sort(
    (a, b) =>
      b.newlyCoveredHouseholds - a.newlyCoveredHouseholds ||
      Number(b.fits) - Number(a.fits) ||
      (b.area_m2 ?? 0) - (a.area_m2 ?? 0) ||
      a.index - b.index,
  );
  return rows;
}

export interface GreedyPick {
  /** Index in candidates.features. */
  index: number;
  /** Households this pick adds beyond existing facilities and earlier picks. */
  gainHouseholds: number;
  newlyCovered: string[];
  /** Households covered after this pick (existing + all picks so far). */
  cumulativeCoveredHouseholds: number;
}

export interface GreedyOptions extends RankOptions {
  catalogue?: FacilityCatalogue;
  /** Only consider candidates that meet the type's min area and width. Default false. */
  onlyFitting?: boolean;
}

/**
 * Greedy maximum-coverage choice of up to k sites for one facility type: each step takes the
 * candidate adding the most households not yet covered (by existing facilities or earlier picks);
 * ties go to the lower index. Stops early when no candidate adds anyone.
 *
 * @param k number of sites to pick (≥ 0)
 * @example
 * greedySites(idle.candidates, compounds, facilities, 'elderly_station', 3);
 * // [{ index: 3, gainHouseholds: 412, … }, { index: 0, gainHouseholds: 150, … }]
 */
export function greedySites(
  candidates: CandidateFC,
  compounds: CompoundFC,
  existing: FacilityFC,
  type: string,
  k: number,
  opts: GreedyOptions = {},
): GreedyPick[] {
  if (!Number.isInteger(k) || k < 0) throw new GeoError('option_out_of_range', { option: 'k', min: 0, max: '∞', value: String(k) });
  const catalogue = opts.catalogue ?? FACILITY_CATALOGUE;
  const p = prepare(candidates, compounds, existing, type, catalogue, opts);
  let allowed = candidates.features.map(() => true);
  if (opts.onlyFitting) {
    const fitting = new Set(rankCandidates(candidates, compounds, existing, type, catalogue, opts).filter((r) => r.fits).map((r) => r.index));
    allowed = allowed.map((_, i) => fitting.has(i));
  }
  const covered = p.coveredBefore.slice();
  let total = covered.reduce((s, c, i) => s + (c ? p.households[i] : 0), 0);
  const picks: GreedyPick[] = [];
  const used = new Set<number>();
  for (let step = 0; step < k; step++) {
    let best = -1;
    let bestGain = 0;
    for (let i = 0; i < p.reach.length; i++) {
      if (used.has(i) || !allowed[i]) continue;
      let gain = 0;
      for (const c of p.reach[i]) if (!covered[c]) gain += p.households[c];
      if (gain > bestGain) {
        bestGain = gain;
        best = i;
      }
    }
    if (best < 0) break;
    used.add(best);
    const newly: string[] = [];
    for (const c of p.reach[best]) {
      if (!covered[c]) {
        covered[c] = true;
        newly.push(p.ids[c]);
      }
    }
    total += bestGain;
    picks.push({ index: best, gainHouseholds: bestGain, newlyCovered: newly, cumulativeCoveredHouseholds: total });
  }
  return picks;
}
