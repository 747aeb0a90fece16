// The demo's documents and photos (示例数据): real PDFs and PNGs, small, made here — PocketBase checks what an upload
// is, so the demo's files pass the same check as anyone's. Each PDF says in its text that it is a demo document.
import zlib from 'node:zlib';

/** PDF string literal escaping (ASCII text only). */
const pdfText = (s) => s.replace(/[^\x20-\x7e]/g, '?').replace(/([\\()])/g, '\\$1');

/**
 * A one-page A4 PDF (PDF 1.4, Helvetica) whose text names it a demo document.
 * @example new TextDecoder().decode(demoPdf('Joint document 2026').slice(0, 8)) // '%PDF-1.4'
 */
export function demoPdf(title) {
  const lines = ['DEMO DOCUMENT (sample data, not a real document)', title, 'Fenyang old residential compound renovation programme'];
  const stream = lines.map((l, i) => `BT /F1 ${i ? 11 : 14} Tf 60 ${760 - i * 24} Td (${pdfText(l)}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(stream)} >>\nstream\n${stream}\nendstream`,
    `<< /Title (${pdfText(title)} - DEMO) /Creator (Fenyang renovation map demo) >>`,
  ];
  let out = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** HSL hue (degrees) → [r, g, b] at a muted lightness. */
function hueRgb(h, l = 0.55, s = 0.35) {
  const f = (n) => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l - s * Math.min(l, 1 - l) * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

/**
 * A 160 × 120 PNG placeholder photo: a coloured field with a diagonal band, hue in degrees.
 * @example demoPng(120).length // a few hundred bytes
 */
export function demoPng(hue) {
  const w = 160;
  const h = 120;
  const [r, g, b] = hueRgb(hue);
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    const row = y * (w * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < w; x++) {
      const band = Math.abs(x - y * 1.33) < 12 ? 40 : 0;
      const o = row + 1 + x * 3;
      raw[o] = Math.min(255, r + band);
      raw[o + 1] = Math.min(255, g + band);
      raw[o + 2] = Math.min(255, b + band);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return new Uint8Array(Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0)),
  ]));
}

/** Blob makers for the seed: PDFs by title, photos by hue. */
export const demoFiles = {
  pdf: (title) => new Blob([demoPdf(title)], { type: 'application/pdf' }),
  photo: (hue) => new Blob([demoPng(Math.round(hue))], { type: 'image/png' }),
};
