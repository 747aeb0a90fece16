// What the planner map's panels share, in one context instead of long prop lists: the programme's data, the mode,
// design zones and facility sites (live), buildings, who may edit, and the siting analyses' inputs.
import type { FeatureCollection } from 'geojson';
import { getContext, setContext } from 'svelte';
import { EMPTY } from '../map/layers';
import { PlannerState } from './planner.svelte';
import { Programme } from './programme.svelte';
import { session } from './session.svelte';
import { SiteAnalysis } from './site-analysis.svelte';
import { Sites } from './sites.svelte';
import { Zones } from './zones.svelte';

const KEY = Symbol('planner');

export class PlannerContext {
  readonly programme = new Programme();
  readonly planner = new PlannerState();
  readonly zones = new Zones();
  /** Facility sites: loaded while the sites tab is open. */
  readonly sites = new Sites();
  readonly siteAnalysis = new SiteAnalysis(this.programme, this.zones, this.sites, this.planner);
  /** Every building (for idle land and the map), loaded once. */
  buildings = $state.raw<FeatureCollection>(EMPTY);
  /** The office and planners draw, merge and site; other staff read. */
  canEdit = $derived(session.can('office', 'planner'));
}

export function providePlanner(ctx = new PlannerContext()): PlannerContext {
  setContext(KEY, ctx);
  return ctx;
}

export function usePlanner(): PlannerContext {
  return getContext<PlannerContext>(KEY);
}
