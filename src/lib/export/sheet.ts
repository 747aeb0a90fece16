// The print sheet as a list of drawing operations in millimetres on the whole paper (title, map frame, legend, scale
// bar, north arrow, date, source, data time, 示例数据 mark), so the screen preview, the PNG and the PDF are one layout:
// the PNG paints it on a canvas at paper size × dpi, the PDF as vectors (text, lines, swatches) around the map image.
// The map is drawn by MapLibre into the map frame, so anything its style draws (labels included) is on the sheet.
import { swatchPattern } from '../map/stage-patterns';
import type { Stage } from '../types';

export type Paper = 'A4' | 'A3' | 'A2' | 'A1' | 'A0';
export type Orientation = 'portrait' | 'landscape';

/** ISO 216 paper sizes, millimetres (short side, long side). */
export const PAPER_MM: Record<Paper, readonly [number, number]> = {
  A4: [210, 297], A3: [297, 420], A2: [420, 594], A1: [594, 841], A0: [841, 1189],
};

/** Paper margin left white on every side (printers cannot print to the edge). */
export const SHEET_MARGIN_MM = 10;

export interface Rect { x: number; y: number; w: number; h: number }

export interface SheetLayout {
  page: { w: number; h: number };
  /** Font and band scale: 1 on A4, growing with the paper so A0 text is readable at its distance. */
  scale: number;
  title: Rect;
  map: Rect;
  legend: Rect;
  footer: Rect;
}

/**
 * Where everything goes on a paper, in mm from the paper's top-left corner.
 * @example sheetLayout('A4', 'landscape').page // { w: 297, h: 210 }
 */
export function sheetLayout(paper: Paper, orientation: Orientation): SheetLayout {
  const [a, b] = PAPER_MM[paper];
  const page = orientation === 'portrait' ? { w: a, h: b } : { w: b, h: a };
  const s = Math.min(page.w, page.h) / 210;
  const m = SHEET_MARGIN_MM;
  const titleH = 14 * s;
  const footerH = 9 * s;
  const legendW = 48 * s;
  const inset = 3 * s;
  const mainY = m + titleH;
  const mainH = page.h - 2 * m - titleH - footerH;
  return {
    page,
    scale: s,
    title: { x: m, y: m, w: page.w - 2 * m, h: titleH },
    map: { x: m + inset, y: mainY + inset, w: page.w - 2 * m - legendW - 2 * inset, h: mainH - 2 * inset },
    legend: { x: page.w - m - legendW, y: mainY, w: legendW, h: mainH },
    footer: { x: m, y: page.h - m - footerH, w: page.w - 2 * m, h: footerH },
  };
}

/** Metres per CSS pixel of a Web Mercator map (512-pixel tiles) at a zoom and latitude. */
export function metresPerCssPx(zoom: number, latDeg: number): number {
  return (40075016.686 * Math.cos((latDeg * Math.PI) / 180)) / (512 * 2 ** zoom);
}

/** Metres of paper per CSS pixel (96 CSS pixels an inch). */
const PAPER_M_PER_CSS_PX = 0.0254 / 96;

/**
 * The scale denominator (1 : N) of a map printed at CSS size, from its zoom and latitude.
 * @example scaleDenominator(16, 37.27) // ≈ 6,740
 */
export function scaleDenominator(zoom: number, latDeg: number): number {
  return metresPerCssPx(zoom, latDeg) / PAPER_M_PER_CSS_PX;
}

/**
 * The zoom at which a map at a latitude prints at 1 : `denominator` (the inverse of {@link scaleDenominator}).
 * @example zoomForScale(5000, 37.27) // ≈ 16.43
 */
export function zoomForScale(denominator: number, latDeg: number): number {
  return Math.log2((40075016.686 * Math.cos((latDeg * Math.PI) / 180)) / (512 * denominator * PAPER_M_PER_CSS_PX));
}

/**
 * A denominator rounded to two significant figures (1 : 6,740 → 1 : 6,700), the scale a sheet states.
 * @example roundScale(6740) // 6700
 */
export function roundScale(n: number): number {
  const p = 10 ** Math.floor(Math.log10(n));
  return (Math.round(n / (p / 10)) * p) / 10;
}

/**
 * The scale bar for a scale: the longest round length (1, 2 or 5 × 10ⁿ metres) that fits in `maxMm` of paper.
 * @example scaleBar(5000, 40) // { metres: 200, mm: 40, label: '200 m' }
 */
export function scaleBar(denominator: number, maxMm: number): { metres: number; mm: number; label: string } {
  const maxM = (maxMm / 1000) * denominator;
  const p = 10 ** Math.floor(Math.log10(maxM));
  const metres = [5, 2, 1].map((k) => k * p).find((v) => v <= maxM + 1e-9) ?? p;
  return { metres, mm: (metres / denominator) * 1000, label: metres >= 1000 ? `${metres / 1000} km` : `${metres} m` };
}

export interface LegendRow {
  key: string;
  color: string;
  label: string;
  count: number;
  /** The stage whose hatch pattern goes over the swatch (so the legend reads in black and white, as the map does). */
  pattern?: Stage;
}

export interface SheetSpec {
  paper: Paper;
  orientation: Orientation;
  title: string;
  /** e.g. '制图日期：2026-12-02'. */
  date: string;
  legendTitle: string;
  legend: readonly LegendRow[];
  total: { label: string; count: number };
  /** Small line under the legend (e.g. '按地图当前筛选条件统计'), or ''. */
  legendNote: string;
  /** The stated scale 1 : N (the map is rendered at exactly this scale). */
  denominator: number;
  northLabel: string;
  source: string;
  /** e.g. '数据时间：2026-12-02 10:30（北京时间）'. */
  dataTime: string;
  /** Any compound on the sheet is demo data: the sheet says 示例数据. */
  demo: boolean;
  demoLabel: string;
  /** Note on the county outline's precision. */
  outlineNote: string;
}

/** Which part of the sheet an operation draws (the screen preview names its parts by these). */
export interface OpPart {
  part?: 'background' | 'frame' | 'title' | 'north' | 'scale' | 'legend' | 'footer';
  /** A finer name inside a part, e.g. a legend row's stage code. */
  item?: string;
}

export type DrawOp = OpPart & (
  | { op: 'rect'; x: number; y: number; w: number; h: number; fill?: string; stroke?: string; lineMm?: number }
  | { op: 'poly'; points: readonly (readonly [number, number])[]; fill?: string; stroke?: string; lineMm?: number }
  | { op: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: string; lineMm: number }
  | { op: 'text'; x: number; y: number; text: string; sizePt: number; bold?: boolean; align?: 'left' | 'right' | 'center'; color?: string }
  | { op: 'map'; x: number; y: number; w: number; h: number });

/** Points to millimetres (text sizes). */
export const ptToMm = (pt: number) => (pt * 25.4) / 72;

/**
 * The drawing operations of a sheet, in the order they are painted (the map first, its frame and overlays after).
 * Text positions are baselines.
 * @example sheetOps(spec).filter((o) => o.op === 'text').map((o) => o.text) // includes the title and '1 : 5,000'
 */
export function sheetOps(spec: SheetSpec): DrawOp[] {
  const L = sheetLayout(spec.paper, spec.orientation);
  const s = L.scale;
  const all: DrawOp[] = [];
  let part: OpPart = {};
  const ops = { push: (o: DrawOp) => all.push({ ...part, ...o }) };
  const ink = '#111827';
  const text = (x: number, y: number, t: string, sizePt: number, more: Partial<Extract<DrawOp, { op: 'text' }>> = {}) =>
    ops.push({ op: 'text', x, y, text: t, sizePt: sizePt * s, ...more });

  part = { part: 'background' };
  ops.push({ op: 'rect', x: 0, y: 0, w: L.page.w, h: L.page.h, fill: '#ffffff' });
  part = { part: 'frame' };
  ops.push({ op: 'map', ...L.map });
  ops.push({ op: 'rect', ...L.map, stroke: '#6b7280', lineMm: 0.3 * s });

  part = { part: 'title' };
  // Title band: the title left, the date right, a rule under both.
  const tBase = L.title.y + L.title.h - 3.5 * s;
  text(L.title.x + 1 * s, tBase, spec.title, 18, { bold: true });
  text(L.title.x + L.title.w - 1 * s, tBase, spec.date, 10, { align: 'right', color: '#374151' });
  ops.push({ op: 'line', x1: L.title.x, y1: L.title.y + L.title.h, x2: L.title.x + L.title.w, y2: L.title.y + L.title.h, stroke: ink, lineMm: 0.4 * s });

  part = { part: 'north' };
  // North arrow, top right inside the frame.
  const na = { w: 9 * s, h: 14 * s };
  const nx = L.map.x + L.map.w - na.w - 3 * s;
  const ny = L.map.y + 3 * s;
  ops.push({ op: 'rect', x: nx - 1 * s, y: ny - 1 * s, w: na.w + 2 * s, h: na.h + 2 * s, fill: '#ffffff', stroke: '#d1d5db', lineMm: 0.2 * s });
  const cx = nx + na.w / 2;
  const tip: [number, number] = [cx, ny + 0.5 * s];
  const foot = ny + na.h * 0.68;
  ops.push({ op: 'poly', points: [tip, [nx + na.w - 1 * s, foot], [cx, foot - 2.2 * s], [nx + 1 * s, foot]], fill: ink });
  ops.push({ op: 'poly', points: [tip, [cx, foot - 2.2 * s], [nx + 1 * s, foot]], fill: '#ffffff', stroke: ink, lineMm: 0.25 * s });
  text(cx, ny + na.h - 0.3 * s, 'N', 9, { bold: true, align: 'center' });

  part = { part: 'scale' };
  // Scale bar, bottom left inside the frame: two halves, 0 and the length, and 1 : N.
  const bar = scaleBar(spec.denominator, Math.min(40 * s, L.map.w / 3));
  const bx = L.map.x + 3 * s;
  const boxH = 11 * s;
  const by = L.map.y + L.map.h - 3 * s - boxH;
  ops.push({ op: 'rect', x: bx, y: by, w: bar.mm + 8 * s, h: boxH, fill: '#ffffff', stroke: '#d1d5db', lineMm: 0.2 * s });
  const barX = bx + 4 * s;
  const barY = by + 2 * s;
  const barH = 1.8 * s;
  ops.push({ op: 'rect', x: barX, y: barY, w: bar.mm / 2, h: barH, fill: ink });
  ops.push({ op: 'rect', x: barX, y: barY, w: bar.mm, h: barH, stroke: ink, lineMm: 0.25 * s });
  text(barX, barY + barH + 3 * s, '0', 7, { align: 'center' });
  text(barX + bar.mm, barY + barH + 3 * s, bar.label, 7, { align: 'center' });
  text(barX + bar.mm / 2, by + boxH - 1 * s, `1 : ${Math.round(spec.denominator).toLocaleString('en-US')}`, 7, { align: 'center' });

  part = { part: 'legend' };
  // Legend: heading, one row per stage (swatch, label, count), total, note.
  const lx = L.legend.x + 3 * s;
  const lw = L.legend.w - 6 * s;
  let ly = L.legend.y + 8 * s;
  text(lx, ly, spec.legendTitle, 11, { bold: true });
  ly += 3 * s;
  const rowH = 6 * s;
  for (const r of spec.legend) {
    part = { part: 'legend', item: r.key };
    ops.push({ op: 'rect', x: lx, y: ly + 1 * s, w: 4 * s, h: 4 * s, fill: r.color, stroke: '#374151', lineMm: 0.15 * s });
    if (r.pattern) {
      const hatch = swatchPattern(r.pattern, 4 * s, 4 * s, 2 * s);
      const [x0, y0] = [lx, ly + 1 * s];
      for (const [x1, y1, x2, y2] of hatch.lines) {
        ops.push({ op: 'line', x1: x0 + x1, y1: y0 + y1, x2: x0 + x2, y2: y0 + y2, stroke: '#111827', lineMm: hatch.lineWidth });
      }
      for (const [cx, cy, rad] of hatch.dots) {
        const points = Array.from({ length: 8 }, (_, k) => [x0 + cx + rad * Math.cos((k * Math.PI) / 4), y0 + cy + rad * Math.sin((k * Math.PI) / 4)] as const);
        ops.push({ op: 'poly', points, fill: '#111827' });
      }
    }
    text(lx + 6 * s, ly + 4.3 * s, r.label, 9);
    text(lx + lw, ly + 4.3 * s, String(r.count), 9, { align: 'right' });
    ly += rowH;
  }
  part = { part: 'legend' };
  ops.push({ op: 'line', x1: lx, y1: ly + 0.5 * s, x2: lx + lw, y2: ly + 0.5 * s, stroke: '#9ca3af', lineMm: 0.3 * s });
  text(lx, ly + 4.8 * s, spec.total.label, 9, { bold: true });
  text(lx + lw, ly + 4.8 * s, String(spec.total.count), 9, { bold: true, align: 'right' });
  if (spec.legendNote) text(lx, ly + 10 * s, spec.legendNote, 7, { color: '#6b7280' });

  part = { part: 'footer' };
  // Footer: source · data time · outline note, and the demo mark at the right.
  ops.push({ op: 'line', x1: L.footer.x, y1: L.footer.y, x2: L.footer.x + L.footer.w, y2: L.footer.y, stroke: '#d1d5db', lineMm: 0.3 * s });
  const fBase = L.footer.y + 4 * s;
  text(L.footer.x + 1 * s, fBase, `${spec.source}　${spec.dataTime}`, 7.5);
  text(L.footer.x + 1 * s, fBase + 3.6 * s, spec.outlineNote, 6.5, { color: '#6b7280' });
  if (spec.demo) {
    const w = 22 * s;
    const x = L.footer.x + L.footer.w - w;
    ops.push({ op: 'rect', x, y: L.footer.y + 1.5 * s, w, h: 6 * s, fill: '#fef3c7', stroke: '#b45309', lineMm: 0.3 * s });
    text(x + w / 2, L.footer.y + 5.8 * s, spec.demoLabel, 9, { bold: true, align: 'center', color: '#92400e' });
  }
  return all;
}

/** Pixels of a paper at a resolution (the PNG's size). */
export function sheetPixels(paper: Paper, orientation: Orientation, dpi: number): { w: number; h: number } {
  const { page } = sheetLayout(paper, orientation);
  return { w: Math.round((page.w / 25.4) * dpi), h: Math.round((page.h / 25.4) * dpi) };
}

/** The map frame in CSS pixels (96 an inch): the size the map is laid out at, on screen and offscreen. */
export function mapFrameCssPx(paper: Paper, orientation: Orientation): { w: number; h: number } {
  const { map } = sheetLayout(paper, orientation);
  return { w: (map.w / 25.4) * 96, h: (map.h / 25.4) * 96 };
}

/** Chromium's 2D canvas limits: a side of at most 32,767 pixels and at most 268,435,456 pixels in all. */
export const CANVAS_2D_MAX_SIDE = 32_767;
export const CANVAS_2D_MAX_AREA = 268_435_456;

/**
 * Why a sheet cannot be drawn at a resolution in this browser (null when it can): the sheet must fit a 2D canvas and
 * the map frame the WebGL limit `glMaxPx`. The message names the size and the highest resolution that fits.
 * @example sheetTooLarge('A0', 'landscape', 300, 8192) // '… 请选 150 dpi …'
 */
export function sheetTooLarge(paper: Paper, orientation: Orientation, dpi: number, glMaxPx: number, choices: readonly number[] = [150, 200, 300, 600]): string | null {
  const sheet = sheetPixels(paper, orientation, dpi);
  const frame = mapFrameCssPx(paper, orientation);
  const map = { w: Math.round(Math.round(frame.w) * (dpi / 96)), h: Math.round(Math.round(frame.h) * (dpi / 96)) };
  const fits = (d: number) => {
    const sp = sheetPixels(paper, orientation, d);
    const mp = Math.max(Math.round(frame.w), Math.round(frame.h)) * (d / 96);
    return Math.max(sp.w, sp.h) <= CANVAS_2D_MAX_SIDE && sp.w * sp.h <= CANVAS_2D_MAX_AREA && mp <= glMaxPx;
  };
  if (fits(dpi)) return null;
  const best = [...choices].filter((d) => d < dpi && fits(d)).sort((a, b) => b - a)[0];
  const turn = orientation === 'landscape' ? '横向' : '纵向';
  const n = (v: number) => v.toLocaleString('en-US');
  return `${paper} ${turn} ${dpi} dpi 的图面需 ${n(sheet.w)} × ${n(sheet.h)} 像素（其中地图 ${n(map.w)} × ${n(map.h)}），` +
    `超出本浏览器能绘制的上限（地图每边 ${n(glMaxPx)} 像素）；` +
    (best ? `请改选 ${best} dpi，或选较小的纸张。` : '请选较小的纸张。');
}
