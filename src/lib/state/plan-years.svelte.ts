// The city's plan for each year and where its approval chain stands (policy 四(三)), for signed-in staff: read again
// when the signed-in identity changes, dropped when nobody on staff is signed in.
import { listPlanYears } from '../data/plans';
import type { PlanYearRecord } from '../data/records';
import { identityIsStaff, onIdentityChange } from '../data/session';
import { Loadable } from './loadable.svelte';

export class PlanYears extends Loadable {
  list = $state.raw<PlanYearRecord[]>([]);
  byYear = $derived(new Map(this.list.map((y) => [y.year, y])));
  #stop = onIdentityChange(() => {
    if (identityIsStaff()) void this.load();
    else {
      this.forget();
      this.list = [];
    }
  });

  readonly requestKey: string;

  constructor(requestKey = 'plan-years') {
    super();
    this.requestKey = requestKey;
  }

  load() {
    if (!identityIsStaff()) return Promise.resolve(false);
    return this.attempt(() => listPlanYears(this.requestKey), (rows) => (this.list = rows));
  }

  dispose() {
    this.#stop();
  }
}
