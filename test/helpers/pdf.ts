// Reading PDFs back with Mozilla's PDF.js (pdfjs-dist, the reader inside Firefox): page size, text as a reader
// extracts it (the predefined Chinese CMaps come with the package), and what the page paints.
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.dirname(require.resolve('pdfjs-dist/package.json'));

export interface ReadPdf {
  pages: number;
  /** Page size in points. */
  widthPt: number;
  heightPt: number;
  text: string;
  /** Images painted on the first page. */
  images: number;
  /** Vector paths drawn on the first page (constructPath operations). */
  paths: number;
  info: Record<string, unknown>;
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: path.join(root, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: path.join(root, 'standard_fonts') + '/',
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  try {
    const page = await doc.getPage(1);
    const [x0, y0, x1, y1] = page.view;
    const content = await page.getTextContent();
    const ops = await page.getOperatorList();
    const count = (fn: number) => ops.fnArray.filter((f) => f === fn).length;
    const meta = await doc.getMetadata();
    return {
      pages: doc.numPages,
      widthPt: x1 - x0,
      heightPt: y1 - y0,
      text: content.items.map((i) => ('str' in i ? i.str : '')).join(''),
      images: count(pdfjs.OPS.paintImageXObject) + count(pdfjs.OPS.paintInlineImageXObject),
      paths: count(pdfjs.OPS.constructPath),
      info: meta.info as Record<string, unknown>,
    };
  } finally {
    await doc.destroy();
  }
}
