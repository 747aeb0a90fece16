import { pb } from './pb';
import type { CommunityRecord, ContextRecord, TownshipRecord } from './records';

export async function listTownships(): Promise<TownshipRecord[]> {
  return pb.collection('townships').getFullList({ sort: 'code', requestKey: 'townships' });
}

export async function listCommunities(): Promise<CommunityRecord[]> {
  return pb.collection('communities').getFullList({ sort: 'code', requestKey: 'communities' });
}

export async function listContext(): Promise<ContextRecord[]> {
  return pb.collection('context_features').getFullList({ batch: 2000, requestKey: 'context-all' });
}
