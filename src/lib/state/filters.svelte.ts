// What the planner filters the compounds by. One matches() for lists and one MapLibre expression for the map,
// built from the same fields so the two never disagree.
import type { ExpressionSpecification } from 'maplibre-gl';
import type { Stage } from '../types';
import type { CompoundRecord } from '../data/records';

export class Filters {
  stages = $state<Stage[]>([]); // empty = every stage
  township = $state(''); // township record id
  builtFrom = $state<number | null>(null);
  builtTo = $state<number | null>(null);
  planYear = $state<string>(''); // '' all, 'none' not planned, or '2021'…
  query = $state('');
  item = $state(''); // renovation item key (#5), e.g. 'elevator'
  itemCompounds = $state.raw<string[]>([]); // ids of the compounds that have `item` (loaded by the filter panel)

  active = $derived(
    this.stages.length > 0 || !!this.township || this.builtFrom != null || this.builtTo != null || !!this.planYear || !!this.query.trim()
      || !!this.item,
  );

  clear() {
    this.stages = [];
    this.township = '';
    this.builtFrom = null;
    this.builtTo = null;
    this.planYear = '';
    this.query = '';
    this.item = '';
    this.itemCompounds = [];
  }

  toggleStage(stage: Stage) {
    this.stages = this.stages.includes(stage) ? this.stages.filter((s) => s !== stage) : [...this.stages, stage];
  }

  matches(c: CompoundRecord): boolean {
    if (this.stages.length && !this.stages.includes(c.stage)) return false;
    if (this.township && c.township !== this.township) return false;
    if (this.builtFrom != null && c.built_year < this.builtFrom) return false;
    if (this.builtTo != null && c.built_year > this.builtTo) return false;
    if (this.planYear === 'none' && c.plan_year) return false;
    if (this.planYear && this.planYear !== 'none' && c.plan_year !== Number(this.planYear)) return false;
    const q = this.query.trim().toLowerCase();
    if (q && !c.name.toLowerCase().includes(q) && !c.code.toLowerCase().includes(q)) return false;
    if (this.item && !this.itemCompounds.includes(c.id)) return false;
    return true;
  }

  /** The same test as matches(), as a MapLibre filter over the compound features' properties. */
  toExpression(): ExpressionSpecification {
    const all: ExpressionSpecification[] = [];
    if (this.stages.length) all.push(['in', ['get', 'stage'], ['literal', [...this.stages]]]);
    if (this.township) all.push(['==', ['get', 'township'], this.township]);
    if (this.builtFrom != null) all.push(['>=', ['get', 'built_year'], this.builtFrom]);
    if (this.builtTo != null) all.push(['<=', ['get', 'built_year'], this.builtTo]);
    if (this.planYear === 'none') all.push(['!', ['to-boolean', ['get', 'plan_year']]]);
    else if (this.planYear) all.push(['==', ['get', 'plan_year'], Number(this.planYear)]);
    const q = this.query.trim().toLowerCase();
    if (q) {
      all.push(['any',
        ['in', q, ['downcase', ['get', 'name']]],
        ['in', q, ['downcase', ['get', 'code']]]]);
    }
    if (this.item) all.push(['in', ['get', 'id'], ['literal', [...this.itemCompounds]]]);
    return ['all', true, ...all];
  }
}

/** The map's filters, shared by every view (the ledger and exports use "the current filter"). */
export const filters = new Filters();
