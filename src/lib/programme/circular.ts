// The month's 通报 (circular) of the township scores: title, the ranking table (each part and the total), the items
// overdue at month end named one by one, and the 督办 items issued — laid out for A4 portrait as draw operations in mm
// (the print sheet's machinery, lib/export/sheet.ts, that the PDF writer paints) and as an XLSX sheet. Pure.
import type { DrawOp } from '../export/sheet';
import type { XlsxSheet } from '../export/xlsx';
import { A4_PORTRAIT, fitText } from './plan-document';
import { SCORE_PARTS, type ScorePart, type TownshipScore, type Weights } from './supervision';

export const PART_ZH: Record<ScorePart, string> = {
  plan: '计划按时报送', started: '开工率', accepted: '完工率', overdue: '逾期事项', feedback: '群众反映按时答复', funds: '资金支出',
};

export interface Circular {
  month: string;
  title: string;
  demo: boolean;
  lines: string[];
  scores: TownshipScore[];
  weights: Weights;
}

/** The circular's words: title (示例数据 in it for demo data) and the lines above the table. */
export function circularOf(month: string, scores: TownshipScore[], weights: Weights, demo: boolean): Circular {
  const [y, m] = month.split('-').map(Number);
  const worst = scores.filter((s) => s.rank === Math.max(...scores.map((x) => x.rank)));
  const overdue = scores.reduce((n, s) => n + s.overdue.length, 0);
  return {
    month, demo, scores, weights,
    title: `关于${y}年${m}月全市老旧小区改造工作督导考核情况的通报${demo ? '(示例数据)' : ''}`,
    lines: [
      `各街道(乡镇)、市直有关部门:`,
      `根据《汾阳市老旧小区改造攻坚行动方案(2021-2025年)》督导考核要求,现将${y}年${m}月各街道(乡镇)考核得分及排名通报如下。`,
      `考核权重:${SCORE_PARTS.map((k) => `${PART_ZH[k]} ${weights[k]}%`).join(',')};无考核内容的项目不计分,其权重按比例折算。`,
      scores.length ? `本月第一名:${scores.filter((s) => s.rank === 1).map((s) => s.name).join('、')};末位:${worst.map((s) => s.name).join('、')}。月末逾期事项共 ${overdue} 项,请相关街道(乡镇)限期整改。` : '本月无考核对象。',
    ],
  };
}

const pct = (v: number | null) => (v == null ? '—' : v.toFixed(1));
const COLS: { header: string; w: number; value: (s: TownshipScore) => string; align: 'left' | 'right' | 'center' }[] = [
  { header: '排名', w: 12, value: (s) => String(s.rank), align: 'center' },
  { header: '街道(乡镇)', w: 34, value: (s) => s.name, align: 'left' },
  ...SCORE_PARTS.map((k) => ({ header: PART_ZH[k], w: 20, value: (s: TownshipScore) => pct(s.parts[k]), align: 'right' as const })),
  { header: '总分', w: 24, value: (s) => s.total.toFixed(1), align: 'right' },
];

/**
 * The circular on A4 portrait pages: title, lines, ranking table, then the overdue items by township; a footer with
 * the data time, page n/m and the 示例数据 mark for demo data.
 * @example circularPages(c, { dataTime: '数据时间:…', demoLabel: '示例数据' })[0].some((o) => o.op === 'text' && o.text === '总分')
 */
export function circularPages(c: Circular, opts: { dataTime: string; demoLabel: string }): DrawOp[][] {
  const M = 15;
  const W = A4_PORTRAIT.w - 2 * M;
  const rowH = 6.5;
  const pages: DrawOp[][] = [];
  let ops: DrawOp[] = [];
  let y = 0;
  const text = (x: number, yy: number, t: string, sizePt: number, more: Partial<Extract<DrawOp, { op: 'text' }>> = {}) =>
    ops.push({ op: 'text', x, y: yy, text: t, sizePt, ...more });
  const newPage = () => {
    ops = [{ op: 'rect', x: 0, y: 0, w: A4_PORTRAIT.w, h: A4_PORTRAIT.h, fill: '#ffffff' }];
    pages.push(ops);
    y = M + 6;
  };
  const need = (h: number) => { if (y + h > A4_PORTRAIT.h - M - 10) newPage(); };
  const wrap = (s: string, width: number, size: number): string[] => {
    const out: string[] = [];
    let rest = s;
    while (rest) {
      const line = fitText(rest, width, size).replace(/…$/, '');
      out.push(line);
      rest = rest.slice(line.length);
    }
    return out;
  };
  newPage();
  for (const part of wrap(c.title, W, 15)) {
    text(A4_PORTRAIT.w / 2, y, part, 15, { bold: true, align: 'center' });
    y += 8;
  }
  y += 2;
  for (const line of c.lines) {
    for (const part of wrap(line, W, 10)) {
      need(6);
      text(M, y, part, 10);
      y += 5.6;
    }
  }
  y += 3;
  const header = () => {
    ops.push({ op: 'rect', x: M, y, w: W, h: rowH, fill: '#f3f4f6', stroke: '#6b7280', lineMm: 0.2 });
    let x = M;
    for (const col of COLS) {
      text(x + col.w / 2, y + rowH - 2, fitText(col.header, col.w - 1, 7.5), 7.5, { bold: true, align: 'center' });
      x += col.w;
    }
    y += rowH;
  };
  header();
  for (const s of c.scores) {
    if (y + rowH > A4_PORTRAIT.h - M - 10) { newPage(); header(); }
    ops.push({ op: 'rect', x: M, y, w: W, h: rowH, stroke: '#9ca3af', lineMm: 0.15 });
    let x = M;
    for (const col of COLS) {
      const tx = col.align === 'left' ? x + 1 : col.align === 'right' ? x + col.w - 1 : x + col.w / 2;
      text(tx, y + rowH - 2, fitText(col.value(s), col.w - 2, 8), 8, { align: col.align });
      x += col.w;
    }
    y += rowH;
  }
  y += 6;
  need(8);
  text(M, y, '月末逾期事项', 11, { bold: true });
  y += 6;
  const overdue = c.scores.flatMap((s) => s.overdue.map((o) => ({ ...o, name: s.name })));
  if (!overdue.length) {
    text(M, y, '无。', 10);
    y += 6;
  }
  overdue.forEach((o, i) => {
    const line = `${i + 1}. ${o.name}:${o.kind === 'construction' ? '施工逾期' : '督办逾期'} — ${o.label}(期限 ${o.due})`;
    for (const part of wrap(line, W, 9.5)) {
      need(6);
      text(M, y, part, 9.5);
      y += 5.4;
    }
  });
  pages.forEach((p, i) => {
    const fy = A4_PORTRAIT.h - M;
    p.push({ op: 'line', x1: M, y1: fy - 5, x2: M + W, y2: fy - 5, stroke: '#d1d5db', lineMm: 0.2 });
    p.push({ op: 'text', x: M, y: fy - 1, text: opts.dataTime, sizePt: 7 });
    p.push({ op: 'text', x: M + W / 2, y: fy - 1, text: `第 ${i + 1} 页 / 共 ${pages.length} 页`, sizePt: 7, align: 'center' });
    if (c.demo) {
      p.push({ op: 'rect', x: M + W - 22, y: fy - 4.6, w: 22, h: 5, fill: '#fef3c7', stroke: '#b45309', lineMm: 0.25 });
      p.push({ op: 'text', x: M + W - 11, y: fy - 1, text: opts.demoLabel, sizePt: 8, bold: true, align: 'center', color: '#92400e' });
    }
  });
  return pages;
}

/** The ranking as an XLSX sheet (parts as numbers, blank when not applicable) with the overdue items below. */
export function circularSheet(c: Circular, notes: readonly string[]): XlsxSheet {
  const rows: (string | number | null)[][] = c.scores.map((s) => [s.rank, s.name, ...SCORE_PARTS.map((k) => s.parts[k]), s.total]);
  return {
    name: '考核排名', title: c.title, notes: [...notes],
    columns: [{ header: '排名', kind: 'int' }, { header: '街道(乡镇)', kind: 'text' },
      ...SCORE_PARTS.map((k) => ({ header: `${PART_ZH[k]}(权重 ${c.weights[k]}%)`, kind: 'number' as const, decimals: 1 })),
      { header: '总分', kind: 'number', decimals: 1 }],
    rows, freezeColumns: 2,
  };
}
