// Stage events (#5): the only write path for a compound's stage. The server validates order, role and evidence.
import { pb } from './pb';
import type { StageEventRecord } from './records';
import { listRelated } from './related';

export const listEventsOf = (compoundId: string): Promise<StageEventRecord[]> =>
  listRelated('stage_events', 'compound', compoundId, { sort: 'date,created', expand: 'by', requestKey: 'stage-events-of-compound' });

/** Every event, light fields only (report, ledger). */
export async function listAllEvents(): Promise<StageEventRecord[]> {
  return pb.collection('stage_events').getFullList({
    batch: 2000,
    fields: 'id,compound,from,to,kind,date,created,imported',
    requestKey: 'stage-events-all',
  });
}

/** Creates an event; `body` may be FormData when files are attached. */
export async function createEvent(body: FormData | Record<string, unknown>): Promise<StageEventRecord> {
  return pb.collection('stage_events').create(body);
}

export function fileUrl(record: StageEventRecord, name: string, thumb?: string): string {
  return pb.files.getURL(record, name, thumb ? { thumb } : undefined);
}
