// Reasons from lib/geo ({code, params, at}) in the reader's language: validity problems, skipped compounds,
// repairs and refused options. The geo functions return codes; the words live in messages/geometry.ts.
import { t, type MessageKey } from './index.svelte';

export interface ReasonLike {
  code: string;
  params?: Record<string, string | number>;
  at?: [number, number] | number[];
}

const at7 = (at?: number[]) => (at ? `(${at[0].toFixed(7)}, ${at[1].toFixed(7)})` : '');

function whereText(params: Record<string, string | number>): string {
  const bits: string[] = [];
  if (params.part !== undefined && Number(params.part) > 1) bits.push(t('geometry.where.part', { part: params.part }));
  if (params.ring !== undefined) bits.push(Number(params.ring) === 0 ? t('geometry.where.exterior') : t('geometry.where.hole', { ring: params.ring }));
  return bits.length ? ` (${bits.join(', ')})` : '';
}

/**
 * A reason as a sentence: `prefix` picks the family ('geometry' for validity, 'skip', 'repair', 'geo' for refused
 * options). Unknown codes come back as the code itself, so nothing is hidden.
 * @example reasonText({ code: 'self_intersection', params: { part: 1, ring: 0 }, at: [111.78, 37.26] })
 *   // '边界自相交 (外环),位置 (111.7800000, 37.2600000)'
 */
export function reasonText(r: ReasonLike, prefix: 'geometry' | 'skip' | 'repair' | 'geo' = 'geometry'): string {
  const params = r.params ?? {};
  const key = `${prefix}.${r.code}` as MessageKey;
  const text = t(key, { ...params, where: whereText(params), at: at7(r.at) });
  return text === key ? r.code : text;
}

/** The translated reason of an error a geo function threw (a GeoError), else its message. */
export function errorText(err: unknown): string {
  const e = err as { code?: unknown; params?: Record<string, string | number>; message?: string };
  if (typeof e?.code === 'string') return reasonText({ code: e.code, params: e.params }, 'geo');
  return String(e?.message ?? err);
}
