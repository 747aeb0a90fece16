// The last column mapping per source, remembered in the browser: a sheet or shapefile with the same columns (the
// same survey form, exported again) gets the mapping the user settled on last time instead of the guess.

const KEY = 'fy-import-mappings';
const MAX = 30;

/** A source's signature: its target and its column names, sorted (order and file name do not matter). */
export function sourceKey(columns: readonly string[], target: string): string {
  return `${target}:${[...columns].map((c) => c.trim()).sort().join('\u0001')}`;
}

function read(): Record<string, { mapping: Record<string, string>; at: number }> {
  try {
    return JSON.parse(globalThis.localStorage?.getItem(KEY) ?? '{}');
  } catch {
    return {};
  }
}

/** The mapping last used for a source with these columns, or null. Only columns that exist are kept. */
export function rememberedMapping(columns: readonly string[], target: string): Record<string, string> | null {
  const hit = read()[sourceKey(columns, target)];
  if (!hit) return null;
  const have = new Set(columns);
  return Object.fromEntries(Object.entries(hit.mapping).filter(([, c]) => !c || have.has(c)));
}

/** Remember the mapping used for a source (the most recent MAX sources are kept). */
export function rememberMapping(columns: readonly string[], target: string, mapping: Record<string, string>): void {
  try {
    const all = read();
    all[sourceKey(columns, target)] = { mapping, at: Date.now() };
    const kept = Object.entries(all).sort((a, b) => b[1].at - a[1].at).slice(0, MAX);
    globalThis.localStorage?.setItem(KEY, JSON.stringify(Object.fromEntries(kept)));
  } catch {
    /* storage may be blocked: the guess is used next time */
  }
}
