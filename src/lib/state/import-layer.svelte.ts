// One uploaded layer in the import wizard: the user's choices (target, CRS, DXF layers, repairs, column mapping) and
// what follows from them (WGS84 features, validation before and after repairs), recomputed when a choice changes.
import type { Feature, Geometry, GeoJsonProperties, MultiPolygon, Polygon } from 'geojson';
import { detectDatum, LONLAT_DATUMS, type DatumEvidence, type KnownCompound } from '../import/datum';
import { rememberedMapping } from '../import/mapping-memory';
import { getCrs, listCrs, type Crs } from '../geo/crs';
import {
  BUILDING_FIELDS, COMPOUND_FIELDS, repairFeature, suggestMapping, toWgs84, validateFeatures,
  type FeatureReport, type ParsedLayer, type Repair,
} from '../import';
import { BOUNDARY_FIELDS, suggestBoundaryMapping } from '../import/plan-boundaries';

export type ImportTarget = 'compound' | 'building' | 'boundary' | 'skip';
export const EXTRA_COMPOUND_FIELDS = ['stage', 'plan_year'] as const;
export const ALL_REPAIRS: Repair[] = ['close_ring', 'drop_duplicates', 'rewind'];

type F = Feature<Geometry | null, GeoJsonProperties>;

function extraSuggestions(columns: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const find = (words: string[]) => columns.find((c) => words.includes(c.trim().toLowerCase()));
  const stage = find(['stage', '改造阶段', '阶段', '进度']);
  if (stage) out.stage = stage;
  const year = find(['plan_year', '计划年度', '改造年度', '年度']);
  if (year) out.plan_year = year;
  return out;
}

export class ImportLayer {
  readonly parsed: ParsedLayer;
  readonly key: string;
  target = $state<ImportTarget>('compound');
  crsId = $state('');
  swapXY = $state(false);
  dxfChosen = $state<string[]>([]);
  repairs = $state<Repair[]>([...ALL_REPAIRS]);
  mapping = $state<Record<string, string>>({});
  /** Names for new compounds when no name column is mapped (CAD outlines carry none): prefix + row number. */
  namePrefix = $state('');
  /** What the datum of lon/lat numbers is compared with: the register's compounds and the county outline. */
  known = $state.raw<{ compounds: readonly KnownCompound[]; county: Polygon | MultiPolygon | null }>({ compounds: [], county: null });
  /** The datum the user chose explicitly ('' = none yet). */
  datumChosen = $state('');
  /** The mapping came from the last import of a source with the same columns. */
  mappingRemembered = $state(false);

  /** @param dxfPreset the DXF layers this wizard layer starts with (a DXF with several layers is split, one per layer) */
  constructor(parsed: ParsedLayer, key: string, dxfPreset?: string[]) {
    this.parsed = parsed;
    this.key = key;
    this.crsId = parsed.crs?.id ?? '';
    this.swapXY = parsed.swapXY;
    this.dxfChosen = dxfPreset ?? (parsed.dxfLayers ?? []).filter((l) => l.closed > 0).map((l) => l.name);
    // A DXF layer named like buildings is most likely buildings.
    if (parsed.format === 'dxf' && this.dxfChosen.length === 1 && /build|bld|楼|建筑|房屋/i.test(this.dxfChosen[0])) this.target = 'building';
    this.mapping = { ...suggestMapping(parsed.columns, 'compound'), ...extraSuggestions(parsed.columns) } as Record<string, string>;
    // A file named like division boundaries most likely holds them.
    if (/边界|区划|boundar|district/i.test(parsed.name)) this.setTarget('boundary');
    const remembered = rememberedMapping(parsed.columns, this.target);
    if (remembered) {
      this.mapping = remembered;
      this.mappingRemembered = true;
    }
    if (parsed.errors.length) this.target = 'skip';
  }

  /** The file has coordinates at all (a register sheet may have none: it can only update attributes). */
  get hasGeometry(): boolean {
    return this.parsed.features.some((f) => !!f.geometry);
  }

  /** Lon/lat numbers whose datum no .prj or file states: WGS84, GCJ-02 or BD-09 must be decided by evidence or choice. */
  lonLatUnsure = $derived.by(() => this.parsed.candidates[0]?.reason.code.startsWith('crs_lonlat') === true && this.parsed.crsSource !== 'prj' && this.parsed.crsSource !== 'file');

  /** The evidence on the datum (null when the CRS is not a lon/lat datum question). */
  datum = $derived.by<DatumEvidence | null>(() => {
    // Division boundaries are checked against the divisions by their own step; compounds and buildings here.
    if (!this.lonLatUnsure || !this.hasGeometry || this.target === 'boundary') return null;
    return detectDatum(this.sourceFeatures, { code: this.mapping.code, name: this.mapping.name }, this.known.compounds, this.known.county, this.swapXY);
  });

  /** Nothing decided the datum and the user has not chosen: the dry run waits. */
  needsDatumChoice = $derived(!!this.datum && !this.datum.decided && !this.datumChosen && this.target !== 'skip');

  /** Choose the datum explicitly. */
  chooseDatum(id: string) {
    this.datumChosen = id;
    this.crsId = id;
  }

  /** How the outlines' coordinate system was decided, recorded on the compounds the import places. */
  sourceCrsNote = $derived.by<string>(() => {
    const c = this.crs;
    if (!c || !this.hasGeometry) return '';
    if (this.datumChosen) return `${c.id}(导入时人工确认)`;
    if (this.datum?.decided && this.datum.decided.id === c.id) {
      return this.datum.matched ? `${c.id}(与库中 ${this.datum.matched} 个小区比对判定)` : `${c.id}(按市界判定)`;
    }
    return this.parsed.crsSource === 'prj' ? `${c.id}(.prj 文件)` : `${c.id}`;
  });

  /** Display name: the file, and the DXF layer when the file was split by layer. */
  get title(): string {
    return this.parsed.format === 'dxf' && this.dxfChosen.length === 1 ? `${this.parsed.name} · ${this.dxfChosen[0]}` : this.parsed.name;
  }

  /** Features for planning: repaired, with a generated name when the user gave a prefix and mapped no name column. */
  planFeatures(): { features: F[]; mapping: Record<string, string> } {
    const prefix = this.namePrefix.trim();
    if (this.mapping.name || !prefix) return { features: this.repaired, mapping: this.mapping };
    const features = this.repaired.map((f, i) => ({ ...f, properties: { ...(f.properties ?? {}), __auto_name: `${prefix}${i + 1}` } }));
    return { features, mapping: { ...this.mapping, name: '__auto_name' } };
  }

  setTarget(t: ImportTarget) {
    this.target = t;
    if (t === 'building') this.mapping = suggestMapping(this.parsed.columns, 'building') as Record<string, string>;
    else if (t === 'boundary') this.mapping = suggestBoundaryMapping(this.parsed.columns) as Record<string, string>;
    else if (t === 'compound') this.mapping = { ...suggestMapping(this.parsed.columns, 'compound'), ...extraSuggestions(this.parsed.columns) } as Record<string, string>;
  }

  fields = $derived<readonly string[]>(
    this.target === 'building' ? BUILDING_FIELDS.filter((f) => f !== 'code')
      : this.target === 'boundary' ? BOUNDARY_FIELDS : [...COMPOUND_FIELDS, ...EXTRA_COMPOUND_FIELDS],
  );

  /** CRSs offered: the .prj result and the guesses first, then the standard list. */
  crsOptions = $derived.by(() => {
    const seen = new Set<string>();
    const out: Crs[] = [];
    for (const c of [this.parsed.prj?.crs, this.parsed.crs, ...this.parsed.candidates.map((x) => x.crs), ...listCrs()]) {
      if (c && !seen.has(c.id)) {
        seen.add(c.id);
        out.push(c);
      }
    }
    return out;
  });

  crs = $derived<Crs | null>(this.lonLatUnsure && this.hasGeometry && this.target !== 'boundary'
    ? (LONLAT_DATUMS.find((d) => d.id === this.datumChosen) ?? this.datum?.decided ?? null)
    : this.crsOptions.find((c) => c.id === this.crsId) ?? getCrs(this.crsId) ?? null);

  /** Source features on the chosen DXF layers (all features for other formats). */
  sourceFeatures = $derived.by<F[]>(() => {
    if (this.parsed.format !== 'dxf') return this.parsed.features;
    const keep = new Set(this.dxfChosen);
    return this.parsed.features.filter((f) => keep.has(String(f.properties?.layer ?? '')));
  });

  /** WGS84 features, or the reason they cannot be computed. */
  converted = $derived.by<{ features: F[]; error: string }>(() => {
    // Attributes only: nothing to convert.
    if (!this.hasGeometry) return { features: this.sourceFeatures, error: '' };
    if (!this.crs) return { features: [], error: 'no_crs' };
    try {
      const fc = toWgs84({ ...this.parsed, features: this.sourceFeatures }, this.crs, this.swapXY);
      // A shapefile's bbox is in file units; drop it so nothing reads stale numbers.
      const strip = (f: F): F => {
        if (!f.geometry || !('bbox' in f.geometry)) return f;
        const { bbox: _bbox, ...geometry } = f.geometry;
        return { ...f, geometry: geometry as Geometry };
      };
      return { features: fc.features.map(strip), error: '' };
    } catch (e) {
      return { features: [], error: e instanceof Error ? e.message : String(e) };
    }
  });

  reportsBefore = $derived<FeatureReport[]>(validateFeatures(this.converted.features));
  repaired = $derived<F[]>(this.repairs.length ? this.converted.features.map((f) => repairFeature(f, this.repairs)) : this.converted.features);
  reportsAfter = $derived<FeatureReport[]>(this.repairs.length ? validateFeatures(this.repaired) : this.reportsBefore);
  /** Which repairs would change something in this layer. */
  repairable = $derived.by(() => {
    const codes = new Set(this.reportsBefore.flatMap((r) => [...r.errors, ...r.warnings]).filter((i) => i.repairable).map((i) => i.code));
    return {
      close_ring: codes.has('ring_not_closed'),
      drop_duplicates: codes.has('duplicate_vertices'),
      rewind: codes.has('ring_orientation'),
    } as Record<Repair, boolean>;
  });
  errorCount = $derived(this.reportsAfter.filter((r) => r.errors.length).length);
}
