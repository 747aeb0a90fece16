// Facility sites in the browser, kept live by realtime: a site placed by one planner counts as a planned facility in
// everyone's coverage at once.
import { describeError, isAbort } from '../data/pb';
import { listSites, subscribeSites, type SiteChange, type SiteRecord } from '../data/sites';

export class Sites {
  all = $state.raw<SiteRecord[]>([]);
  byId = $derived(new Map(this.all.map((s) => [s.id, s])));
  loaded = $state(false);
  error = $state('');
  // One subscription even when load() runs twice at once.
  #subscribing: Promise<() => Promise<void>> | null = null;

  async load() {
    try {
      this.all = await listSites();
      this.loaded = true;
      this.error = '';
      this.#subscribing ??= subscribeSites((c) => this.apply(c));
      await this.#subscribing;
    } catch (err) {
      if (!isAbort(err)) this.error = describeError(err);
    }
  }

  apply({ action, record }: SiteChange) {
    if (action === 'delete') this.all = this.all.filter((s) => s.id !== record.id);
    else if (this.byId.has(record.id)) this.all = this.all.map((s) => (s.id === record.id ? record : s));
    else this.all = [...this.all, record];
  }

  async dispose() {
    const pending = this.#subscribing;
    this.#subscribing = null;
    const unsubscribe = await pending?.catch(() => null);
    await unsubscribe?.();
    this.all = [];
  }
}
