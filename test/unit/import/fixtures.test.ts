// Every file of the import corpus (test/fixtures/import) against expected.json: broken files
// produce their error code, valid ones the right number of features inside Fenyang after the CRS step.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FENYANG_BBOX } from '../../../src/lib/geo/crs';
import { explain } from '../../../src/lib/i18n/index.svelte';
import { detectFormat, parseSource, toWgs84, validateFeatures, featureName, type InputFile } from '../../../src/lib/import';
import { positionsOf } from '../../../src/lib/import/common';

const DIR = join(__dirname, '../../fixtures/import');
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as {
  valid: Record<string, { features: number; crs: string; crsSource?: string; encoding?: string; expect: 'polygon' | 'any'; names?: string[]; layers?: Record<string, number> }>;
  broken: Record<string, { level: 'file' | 'feature'; code: string; repairable?: boolean; location?: number[] }>;
};

function load(rel: string): InputFile[] {
  const p = join(DIR, rel);
  if (rel.endsWith('/')) return readdirSync(p).map((n) => ({ name: n, data: new Uint8Array(readFileSync(join(p, n))) }));
  return [{ name: rel.split('/').pop()!, data: new Uint8Array(readFileSync(p)) }];
}

async function parse(rel: string) {
  const det = await detectFormat(load(rel));
  expect(det.rejected).toEqual([]);
  expect(det.sources).toHaveLength(1);
  const layers = await parseSource(det.sources[0]);
  expect(layers).toHaveLength(1);
  return layers[0];
}

describe('valid fixtures', () => {
  for (const [rel, exp] of Object.entries(expected.valid)) {
    it(`${rel}: ${exp.features} features in ${exp.crs}, inside Fenyang`, async () => {
      const layer = await parse(`valid/${rel}`);
      expect(layer.errors).toEqual([]);
      expect(layer.features).toHaveLength(exp.features);
      expect(layer.crs?.id).toBe(exp.crs);
      if (exp.crsSource) expect(layer.crsSource).toBe(exp.crsSource);
      if (exp.encoding) expect(layer.encoding).toBe(exp.encoding);
      // guessCrs ranks the right answer first from the numbers (plus the file name as a hint).
      expect(layer.candidates[0].crs.id).toBe(exp.crs);
      const fc = toWgs84(layer);
      for (const f of fc.features) {
        for (const p of positionsOf(f.geometry)) {
          expect(p[0]).toBeGreaterThan(FENYANG_BBOX[0]);
          expect(p[0]).toBeLessThan(FENYANG_BBOX[2]);
          expect(p[1]).toBeGreaterThan(FENYANG_BBOX[1]);
          expect(p[1]).toBeLessThan(FENYANG_BBOX[3]);
        }
      }
      const reports = validateFeatures(fc.features, { expect: exp.expect });
      expect(reports.flatMap((r) => r.errors)).toEqual([]);
      if (exp.names) expect(fc.features.map((f) => featureName(f.properties))).toEqual(exp.names);
      if (exp.layers) {
        const counts = Object.fromEntries((layer.dxfLayers ?? []).map((l) => [l.name, l.closed]));
        expect(counts).toEqual(exp.layers);
      }
    });
  }

  it('all valid formats put compound 甲 in the same place (GCJ-02 undone, GK inverted)', async () => {
    const ref = toWgs84(await parse('valid/compounds-wgs84.geojson')).features[0].geometry!;
    const refPts = positionsOf(ref);
    for (const rel of ['compounds-gcj02.geojson', 'compounds-gk37-gbk.zip', 'compounds-cm111-utf8.zip', 'compounds.kmz', 'compounds-wkt.csv']) {
      const g = toWgs84(await parse(`valid/${rel}`)).features[0].geometry!;
      const pts = positionsOf(g);
      expect(pts.length).toBe(refPts.length);
      // Shapefiles wind rings the other way, so compare each vertex with its nearest reference vertex.
      for (const p of pts) {
        const d = Math.min(...refPts.map((q) => Math.hypot((p[0] - q[0]) * 88_700, (p[1] - q[1]) * 111_000)));
        // GCJ-02 inverse is good to ~1 cm; shapefile coordinates were rounded to 1 mm.
        expect(d, rel).toBeLessThan(0.05);
      }
    }
  });

  it('GBK shapefile attributes decode to Chinese field names and values', async () => {
    const layer = await parse('valid/compounds-gk37-gbk.zip');
    expect(layer.columns).toContain('小区名称');
    expect(layer.columns).toContain('建成年代');
    expect(layer.features[1].properties).toMatchObject({ 小区名称: '测试小区乙', 编码: 'FY-T02', 建成年代: 1995, 产权单位: '汾阳市房管所' });
  });

  it('the ring with a hole survives the shapefile reader', async () => {
    const fc = toWgs84(await parse('valid/compounds-gk37-gbk.zip'));
    expect(fc.features[1].geometry).toMatchObject({ type: 'Polygon' });
    expect((fc.features[1].geometry as GeoJSON.Polygon).coordinates).toHaveLength(2);
  });
});

describe('broken fixtures', () => {
  for (const [rel, exp] of Object.entries(expected.broken)) {
    it(`${rel} → ${exp.code}`, async () => {
      const det = await detectFormat(load(`broken/${rel}`));
      const layer = (await parseSource(det.sources[0]))[0];
      if (exp.level === 'file') {
        expect(layer.errors.map((e) => e.code)).toContain(exp.code);
        expect(explain(layer.errors[0])).toMatch(/[\u4e00-\u9fff]/);
        return;
      }
      expect(layer.errors).toEqual([]);
      const reports = validateFeatures(toWgs84(layer).features);
      const found = reports[0].errors.find((e) => e.code === exp.code);
      expect(found, JSON.stringify(reports[0])).toBeDefined();
      expect(found!.repairable).toBe(exp.repairable);
      if (exp.location) {
        expect(found!.location![0]).toBeCloseTo(exp.location[0], 7);
        expect(found!.location![1]).toBeCloseTo(exp.location[1], 7);
      }
    });
  }
});
