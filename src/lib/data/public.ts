// What the public reads: only the public_* view collections, never the staff collections. No sign-in needed. In a
// static publication (publication.ts) the same functions read the published JSON files instead of the API.
import { pb } from './pb';
import { compoundFile, publication, publishedJson } from './publication';
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

/** One compound's public page as published (scripts/publish.mjs writes it from the functions below). */
export interface PublishedCompoundPage {
  compound: PublicCompound;
  events: PublicStageEvent[];
  items: PublicItem[];
  funding: PublicFundingTotal[];
  feedback: PublicFeedback[];
}

/** Published pages by compound id (a page is loaded by code first; its parts are then asked for by id). */
const publishedById = new Map<string, Promise<PublishedCompoundPage>>();
function publishedPart<K extends keyof PublishedCompoundPage>(compoundId: string, key: K): Promise<PublishedCompoundPage[K]> {
  const page = publishedById.get(compoundId);
  if (!page) return Promise.reject(Object.assign(new Error(`not published: ${compoundId}`), { status: 404 }));
  return page.then((p) => p[key]);
}

export async function listPublicCompounds(): Promise<PublicCompound[]> {
  if (publication) return publishedJson<PublicCompound[]>('compounds.json');
  return pb.collection('public_compounds').getFullList({ batch: 1000, sort: 'code', requestKey: 'public-compounds' });
}

export async function getPublicCompound(code: string): Promise<PublicCompound> {
  if (publication) {
    const page = publishedJson<PublishedCompoundPage>(compoundFile(code));
    const { compound } = await page;
    publishedById.set(compound.id, page);
    return compound;
  }
  return pb.collection('public_compounds').getFirstListItem(pb.filter('code = {:code}', { code }), {
    requestKey: `public-compound-${code}`,
  });
}

export const listPublicStageEvents = (compoundId: string): Promise<PublicStageEvent[]> =>
  publication ? publishedPart(compoundId, 'events') : listRelated('public_stage_events', 'compound', compoundId, { sort: 'date,created', requestKey: `public-stages-${compoundId}` });

export const listPublicItems = (compoundId: string): Promise<PublicItem[]> =>
  publication ? publishedPart(compoundId, 'items') : listRelated('public_items', 'compound', compoundId, { sort: 'class,item', requestKey: `public-items-${compoundId}` });

export const listFundingTotals = (compoundId: string): Promise<PublicFundingTotal[]> =>
  publication ? publishedPart(compoundId, 'funding') : listRelated('public_funding_totals', 'compound', compoundId, { requestKey: `public-funding-${compoundId}` });

export const listPublicFeedback = (compoundId: string): Promise<PublicFeedback[]> =>
  publication ? publishedPart(compoundId, 'feedback') : listRelated('public_feedback', 'compound', compoundId, { sort: '-replied_at', requestKey: `public-feedback-${compoundId}` });

/** URL of a before/after photo; the files are stored on the stage event (not protected). */
export function stagePhotoUrl(eventId: string, file: string, thumb = ''): string {
  if (publication) return `${publication.dataPath}photos/${encodeURIComponent(eventId)}/${encodeURIComponent(file)}`;
  return pb.files.getURL({ id: eventId, collectionName: 'stage_events' }, file, thumb ? { thumb } : undefined);
}

/** The compound's public page address (for links and the QR code). */
export function publicPageUrl(code: string, origin = typeof location === 'undefined' ? '' : location.origin): string {
  return `${origin}/public/c/${encodeURIComponent(code)}`;
}
