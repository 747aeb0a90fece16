// What the planner map is doing, as one value: the mode. Each side tab is a mode (browse, select, zones, site-finder);
// within the zones tab a previewed merge, drawing a new zone and editing a saved zone's outline are modes of their own
// (then map clicks belong to the drawing tool). Every change goes through a method here, and what the map's planning
// layers show (merge preview, finder candidates, zone focus, box and lasso) is derived from the mode.
import type { FeatureCollection } from 'geojson';
import type { CompoundRecord, ZoneRecord } from '../data/records';
import type { IdleLandResult } from '../geo/idle-land';
import type { ZoneCollection } from '../geo/merge-zones';
import { GROUP_COLORS } from '../map/palette';
import { EMPTY } from '../map/layers';
import type { SelectTool } from '../modes/select-gesture';

export type PlannerTab = 'layers' | 'selection' | 'zones' | 'sites';

/** What the idle-land finder found, and for what: the zone searched (if any), a label and the facility type. */
export interface FinderFound {
  result: IdleLandResult;
  zone: string;
  label: string;
  type: string;
}

/** The default facility type of the sites tab and its life-circle radius (GB 50180: 5 minutes ≈ 300 m). */
export const DEFAULT_FACILITY = { type: 'elderly_station', radiusM: 300 } as const;

/** The modes by kind, each with its own data. */
export type PlannerModeKind =
  | { kind: 'browse' }
  | { kind: 'select'; tool: SelectTool }
  | { kind: 'zones' }
  | { kind: 'merge-preview'; result: ZoneCollection; accepted: ReadonlySet<number> }
  | { kind: 'draw' }
  | { kind: 'edit-zone'; zone: ZoneRecord }
  /** Editing a compound's outline from its panel (vertex edit with the zones' snapping). */
  | { kind: 'edit-compound'; compound: CompoundRecord }
  | {
    kind: 'site-finder';
    /** The facility type looked at, and its walking radius in metres (as typed: validated by the panel). */
    facilityType: string;
    radiusM: number;
    found: FinderFound | null;
    /** Indices of candidates already placed as sites (no longer offered). */
    placed: ReadonlySet<number>;
    /** Index of the candidate in focus. */
    focus: number | null;
  };

export type PlannerMode = PlannerModeKind & {
  /** The design zone outlined on the map (located in the list, or searched by the finder); kept across modes. */
  focusZone: string | null;
};

type Kind = PlannerMode['kind'];
type ModeOf<K extends Kind> = Extract<PlannerMode, { kind: K }>;

const TAB_OF: Record<Kind, PlannerTab> = {
  browse: 'layers', select: 'selection', zones: 'zones', 'merge-preview': 'zones', draw: 'zones', 'edit-zone': 'zones', 'edit-compound': 'layers', 'site-finder': 'sites',
};

export class PlannerState {
  mode = $state.raw<PlannerMode>({ kind: 'browse', focusZone: null });
  /** The tool the selection tab comes back with. */
  #lastTool: SelectTool = 'click';

  tab = $derived(TAB_OF[this.mode.kind]);
  /** Drawing or editing a zone outline: map clicks belong to the drawing tool, not to selection. */
  drawing = $derived(this.mode.kind === 'draw' || this.mode.kind === 'edit-zone' || this.mode.kind === 'edit-compound');
  /** The saved zone whose outline is being edited. */
  editing = $derived(this.mode.kind === 'edit-zone' ? this.mode.zone : null);
  /** The compound whose outline is being edited. */
  editingCompound = $derived(this.mode.kind === 'edit-compound' ? this.mode.compound : null);
  /** How a drag on the map selects: box or lasso in the selection tab; elsewhere a click (and a drag pans). */
  tool = $derived<SelectTool>(this.mode.kind === 'select' ? this.mode.tool : 'click');
  focusZone = $derived(this.mode.focusZone);

  /** The merge groups on the map, each in its colour, dimmed when not accepted (singletons left out). */
  mergePreview = $derived.by<FeatureCollection>(() => {
    if (this.mode.kind !== 'merge-preview') return EMPTY;
    const { result, accepted } = this.mode;
    let n = 0;
    const features: FeatureCollection['features'] = [];
    result.features.forEach((f, i) => {
      if (f.properties.singleton) return;
      features.push({
        type: 'Feature', geometry: f.geometry,
        properties: { key: `merge-${i}`, color: GROUP_COLORS[n++ % GROUP_COLORS.length], accepted: accepted.has(i) },
      });
    });
    return { type: 'FeatureCollection', features };
  });

  /** The finder's candidates not yet placed, keyed `c<index>` for the focus state. */
  candidates = $derived.by<FeatureCollection>(() => {
    if (this.mode.kind !== 'site-finder' || !this.mode.found) return EMPTY;
    const { placed } = this.mode;
    const features = this.mode.found.result.candidates.features
      .map((f, i) => ({ ...f, properties: { ...f.properties, key: `c${i}` } }))
      .filter((_, i) => !placed.has(i));
    return { type: 'FeatureCollection', features } as FeatureCollection;
  });
  candidateFocus = $derived(this.mode.kind === 'site-finder' && this.mode.focus !== null ? `c${this.mode.focus}` : null);

  /** The mode if it is of this kind, else null (for panels reading their mode's data). */
  as<K extends Kind>(kind: K): ModeOf<K> | null {
    return this.mode.kind === kind ? (this.mode as ModeOf<K>) : null;
  }

  #set(next: PlannerModeKind) {
    this.mode = { ...next, focusZone: this.mode.focusZone };
  }

  /** Opens a side tab (leaving a drawing, a preview or the finder's results behind). */
  openTab(tab: PlannerTab) {
    if (tab === this.tab) return;
    if (tab === 'layers') this.#set({ kind: 'browse' });
    else if (tab === 'selection') this.#set({ kind: 'select', tool: this.#lastTool });
    else if (tab === 'zones') this.#set({ kind: 'zones' });
    else this.#set({ kind: 'site-finder', facilityType: DEFAULT_FACILITY.type, radiusM: DEFAULT_FACILITY.radiusM, found: null, placed: new Set(), focus: null });
  }

  setTool(tool: SelectTool) {
    if (this.mode.kind !== 'select') return;
    this.#lastTool = tool;
    this.#set({ kind: 'select', tool });
  }

  /** Outlines one design zone on the map (or none). */
  focusOnZone(id: string | null) {
    if (this.mode.focusZone !== id) this.mode = { ...this.mode, focusZone: id };
  }

  /** Shows a merge's groups on the map; the groups of two or more compounds start accepted. */
  previewMerge(result: ZoneCollection) {
    const accepted = new Set(result.features.flatMap((f, i) => (f.properties.singleton ? [] : [i])));
    this.#set({ kind: 'merge-preview', result, accepted });
  }

  acceptGroup(index: number, on: boolean) {
    if (this.mode.kind !== 'merge-preview') return;
    const accepted = new Set(this.mode.accepted);
    if (on) accepted.add(index);
    else accepted.delete(index);
    this.#set({ ...this.mode, accepted });
  }

  /** Back to the zones list (a preview saved or dropped, a drawing saved or cancelled). */
  backToZones() {
    if (this.tab === 'zones' && this.mode.kind !== 'zones') this.#set({ kind: 'zones' });
  }

  startDrawing() {
    this.#set({ kind: 'draw' });
  }

  /** Edits a saved zone's outline (a zone that is gone after a reload: a new drawing instead). */
  editZone(zone: ZoneRecord | null) {
    this.#set(zone ? { kind: 'edit-zone', zone } : { kind: 'draw' });
  }

  stopDrawing() {
    if (this.drawing) this.#set(this.mode.kind === 'edit-compound' ? { kind: 'browse' } : { kind: 'zones' });
  }

  /** Edits a compound's outline (from the compound panel). */
  editCompound(compound: CompoundRecord) {
    this.#set({ kind: 'edit-compound', compound });
  }

  /** The facility type the sites tab looks at, with its radius. */
  chooseFacility(type: string, radiusM: number) {
    if (this.mode.kind !== 'site-finder') return;
    this.#set({ ...this.mode, facilityType: type, radiusM });
  }

  setRadius(radiusM: number) {
    if (this.mode.kind === 'site-finder') this.#set({ ...this.mode, radiusM });
  }

  /** The finder's results (replacing earlier ones, nothing placed yet, none in focus). */
  showCandidates(found: FinderFound | null) {
    if (this.mode.kind === 'site-finder') this.#set({ ...this.mode, found, placed: new Set(), focus: null });
  }

  focusCandidate(index: number | null) {
    if (this.mode.kind === 'site-finder') this.#set({ ...this.mode, focus: index });
  }

  /** A candidate became a site: it leaves the table and the map. */
  markPlaced(index: number) {
    if (this.mode.kind !== 'site-finder') return;
    this.#set({ ...this.mode, placed: new Set([...this.mode.placed, index]), focus: null });
  }
}
