// Residents take part: scheme publications and comments, consent and rating rounds with household codes, complaint
// receipts and the staff to-do list. Residents need no account; the rounds' answers go through the server's own routes
// (pb_hooks/participation.pb.js), which keep only tallies.
import { fetchLayer } from './compounds';
import { pb } from './pb';
import type * as Schema from './schema.gen';

export type Publication = Schema.SchemePublicationsRecord;
export type PublicComment = Schema.PublicSchemeCommentsRecord;
export type Comment = Schema.SchemeCommentsRecord;
export type ConsentRound = Schema.ConsentCampaignsRecord;
export type RatingRound = Schema.RatingCampaignsRecord;
export type PublicRating = Schema.PublicRatingsRecord;
export type Notification = Schema.NotificationsRecord;
export type RoundKind = 'consent' | 'rating';
export const ASPECTS = ['quality', 'management', 'property'] as const;
export type Aspect = (typeof ASPECTS)[number];

export interface PublicationItem { class: string; item: string; quantity: number; unit: string; estimate_yuan: number }

/** A complaint's public status (GET /api/fy/receipts/{no}): no message, contact or photo. */
export interface ReceiptStatus {
  receipt_no: string;
  status: 'new' | 'acknowledged' | 'resolved';
  category: string;
  compound_code: string;
  compound_name: string;
  created: string;
  due_at: string;
  answered_at: string;
  overdue: boolean;
  public_reply: string;
}

export interface TodoItem { kind: string; link: string; n: number }
export interface Todo { items: TodoItem[]; unread: number; total: number }
export interface Slip { household: string; code: string }

const RECEIPT = /^FY-\d{4}-\d{6}$/;
/** "fy-2026-123" → "FY-2026-000123"; null when it cannot be a receipt number. */
export function normalizeReceipt(raw: string): string | null {
  const m = /^\s*FY\s*-?\s*(\d{4})\s*-?\s*(\d{1,6})\s*$/i.exec(raw);
  if (!m) return null;
  const no = `FY-${m[1]}-${m[2].padStart(6, '0')}`;
  return RECEIPT.test(no) ? no : null;
}

export function lookupReceipt(no: string): Promise<ReceiptStatus> {
  return pb.send(`/api/fy/receipts/${encodeURIComponent(no)}`, { requestKey: 'receipt-lookup' });
}

// --- publications ------------------------------------------------------------------------------------------------

export async function latestPublication(compoundId: string): Promise<Publication | null> {
  const res = await pb.collection('scheme_publications').getList(1, 1, {
    filter: pb.filter('compound = {:c}', { c: compoundId }), sort: '-starts_at', requestKey: `publication-${compoundId}`,
  });
  return res.items[0] ?? null;
}

export function listPublicComments(publicationId: string): Promise<PublicComment[]> {
  return pb.collection('public_scheme_comments').getFullList({
    filter: pb.filter('publication = {:p}', { p: publicationId }), sort: 'created', requestKey: `comments-${publicationId}`,
  });
}

export function sendComment(publication: string, message: string, nickname = '', contact = ''): Promise<Comment> {
  return pb.collection('scheme_comments').create({ publication, message, nickname, contact });
}

export function publicationImageUrl(p: Publication, file: string, thumb = ''): string {
  return pb.files.getURL(p, file, thumb ? { thumb } : undefined);
}

export function publish(input: { compound: string; title: string; summary: string; ends_at: string; images?: File[] }): Promise<Publication> {
  const form = new FormData();
  form.append('compound', input.compound);
  form.append('title', input.title);
  form.append('summary', input.summary);
  form.append('ends_at', input.ends_at);
  for (const f of input.images ?? []) form.append('images', f);
  return pb.collection('scheme_publications').create(form);
}

export function endPublication(id: string): Promise<Publication> {
  return pb.collection('scheme_publications').update(id, { ends_at: new Date().toISOString() });
}

export function listStaffComments(publicationId: string): Promise<Comment[]> {
  return pb.collection('scheme_comments').getFullList({ filter: pb.filter('publication = {:p}', { p: publicationId }), sort: 'created' });
}

export function answerComment(id: string, answer: string): Promise<Comment> {
  return pb.collection('scheme_comments').update(id, { answer });
}

// --- rounds and codes ----------------------------------------------------------------------------------------------

export function listRounds<K extends RoundKind>(kind: K, compoundId: string): Promise<K extends 'consent' ? ConsentRound[] : RatingRound[]> {
  const col = kind === 'consent' ? 'consent_campaigns' : 'rating_campaigns';
  return pb.collection(col).getFullList({ filter: pb.filter('compound = {:c}', { c: compoundId }), sort: '-created' }) as never;
}

export function openConsentRound(compound: string, publication = ''): Promise<ConsentRound> {
  return pb.collection('consent_campaigns').create({ compound, publication });
}

export function openRatingRound(compound: string, mode: 'codes' | 'open'): Promise<RatingRound> {
  return pb.collection('rating_campaigns').create({ compound, mode });
}

export function closeRound(kind: RoundKind, id: string): Promise<ConsentRound | RatingRound> {
  return pb.collection(kind === 'consent' ? 'consent_campaigns' : 'rating_campaigns').update(id, { status: 'closed' });
}

export function printCodes(kind: RoundKind, campaign: string, households: string[]): Promise<{ compound: { code: string; name: string }; slips: Slip[] }> {
  return pb.send('/api/fy/codes', { method: 'POST', body: { kind, campaign, households } });
}

export function checkCode(compound: string, code: string): Promise<{ kind: RoundKind; compound: { code: string; name: string }; publication: string }> {
  return pb.send('/api/fy/codes/check', { query: { compound, code }, requestKey: 'code-check' });
}

export function answerConsent(compound: string, code: string, answer: 'agree' | 'disagree'): Promise<{ ok: boolean }> {
  return pb.send('/api/fy/answers/consent', { method: 'POST', body: { compound, code, answer } });
}

export function enterPaperAnswer(compound: string, code: string, answer: 'agree' | 'disagree'): Promise<{ ok: boolean }> {
  return pb.send('/api/fy/answers/paper', { method: 'POST', body: { compound, code, answer } });
}

export function answerRating(compound: string, scores: Record<Aspect, number>, comment: string, code = ''): Promise<{ ok: boolean }> {
  return pb.send('/api/fy/answers/rating', { method: 'POST', body: { compound, code: code || undefined, ...scores, comment } });
}

export function listPublicRatings(compoundId: string): Promise<PublicRating[]> {
  return pb.collection('public_ratings').getFullList({ filter: pb.filter('compound = {:c}', { c: compoundId }), sort: '-created', requestKey: `ratings-${compoundId}` });
}

export function listAllPublicRatings(): Promise<PublicRating[]> {
  return pb.collection('public_ratings').getFullList({ batch: 1000, requestKey: 'ratings-all' });
}

export function listRatingComments(campaign: string) {
  return pb.collection('rating_comments').getFullList({ filter: pb.filter('campaign = {:c}', { c: campaign }) });
}

/**
 * Averages over the rounds of a compound whose scores are known (open rounds, and rounds with codes once closed: their
 * sums are kept apart until then), weighted by responses.
 */
export function ratingSummary(all: PublicRating[]): { responses: number; avg: Record<Aspect, number> } {
  const rows = all.filter((r) => r.mode === 'open' || r.status === 'closed');
  const responses = rows.reduce((s, r) => s + r.responses, 0);
  const avg = Object.fromEntries(ASPECTS.map((a) => [a, responses ? rows.reduce((s, r) => s + r[`avg_${a}`] * r.responses, 0) / responses : 0])) as Record<Aspect, number>;
  return { responses, avg };
}

/** The QR address of a slip: the answer page for its compound, with the code. */
export function slipUrl(compoundCode: string, code: string, origin = typeof location === 'undefined' ? '' : location.origin): string {
  return `${origin}/public/v/${encodeURIComponent(compoundCode)}?k=${encodeURIComponent(code)}`;
}

/** "ABCDE12345" → "ABCDE-12345" (as printed). */
export const showCode = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;

// --- to-do and notifications ---------------------------------------------------------------------------------------

export function loadTodo(): Promise<Todo> {
  return pb.send('/api/fy/todo', { requestKey: 'todo' });
}

export function listNotifications(): Promise<Notification[]> {
  return pb.collection('notifications').getList(1, 50, { sort: '-created', requestKey: 'notifications' }).then((r) => r.items);
}

export function markRead(id: string): Promise<Notification> {
  return pb.collection('notifications').update(id, { read: true });
}

/** Calls `onChange` whenever one of the signed-in account's notifications arrives or changes; returns the unsubscribe. */
export function watchNotifications(onChange: () => void): Promise<() => Promise<void>> {
  return pb.collection('notifications').subscribe('*', () => onChange());
}

export interface CompoundBrief { id: string; code: string; name: string; township: string; stage: string; households: number; is_demo: boolean }

/**
 * The compounds a staff member may pick from, sorted by code (no geometry). Read from the cached whole layer: the
 * records API adds each compound's staff facts one record at a time (seconds at province scale) even when `fields`
 * then drops them.
 */
export async function listCompoundsBrief(): Promise<CompoundBrief[]> {
  const brief = 'id,code,name,township,stage,households,is_demo';
  const all = await fetchLayer<CompoundBrief>(
    'compounds',
    () => pb.collection('compounds').getFullList({ fields: brief, sort: 'code', requestKey: 'compounds-brief' }) as Promise<CompoundBrief[]>,
    pb,
    'compounds-brief',
  );
  return all.map(({ id, code, name, township, stage, households, is_demo }) => ({ id, code, name, township, stage, households, is_demo }));
}

/**
 * Household numbers from what a township typed: one per line (or comma-separated); "a~b" (or "a至b") of two whole
 * numbers is a range ("1-101" is a door number, not a range). Empty input gives 1…`households`.
 * @example parseHouseholds('1~3\n1-101', 0) // ['1', '2', '3', '1-101']
 */
export function parseHouseholds(text: string, households: number): string[] {
  const parts = text.split(/[\n,，;；]+/).map((s) => s.trim()).filter(Boolean);
  if (!parts.length) return Array.from({ length: households }, (_, i) => String(i + 1));
  const out: string[] = [];
  for (const p of parts) {
    const m = /^(\d+)\s*[~～至]\s*(\d+)$/.exec(p);
    const [a, b] = m ? [Number(m[1]), Number(m[2])] : [0, -1];
    if (m && b >= a && b - a < 5000) for (let n = a; n <= b; n++) out.push(String(n));
    else out.push(p);
  }
  return out;
}

export interface ReceiptFigure { township: string; due_at: string; answered_at: string; created: string }

/** Every complaint's deadline and answer time the account may read (for the year's figures). */
export function listReceiptFigures(year: number): Promise<ReceiptFigure[]> {
  return pb.collection('feedback').getFullList({
    fields: 'township,due_at,answered_at,created', batch: 1000, requestKey: 'receipt-figures',
    filter: pb.filter('created >= {:from} && created < {:to}', { from: `${year - 1}-12-31 16:00:00.000Z`, to: `${year}-12-31 16:00:00.000Z` }),
  }) as Promise<ReceiptFigure[]>;
}

/**
 * Complaints of a year per township: received, answered within the deadline, answered late, open past the deadline.
 * @example receiptFigures([{ township: 't', due_at: '2026-01-09 15:59:59Z', answered_at: '2026-01-05 02:00:00Z', created: '…' }], Date.now())
 */
export function receiptFigures(rows: ReceiptFigure[], now: number): Map<string, { received: number; inTime: number; late: number; overdue: number }> {
  const out = new Map<string, { received: number; inTime: number; late: number; overdue: number }>();
  const at = (s: string) => Date.parse(s.replace(' ', 'T'));
  for (const r of rows) {
    const f = out.get(r.township) ?? { received: 0, inTime: 0, late: 0, overdue: 0 };
    f.received++;
    if (r.answered_at) {
      if (!r.due_at || at(r.answered_at) <= at(r.due_at)) f.inTime++;
      else f.late++;
    } else if (r.due_at && at(r.due_at) < now) f.overdue++;
    out.set(r.township, f);
  }
  return out;
}
