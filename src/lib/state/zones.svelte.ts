// Design zones in the browser, kept live by realtime so every signed-in planner sees the others' changes.
import { listZones, subscribeZones, type ZoneRecord } from '../data/zones';
import { LiveList } from './live-list.svelte';

export class Zones extends LiveList<ZoneRecord> {
  active = $derived(this.all.filter((z) => z.status === 'active'));

  constructor() {
    super(listZones, subscribeZones);
  }
}
