// What the planner filters the compounds by. One matches() for lists and one MapLibre expression for the map,
// built from the same fields so the two never disagree.
import type { ExpressionSpecification } from 'maplibre-gl';
import type { Stage } from '../types';
import type { CompoundRecord } from '../data/records';
import { matchesQuery, searchText } from '../programme/search';

/** Each compound's search text, made once per record (records are replaced, never changed, when they change). */
const texts = new WeakMap<CompoundRecord, { names: ReadonlyMap<string, string>; text: string }>();

export class Filters {
  stages = $state<Stage[]>([]); // empty = every stage
  township = $state(''); // township record id
  builtFrom = $state<number | null>(null);
  builtTo = $state<number | null>(null);
  planYear = $state<string>(''); // '' all, 'none' not planned, or '2021'…
  query = $state('');
  item = $state(''); // renovation item key (#5), e.g. 'elevator'
  itemCompounds = $state.raw<string[]>([]); // ids of the compounds that have `item` (loaded by the filter panel)
  /** Township and community names by record id, so the search finds compounds by them (set when divisions load). */
  divisionNames = $state.raw<ReadonlyMap<string, string>>(new Map());

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
    if (this.query.trim() && !this.matchesQuery(c)) return false;
    if (this.item && !this.itemCompounds.includes(c.id)) return false;
    return true;
  }

  /** The search alone: name, code, address, community, township, pinyin initials (lib/programme/search.ts). */
  matchesQuery(c: CompoundRecord): boolean {
    const names = this.divisionNames;
    let entry = texts.get(c);
    if (!entry || entry.names !== names) {
      entry = { names, text: searchText({ ...c, community: names.get(c.community), township: names.get(c.township) }) };
      texts.set(c, entry);
    }
    return matchesQuery(entry.text, this.query);
  }

  /**
   * The same test as matches(), as a MapLibre filter over the compound features' properties. The search is matched
   * here, against `compounds` (the map's features), and given to the map as the ids it found; without `compounds` it
   * falls back to name and code.
   */
  toExpression(compounds?: readonly CompoundRecord[]): ExpressionSpecification {
    const all: ExpressionSpecification[] = [];
    if (this.stages.length) all.push(['in', ['get', 'stage'], ['literal', [...this.stages]]]);
    if (this.township) all.push(['==', ['get', 'township'], this.township]);
    if (this.builtFrom != null) all.push(['>=', ['get', 'built_year'], this.builtFrom]);
    if (this.builtTo != null) all.push(['<=', ['get', 'built_year'], this.builtTo]);
    if (this.planYear === 'none') all.push(['!', ['to-boolean', ['get', 'plan_year']]]);
    else if (this.planYear) all.push(['==', ['get', 'plan_year'], Number(this.planYear)]);
    const q = this.query.trim().toLowerCase();
    if (q && compounds) {
      const ids = compounds.filter((c) => this.matchesQuery(c)).map((c) => c.id);
      all.push(ids.length ? ['match', ['get', 'id'], ids, true, false] : ['boolean', false]);
    } else if (q) {
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
