// The programme's data in the browser: compounds, divisions and context, loaded once and kept live by realtime.
// Large collections are $state.raw and replaced on change, never mutated (the map sources read them as a whole).
import { STAGES, type Stage } from '../types';
import { listCompounds, subscribeCompounds, type CompoundChange } from '../data/compounds';
import { listCommunities, listContext, listTownships } from '../data/divisions';
import type { CommunityRecord, CompoundRecord, ContextRecord, TownshipRecord } from '../data/records';
import { identity, identityIsStaff, onIdentityChange } from '../data/session';
import { filters } from './filters.svelte';
import { Loadable } from './loadable.svelte';

export class Programme extends Loadable {
  compounds = $state.raw<CompoundRecord[]>([]);
  townships = $state.raw<TownshipRecord[]>([]);
  communities = $state.raw<CommunityRecord[]>([]);
  context = $state.raw<ContextRecord[]>([]);
  live = $state(false);
  /** Who the data was read as: staff-only compound fields are in it only for 'staff'. */
  audience = $state<'staff' | 'public'>('public');
  /** When the data was read, or last changed live. */
  dataTime = $state<Date | null>(null);
  // The data depends on who asks (the server leaves staff-only fields out for the public), so it is read again
  // whenever the signed-in identity changes; until then it is not `current` and exports wait.
  #identity = $state(identity());
  #loadedFor = $state<string | null>(null);
  /** The loaded data is what the server gives the identity signed in now. */
  current = $derived(this.loaded && this.#loadedFor === this.#identity);
  #wanted = false;
  #stopIdentity = onIdentityChange((id) => {
    this.#identity = id;
    if (this.#wanted && !this.#disposed) void this.load();
  });

  byId = $derived(new Map(this.compounds.map((c) => [c.id, c])));
  byCode = $derived(new Map(this.compounds.map((c) => [c.code, c])));
  townshipName = $derived(new Map(this.townships.map((t) => [t.id, t.name])));
  communityName = $derived(new Map(this.communities.map((c) => [c.id, c.name])));
  isDemo = $derived(this.compounds.some((c) => c.is_demo));
  /** Townships that have compounds in the programme (the ones filters and scopes offer). */
  activeTownships = $derived.by(() => {
    const used = new Set(this.compounds.map((c) => c.township));
    return this.townships.filter((tw) => used.has(tw.id));
  });
  stageCounts = $derived.by(() => {
    const counts = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
    for (const c of this.compounds) counts[c.stage]++;
    return counts;
  });

  #unsubscribe: (() => Promise<void>) | null = null;

  load() {
    this.#wanted = true;
    const who = identity();
    const staff = identityIsStaff();
    return this.attempt(
      () => Promise.all([listCompounds(), listTownships(), listCommunities(), listContext()]),
      ([compounds, townships, communities, context]) => {
        this.audience = staff ? 'staff' : 'public';
        this.#loadedFor = who;
        this.dataTime = new Date();
        this.compounds = compounds;
        this.townships = townships;
        this.communities = communities;
        this.context = context;
        // The map's search finds compounds by their township's and community's names too.
        filters.divisionNames = new Map([...townships, ...communities].map((d) => [d.id, d.name]));
      },
    );
  }

  #disposed = false;

  async subscribe() {
    if (this.#disposed || this.#unsubscribe) return;
    const unsubscribe = await subscribeCompounds((change) => this.apply(change));
    // The view may have gone while the subscription was being made: end it at once then.
    if (this.#disposed) return void unsubscribe();
    this.#unsubscribe = unsubscribe;
    this.live = true;
  }

  apply({ action, record }: CompoundChange) {
    this.dataTime = new Date();
    if (action === 'delete') this.compounds = this.compounds.filter((c) => c.id !== record.id);
    else if (this.byId.has(record.id)) this.compounds = this.compounds.map((c) => (c.id === record.id ? record : c));
    else this.compounds = [...this.compounds, record];
  }

  async dispose() {
    this.#disposed = true;
    this.#stopIdentity();
    await this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.live = false;
  }
}
