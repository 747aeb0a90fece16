// The programme records the ledger and the report read (events, items, funding, plans), loaded for signed-in staff.
import { loadProgrammeRecords } from '../data/report';
import { describeError, isAbort } from '../data/pb';
import type { FundingRecord, ItemRecord, PlanRecord, StageEventRecord } from '../data/records';

export class ProgrammeRecords {
  events = $state.raw<StageEventRecord[]>([]);
  items = $state.raw<ItemRecord[]>([]);
  funding = $state.raw<FundingRecord[]>([]);
  plans = $state.raw<PlanRecord[]>([]);
  loaded = $state(false);
  error = $state('');

  async load() {
    try {
      const r = await loadProgrammeRecords();
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
