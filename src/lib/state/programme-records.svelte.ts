// The programme records the ledger and the report read (events, items, funding, plans), loaded for signed-in staff.
import { loadProgrammeRecords, type ProgrammeRecords as Records } from '../data/report';
import { Loadable } from './loadable.svelte';

export class ProgrammeRecords extends Loadable {
  #records = $state.raw<Records>({ events: [], items: [], funding: [], plans: [] });

  get events() {
    return this.#records.events;
  }

  get items() {
    return this.#records.items;
  }

  get funding() {
    return this.#records.funding;
  }

  get plans() {
    return this.#records.plans;
  }

  load() {
    return this.attempt(loadProgrammeRecords, (r) => (this.#records = r));
  }
}
