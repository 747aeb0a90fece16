// Write a print sheet (sheetOps) as a one-page PDF of the paper's size with pdf-lib: lines, frames, swatches, the
// north arrow and the scale bar as vectors; text as real text (Latin in Helvetica, Chinese in the standard Adobe
// Chinese font STSong-Light, which PDF readers supply, so no font file is embedded and text stays searchable); the
// map as the image MapLibre drew at the chosen dpi.
import {
  beginText, endText, fill, fillAndStroke, lineTo, moveTo, closePath, PDFDocument, PDFHexString, PDFName, PDFString, popGraphicsState,
  pushGraphicsState, rectangle, setFillingRgbColor, setFontAndSize, setLineWidth, setStrokingRgbColor, setTextMatrix,
  setTextRenderingMode, showText, StandardFonts, stroke, TextRenderingMode, type PDFFont, type PDFImage, type PDFOperator, type PDFPage,
} from 'pdf-lib';
import type { DrawOp } from './sheet';

const PT_PER_MM = 72 / 25.4;

function rgb(hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(hex);
  return m ? [parseInt(m[1], 16) / 255, parseInt(m[2], 16) / 255, parseInt(m[3], 16) / 255] : [0, 0, 0];
}

/** Runs of a string: printable ASCII (Helvetica) and everything else (the Chinese font). */
function runs(s: string): { latin: boolean; text: string }[] {
  const out: { latin: boolean; text: string }[] = [];
  for (const ch of s) {
    const latin = ch >= ' ' && ch <= '~';
    const last = out.at(-1);
    if (last && last.latin === latin) last.text += ch;
    else out.push({ latin, text: ch });
  }
  return out;
}

/** UTF-16BE hex of a string (the UniGB-UTF16-H encoding's input). */
function utf16Hex(s: string): string {
  let h = '';
  for (let i = 0; i < s.length; i++) h += s.charCodeAt(i).toString(16).padStart(4, '0');
  return h;
}

export interface SheetPdfMeta {
  title: string;
  subject: string;
  keywords: string[];
  date: Date;
}

/**
 * The sheet as PDF bytes: one page of `pageMm` (the paper), the map image (JPEG bytes) in the map frame.
 * @example await sheetPdf(sheetOps(spec), sheetLayout('A4', 'landscape').page, jpeg, meta)
 */
export async function sheetPdf(ops: readonly DrawOp[], pageMm: { w: number; h: number }, mapJpeg: Uint8Array | null, meta: SheetPdfMeta): Promise<Uint8Array> {
  return pagesPdf([ops], pageMm, mapJpeg, meta);
}

/**
 * Several pages of one paper size (a document with a table running over pages, e.g. the year's plan): each page's
 * operations drawn as on the print sheet; a map image, when given, in every 'map' frame.
 * @example await pagesPdf(planDocumentPages(doc, opts), { w: 210, h: 297 }, null, meta)
 */
export async function pagesPdf(pages: readonly (readonly DrawOp[])[], pageMm: { w: number; h: number }, mapJpeg: Uint8Array | null, meta: SheetPdfMeta): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setCreator('汾阳市老旧小区改造一张图');
  doc.setProducer('pdf-lib');
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  doc.setLanguage('zh-CN');
  const H = pageMm.h * PT_PER_MM;
  const helv = await doc.embedFont(StandardFonts.Helvetica);
  const helvBold = await doc.embedFont(StandardFonts.HelveticaBold);
  const cjkFont = doc.context.register(doc.context.obj({
    Type: 'Font', Subtype: 'Type0', BaseFont: 'STSong-Light', Encoding: 'UniGB-UTF16-H',
    DescendantFonts: [doc.context.obj({
      Type: 'Font', Subtype: 'CIDFontType0', BaseFont: 'STSong-Light',
      CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('GB1'), Supplement: 4 },
      FontDescriptor: doc.context.register(doc.context.obj({
        Type: 'FontDescriptor', FontName: 'STSong-Light', Flags: 6, FontBBox: [-25, -254, 1000, 880],
        ItalicAngle: 0, Ascent: 880, Descent: -120, CapHeight: 880, StemV: 93,
      })),
      DW: 1000,
    })],
  }));
  const mapImage = mapJpeg ? await doc.embedJpg(mapJpeg) : null;

  const X = (mm: number) => mm * PT_PER_MM;
  const Y = (mm: number) => H - mm * PT_PER_MM;
  for (const ops of pages) {
    const page = doc.addPage([pageMm.w * PT_PER_MM, H]);
    // Raw text operators name fonts by their key in the page's resources.
    const latin = { regular: { font: helv, key: page.node.newFontDictionary('Helv', helv.ref) }, bold: { font: helvBold, key: page.node.newFontDictionary('HelvB', helvBold.ref) } };
    const cjk = page.node.newFontDictionary('FySong', cjkFont);
    drawOps(page, ops, { latin, cjk, X, Y, mapImage });
  }
  return doc.save({ useObjectStreams: false });
}

function drawOps(
  page: PDFPage,
  ops: readonly DrawOp[],
  f: { latin: { regular: { font: PDFFont; key: PDFName }; bold: { font: PDFFont; key: PDFName } }; cjk: PDFName; X: (mm: number) => number; Y: (mm: number) => number; mapImage: PDFImage | null },
) {
  const { latin, cjk, X, Y, mapImage } = f;
  const push = (...o: PDFOperator[]) => page.pushOperators(...o);
  for (const o of ops) {
    switch (o.op) {
      case 'map':
        if (mapImage) page.drawImage(mapImage, { x: X(o.x), y: Y(o.y + o.h), width: X(o.w), height: X(o.h) });
        break;
      case 'rect':
        push(pushGraphicsState());
        if (o.fill) push(setFillingRgbColor(...rgb(o.fill)));
        if (o.stroke) push(setStrokingRgbColor(...rgb(o.stroke)), setLineWidth(X(o.lineMm ?? 0.2)));
        push(rectangle(X(o.x), Y(o.y + o.h), X(o.w), X(o.h)), o.fill && o.stroke ? fillAndStroke() : o.fill ? fill() : stroke(), popGraphicsState());
        break;
      case 'poly':
        push(pushGraphicsState());
        if (o.fill) push(setFillingRgbColor(...rgb(o.fill)));
        if (o.stroke) push(setStrokingRgbColor(...rgb(o.stroke)), setLineWidth(X(o.lineMm ?? 0.2)));
        o.points.forEach(([x, y], i) => push(i ? lineTo(X(x), Y(y)) : moveTo(X(x), Y(y))));
        push(closePath(), o.fill && o.stroke ? fillAndStroke() : o.fill ? fill() : stroke(), popGraphicsState());
        break;
      case 'line':
        push(pushGraphicsState(), setStrokingRgbColor(...rgb(o.stroke)), setLineWidth(X(o.lineMm)), moveTo(X(o.x1), Y(o.y1)), lineTo(X(o.x2), Y(o.y2)), stroke(), popGraphicsState());
        break;
      case 'text':
        drawText(page, o, { latin: o.bold ? latin.bold : latin.regular, cjk, X, Y });
        break;
    }
  }
}

function drawText(
  page: PDFPage,
  o: Extract<DrawOp, { op: 'text' }>,
  f: { latin: { font: PDFFont; key: PDFName }; cjk: PDFName; X: (mm: number) => number; Y: (mm: number) => number },
) {
  const size = o.sizePt;
  const parts = runs(o.text).map((r) => ({ ...r, width: r.latin ? f.latin.font.widthOfTextAtSize(r.text, size) : [...r.text].length * size }));
  const width = parts.reduce((s, p) => s + p.width, 0);
  let x = f.X(o.x) - (o.align === 'right' ? width : o.align === 'center' ? width / 2 : 0);
  const y = f.Y(o.y);
  const ops: PDFOperator[] = [pushGraphicsState(), setFillingRgbColor(...rgb(o.color ?? '#111827')), beginText()];
  for (const p of parts) {
    ops.push(setTextMatrix(1, 0, 0, 1, x, y));
    if (p.latin) ops.push(setTextRenderingMode(TextRenderingMode.Fill), setFontAndSize(f.latin.key, size), showText(f.latin.font.encodeText(p.text)));
    else {
      // The Chinese font has no bold face: bold is the glyphs filled and outlined with a thin stroke.
      if (o.bold) ops.push(setTextRenderingMode(TextRenderingMode.FillAndOutline), setStrokingRgbColor(...rgb(o.color ?? '#111827')), setLineWidth(size * 0.035));
      else ops.push(setTextRenderingMode(TextRenderingMode.Fill));
      ops.push(setFontAndSize(f.cjk, size), showText(PDFHexString.of(utf16Hex(p.text))));
    }
    x += p.width;
  }
  ops.push(endText(), popGraphicsState());
  page.pushOperators(...ops);
}
