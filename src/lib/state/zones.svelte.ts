// Design zones in the browser, kept live by realtime so every signed-in planner sees the others' changes.
import { describeError, isAbort } from '../data/pb';
import { listZones, subscribeZones, type ZoneChange, type ZoneRecord } from '../data/zones';

export class Zones {
  all = $state.raw<ZoneRecord[]>([]);
  active = $derived(this.all.filter((z) => z.status === 'active'));
  byId = $derived(new Map(this.all.map((z) => [z.id, z])));
  error = $state('');
  // One subscription even when load() runs twice at once (e.g. a token refresh while loading).
  #subscribing: Promise<() => Promise<void>> | null = null;

  async load() {
    try {
      this.all = await listZones();
      this.error = '';
      this.#subscribing ??= subscribeZones((c) => this.apply(c));
      await this.#subscribing;
    } catch (err) {
      if (!isAbort(err)) this.error = describeError(err);
    }
  }

  apply({ action, record }: ZoneChange) {
    if (action === 'delete') this.all = this.all.filter((z) => z.id !== record.id);
    else if (this.byId.has(record.id)) this.all = this.all.map((z) => (z.id === record.id ? record : z));
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
