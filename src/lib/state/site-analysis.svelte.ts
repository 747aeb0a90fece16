// The inputs of the siting analyses (compounds with households, township and zone; existing and planned facilities;
// roads; idle buildings), built once per data change as plain GeoJSON the geo functions treat as immutable, and the
// life-circle coverage of the facility type the sites tab looks at.
import { buffer } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { ContextRecord } from '../data/records';
import { coverage, summarizeCoverage, type CompoundFC, type CoverageResult, type FacilityFC } from '../geo/coverage';
import { EMPTY } from '../map/layers';
import type { PlannerState } from './planner.svelte';
import type { Programme } from './programme.svelte';
import type { Sites } from './sites.svelte';
import type { Zones } from './zones.svelte';

/** The radius the sites tab accepts, metres. */
export const RADIUS_RANGE_M = { min: 10, max: 5000 } as const;

export class SiteAnalysis {
  compounds: CompoundFC;
  existingFacilities: Feature<Point | Polygon | MultiPolygon>[];
  plannedFacilities: Feature<Point | Polygon | MultiPolygon>[];
  /** Existing facilities (context) and planned ones (facility_sites): both count in coverage. */
  facilities: FacilityFC;
  roads: FeatureCollection<LineString | MultiLineString>;
  idleBuildings: FeatureCollection<Polygon | MultiPolygon>;
  radiusValid: boolean;
  /** Coverage of the chosen type (fast: an index search per compound, so it follows every change). */
  coverage: CoverageResult | null;
  byType: CoverageResult['byType'][string] | null;
  facilitiesOfType: Feature<Point | Polygon | MultiPolygon>[];
  /** The facility type and radius of the sites tab (null outside it). */
  target: { type: string; radiusM: number } | null;

  constructor(programme: Programme, zones: Zones, sites: Sites, planner: PlannerState) {
    const zoneOf = $derived.by(() => {
      const m = new Map<string, string>();
      for (const z of zones.active) for (const id of z.members) if (!m.has(id)) m.set(id, z.name);
      return m;
    });
    const ofKind = (kind: ContextRecord['kind']) => programme.context.filter((r) => r.kind === kind);

    this.compounds = $derived<CompoundFC>({
      type: 'FeatureCollection',
      features: programme.compounds.map((c) => ({
        type: 'Feature', geometry: c.geometry,
        properties: { id: c.id, households: c.households, township: programme.townshipName.get(c.township) ?? '', zone: zoneOf.get(c.id) ?? '' },
      })),
    });
    this.existingFacilities = $derived(ofKind('facility').map((r) => ({
      type: 'Feature' as const, geometry: r.geometry as Point | Polygon | MultiPolygon,
      properties: { id: r.id, type: r.subtype, name: r.name, planned: 0 },
    })));
    this.plannedFacilities = $derived(sites.all.map((s) => ({
      type: 'Feature' as const, geometry: s.geometry, properties: { id: s.id, type: s.facility_type, name: s.name, planned: 1 },
    })));
    this.facilities = $derived<FacilityFC>({ type: 'FeatureCollection', features: [...this.existingFacilities, ...this.plannedFacilities] });
    this.roads = $derived({
      type: 'FeatureCollection',
      features: ofKind('road').map((r) => ({
        type: 'Feature' as const, geometry: r.geometry as LineString, properties: { id: r.id, width_m: r.width_m },
      })),
    });
    this.idleBuildings = $derived({
      type: 'FeatureCollection',
      features: ofKind('idle_building').filter((r) => r.geometry.type === 'Polygon' || r.geometry.type === 'MultiPolygon').map((r) => ({
        type: 'Feature' as const, geometry: r.geometry as Polygon, properties: { id: r.id, subtype: r.subtype, name: r.name },
      })),
    });
    this.target = $derived(planner.mode.kind === 'site-finder' ? { type: planner.mode.facilityType, radiusM: planner.mode.radiusM } : null);
    this.radiusValid = $derived(!!this.target && typeof this.target.radiusM === 'number' && Number.isFinite(this.target.radiusM)
      && this.target.radiusM >= RADIUS_RANGE_M.min && this.target.radiusM <= RADIUS_RANGE_M.max);
    this.coverage = $derived(this.target && this.radiusValid && this.compounds.features.length
      ? coverage(this.compounds, this.facilities, { types: [this.target.type], radiusM: { [this.target.type]: this.target.radiusM } })
      : null);
    this.byType = $derived(this.coverage && this.target ? this.coverage.byType[this.target.type] ?? null : null);
    this.facilitiesOfType = $derived(this.target ? this.facilities.features.filter((f) => f.properties?.type === this.target!.type) : []);
  }

  summary(groupBy: 'township' | 'zone') {
    return this.coverage ? summarizeCoverage(this.coverage, this.compounds, groupBy) : [];
  }

  /** The coverage layer's data: each compound covered or not, and each facility's radius as a halo. */
  coverageMap = $derived.by<{ compounds: FeatureCollection; radius: FeatureCollection }>(() => {
    const cov = this.coverage;
    const target = this.target;
    if (!cov || !target) return { compounds: EMPTY, radius: EMPTY };
    const per = cov.perCompound;
    return {
      compounds: {
        type: 'FeatureCollection',
        features: this.compounds.features.map((f) => ({
          type: 'Feature', geometry: f.geometry, properties: { id: f.properties!.id, covered: !!per[String(f.properties!.id)]?.[target.type]?.covered },
        })),
      },
      radius: {
        type: 'FeatureCollection',
        features: this.facilitiesOfType.flatMap((f) => {
          const b = buffer(f as Feature<Polygon>, target.radiusM, { units: 'meters', steps: 16 });
          return b ? [{ ...b, properties: { planned: (f.properties as { planned?: number })?.planned ?? 0 } }] : [];
        }),
      },
    };
  });
}
