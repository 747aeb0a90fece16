// Export → import round trips keep geometry within 1 cm; WKT parse/write; CSV and shapefile details.
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { parseWKT, toCSV, toGeoJSON, toShapefileZip, toWKT, type ExportField } from '../../../src/lib/export';
import { WGS84_PRJ } from '../../../src/lib/geo/crs';
import { parseCSV, parseGeoJSON, parseShapefile, repairFeature, toWgs84 } from '../../../src/lib/import';
import { positionsOf } from '../../../src/lib/import/common';

// Coordinates with 12 decimals so that rounding is exercised.
const j = (x: number) => x + 0.000000123456;
const outer: number[][] = [[j(111.78), j(37.26)], [j(111.782), j(37.26)], [j(111.782), j(37.2615)], [j(111.78), j(37.2615)], [j(111.78), j(37.26)]];
const hole: number[][] = [[j(111.7805), j(37.2605)], [j(111.7805), j(37.261)], [j(111.781), j(37.261)], [j(111.781), j(37.2605)], [j(111.7805), j(37.2605)]];
const fc: FeatureCollection<Polygon | MultiPolygon> = Object.freeze({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { name: '测试小区甲（有内环）', code: 'FY-T01', built_year: 1988, households: 120, floor_area_m2: 9800.5, maintenance_fund: true, 建成年代说明: '上世纪八十年代末' }, geometry: { type: 'Polygon', coordinates: [outer, hole] } },
    {
      type: 'Feature',
      properties: { name: '测试小区乙, "两块"', code: 'FY-T02', built_year: 1995, households: 0, floor_area_m2: 7200, maintenance_fund: false, 建成年代说明: '' },
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          [[[111.79, 37.27], [111.791, 37.27], [111.791, 37.271], [111.79, 37.271], [111.79, 37.27]]],
          [[[111.793, 37.27], [111.794, 37.27], [111.794, 37.271], [111.793, 37.271], [111.793, 37.27]]],
        ],
      },
    },
  ],
}) as FeatureCollection<Polygon | MultiPolygon>;

// Shapefile fields as the export schema gives them: explicit short names, types and widths.
const FIELDS: ExportField[] = [
  { key: 'name', label: '名称', short: 'name', type: 'text', maxChars: 80 },
  { key: 'code', label: '编码', short: 'code', type: 'text', maxChars: 32 },
  { key: 'built_year', label: '建成年代', short: 'built_year', type: 'int', min: 1900, max: 2000 },
  { key: 'households', label: '户数', short: 'households', type: 'int', min: 0 },
  { key: 'floor_area_m2', label: '建筑面积', short: 'floor_area', type: 'real', min: 0, decimals: 2 },
  { key: 'maintenance_fund', label: '维修基金', short: 'maintenanc', type: 'bool' },
  { key: '建成年代说明', label: '建成年代说明', short: 'built_note', type: 'text', maxChars: 40 },
];

/** Largest distance in metres between corresponding positions (local scale at 37.27°N). */
function maxErrM(a: Geometry | null, b: Geometry | null): number {
  const pa = positionsOf(a);
  const pb = positionsOf(b);
  expect(pb.length).toBe(pa.length);
  return Math.max(...pa.map((p, i) => Math.hypot((p[0] - pb[i][0]) * 88_700, (p[1] - pb[i][1]) * 111_000)));
}

describe('round trips keep geometry within 1 cm', () => {
  it('GeoJSON', () => {
    const back = toWgs84(parseGeoJSON(toGeoJSON(fc), 'out.geojson'));
    back.features.forEach((f, i) => expect(maxErrM(f.geometry, fc.features[i].geometry)).toBeLessThan(0.01));
    expect(back.features[0].properties).toEqual(fc.features[0].properties);
  });
  it('CSV with a WKT column', () => {
    const rows = fc.features.map((f) => ({ ...f.properties, geometry: toWKT(f.geometry) }));
    const csv = toCSV(rows, ['name', 'code', 'households', { key: 'geometry', label: 'wkt' }]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const layer = parseCSV(new TextEncoder().encode(csv), 'out.csv');
    expect(layer.errors).toEqual([]);
    const back = toWgs84(layer);
    back.features.forEach((f, i) => expect(maxErrM(f.geometry, fc.features[i].geometry)).toBeLessThan(0.01));
    expect(back.features[1].properties).toEqual({ name: '测试小区乙, "两块"', code: 'FY-T02', households: '0' });
  });
  it('Shapefile zip (holes, multipolygons, UTF-8 text, WGS84 .prj, .cpg)', async () => {
    const { bytes: zipBytes } = await toShapefileZip(fc, '汾阳小区', { fields: FIELDS, prj: WGS84_PRJ });
    const zip = await JSZip.loadAsync(zipBytes);
    expect(Object.keys(zip.files).sort()).toEqual(['汾阳小区.cpg', '汾阳小区.dbf', '汾阳小区.prj', '汾阳小区.shp', '汾阳小区.shx', '说明.txt']);
    expect(await zip.files['汾阳小区.cpg'].async('string')).toBe('UTF-8');
    const [layer] = await parseShapefile([{ name: 'out.zip', data: zipBytes }]);
    expect(layer.errors).toEqual([]);
    expect(layer.crs?.id).toBe('EPSG:4326');
    expect(layer.crsSource).toBe('prj');
    const back = toWgs84(layer);
    back.features.forEach((f, i) => {
      // Shapefiles wind rings clockwise; rewinding restores the original vertex order.
      const g = repairFeature(f, ['rewind']).geometry;
      expect(g!.type).toBe(fc.features[i].geometry.type);
      expect(maxErrM(g, fc.features[i].geometry)).toBeLessThan(0.01);
    });
    expect((back.features[0].geometry as Polygon).coordinates).toHaveLength(2);
    // Keys longer than 10 bytes get the schema's short names: floor_area_m2 → floor_area, maintenance_fund → maintenanc.
    expect(back.features[0].properties).toMatchObject({ name: '测试小区甲（有内环）', code: 'FY-T01', built_year: 1988, households: 120, floor_area: 9800.5, maintenanc: true });
    expect(back.features[1].properties).toMatchObject({ households: 0, maintenanc: false });
    expect(back.features[0].properties).toMatchObject({ built_note: '上世纪八十年代末' });
  });
  it('mixed geometry types go to separate files in one zip', async () => {
    const mixed: FeatureCollection = {
      type: 'FeatureCollection',
      features: [fc.features[0] as Feature, { type: 'Feature', properties: { name: '点' }, geometry: { type: 'Point', coordinates: [111.78, 37.26] } }],
    };
    const zip = await JSZip.loadAsync((await toShapefileZip(mixed, 'm', { fields: FIELDS.slice(0, 1), prj: WGS84_PRJ })).bytes);
    expect(Object.keys(zip.files).filter((n) => n.endsWith('.shp')).sort()).toEqual(['m.shp', 'm_point.shp']);
    const layers = await parseShapefile([{ name: 'm.zip', data: await zip.generateAsync({ type: 'uint8array' }) }]);
    const point = layers.find((l) => l.name === 'm_point')!;
    expect(point.features[0]).toMatchObject({ geometry: { type: 'Point', coordinates: [111.78, 37.26] }, properties: { name: '点' } });
  });
});

describe('WKT', () => {
  it('writes and reads Point, LineString, Polygon with hole, MultiPolygon', () => {
    const geoms: Geometry[] = [
      { type: 'Point', coordinates: [111.78, 37.27] },
      { type: 'LineString', coordinates: [[111.78, 37.27], [111.79, 37.28]] },
      fc.features[0].geometry,
      fc.features[1].geometry,
    ];
    // Up to 9 decimals are written (~0.1 mm), so the 12-decimal fixtures come back within 1 mm.
    for (const g of geoms) {
      const back = parseWKT(toWKT(g));
      expect(back.type).toBe(g.type);
      expect(maxErrM(back, g)).toBeLessThan(0.001);
    }
    expect(parseWKT(toWKT(geoms[3]))).toEqual(geoms[3]);
    expect(toWKT(geoms[0])).toBe('POINT (111.78 37.27)');
    expect(toWKT(geoms[1])).toBe('LINESTRING (111.78 37.27, 111.79 37.28)');
  });
  it('reads EWKT, Z, M, lower case and MULTIPOINT without inner parentheses', () => {
    expect(parseWKT('SRID=4326;POINT(1 2)')).toEqual({ type: 'Point', coordinates: [1, 2] });
    expect(parseWKT('POINT Z (1 2 3)')).toEqual({ type: 'Point', coordinates: [1, 2, 3] });
    expect(parseWKT('LINESTRING M (1 2 9, 3 4 9)')).toEqual({ type: 'LineString', coordinates: [[1, 2], [3, 4]] });
    expect(parseWKT('polygon((0 0,1 0,1 1,0 0))').type).toBe('Polygon');
    expect(parseWKT('MULTIPOINT (1 2, 3 4)')).toEqual({ type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] });
    expect(parseWKT('POLYGON EMPTY')).toEqual({ type: 'Polygon', coordinates: [] });
  });
  it('throws on malformed WKT', () => {
    expect(() => parseWKT('POLYGON ((0 0, 1 0, 1 1, 0 0)')).toThrow();
    expect(() => parseWKT('CIRCLE (0 0, 1)')).toThrow();
    expect(() => parseWKT('POINT (a b)')).toThrow();
  });
});

describe('toCSV', () => {
  it('quotes, labels columns and neutralises formulas', () => {
    const csv = toCSV([{ name: '甲,乙', n: 1, f: '=HYPERLINK("x")', empty: null }], ['name', { key: 'n', label: '户数' }, 'f', 'empty']);
    expect(csv).toBe('\uFEFFname,户数,f,empty\r\n"甲,乙",1,"\'=HYPERLINK(""x"")",\r\n');
  });
});
