// Everything the ledger and the monthly report read, in one go (the programme is small: one request per collection).
import { pb } from './pb';
import { listAllEvents } from './stages';
import { listAllItems } from './items';
import { listAllFunding } from './funding';
import { listPlans } from './plans';
import type { FundingRecord, ItemRecord, PlanRecord, StageEventRecord } from './records';

export interface ProgrammeRecords {
  events: StageEventRecord[];
  items: ItemRecord[];
  funding: FundingRecord[];
  plans: PlanRecord[];
}

export async function loadProgrammeRecords(): Promise<ProgrammeRecords> {
  const [events, items, funding, plans] = await Promise.all([listAllEvents(), listAllItems(), listAllFunding(), listPlans('plans-report')]);
  return { events, items, funding, plans };
}

/** The consent threshold in percent (programme_settings). */
export async function consentThreshold(): Promise<number> {
  try {
    const rec = await pb.collection('programme_settings').getOne<{ consent_threshold_pct: number }>('settings0000001', { requestKey: 'settings' });
    return rec.consent_threshold_pct;
  } catch {
    return 200 / 3;
  }
}

export async function setConsentThreshold(pct: number): Promise<void> {
  await pb.collection('programme_settings').update('settings0000001', { consent_threshold_pct: pct });
}
