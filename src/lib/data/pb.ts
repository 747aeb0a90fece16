// The one PocketBase client of the SPA. Only src/lib/data talks to the server, and every failure goes through
// describeError(): aborted requests (a newer request with the same requestKey replaced them) are not errors, the
// project's own hooks answer in Chinese already, and PocketBase's own English answers and field validation codes are
// said in the user's language (messages `err.*` and `field.*`).
import PocketBase, { ClientResponseError, type RecordService } from 'pocketbase';
import { fieldLabel, hasMessage, i18n, t, type MessageKey } from '../i18n/index.svelte';
import type { CollectionName, CollectionRecords } from './schema.gen';

/**
 * The SDK client typed by the migrated schema: `pb.collection('design_zones')` returns design-zone records, and a
 * collection that does not exist is a compile error.
 */
export interface TypedPocketBase extends PocketBase {
  collection<K extends CollectionName>(idOrName: K): RecordService<CollectionRecords[K]>;
}

export const pb = new PocketBase(typeof window === 'undefined' ? 'http://127.0.0.1:8090' : window.location.origin) as TypedPocketBase;

/** True when a request was cancelled on purpose (autocancel by requestKey, or page navigation). */
export function isAbort(err: unknown): boolean {
  return err instanceof ClientResponseError ? err.isAbort : (err as { name?: string })?.name === 'AbortError';
}

/** True when the server refused a request for coming too often (HTTP 429, PocketBase's rate limits). */
export function isRateLimited(err: unknown): boolean {
  return err instanceof ClientResponseError && err.status === 429;
}

/** What PocketBase answers on failure: `{message, data: {field: {code, message}}}`. */
export interface FailureBody {
  message?: string;
  data?: Record<string, unknown>;
}

// PocketBase's own top-level messages (its hooks' and rules' refusals from this project are Chinese already).
const KNOWN_MESSAGES: Record<string, MessageKey> = {
  'Failed to create record.': 'err.create',
  'Failed to update record.': 'err.update',
  'Failed to delete record.': 'err.delete',
  'Failed to authenticate.': 'err.auth',
  'Failed to load the submitted data due to invalid formatting.': 'err.bad_data',
  'An error occurred while validating the submitted data.': 'err.validation',
  'Batch transaction failed.': 'err.batch',
  'Too Many Requests.': 'err.status.429',
};

const hasChinese = (s: string) => /[\u3400-\u9fff]/.test(s);

/** The project's hooks answer "中文 / English": the half in the user's language (the whole when it is not so split). */
function serverWords(message: string): string {
  const at = message.lastIndexOf(' / ');
  if (at < 0) return message;
  const [zhPart, enPart] = [message.slice(0, at).trim(), message.slice(at + 3).trim()];
  if (!hasChinese(zhPart) || hasChinese(enPart) || !enPart) return message;
  return i18n.locale === 'zh' ? zhPart : enPart;
}

/** The top-level message in the user's language: the server's own when it wrote one in Chinese. */
function messageOf(status: number, message: string): string {
  if (message && hasChinese(message)) return serverWords(message);
  const known = KNOWN_MESSAGES[message.trim()];
  if (known) return t(known);
  const byStatus = `err.status.${status}`;
  return hasMessage(byStatus) ? t(byStatus) : t('err.status.other', { status });
}

/** One field's error: its label and what is wrong (the server's words when Chinese, else its validation code's). */
function fieldProblem(field: string, v: unknown): string {
  const { code = '', message = '' } = (v && typeof v === 'object' ? v : {}) as { code?: string; message?: string };
  const key = `err.field.${code}`;
  const what = message && hasChinese(message) ? serverWords(message) : hasMessage(key) ? t(key) : t('err.field.other');
  return t('err.field_problem', { field: fieldLabel(field), what });
}

/**
 * One message for a failed request: its message and every field it names (so the UI can say which field is wrong),
 * in the user's language. Used for single requests and for one failed request inside a batch.
 * @example describeFailure(400, { message: 'Failed to create record.', data: { name: { code: 'validation_required' } } })
 *   // → '保存失败（名称：不能为空）'
 */
export function describeFailure(status: number, body: FailureBody): string {
  const data = body.data ?? {};
  const message = messageOf(status, body.message ?? '');
  // A hook often repeats its message on the field it names: said once.
  const fields = Object.entries(data)
    .filter(([field, v]) => field !== 'requests' && (v as { message?: string })?.message !== body.message)
    .map(([field, v]) => fieldProblem(field, v));
  return fields.length ? t('err.with_fields', { message, fields: fields.join(t('err.list_separator')) }) : message;
}

/** One message for one failure, in the user's language; '' for a request replaced by a newer one. */
export function describeError(err: unknown): string {
  if (isAbort(err)) return '';
  if (err instanceof ClientResponseError) {
    if (err.status === 0) return t('err.unreachable');
    return describeFailure(err.status, (err.response ?? {}) as FailureBody);
  }
  return err instanceof Error ? err.message : String(err);
}
