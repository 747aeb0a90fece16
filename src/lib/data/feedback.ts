// Feedback and complaints (#6): residents send (no account), staff triage and answer publicly.
import { pb } from './pb';
import type * as Schema from './schema.gen';
import type { FeedbackCategory, FeedbackStatus } from './public';

export interface FeedbackInput {
  compound?: string;
  point?: { type: 'Point'; coordinates: [number, number] };
  category: FeedbackCategory;
  message: string;
  contact?: string;
  photo?: File | null;
}

/** A feedback record as staff read it, with its compound's code and name expanded. */
export type FeedbackRecord = Schema.FeedbackRecord & { expand?: { compound?: { code: string; name: string } } };

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** Sends feedback; the server answers with its receipt number and answer deadline. */
export async function sendFeedback(input: FeedbackInput): Promise<{ id: string; receipt_no: string; due_at: string }> {
  const form = new FormData();
  if (input.compound) form.append('compound', input.compound);
  if (input.point) form.append('point', JSON.stringify(input.point));
  form.append('category', input.category);
  form.append('message', input.message);
  if (input.contact) form.append('contact', input.contact);
  if (input.photo) form.append('photo', input.photo);
  const rec = await pb.collection('feedback').create(form);
  return { id: rec.id, receipt_no: rec.receipt_no, due_at: rec.due_at };
}

/** Staff list; the server limits a township to its own compounds. */
export async function listFeedback(opts: { status?: FeedbackStatus | ''; due?: 'overdue' | 'soon' | ''; page?: number } = {}) {
  const parts: string[] = [];
  if (opts.status) parts.push(pb.filter('status = {:s}', { s: opts.status }));
  // Not yet answered and past its deadline, or due within two days.
  const now = new Date();
  if (opts.due === 'overdue') parts.push(pb.filter('answered_at = "" && due_at != "" && due_at < {:now}', { now }));
  if (opts.due === 'soon') parts.push(pb.filter('answered_at = "" && due_at >= {:now} && due_at < {:soon}', { now, soon: new Date(now.getTime() + 2 * 86400e3) }));
  const filter = parts.join(' && ');
  return pb.collection('feedback').getList<FeedbackRecord>(opts.page ?? 1, 50, {
    filter, sort: opts.due ? 'due_at' : '-created', expand: 'compound', requestKey: 'feedback-list',
  });
}

export async function answerFeedback(id: string, change: { status?: FeedbackStatus; public_reply?: string }): Promise<FeedbackRecord> {
  return pb.collection('feedback').update<FeedbackRecord>(id, change, { expand: 'compound' });
}

/** The photo is protected: staff need a short-lived file token to see it. */
export async function feedbackPhotoUrl(rec: FeedbackRecord): Promise<string> {
  if (!rec.photo) return '';
  const token = await pb.files.getToken();
  return pb.files.getURL({ id: rec.id, collectionName: 'feedback' }, rec.photo, { token });
}
