// Overdue items for the signed-in staff, kept in step with the live compounds: late construction from the compounds
// themselves, missing plans from annual_plans (loaded once per sign-in and on refresh()).
import { listPlans } from '../data/plans';
import { currentUser, onAuthChange } from '../data/session';
import { isAbort } from '../data/pb';
import type { PlanRecord } from '../data/records';
import { overdueCompoundIds, overdueList, todayBeijing } from '../programme/deadlines';
import type { Programme } from './programme.svelte';

export class Deadlines {
  plans = $state.raw<PlanRecord[]>([]);
  signedIn = $state(!!currentUser());
  readonly programme: Programme;

  list = $derived.by(() => {
    if (!this.signedIn) return [];
    const compounds = this.programme.compounds;
    const townships = [...new Set(compounds.map((c) => c.township))];
    return overdueList(compounds, this.plans, townships, todayBeijing());
  });
  compoundIds = $derived.by(() => overdueCompoundIds(this.list, this.programme.compounds));

  #stopWatchingAuth: () => void;

  constructor(programme: Programme) {
    this.programme = programme;
    this.#stopWatchingAuth = onAuthChange((u) => {
      this.signedIn = !!u;
      void this.refresh();
    });
    void this.refresh();
  }

  /** Stops following sign-in changes (call when the view goes). */
  dispose() {
    this.#stopWatchingAuth();
  }

  async refresh() {
    if (!currentUser()) {
      this.plans = [];
      return;
    }
    try {
      this.plans = await listPlans('plans-deadlines');
    } catch (err) {
      if (!isAbort(err)) this.plans = [];
    }
  }
}
