// Turning a geometry reason ({code, params, at}) into words with a given dictionary: the formatter behind the UI's
// reasonText (validity problems, skipped compounds, repairs, refused options). Plain TS, no runes.

export interface ReasonLike {
  code: string;
  params?: Record<string, string | number>;
  at?: [number, number] | number[];
}

type Dictionary = Record<string, string>;

const at7 = (at?: number[]) => (at ? `(${at[0].toFixed(7)}, ${at[1].toFixed(7)})` : '');

function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (params[k] === undefined ? m : String(params[k])));
}

/**
 * The sentence for a reason in `dict`: `prefix.code` filled with params, {where} (part and ring) and {at} (place).
 * Unknown codes come back as the code itself, so nothing is hidden.
 * @example formatReason(geometry.zh, { code: 'hole_outside', params: { part: 1, ring: 2 }, at: [111.78, 37.26] })
 *   // '内环（洞）不在外环内（洞2），位置 (111.7800000, 37.2600000)'
 */
export function formatReason(dict: Dictionary, r: ReasonLike, prefix = 'geometry'): string {
  const params = r.params ?? {};
  const text = dict[`${prefix}.${r.code}`];
  if (text === undefined) return r.code;
  const bits: string[] = [];
  if (params.part !== undefined && Number(params.part) > 1) bits.push(fill(dict['geometry.where.part'] ?? '{part}', params));
  if (params.ring !== undefined) bits.push(Number(params.ring) === 0 ? dict['geometry.where.exterior'] ?? '' : fill(dict['geometry.where.hole'] ?? '{ring}', params));
  const where = bits.length ? fill(dict['geometry.where'] ?? ' ({list})', { list: bits.join(dict['geometry.where.sep'] ?? ', ') }) : '';
  return fill(text, { ...params, where, at: at7(r.at) });
}
