// What every exported file says about itself: which layer, whether staff-only fields are in it (or left out because
// the data was read without staff access), when the data was read, whether it is demo data, and its CRS.
import type { Crs } from '../geo/crs';
import { crsLine } from './prj';
import type { Audience } from './schema';

export interface ExportNote {
  /** What the file holds, e.g. '汾阳市老旧小区改造 · 小区'. */
  title: string;
  audience: Audience;
  /** When the data was read from the server (or last changed live). */
  dataTime: Date;
  /** Any record in the file is demo data. */
  demo: boolean;
  crs: Crs;
  /** Records in the file. */
  count: number;
}

export const AUDIENCE_TEXT: Record<Audience, string> = {
  staff: '含工作人员字段',
  public: '仅公开字段（读取数据时未以工作人员身份登录：原产权单位、管理方式、维修基金、同意率、实施单位等字段未导出）',
};

/** The demo mark every file of demo data carries. */
export const DEMO_TEXT = '示例数据：由程序生成，非实测，仅供演示';

/**
 * A time as Beijing time (UTC+8, no daylight saving), to the minute.
 * @example beijingTime(new Date('2026-12-02T02:30:00Z')) // '2026-12-02 10:30（北京时间）'
 */
export function beijingTime(d: Date): string {
  const b = new Date(d.getTime() + 8 * 3600_000).toISOString();
  return `${b.slice(0, 10)} ${b.slice(11, 16)}（北京时间）`;
}

/** Compact stamp for file names, e.g. '20261202-1030' (Beijing time). */
export function fileStamp(d: Date): string {
  const b = new Date(d.getTime() + 8 * 3600_000).toISOString();
  return `${b.slice(0, 10).replaceAll('-', '')}-${b.slice(11, 16).replace(':', '')}`;
}

/**
 * The note as lines (for 说明.txt, XLSX header lines, DXF comments).
 * @example noteLines(note)[1] // '数据范围：含工作人员字段'
 */
export function noteLines(n: ExportNote): string[] {
  return [
    `${n.title}（${n.count} 条）`,
    `数据范围：${AUDIENCE_TEXT[n.audience]}`,
    `数据时间：${beijingTime(n.dataTime)}`,
    crsLine(n.crs),
    ...(n.demo ? [DEMO_TEXT] : []),
  ];
}
