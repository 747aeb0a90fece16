import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { decodeText, detectFormat, readFiles } from '../../../src/lib/import';
import { dbfEncoding } from '../../../src/lib/import/parse-shapefile';

const file = (name: string, text: string | Uint8Array) => ({ name, data: typeof text === 'string' ? new TextEncoder().encode(text) : text });

describe('detectFormat', () => {
  it('names formats by extension and by content', async () => {
    const d = await detectFormat([
      file('a.geojson', '{"type":"FeatureCollection","features":[]}'),
      file('noext', '{"type":"Point","coordinates":[1,2]}'),
      file('b.kml', '<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"></kml>'),
      file('c.csv', 'lon,lat\n1,2'),
      file('d.dxf', '0\nSECTION\n2\nENTITIES\n0\nENDSEC\n0\nEOF\n'),
      file('e.shp', new Uint8Array([0, 0, 39, 10])),
      file('E.DBF', new Uint8Array([3])),
      file('readme.docx', 'hello'),
      file('f.dbf', new Uint8Array([3])),
      file('empty.csv', ''),
    ]);
    expect(d.sources.map((s) => [s.name, s.format])).toEqual([
      ['a.geojson', 'geojson'],
      ['noext', 'geojson'],
      ['b.kml', 'kml'],
      ['c.csv', 'csv'],
      ['d.dxf', 'dxf'],
      ['e', 'shapefile'],
    ]);
    expect(d.sources[5].files.map((f) => f.name)).toEqual(['e.shp', 'E.DBF']);
    expect(d.rejected.map((r) => [r.name, r.issue.code])).toEqual([
      ['readme.docx', 'unknown_format'],
      ['empty.csv', 'empty_file'],
      ['f.dbf', 'shp_missing_shp'],
    ]);
  });
  it('tells a KMZ from a shapefile zip and rejects other zips', async () => {
    const zip = async (files: Record<string, string>) => {
      const z = new JSZip();
      for (const [n, t] of Object.entries(files)) z.file(n, t);
      return z.generateAsync({ type: 'uint8array' });
    };
    const d = await detectFormat([
      file('x.zip', await zip({ 'doc.kml': '<kml/>' })),
      file('y.zip', await zip({ 'dir/a.shp': '', 'dir/a.dbf': '' })),
      file('z.zip', await zip({ 'a.txt': 'hi' })),
    ]);
    expect(d.sources.map((s) => s.format)).toEqual(['kmz', 'shapefile']);
    expect(d.rejected[0].issue.code).toBe('zip_unknown_content');
  });
});

describe('text encodings', () => {
  it('decodes GBK when the bytes are not UTF-8, and honours a BOM', () => {
    expect(decodeText(new Uint8Array([0xc4, 0xe3, 0xba, 0xc3]))).toEqual({ text: '你好', encoding: 'gbk' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xe4, 0xbd, 0xa0]))).toEqual({ text: '你', encoding: 'utf-8' });
  });
  it('reads a .cpg of 936 / ANSI 936 / GBK as GBK', () => {
    const dbf = new Uint8Array(40);
    for (const c of ['936', 'ANSI 936', 'GBK', 'cp936']) expect(dbfEncoding(dbf, c)).toBe('gbk');
    expect(dbfEncoding(dbf, 'UTF-8')).toBe('utf-8');
    dbf[29] = 0x4d; // language driver: GBK
    expect(dbfEncoding(dbf)).toBe('gbk');
  });
  it('readFiles runs detection and parsing together', async () => {
    const { layers, rejected } = await readFiles([file('p.csv', '名称,经度,纬度\n甲,111.78,37.27\n')]);
    expect(rejected).toEqual([]);
    expect(layers[0].features[0]).toMatchObject({ properties: { 名称: '甲' }, geometry: { type: 'Point', coordinates: [111.78, 37.27] } });
  });
});
