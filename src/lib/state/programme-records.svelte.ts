// The programme records the ledger and the report read (events, items, funding, plans), loaded for signed-in staff:
// read again when the signed-in identity changes, dropped when nobody on staff is signed in.
import { loadProgrammeRecords, type ProgrammeRecords as Records } from '../data/report';
import { identityIsStaff, onIdentityChange } from '../data/session';
import { Loadable } from './loadable.svelte';

const NONE: Records = { events: [], items: [], funding: [], plans: [] };

export class ProgrammeRecords extends Loadable {
  #records = $state.raw<Records>(NONE);
  /** When the records were read. */
  dataTime = $state<Date | null>(null);
  #wanted = false;
  #stopIdentity = onIdentityChange(() => {
    if (!this.#wanted) return;
    if (identityIsStaff()) void this.load();
    else this.#clear();
  });

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

  #clear() {
    this.forget();
    this.#records = NONE;
    this.dataTime = null;
  }

  dispose() {
    this.#wanted = false;
    this.#stopIdentity();
  }

  load() {
    this.#wanted = true;
    return this.attempt(loadProgrammeRecords, (r) => {
      this.dataTime = new Date();
      this.#records = r;
    });
  }
}
