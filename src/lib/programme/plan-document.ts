// The year's plan as the document the joint document (联合发文) attaches (policy 四(三)): a title, the city's consent
// and the joint document with its number and its three issuing bodies, and one table of the compounds by tier and
// township with households, floor area and estimate, with subtotals. The same content as an A4 page layout (drawing
// operations in mm — the print sheet's machinery, lib/export/sheet.ts — that the PDF writer paints) and as an XLSX
// sheet. Pure.
import type { DrawOp } from '../export/sheet';
import type { XlsxSheet } from '../export/xlsx';
import { ISSUER_NAMES, ISSUERS } from './chain';
import type { Tier } from '../types';

export const TIER_ORDER: readonly Tier[] = ['implement', 'prepare', 'reserve'];
export const TIER_ZH: Record<Tier, string> = { implement: '实施一批', prepare: '谋划一批', reserve: '储备一批' };

export interface DocCompound { id: string; code: string; name: string; township: string; address: string; households: number; buildings: number; floor_area_m2: number; is_demo: boolean }
export interface DocPlan { id: string; township: string; status: string }
export interface DocEntry { plan: string; compound: string; tier: Tier | ''; estimate_yuan: number }
export interface DocYear {
  year: number; status: string; city_consent_number: string; city_consent_date: string; joint_doc_number: string; joint_doc_date: string;
  joint_doc_issuers: readonly string[]; filed_date: string; filing_number: string; is_demo: boolean;
}

export interface DocRow {
  no: number; tier: Tier; township: string; code: string; name: string; address: string; households: number; buildings: number;
  floorM2: number; estimateYuan: number;
}
export interface DocTotals { compounds: number; households: number; buildings: number; floorM2: number; estimateYuan: number }

export interface PlanDocument {
  year: number;
  title: string;
  /** The joint document's issuers (full names), all three when issued. */
  issuers: string[];
  jointNumber: string;
  jointDate: string;
  cityNumber: string;
  cityDate: string;
  filedDate: string;
  filingNumber: string;
  /** Where the year stands when it is not yet issued (e.g. '待市政府同意'), else ''. */
  draftNote: string;
  rows: DocRow[];
  byTier: Partial<Record<Tier, DocTotals>>;
  total: DocTotals;
  demo: boolean;
}

const zeroTotals = (): DocTotals => ({ compounds: 0, households: 0, buildings: 0, floorM2: 0, estimateYuan: 0 });
const day = (s: string) => (s ?? '').slice(0, 10);
const DRAFT_NOTE: Record<string, string> = {
  open: '草案(办公室审查前)', reviewed: '草案(已审查,待市政府同意)', city_approved: '草案(市政府已同意,待联合发文)',
};

/**
 * The document of a year: the entries of the year's approved township plans, ordered by tier, township and code.
 * @param townshipName township id → name
 */
export function planDocument(year: DocYear, plans: readonly DocPlan[], entries: readonly DocEntry[], compounds: ReadonlyMap<string, DocCompound>,
  townshipName: ReadonlyMap<string, string>): PlanDocument {
  const approved = new Map(plans.filter((p) => p.status === 'approved').map((p) => [p.id, p]));
  const rows: DocRow[] = [];
  for (const e of entries) {
    const plan = approved.get(e.plan);
    const c = compounds.get(e.compound);
    if (!plan || !c || !e.tier) continue;
    rows.push({
      no: 0, tier: e.tier, township: townshipName.get(plan.township) ?? '', code: c.code, name: c.name, address: c.address,
      households: c.households, buildings: c.buildings, floorM2: c.floor_area_m2, estimateYuan: e.estimate_yuan,
    });
  }
  rows.sort((a, b) => TIER_ORDER.indexOf(a.tier) - TIER_ORDER.indexOf(b.tier) || a.township.localeCompare(b.township, 'zh') || a.code.localeCompare(b.code));
  rows.forEach((r, i) => (r.no = i + 1));
  const byTier: Partial<Record<Tier, DocTotals>> = {};
  const total = zeroTotals();
  for (const r of rows) {
    for (const t of [(byTier[r.tier] ??= zeroTotals()), total]) {
      t.compounds++;
      t.households += r.households;
      t.buildings += r.buildings;
      t.floorM2 += r.floorM2;
      t.estimateYuan += r.estimateYuan;
    }
  }
  const issued = year.status === 'issued' || year.status === 'filed';
  return {
    year: year.year,
    title: `汾阳市${year.year}年度老旧小区改造计划`,
    issuers: ISSUERS.filter((k) => year.joint_doc_issuers.includes(k)).map((k) => ISSUER_NAMES[k]),
    jointNumber: year.joint_doc_number, jointDate: day(year.joint_doc_date), cityNumber: year.city_consent_number, cityDate: day(year.city_consent_date),
    filedDate: day(year.filed_date), filingNumber: year.filing_number,
    draftNote: issued ? '' : DRAFT_NOTE[year.status] ?? '草案',
    rows, byTier, total,
    demo: year.is_demo || entries.some((e) => approved.has(e.plan) && compounds.get(e.compound)?.is_demo),
  };
}

/** 万元 with two decimals, as the city's tables write money. */
export const wan = (yuan: number) => (yuan / 10000).toFixed(2);

/** The lines under the title: the joint document, the city's consent, the filing. */
export function documentLines(doc: PlanDocument): string[] {
  const lines: string[] = [];
  if (doc.jointNumber) lines.push(`联合发文:${doc.jointNumber}(${doc.jointDate})`);
  lines.push(`发文单位:${(doc.issuers.length ? doc.issuers : ISSUERS.map((k) => ISSUER_NAMES[k])).join('、')}`);
  if (doc.cityNumber || doc.cityDate) lines.push(`市政府同意:${doc.cityNumber || '(无文号)'}${doc.cityDate ? `(${doc.cityDate})` : ''}`);
  if (doc.filedDate) lines.push(`已报吕梁市住建、发改、财政部门备案:${doc.filingNumber || ''}(${doc.filedDate})`);
  return lines;
}

export interface DocColumn { key: keyof DocRow; header: string; widthMm: number; align: 'left' | 'right' | 'center'; value: (r: DocRow) => string }

/** The table's columns on A4 portrait (190 mm between the margins). */
export const DOC_COLUMNS: readonly DocColumn[] = [
  { key: 'no', header: '序号', widthMm: 10, align: 'center', value: (r) => String(r.no) },
  { key: 'tier', header: '批次', widthMm: 17, align: 'center', value: (r) => TIER_ZH[r.tier] },
  { key: 'township', header: '街道(乡镇)', widthMm: 24, align: 'left', value: (r) => r.township },
  { key: 'code', header: '小区编码', widthMm: 18, align: 'left', value: (r) => r.code },
  { key: 'name', header: '小区名称', widthMm: 38, align: 'left', value: (r) => r.name },
  { key: 'households', header: '户数', widthMm: 14, align: 'right', value: (r) => String(r.households) },
  { key: 'buildings', header: '楼栋', widthMm: 12, align: 'right', value: (r) => String(r.buildings) },
  { key: 'floorM2', header: '建筑面积(m²)', widthMm: 27, align: 'right', value: (r) => Math.round(r.floorM2).toLocaleString('en-US') },
  { key: 'estimateYuan', header: '估算投资(万元)', widthMm: 30, align: 'right', value: (r) => wan(r.estimateYuan) },
];

/** Approximate width of text in mm at a size (CJK one em, Latin about half). */
function textWidthMm(s: string, sizePt: number): number {
  let em = 0;
  for (const ch of s) em += ch >= ' ' && ch <= '~' ? 0.55 : 1;
  return (em * sizePt * 25.4) / 72;
}

/** Text cut to fit a width, with '…' when cut. */
export function fitText(s: string, widthMm: number, sizePt: number): string {
  if (textWidthMm(s, sizePt) <= widthMm) return s;
  let out = s;
  while (out.length > 1 && textWidthMm(`${out}…`, sizePt) > widthMm) out = out.slice(0, -1);
  return `${out}…`;
}

export const A4_PORTRAIT = { w: 210, h: 297 } as const;

/**
 * The document on A4 portrait pages: attachment mark, title, document lines and the table (header repeated on each
 * page, subtotal per tier, total), and a footer (data time, page n/m, 示例数据). Positions in mm; text at baselines.
 * @example planDocumentPages(doc, { dataTime: '数据时间:…', demoLabel: '示例数据' })[0].some((o) => o.op === 'text' && o.text.includes('联合发文'))
 */
export function planDocumentPages(doc: PlanDocument, opts: { dataTime: string; demoLabel: string }): DrawOp[][] {
  const M = 10;
  const W = A4_PORTRAIT.w - 2 * M;
  const rowH = 6.2;
  const size = 8.5;
  const ink = '#111827';
  const pages: DrawOp[][] = [];
  let ops: DrawOp[] = [];
  let y = 0;
  const text = (x: number, yy: number, t: string, sizePt: number, more: Partial<Extract<DrawOp, { op: 'text' }>> = {}) =>
    ops.push({ op: 'text', x, y: yy, text: t, sizePt, ...more });
  const header = () => {
    ops.push({ op: 'rect', x: M, y, w: W, h: rowH, fill: '#f3f4f6', stroke: '#6b7280', lineMm: 0.2 });
    let x = M;
    for (const c of DOC_COLUMNS) {
      text(x + c.widthMm / 2, y + rowH - 1.9, c.header, size, { bold: true, align: 'center' });
      x += c.widthMm;
    }
    y += rowH;
  };
  const newPage = (first: boolean) => {
    ops = [{ op: 'rect', x: 0, y: 0, w: A4_PORTRAIT.w, h: A4_PORTRAIT.h, fill: '#ffffff' }];
    pages.push(ops);
    y = M + 4;
    if (first) {
      text(M, y + 2, '附件', 11, { bold: true });
      y += 12;
      text(A4_PORTRAIT.w / 2, y, doc.title, 17, { bold: true, align: 'center' });
      y += 6;
      if (doc.draftNote) {
        text(A4_PORTRAIT.w / 2, y + 1, doc.draftNote, 10, { align: 'center', color: '#b45309' });
        y += 6;
      }
      for (const line of documentLines(doc)) {
        y += 5.2;
        text(M, y, fitText(line, W, 9.5), 9.5);
      }
      y += 4;
    }
    header();
  };
  const cellRow = (cells: string[], opts2: { bold?: boolean; fill?: string } = {}) => {
    if (y + rowH > A4_PORTRAIT.h - M - 10) newPage(false);
    ops.push({ op: 'rect', x: M, y, w: W, h: rowH, ...(opts2.fill ? { fill: opts2.fill } : {}), stroke: '#9ca3af', lineMm: 0.15 });
    let x = M;
    DOC_COLUMNS.forEach((c, i) => {
      const t = fitText(cells[i] ?? '', c.widthMm - 2, size);
      const tx = c.align === 'left' ? x + 1 : c.align === 'right' ? x + c.widthMm - 1 : x + c.widthMm / 2;
      text(tx, y + rowH - 1.9, t, size, { align: c.align, ...(opts2.bold ? { bold: true } : {}), color: ink });
      x += c.widthMm;
    });
    y += rowH;
  };
  newPage(true);
  const subtotal = (label: string, t: DocTotals) =>
    cellRow(['', label, '', '', `${t.compounds} 个小区`, String(t.households), String(t.buildings), Math.round(t.floorM2).toLocaleString('en-US'), wan(t.estimateYuan)],
      { bold: true, fill: '#f9fafb' });
  for (const tier of TIER_ORDER) {
    const rows = doc.rows.filter((r) => r.tier === tier);
    if (!rows.length) continue;
    for (const r of rows) cellRow(DOC_COLUMNS.map((c) => c.value(r)));
    subtotal(`${TIER_ZH[tier]}小计`, doc.byTier[tier]!);
  }
  subtotal('合计', doc.total);
  // Footers, once the number of pages is known.
  pages.forEach((p, i) => {
    const fy = A4_PORTRAIT.h - M;
    p.push({ op: 'line', x1: M, y1: fy - 5, x2: M + W, y2: fy - 5, stroke: '#d1d5db', lineMm: 0.2 });
    p.push({ op: 'text', x: M, y: fy - 1, text: opts.dataTime, sizePt: 7 });
    p.push({ op: 'text', x: M + W / 2, y: fy - 1, text: `第 ${i + 1} 页 / 共 ${pages.length} 页`, sizePt: 7, align: 'center' });
    if (doc.demo) {
      p.push({ op: 'rect', x: M + W - 22, y: fy - 4.6, w: 22, h: 5, fill: '#fef3c7', stroke: '#b45309', lineMm: 0.25 });
      p.push({ op: 'text', x: M + W - 11, y: fy - 1, text: opts.demoLabel, sizePt: 8, bold: true, align: 'center', color: '#92400e' });
    }
  });
  return pages;
}

/**
 * The document as an XLSX sheet: title, the document lines and data time as notes, one row per compound (money in
 * 万元 as numbers), and the totals.
 */
export function planDocumentSheet(doc: PlanDocument, notes: readonly string[]): XlsxSheet {
  const rows: (string | number)[][] = doc.rows.map((r) => [r.no, TIER_ZH[r.tier], r.township, r.code, r.name, r.address, r.households, r.buildings, r.floorM2, r.estimateYuan / 10000]);
  rows.push(['', '合计', '', '', `${doc.total.compounds} 个小区`, '', doc.total.households, doc.total.buildings, doc.total.floorM2, doc.total.estimateYuan / 10000]);
  return {
    name: `${doc.year}年度计划`,
    title: doc.title + (doc.draftNote ? `(${doc.draftNote})` : ''),
    notes: [...documentLines(doc), ...notes],
    columns: [
      { header: '序号', kind: 'int' }, { header: '批次', kind: 'text' }, { header: '街道(乡镇)', kind: 'text' }, { header: '小区编码', kind: 'text' },
      { header: '小区名称', kind: 'text' }, { header: '地址', kind: 'text' }, { header: '户数', kind: 'int', unit: '户' }, { header: '楼栋', kind: 'int', unit: '栋' },
      { header: '建筑面积', kind: 'number', decimals: 0, unit: 'm²' }, { header: '估算投资', kind: 'number', decimals: 2, unit: '万元' },
    ],
    rows,
    freezeColumns: 5,
  };
}
