// Funding records by source (#5, policy §五): planned, received, spent, in yuan.
import { pb } from './pb';
import type { FundingRecord } from './records';
import { listRelated } from './related';

export const listFundingOf = (compoundId: string): Promise<FundingRecord[]> =>
  listRelated('funding', 'compound', compoundId, { sort: 'date,source', requestKey: 'funding-of-compound' });

/** Funding recorded on a design zone (the zone's own, not its member compounds'). */
export const listFundingOfZone = (zoneId: string): Promise<FundingRecord[]> =>
  listRelated('funding', 'zone', zoneId, { sort: 'date,source', requestKey: 'funding-of-zone' });

export async function listAllFunding(): Promise<FundingRecord[]> {
  return pb.collection('funding').getFullList({
    batch: 2000, fields: 'id,compound,zone,source,kind,amount_yuan,date', requestKey: 'funding-all',
  });
}

export async function createFunding(body: Partial<FundingRecord>): Promise<FundingRecord> {
  return pb.collection('funding').create(body);
}

export async function deleteFunding(id: string): Promise<void> {
  await pb.collection('funding').delete(id);
}
