// One hatch pattern per stage, beside its colour, so a black-and-white print (or a reader who cannot tell the colours
// apart) still reads the stage: dots, diagonal lines, horizontal lines, cross-hatching, vertical lines, a grid. Each
// pattern is written once as lines and dots on a unit tile; from that one definition come the map's fill-pattern images
// (rasterised here, no image files or network), the legend swatches' CSS (an SVG data URI) and the print sheet's
// legend swatches (vector lines).
import { STAGES, type Stage } from '../types';

/** Lines [x1, y1, x2, y2] and dots [cx, cy, r] on a unit tile (0–1, y down) that repeats seamlessly. */
export interface TilePattern {
  lines: readonly (readonly [number, number, number, number])[];
  dots: readonly (readonly [number, number, number])[];
}

// A tile's diagonal joins its neighbours' into continuous lines.
const DIAGONAL = [[0, 1, 1, 0]] as const;
const ANTI_DIAGONAL = [[0, 0, 1, 1]] as const;
const HORIZONTAL = [[0, 0.5, 1, 0.5]] as const;
const VERTICAL = [[0.5, 0, 0.5, 1]] as const;

export const STAGE_PATTERNS: Record<Stage, TilePattern> = {
  demand: { lines: [], dots: [[0.25, 0.25, 0.11], [0.75, 0.75, 0.11]] },
  scheme: { lines: DIAGONAL, dots: [] },
  planned: { lines: HORIZONTAL, dots: [] },
  construction: { lines: [...DIAGONAL, ...ANTI_DIAGONAL], dots: [] },
  accepted: { lines: VERTICAL, dots: [] },
  maintained: { lines: [...HORIZONTAL, ...VERTICAL], dots: [] },
};

/** Map image id of a stage's pattern. */
export const stagePatternId = (stage: Stage) => `stage-pattern-${stage}`;

/** Ink of the hatching: dark and half transparent, so the stage colour shows through on screen. */
const INK: [number, number, number, number] = [17, 24, 39, 150];
/** Line width as a share of the tile. */
const LINE_WIDTH = 0.09;

function segmentDistance(px: number, py: number, [x1, y1, x2, y2]: readonly [number, number, number, number]): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const t = Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
}

/**
 * The pattern as an RGBA image `size` pixels square (anti-aliased; transparent between the strokes), for
 * `map.addImage(id, image, { pixelRatio })`. Neighbouring tiles are taken into account, so the image repeats seamlessly.
 * @example const img = patternImage(STAGE_PATTERNS.scheme, 32); img.data.length === 32 * 32 * 4
 */
export function patternImage(p: TilePattern, size: number): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(size * size * 4);
  const half = LINE_WIDTH / 2;
  const px = 1 / size;
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      const x = (i + 0.5) / size;
      const y = (j + 0.5) / size;
      let d = Infinity;
      for (const ox of [-1, 0, 1]) {
        for (const oy of [-1, 0, 1]) {
          for (const l of p.lines) d = Math.min(d, segmentDistance(x, y, [l[0] + ox, l[1] + oy, l[2] + ox, l[3] + oy]) - half);
          for (const [cx, cy, r] of p.dots) d = Math.min(d, Math.hypot(x - cx - ox, y - cy - oy) - r);
        }
      }
      // Coverage of the pixel by the stroke, from the signed distance (one pixel of soft edge).
      const cover = Math.max(0, Math.min(1, 0.5 - d / px));
      const k = (j * size + i) * 4;
      data[k] = INK[0];
      data[k + 1] = INK[1];
      data[k + 2] = INK[2];
      data[k + 3] = Math.round(INK[3] * cover);
    }
  }
  return { width: size, height: size, data };
}

/**
 * The pattern as a CSS `background-image` (an SVG data URI; nothing is fetched) with a tile of `tilePx` CSS pixels,
 * for legend swatches: set it over the stage colour.
 * @example `background: ${stagePatternCss('scheme')}, ${STAGE_COLORS.scheme}`
 */
export function stagePatternCss(stage: Stage, tilePx = 6): string {
  const p = STAGE_PATTERNS[stage];
  const n = (v: number) => +(v * tilePx).toFixed(2);
  const w = n(LINE_WIDTH) * 1.2;
  const shapes = [
    ...p.lines.map((l) => `<line x1='${n(l[0])}' y1='${n(l[1])}' x2='${n(l[2])}' y2='${n(l[3])}' stroke='%23111827' stroke-opacity='0.7' stroke-width='${w}'/>`),
    ...p.dots.map(([cx, cy, r]) => `<circle cx='${n(cx)}' cy='${n(cy)}' r='${n(r)}' fill='%23111827' fill-opacity='0.75'/>`),
  ].join('');
  return `url("data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' width='${tilePx}' height='${tilePx}'>${shapes}</svg>") 0 0 / ${tilePx}px ${tilePx}px repeat`;
}

/** Clips the segment to the box [x0, y0, x1, y1] (Liang–Barsky); null when it misses. */
function clip(seg: readonly [number, number, number, number], [bx0, by0, bx1, by1]: [number, number, number, number]) {
  const [x1, y1, x2, y2] = seg;
  const dx = x2 - x1;
  const dy = y2 - y1;
  let t0 = 0;
  let t1 = 1;
  for (const [p, q] of [[-dx, x1 - bx0], [dx, bx1 - x1], [-dy, y1 - by0], [dy, by1 - y1]]) {
    if (p === 0) {
      if (q < 0) return null;
    } else {
      const r = q / p;
      if (p < 0) t0 = Math.max(t0, r);
      else t1 = Math.min(t1, r);
      if (t0 > t1) return null;
    }
  }
  return [x1 + t0 * dx, y1 + t0 * dy, x1 + t1 * dx, y1 + t1 * dy] as const;
}

/**
 * The pattern repeated over a swatch `w` × `h` with tiles `tile` wide (any unit, e.g. mm), as lines clipped to the
 * swatch and dots (centre and radius) inside it — for vector painters (the print sheet).
 * @example swatchPattern('planned', 4, 4, 2).lines.length === 2 // two horizontal lines
 */
export function swatchPattern(stage: Stage, w: number, h: number, tile: number) {
  const p = STAGE_PATTERNS[stage];
  const lines: [number, number, number, number][] = [];
  const dots: [number, number, number][] = [];
  const box: [number, number, number, number] = [0, 0, w, h];
  const seen = new Set<string>();
  for (let ty = -1; ty * tile < h + tile; ty++) {
    for (let tx = -1; tx * tile < w + tile; tx++) {
      for (const l of p.lines) {
        const c = clip([(tx + l[0]) * tile, (ty + l[1]) * tile, (tx + l[2]) * tile, (ty + l[3]) * tile], box);
        if (!c || Math.hypot(c[2] - c[0], c[3] - c[1]) < 1e-9) continue;
        const key = c.map((v) => v.toFixed(6)).join(',');
        if (seen.has(key)) continue;
        seen.add(key);
        lines.push([...c]);
      }
      for (const [cx, cy, r] of p.dots) {
        const x = (tx + cx) * tile;
        const y = (ty + cy) * tile;
        if (x - r * tile >= 0 && y - r * tile >= 0 && x + r * tile <= w && y + r * tile <= h) dots.push([x, y, r * tile]);
      }
    }
  }
  return { lines, dots, lineWidth: LINE_WIDTH * tile };
}

/** Every stage's pattern image, `size` pixels square. */
export function stagePatternImages(size: number): Record<string, ReturnType<typeof patternImage>> {
  return Object.fromEntries(STAGES.map((s) => [stagePatternId(s), patternImage(STAGE_PATTERNS[s], size)]));
}
