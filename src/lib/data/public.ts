// What the public reads (#6): only the public_* view collections, never the staff collections. No sign-in needed.
import { pb } from './pb';
import { listRelated } from './related';
import type * as Schema from './schema.gen';

export type PublicCompound = Schema.PublicCompoundsRecord;
export type PublicStageEvent = Schema.PublicStageEventsRecord;
export type PublicItem = Schema.PublicItemsRecord;
export type PublicFundingTotal = Schema.PublicFundingTotalsRecord;
export type PublicFeedback = Schema.PublicFeedbackRecord;

export type FeedbackCategory = Schema.FeedbackRecord['category'];
export type FeedbackStatus = Schema.FeedbackRecord['status'];
export const FEEDBACK_CATEGORIES = ['disturbance', 'quality', 'progress', 'suggestion', 'other'] as const satisfies readonly FeedbackCategory[];
export const FEEDBACK_STATUSES = ['new', 'acknowledged', 'resolved'] as const satisfies readonly FeedbackStatus[];

export async function listPublicCompounds(): Promise<PublicCompound[]> {
  return pb.collection('public_compounds').getFullList({ batch: 1000, sort: 'code', requestKey: 'public-compounds' });
}

export async function getPublicCompound(code: string): Promise<PublicCompound> {
  return pb.collection('public_compounds').getFirstListItem(pb.filter('code = {:code}', { code }), {
    requestKey: `public-compound-${code}`,
  });
}

export const listPublicStageEvents = (compoundId: string): Promise<PublicStageEvent[]> =>
  listRelated('public_stage_events', 'compound', compoundId, { sort: 'date,created', requestKey: `public-stages-${compoundId}` });

export const listPublicItems = (compoundId: string): Promise<PublicItem[]> =>
  listRelated('public_items', 'compound', compoundId, { sort: 'class,item', requestKey: `public-items-${compoundId}` });

export const listFundingTotals = (compoundId: string): Promise<PublicFundingTotal[]> =>
  listRelated('public_funding_totals', 'compound', compoundId, { requestKey: `public-funding-${compoundId}` });

export const listPublicFeedback = (compoundId: string): Promise<PublicFeedback[]> =>
  listRelated('public_feedback', 'compound', compoundId, { sort: '-replied_at', requestKey: `public-feedback-${compoundId}` });

/** URL of a before/after photo; the files are stored on the stage event (not protected). */
export function stagePhotoUrl(eventId: string, file: string, thumb = ''): string {
  return pb.files.getURL({ id: eventId, collectionName: 'stage_events' }, file, thumb ? { thumb } : undefined);
}

/** The compound's public page address (for links and the QR code). */
export function publicPageUrl(code: string, origin = typeof location === 'undefined' ? '' : location.origin): string {
  return `${origin}/public/c/${encodeURIComponent(code)}`;
}
