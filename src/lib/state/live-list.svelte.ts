// A collection kept in the browser and live by realtime: loaded whole, then each create/update/delete replaces the
// array (never mutated, so the map and lists that read it update). Zones and facility sites are this.
import { Loadable } from './loadable.svelte';

export type LiveChange<T> = { action: 'create' | 'update' | 'delete'; record: T };
type Subscribe<T> = (onChange: (c: LiveChange<T>) => void) => Promise<() => Promise<void>>;

export class LiveList<T extends { id: string }> extends Loadable {
  all = $state.raw<T[]>([]);
  byId = $derived(new Map(this.all.map((r) => [r.id, r])));
  readonly #list: () => Promise<T[]>;
  readonly #subscribe: Subscribe<T>;
  // One subscription even when load() runs twice at once (e.g. a token refresh while loading).
  #subscribing: Promise<() => Promise<void>> | null = null;

  constructor(list: () => Promise<T[]>, subscribe: Subscribe<T>) {
    super();
    this.#list = list;
    this.#subscribe = subscribe;
  }

  async load() {
    const listed = await this.attempt(this.#list, (all) => (this.all = all));
    if (!listed) return;
    this.#subscribing ??= this.#subscribe((c) => this.apply(c));
    await this.attempt(() => this.#subscribing!, () => {});
  }

  apply({ action, record }: LiveChange<T>) {
    if (action === 'delete') this.all = this.all.filter((r) => r.id !== record.id);
    else if (this.byId.has(record.id)) this.all = this.all.map((r) => (r.id === record.id ? record : r));
    else this.all = [...this.all, record];
  }

  async dispose() {
    const pending = this.#subscribing;
    this.#subscribing = null;
    const unsubscribe = await pending?.catch(() => null);
    await unsubscribe?.();
    this.all = [];
    this.loaded = false;
  }
}
