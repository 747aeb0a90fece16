// Guards the stage hatch patterns (a black-and-white print still tells the stages apart): one definition drawn as the
// map's pattern images, the legend's CSS and the print sheet's vector swatches — each stage's pattern where it should be.
import { describe, expect, it } from 'vitest';
import { sheetOps, type SheetSpec } from '../../src/lib/export/sheet';
import { patternImage, STAGE_PATTERNS, stagePatternCss, stagePatternImages, swatchPattern } from '../../src/lib/map/stage-patterns';
import { STAGES } from '../../src/lib/types';

const inked = (img: ReturnType<typeof patternImage>, x: number, y: number) => img.data[(y * img.width + x) * 4 + 3] > 60;

describe('pattern images', () => {
  it('draw each stage as its own image, 32 px square, transparent between the strokes', () => {
    const images = stagePatternImages(32);
    expect(Object.keys(images)).toEqual(STAGES.map((s) => `stage-pattern-${s}`));
    const signatures = new Set(Object.values(images).map((i) => Buffer.from(i.data).toString('base64')));
    expect(signatures.size).toBe(STAGES.length);
    for (const img of Object.values(images)) {
      const alpha = [...img.data.filter((_, k) => k % 4 === 3)];
      expect(alpha.some((a) => a === 0)).toBe(true);
      expect(alpha.some((a) => a > 100)).toBe(true);
    }
  });

  it('put the strokes where the pattern says (planned: one horizontal line through the middle)', () => {
    const img = patternImage(STAGE_PATTERNS.planned, 32);
    for (let x = 0; x < 32; x++) {
      expect(inked(img, x, 15) || inked(img, x, 16)).toBe(true);
      expect(inked(img, x, 2)).toBe(false);
    }
    // accepted: a vertical line; the left and right edges match, so tiles join without a seam.
    const v = patternImage(STAGE_PATTERNS.accepted, 32);
    for (let y = 0; y < 32; y++) expect(inked(v, 15, y) || inked(v, 16, y)).toBe(true);
    // scheme: a diagonal from the bottom-left to the top-right corner, so it runs on into the next tile's.
    const d = patternImage(STAGE_PATTERNS.scheme, 32);
    expect([inked(d, 0, 31), inked(d, 31, 0), inked(d, 16, 15), inked(d, 0, 15), inked(d, 16, 0)]).toEqual([true, true, true, false, false]);
  });
});

describe('legend swatches', () => {
  it('as CSS: an SVG data URI (nothing fetched) over the stage colour', () => {
    for (const s of STAGES) {
      const css = stagePatternCss(s);
      expect(css.startsWith('url("data:image/svg+xml,')).toBe(true);
      expect(css.replace("xmlns='http://www.w3.org/2000/svg'", '')).not.toMatch(/https?:/);
    }
  });

  it('as vectors on the print sheet: every line inside its swatch, one set per stage', () => {
    for (const s of STAGES) {
      const p = swatchPattern(s, 4, 4, 2);
      for (const v of p.lines.flat()) {
        expect(v).toBeGreaterThanOrEqual(-1e-9);
        expect(v).toBeLessThanOrEqual(4 + 1e-9);
      }
      for (const [cx, cy, r] of p.dots) expect(cx - r >= 0 && cy - r >= 0 && cx + r <= 4 && cy + r <= 4).toBe(true);
      expect(p.lines.length + p.dots.length).toBeGreaterThan(0);
    }
    const spec: SheetSpec = {
      paper: 'A4', orientation: 'landscape', title: 't', date: 'd', legendTitle: 'l', total: { label: '合计', count: 2 }, legendNote: '',
      legend: [{ key: 'planned', color: '#063eeb', label: '纳入年度计划', count: 1, pattern: 'planned' }, { key: 'demand', color: '#9ca1a7', label: '征集需求', count: 1, pattern: 'demand' }],
      denominator: 5000, northLabel: 'N', source: 's', dataTime: '', demo: false, demoLabel: '', outlineNote: '',
    };
    const ops = sheetOps(spec);
    const planned = ops.filter((o) => o.part === 'legend' && o.item === 'planned');
    const swatch = planned.find((o) => o.op === 'rect')!;
    const lines = planned.filter((o) => o.op === 'line');
    // A swatch holds two tiles each way of one horizontal line each: two rows of lines across the whole swatch.
    const rows = new Map<number, number>();
    for (const l of lines) if (l.op === 'line') rows.set(+l.y1.toFixed(6), (rows.get(+l.y1.toFixed(6)) ?? 0) + Math.abs(l.x2 - l.x1));
    expect(rows.size).toBe(2);
    for (const len of rows.values()) expect(len).toBeCloseTo(swatch.op === 'rect' ? swatch.w : 0, 6);
    for (const l of lines) {
      if (l.op !== 'line' || swatch.op !== 'rect') continue;
      expect(l.y1).toBe(l.y2);
      expect(l.x1).toBeGreaterThanOrEqual(swatch.x - 1e-9);
      expect(l.x2).toBeLessThanOrEqual(swatch.x + swatch.w + 1e-9);
    }
    expect(ops.filter((o) => o.part === 'legend' && o.item === 'demand' && o.op === 'poly').length).toBeGreaterThan(0);
  });
});
