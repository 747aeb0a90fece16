// When the heavy layers are drawn from vector tiles instead of one GeoJSON each: above a programme size where one
// GeoJSON costs the browser seconds (a province). One threshold for the compounds and the buildings, live or published.

/** Above this many compounds the map draws compounds and buildings from vector tiles. */
export const TILED_ABOVE_COMPOUNDS = 2000;

/**
 * Lowest zoom the map draws compound outlines from tiles: below it a tile holds thousands of compounds, each under a
 * pixel, and costs the server seconds to cut; the map shows each compound as a dot at its name's point instead.
 */
export const COMPOUND_TILES_MINZOOM = 12;

/** localStorage key that sets another threshold in this browser (tests; trying the tiled map on a small programme). */
export const TILED_ABOVE_KEY = 'fy.tiledAbove';

/**
 * The threshold in force: TILED_ABOVE_COMPOUNDS, or a whole number ≥ 0 stored under TILED_ABOVE_KEY (anything else
 * there is ignored).
 * @example localStorage.setItem('fy.tiledAbove', '0'); tiledAbove() // 0: every programme is drawn from tiles
 */
export function tiledAbove(): number {
  let stored: string | null = null;
  try {
    stored = globalThis.localStorage?.getItem(TILED_ABOVE_KEY) ?? null;
  } catch {
    /* storage blocked: the default */
  }
  return stored !== null && /^\d{1,9}$/.test(stored.trim()) ? Number(stored.trim()) : TILED_ABOVE_COMPOUNDS;
}

/** Whether a programme of `compounds` compounds is drawn from vector tiles. */
export const isTiled = (compounds: number): boolean => compounds > tiledAbove();
