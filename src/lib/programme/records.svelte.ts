// The programme records the ledger and the report read (events, items, funding, plans), loaded for signed-in staff.
import { loadProgrammeRecords } from '../data/report';
import { describeError, isAbort } from '../data/pb';
import { identityIsStaff, onIdentityChange } from '../data/session';
import type { FundingRecord, ItemRecord, PlanRecord, StageEventRecord } from './types';

export class ProgrammeRecords {
  events = $state.raw<StageEventRecord[]>([]);
  items = $state.raw<ItemRecord[]>([]);
  funding = $state.raw<FundingRecord[]>([]);
  plans = $state.raw<PlanRecord[]>([]);
  loaded = $state(false);
  error = $state('');
  /** When the records were read. */
  dataTime = $state<Date | null>(null);
  // Staff-only records: read again when the signed-in identity changes, dropped when nobody on staff is signed in.
  #generation = 0;
  #wanted = false;
  #stopIdentity = onIdentityChange(() => {
    if (!this.#wanted) return;
    if (identityIsStaff()) void this.load();
    else this.#clear();
  });

  #clear() {
    this.#generation++;
    this.events = [];
    this.items = [];
    this.funding = [];
    this.plans = [];
    this.loaded = false;
    this.dataTime = null;
  }

  dispose() {
    this.#wanted = false;
    this.#stopIdentity();
  }

  async load() {
    this.#wanted = true;
    const generation = ++this.#generation;
    try {
      const r = await loadProgrammeRecords();
      if (generation !== this.#generation) return;
      this.dataTime = new Date();
      this.events = r.events;
      this.items = r.items;
      this.funding = r.funding;
      this.plans = r.plans;
      this.loaded = true;
      this.error = '';
    } catch (err) {
      if (!isAbort(err)) this.error = describeError(err);
    }
  }
}
