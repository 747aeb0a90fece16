// Street grid, seeded PRNG and local metric frame of the synthetic Fenyang demo city.
// Everything here is demo (示例数据): plausible, not surveyed.

/** Origin of the local frame (metres east/north), near the centre of Fenyang's old town. */
export const DEMO_ORIGIN = Object.freeze({ lon: 111.785, lat: 37.265 });
/** Urban bbox every demo geometry must stay inside: [west, south, east, north] in degrees. */
export const DEMO_BBOX = Object.freeze([111.77, 37.25, 111.8, 37.28]);
/** The clock of the demo's former fixed-date history, kept only for its random draws (demo-generator.mjs); the dated history is relative to the day the demo is seeded (demo-history.mjs). */
export const DEMO_AS_OF = '2025-06-30';

// Equirectangular frame: metres per degree at the origin latitude (error < 0.1 % over 3 km).
const KX = Math.cos((DEMO_ORIGIN.lat * Math.PI) / 180) * 111320;
const KY = 110540;

export const round7 = (v) => Math.round(v * 1e7) / 1e7;

/**
 * Local metres → [lon, lat] rounded to 7 decimals (≈1 cm).
 * @param {number[]} p [x east, y north] in metres
 * @returns {number[]}
 */
export function toLonLat([x, y]) {
  return [round7(DEMO_ORIGIN.lon + x / KX), round7(DEMO_ORIGIN.lat + y / KY)];
}

/**
 * [lon, lat] → local metres (used by tests and checks).
 * @param {number[]} p [lon, lat] in degrees
 * @returns {number[]}
 */
export function toLocal([lon, lat]) {
  return [(lon - DEMO_ORIGIN.lon) * KX, (lat - DEMO_ORIGIN.lat) * KY];
}

/** mulberry32: small, fast, good enough for layout jitter; never Math.random. */
export function makeRng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng = {
    next,
    uni: (a0, b0) => a0 + (b0 - a0) * next(),
    /** integer in [a0, b0] inclusive */
    int: (a0, b0) => a0 + Math.floor(next() * (b0 - a0 + 1)),
    /** value in [a0, b0] on a grid of `s` */
    step: (a0, b0, s) => a0 + s * Math.floor(next() * (Math.round((b0 - a0) / s) + 1)),
    chance: (p) => next() < p,
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    shuffle: (arr) => {
      const out = arr.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
  };
  return rng;
}

/** Compound walls stand this far behind the street's red line (pavement, green strip). */
export const SETBACK_M = 3;

/** The canal (排洪渠) runs along the east side of 西环路. */
export const CANAL = Object.freeze({ x0: -1131, x1: -1119, y0: -1500, y1: 1500, name: '城西排洪渠' });

/** North–south streets, west → east. width_m is the red-line width. */
export const STREETS_NS = Object.freeze([
  { x: -1150, name: '西环路', subtype: 'arterial', width_m: 30 },
  { x: -760, name: '西河路', subtype: 'secondary', width_m: 16 },
  { x: -380, name: '府学街', subtype: 'secondary', width_m: 14 },
  { x: 0, name: '胜利街', subtype: 'arterial', width_m: 36 },
  { x: 380, name: '建昌路', subtype: 'secondary', width_m: 18 },
  { x: 760, name: '英雄路', subtype: 'arterial', width_m: 32 },
  { x: 1150, name: '东环路', subtype: 'arterial', width_m: 30 },
]);

/** East–west streets, north → south. The old main street changes its name at 胜利街 (x = 0). */
export const STREETS_EW = Object.freeze([
  { y: 1380, name: '北环路', subtype: 'arterial', width_m: 30 },
  { y: 930, name: '北关大街', subtype: 'arterial', width_m: 32 },
  { y: 480, name: '幸福街', subtype: 'secondary', width_m: 16 },
  { y: 40, name: '西大街', nameEast: '东大街', subtype: 'arterial', width_m: 30 },
  { y: -400, name: '中华街', subtype: 'secondary', width_m: 16 },
  { y: -840, name: '文峰路', subtype: 'arterial', width_m: 34 },
  { y: -1280, name: '南环路', subtype: 'arterial', width_m: 30 },
]);

/** Extent of street centrelines in local metres (inside DEMO_BBOX with margin). */
export const STREET_EXTENT = Object.freeze({ x0: -1250, x1: 1250, y0: -1500, y1: 1500 });

export function ewName(street, x) {
  return street.nameEast && x > 0 ? street.nameEast : street.name;
}

/**
 * Blocks that hold programme compounds: column c (0 = west), row r (0 = north), number of compounds,
 * cell grid (cols × rows) and the special shape to place first. The rest of each block is other land use.
 */
export const COMPOUND_BLOCKS = Object.freeze([
  // 西河街道 (west)
  { c: 0, r: 2, n: 3, cols: 2, rows: 2, special: null },
  { c: 1, r: 1, n: 3, cols: 3, rows: 2, special: null },
  { c: 1, r: 2, n: 4, cols: 3, rows: 3, special: 'L' },
  { c: 1, r: 3, n: 3, cols: 2, rows: 3, special: null },
  { c: 0, r: 3, n: 2, cols: 2, rows: 2, special: 'hole' },
  // 太和桥街道 (north and centre)
  { c: 2, r: 1, n: 3, cols: 3, rows: 2, special: null },
  { c: 3, r: 1, n: 3, cols: 2, rows: 3, special: 'multi' },
  { c: 2, r: 2, n: 4, cols: 3, rows: 3, special: null },
  { c: 3, r: 2, n: 3, cols: 3, rows: 2, special: 'rect2' },
  { c: 4, r: 2, n: 3, cols: 2, rows: 3, special: null },
  { c: 4, r: 1, n: 2, cols: 2, rows: 2, special: null },
  // 文峰街道 (south and east)
  { c: 2, r: 3, n: 3, cols: 3, rows: 3, special: 'L' },
  { c: 4, r: 3, n: 4, cols: 3, rows: 3, special: 'rect2' },
  { c: 2, r: 4, n: 3, cols: 3, rows: 3, special: 'L' },
  { c: 3, r: 4, n: 3, cols: 3, rows: 2, special: null },
  { c: 4, r: 4, n: 3, cols: 2, rows: 3, special: 'rect2' },
]);

/** The park block (人民公园). */
export const PARK_BLOCK = Object.freeze({ c: 3, r: 3, name: '汾州公园' });

/** Usable rectangle of block (c, r): inside the red lines, minus the setback. */
export function blockRect(c, r) {
  const w = STREETS_NS[c];
  const e = STREETS_NS[c + 1];
  const n = STREETS_EW[r];
  const s = STREETS_EW[r + 1];
  let x0 = w.x + w.width_m / 2 + SETBACK_M;
  if (c === 0) x0 = Math.max(x0, CANAL.x1 + 8);
  return {
    x0,
    x1: e.x - e.width_m / 2 - SETBACK_M,
    y0: s.y + s.width_m / 2 + SETBACK_M,
    y1: n.y - n.width_m / 2 - SETBACK_M,
  };
}

/** Township by position: 西河 west, 太和桥 north/centre, 文峰 south/east (approximate; demo). */
export function townshipForBlock(c, r) {
  if (c <= 1) return '141182003';
  if (r <= 2) return '141182002';
  return '141182001';
}
