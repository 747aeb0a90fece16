// Finding a compound by what a resident or an official types: part of its name, its code, its address, its community
// or township, or the pinyin initials of its name or community (东关新村 → dgxc). Pure: the public map, the planner's
// search and its list all match with this.
//
// Pinyin initials come from the browser's own Chinese collation (Intl.Collator with the pinyin ordering, part of the
// ICU data every current browser and Node carry): a character's initial is the letter of the last of these
// "first characters" that sorts before it — no pinyin table is shipped. Characters with several readings get the
// collation's (most common) one.
const LETTERS = 'ABCDEFGHJKLMNOPQRSTWXYZ';
/** The first character of each initial in pinyin order (A 阿 … Z 帀); 呣 (m) opens M. */
const FIRSTS = '阿八嚓哒妸发旮哈讥咔垃呣拏噢妑七呥扨它穵夕丫帀';
const HAN = /[\u3400-\u9fff]/;
let collator: Intl.Collator | null = null;

function initialOf(ch: string): string {
  if (!HAN.test(ch)) return /[a-z0-9]/i.test(ch) ? ch.toLowerCase() : '';
  collator ??= new Intl.Collator('zh-Hans-CN-u-co-pinyin');
  let lo = 0;
  let hi = FIRSTS.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (collator.compare(FIRSTS[mid], ch) <= 0) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found < 0 ? '' : LETTERS[found].toLowerCase();
}

/**
 * Lower-case pinyin initials of the Chinese characters in `text` (Latin letters and digits kept, the rest dropped).
 * @example pinyinInitials('东关新村') // 'dgxc'
 */
export function pinyinInitials(text: string): string {
  return [...text].map(initialOf).join('');
}

/** Lower case, full-width forms folded (ＦＹ－００１ → fy-001), spaces dropped. */
export function normaliseQuery(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** What a compound can be found by. */
export interface Findable {
  name: string;
  code: string;
  address?: string;
  community?: string;
  township?: string;
}

/**
 * One string holding everything a compound is found by (for {@link matchesQuery}); compute it once per compound.
 * @example searchText({ name: '东关新村', code: 'FY-001', community: '东关社区' }) // includes 'fy-001', 'dgxc', 'dgsq'
 */
export function searchText(c: Findable): string {
  const parts = [c.name, c.code, c.address ?? '', c.community ?? '', c.township ?? ''];
  return [...parts.map(normaliseQuery), pinyinInitials(c.name), pinyinInitials(c.community ?? '')].join('\u0001');
}

/**
 * Whether every word of `query` (split at spaces) occurs in the compound's search text.
 * @example matchesQuery(searchText({ name: '东关新村', code: 'FY-001' }), '东关 001') // true
 */
export function matchesQuery(text: string, query: string): boolean {
  const words = query.split(/\s+/).map(normaliseQuery).filter(Boolean);
  return words.every((w) => text.includes(w));
}
