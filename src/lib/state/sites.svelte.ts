// Facility sites in the browser, kept live by realtime: a site placed by one planner counts as a planned facility in
// everyone's coverage at once.
import { listSites, subscribeSites, type SiteRecord } from '../data/sites';
import { LiveList } from './live-list.svelte';

export class Sites extends LiveList<SiteRecord> {
  constructor() {
    super(listSites, subscribeSites);
  }
}
