// Reasons from lib/geo ({code, params, at}) in the reader's language: validity problems, skipped compounds,
// repairs and refused options. The geo functions return codes; the words live in messages/geometry.ts.
import { _dictionaries, i18n } from './index.svelte';
import { formatReason, type ReasonLike } from './format-reason';

export type { ReasonLike };

/**
 * A reason as a sentence: `prefix` picks the family ('geometry' for validity, 'skip', 'repair', 'geo' for refused
 * options). Unknown codes come back as the code itself, so nothing is hidden.
 * @example reasonText({ code: 'self_intersection', params: { part: 1, ring: 0 }, at: [111.78, 37.26] })
 *   // '边界自相交（外环），位置 (111.7800000, 37.2600000)'
 */
export function reasonText(r: ReasonLike, prefix: 'geometry' | 'skip' | 'repair' | 'geo' = 'geometry'): string {
  return formatReason(_dictionaries[i18n.locale] as Record<string, string>, r, prefix);
}

/**
 * The translated reason of an error a geo function threw (a GeoError, also after crossing the worker, which keeps
 * only its message "code {params}"), else its message.
 */
export function errorText(err: unknown): string {
  const e = err as { code?: unknown; params?: Record<string, string | number>; message?: string };
  if (typeof e?.code === 'string') return reasonText({ code: e.code, params: e.params }, 'geo');
  const m = /^([a-z_]+) (\{.*\})$/.exec(String(e?.message ?? ''));
  if (m) {
    try {
      return reasonText({ code: m[1], params: JSON.parse(m[2]) }, 'geo');
    } catch {
      /* not a GeoError message */
    }
  }
  return String(e?.message ?? err);
}
