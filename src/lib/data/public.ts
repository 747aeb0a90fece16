// What the public reads (#6): only the public_* view collections, never the staff collections. No sign-in needed.
import { pb } from './pb';
import type { AreaGeometry, Stage, Tier } from '../types';

export interface PublicCompound {
  id: string;
  code: string;
  name: string;
  township: string;
  township_name: string;
  township_code: string;
  address: string;
  built_year: number;
  buildings: number;
  households: number;
  stage: Stage;
  plan_year: number | null;
  tier: Tier | '';
  geometry: AreaGeometry;
  is_demo: boolean;
  updated: string;
}

export interface PublicStageEvent {
  id: string;
  compound: string;
  from: Stage | '';
  to: Stage;
  kind: 'forward' | 'back';
  date: string;
  note: string;
  photos_before: string[];
  photos_after: string[];
  created: string;
}

export interface PublicItem {
  id: string;
  compound: string;
  class: 'basic' | 'improvement' | 'enhancement';
  item: string;
  quantity: number;
  unit: string;
  status: 'planned' | 'in_progress' | 'done' | '';
  note: string;
}

export interface PublicFundingTotal {
  id: string;
  compound: string;
  kind: 'planned' | 'received' | 'spent';
  source: string;
  total_yuan: number;
  entries: number;
}

export interface PublicFeedback {
  id: string;
  compound: string;
  category: FeedbackCategory;
  message: string;
  status: FeedbackStatus;
  public_reply: string;
  replied_at: string;
  created: string;
}

export const FEEDBACK_CATEGORIES = ['disturbance', 'quality', 'progress', 'suggestion', 'other'] as const;
export type FeedbackCategory = (typeof FEEDBACK_CATEGORIES)[number];
export const FEEDBACK_STATUSES = ['new', 'acknowledged', 'resolved'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export async function listPublicCompounds(): Promise<PublicCompound[]> {
  return pb.collection('public_compounds').getFullList<PublicCompound>({ batch: 1000, sort: 'code', requestKey: 'public-compounds' });
}

export async function getPublicCompound(code: string): Promise<PublicCompound> {
  return pb.collection('public_compounds').getFirstListItem<PublicCompound>(pb.filter('code = {:code}', { code }), {
    requestKey: `public-compound-${code}`,
  });
}

const byCompound = (id: string) => pb.filter('compound = {:id}', { id });

export async function listPublicStageEvents(compoundId: string): Promise<PublicStageEvent[]> {
  return pb.collection('public_stage_events').getFullList<PublicStageEvent>({
    filter: byCompound(compoundId), sort: 'date,created', requestKey: `public-stages-${compoundId}`,
  });
}

export async function listPublicItems(compoundId: string): Promise<PublicItem[]> {
  return pb.collection('public_items').getFullList<PublicItem>({ filter: byCompound(compoundId), sort: 'class,item', requestKey: `public-items-${compoundId}` });
}

export async function listFundingTotals(compoundId: string): Promise<PublicFundingTotal[]> {
  return pb.collection('public_funding_totals').getFullList<PublicFundingTotal>({ filter: byCompound(compoundId), requestKey: `public-funding-${compoundId}` });
}

export async function listPublicFeedback(compoundId: string): Promise<PublicFeedback[]> {
  return pb.collection('public_feedback').getFullList<PublicFeedback>({
    filter: byCompound(compoundId), sort: '-replied_at', requestKey: `public-feedback-${compoundId}`,
  });
}

/** URL of a before/after photo; the files are stored on the stage event (not protected). */
export function stagePhotoUrl(eventId: string, file: string, thumb = ''): string {
  return pb.files.getURL({ id: eventId, collectionName: 'stage_events' }, file, thumb ? { thumb } : undefined);
}

/** The compound's public page address (for links and the QR code). */
export function publicPageUrl(code: string, origin = typeof location === 'undefined' ? '' : location.origin): string {
  return `${origin}/public/c/${encodeURIComponent(code)}`;
}
