// Implementation records of one compound (policy 四(四), 六): its implementing body, procurement (招投标), design review
// and 拆违. The office and the compound's own township write them (design reviews also the approval bureau); the
// server checks every rule and its message is shown.
import { pb } from './pb';
import { listRelated } from './related';
import type { BodyRecord, DemolitionRecord, DesignReviewRecord, ProcurementRecord } from './records';
import type * as Schema from './schema.gen';

export type PublicTender = Schema.PublicTendersRecord;
export type PublicBody = Schema.PublicImplementingBodiesRecord;

export const BODY_TYPES = ['owners_committee', 'community', 'subdistrict', 'property_unit', 'agent_builder', 'housing_bureau', 'other'] as const satisfies readonly BodyRecord['body_type'][];
export const PROCUREMENT_SCOPES = ['construction', 'design', 'supervision', 'design_build', 'other'] as const satisfies readonly ProcurementRecord['scope'][];
export const PROCUREMENT_METHODS = ['open_tender', 'invited_tender', 'competitive_consultation', 'competitive_negotiation', 'single_source', 'inquiry', 'other'] as const satisfies readonly ProcurementRecord['method'][];
export const PROCUREMENT_STATUSES = ['announced', 'awarded', 'failed'] as const satisfies readonly ProcurementRecord['status'][];
export const REVIEW_KINDS = ['joint', 'construction_drawing'] as const satisfies readonly DesignReviewRecord['kind'][];
export const REVIEW_RESULTS = ['passed', 'conditional', 'failed'] as const satisfies readonly DesignReviewRecord['result'][];

export interface ImplementationRecords {
  body: BodyRecord | null;
  procurements: ProcurementRecord[];
  reviews: DesignReviewRecord[];
  demolitions: DemolitionRecord[];
}

export async function loadImplementation(compoundId: string): Promise<ImplementationRecords> {
  const [bodies, procurements, reviews, demolitions] = await Promise.all([
    listRelated('implementing_bodies', 'compound', compoundId, { requestKey: 'bodies-of-compound' }),
    listRelated('procurements', 'compound', compoundId, { sort: 'announce_date,created', requestKey: 'procurements-of-compound' }),
    listRelated('design_reviews', 'compound', compoundId, { sort: 'date,created', requestKey: 'reviews-of-compound' }),
    listRelated('demolitions', 'compound', compoundId, { sort: 'date,created', requestKey: 'demolitions-of-compound' }),
  ]);
  return { body: bodies[0] ?? null, procurements, reviews, demolitions };
}

type Body = Record<string, unknown> | FormData;
export type ImplementationCollection = 'implementing_bodies' | 'procurements' | 'design_reviews' | 'demolitions';

export async function createRecord(collection: ImplementationCollection, body: Body): Promise<unknown> {
  return pb.collection(collection).create(body);
}

export async function updateRecord(collection: ImplementationCollection, id: string, body: Body): Promise<unknown> {
  return pb.collection(collection).update(id, body);
}

export async function deleteRecord(collection: ImplementationCollection, id: string): Promise<void> {
  await pb.collection(collection).delete(id);
}

export function fileUrl(collection: ImplementationCollection, id: string, name: string, thumb?: string): string {
  return pb.files.getURL({ id, collectionName: collection }, name, thumb ? { thumb } : undefined);
}

/** What the public sees of a compound's works: its implementing body and its tenders. */
export async function loadPublicImplementation(compoundId: string): Promise<{ body: PublicBody | null; tenders: PublicTender[] }> {
  const [bodies, tenders] = await Promise.all([
    listRelated('public_implementing_bodies', 'compound', compoundId, { requestKey: `public-body-${compoundId}` }),
    listRelated('public_tenders', 'compound', compoundId, { sort: 'announce_date', requestKey: `public-tenders-${compoundId}` }),
  ]);
  return { body: bodies[0] ?? null, tenders };
}
