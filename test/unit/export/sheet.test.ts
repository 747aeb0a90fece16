// The print sheet: layout and scale arithmetic, the PNG's embedded resolution read by fast-png (as Word places it),
// the PDF read by PDF.js (page of the paper's size, Chinese text as text, vector graphics, the map image), and the
// Chinese message when a paper and dpi are too large for the browser's canvas.
import fs from 'node:fs';
import path from 'node:path';
import { decode as decodePng, encode as encodePng } from 'fast-png';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngDpi, withPngDpi } from '../../../src/lib/export/png';
import {
  mapFrameCssPx, roundScale, scaleBar, scaleDenominator, sheetLayout, sheetOps, sheetPixels, sheetTooLarge, zoomForScale, type SheetSpec,
} from '../../../src/lib/export/sheet';
import { sheetPdf } from '../../../src/lib/export/sheet-pdf';
import { gdal, gdalStderr, requireGdal, tempDir } from '../../helpers/gdal';
import { readPdf } from '../../helpers/pdf';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  requireGdal();
  tmp = tempDir('fy-sheet-');
});
afterAll(() => tmp?.remove());

/** A small RGB PNG without pHYs, as browsers write them (encoded by fast-png). */
function png(w: number, h: number): Uint8Array {
  return encodePng({ width: w, height: h, channels: 3, depth: 8, data: new Uint8Array(w * h * 3).fill(200) });
}

const SPEC: SheetSpec = {
  paper: 'A4', orientation: 'landscape', title: '汾阳市老旧小区改造一张图', date: '制图日期：2026-12-02', legendTitle: '图例 · 改造阶段',
  legend: [{ key: 'demand', color: '#9aa5b1', label: '征集需求', count: 12 }, { key: 'planned', color: '#3b82f6', label: '纳入年度计划', count: 7 }],
  total: { label: '合计', count: 19 }, legendNote: '', denominator: 5000, northLabel: '指北针', source: '数据来源：示例数据（生成，非实测），仅供演示',
  dataTime: '数据时间：2026-12-02 10:30（北京时间）', demo: true, demoLabel: '示例数据', outlineNote: '县界为示意轮廓(约100米精度)',
};

describe('layout and scale', () => {
  it('sizes the sheet to the paper at a resolution', () => {
    expect(sheetPixels('A4', 'landscape', 300)).toEqual({ w: 3508, h: 2480 });
    expect(sheetPixels('A3', 'portrait', 150)).toEqual({ w: 1754, h: 2480 });
    const L = sheetLayout('A3', 'landscape');
    expect(L.page).toEqual({ w: 420, h: 297 });
    // The map frame, legend and bands stay inside the 10 mm margins.
    for (const r of [L.title, L.map, L.legend, L.footer]) {
      expect(r.x).toBeGreaterThanOrEqual(10);
      expect(r.y).toBeGreaterThanOrEqual(10);
      expect(r.x + r.w).toBeLessThanOrEqual(410 + 1e-9);
      expect(r.y + r.h).toBeLessThanOrEqual(287 + 1e-9);
    }
    // The map is laid out in CSS pixels of the paper's millimetres (96 an inch), so its scale on screen is the print's.
    expect(mapFrameCssPx('A3', 'landscape').w).toBeCloseTo((L.map.w / 25.4) * 96, 9);
  });
  it('states a round scale and zooms the map to exactly that scale', () => {
    expect(roundScale(6740)).toBe(6700);
    expect(roundScale(12_345)).toBe(12_000);
    const z = zoomForScale(5000, 37.27);
    expect(scaleDenominator(z, 37.27)).toBeCloseTo(5000, 6);
    // At 1:5,000 a 40 mm bar is 200 m; the bar's millimetres are its metres at that scale.
    expect(scaleBar(5000, 40)).toEqual({ metres: 200, mm: 40, label: '200 m' });
    expect(scaleBar(50_000, 40)).toEqual({ metres: 2000, mm: 40, label: '2 km' });
    const b = scaleBar(7300, 40);
    expect((b.mm / 1000) * 7300).toBeCloseTo(b.metres, 9);
  });
  it('draws title, legend rows, north arrow, scale bar, source, data time and the demo mark', () => {
    const texts = sheetOps(SPEC).filter((o) => o.op === 'text').map((o) => (o as { text: string }).text);
    expect(texts).toEqual(expect.arrayContaining(['汾阳市老旧小区改造一张图', '制图日期：2026-12-02', '征集需求', '12', '19', 'N', '200 m', '1 : 5,000', '示例数据']));
    expect(texts.some((t) => t.includes('数据时间：2026-12-02 10:30'))).toBe(true);
    expect(sheetOps({ ...SPEC, demo: false }).some((o) => o.op === 'text' && o.text === '示例数据')).toBe(false);
    expect(sheetOps(SPEC).filter((o) => o.op === 'map')).toHaveLength(1);
  });
  it('says in Chinese when a paper and dpi are too large for the canvas, and which dpi fits', () => {
    expect(sheetTooLarge('A4', 'landscape', 300, 8192)).toBeNull();
    const msg = sheetTooLarge('A0', 'landscape', 600, 8192)!;
    expect(msg).toMatch(/^A0 横向 600 dpi 的图面需 28,087 × 19,866 像素/);
    expect(msg).toMatch(/超出本浏览器能绘制的上限（地图每边 8,192 像素）；请改选 (150|200) dpi/);
    expect(sheetTooLarge('A0', 'landscape', 150, 1000)).toMatch(/请选较小的纸张/);
  });
});

describe('PNG resolution', () => {
  it('embeds the dpi so viewers and Word place the image at its paper size (read back by fast-png)', () => {
    const plain = png(30, 20);
    expect(pngDpi(plain)).toBeNull();
    const at300 = withPngDpi(plain, 300);
    expect(pngDpi(at300)).toBeCloseTo(300, 2);
    expect(pngDpi(withPngDpi(at300, 150))).toBeCloseTo(150, 1); // replaced, not added twice
    // An independent decoder reads the pixels and the resolution (pixels per metre, unit 1 = metre).
    const back = decodePng(at300);
    expect([back.width, back.height]).toEqual([30, 20]);
    expect(back.resolution).toEqual({ x: 11811, y: 11811, unit: 1 });
    expect(back.data.every((v) => v === 200)).toBe(true);
  });
});

describe('PDF', () => {
  it('is one page of the paper, with its Chinese text as text, vector graphics and the map image (read by PDF.js)', async () => {
    const pngFile = path.join(tmp.dir, 'map.png');
    fs.writeFileSync(pngFile, png(64, 40));
    const jpgFile = path.join(tmp.dir, 'map.jpg');
    gdal('gdal_translate', ['-q', '-of', 'JPEG', pngFile, jpgFile]);
    const L = sheetLayout('A4', 'landscape');
    const bytes = await sheetPdf(sheetOps(SPEC), L.page, new Uint8Array(fs.readFileSync(jpgFile)), {
      title: SPEC.title, subject: '1 : 5000', keywords: ['示例数据'], date: new Date('2026-12-02T02:30:00Z'),
    });
    const pdf = await readPdf(bytes);
    expect(pdf.pages).toBe(1);
    expect(pdf.widthPt).toBeCloseTo((297 / 25.4) * 72, 1);
    expect(pdf.heightPt).toBeCloseTo((210 / 25.4) * 72, 1);
    for (const t of ['汾阳市老旧小区改造一张图', '图例 · 改造阶段', '征集需求', '纳入年度计划', '1 : 5,000', '200 m', '示例数据', '数据时间：2026-12-02 10:30（北京时间）']) {
      expect(pdf.text.replace(/\s+/g, ' ')).toContain(t);
    }
    expect(pdf.images).toBe(1);
    expect(pdf.paths).toBeGreaterThan(10);
    expect(pdf.info.Title).toBe('汾阳市老旧小区改造一张图');
    // Poppler (through GDAL's PDF driver) finds every font resource and the Chinese CMap and draws the page at the paper's
    // size. (Which system font it substitutes for STSong-Light depends on the machine, so that is not asserted.)
    const pdfFile = path.join(tmp.dir, 'sheet.pdf');
    fs.writeFileSync(pdfFile, bytes);
    const out = path.join(tmp.dir, 'sheet-50dpi.png');
    const stderr = gdalStderr('gdal_translate', ['-q', '-of', 'PNG', '--config', 'GDAL_PDF_DPI', '50', pdfFile, out]);
    expect(stderr).not.toMatch(/Unknown font tag|Unknown CMap|Unknown character collection|No font in show|CMap file/);
    const page = decodePng(fs.readFileSync(out));
    expect([page.width, page.height]).toEqual([Math.round((297 / 25.4) * 50), Math.round((210 / 25.4) * 50)]);
  });
});
