// PNG resolution: browsers write PNGs without a pHYs chunk, so Word, image viewers and printers assume 72 or 96 dpi and
// place a 300 dpi print 3–4× too large. withPngDpi() adds the chunk (pixels per metre) so the file prints at its size.

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

/**
 * The PNG with a pHYs chunk saying `dpi` (any pHYs it had is replaced), placed right after IHDR.
 * @param dpi dots per inch, stored as round(dpi / 0.0254) pixels per metre
 * @example withPngDpi(png, 300) // 300 dpi = 11811 pixels per metre
 */
export function withPngDpi(png: Uint8Array, dpi: number): Uint8Array {
  if (!SIGNATURE.every((b, i) => png[i] === b)) throw new Error('not a PNG');
  const dv = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: Uint8Array[] = [png.subarray(0, 8)];
  let o = 8;
  while (o < png.length) {
    const len = dv.getUint32(o);
    const type = String.fromCharCode(...png.subarray(o + 4, o + 8));
    const end = o + 12 + len;
    if (type !== 'pHYs') chunks.push(png.subarray(o, end));
    if (type === 'IHDR') chunks.push(physChunk(dpi));
    o = end;
  }
  const out = new Uint8Array(chunks.reduce((s, c) => s + c.length, 0));
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

function physChunk(dpi: number): Uint8Array {
  const ppm = Math.round(dpi / 0.0254);
  const c = new Uint8Array(21);
  const dv = new DataView(c.buffer);
  dv.setUint32(0, 9);
  c.set([0x70, 0x48, 0x59, 0x73], 4); // 'pHYs'
  dv.setUint32(8, ppm);
  dv.setUint32(12, ppm);
  c[16] = 1; // unit: metre
  dv.setUint32(17, crc32(c.subarray(4, 17)));
  return c;
}

/**
 * The resolution a PNG states, in dpi (null when it has no pHYs in metres).
 * @example pngDpi(withPngDpi(png, 300)) // 299.9994
 */
export function pngDpi(png: Uint8Array): number | null {
  const dv = new DataView(png.buffer, png.byteOffset, png.byteLength);
  for (let o = 8; o < png.length; ) {
    const len = dv.getUint32(o);
    if (String.fromCharCode(...png.subarray(o + 4, o + 8)) === 'pHYs') return png[o + 16] === 1 ? dv.getUint32(o + 8) * 0.0254 : null;
    o += 12 + len;
  }
  return null;
}
