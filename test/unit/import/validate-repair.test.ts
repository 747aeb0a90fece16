import { describe, expect, it } from 'vitest';
import type { Feature, Polygon } from 'geojson';
import { explain, i18n } from '../../../src/lib/i18n/index.svelte';
import { findSelfIntersection, repairFeature, repairsFor, validateFeatures } from '../../../src/lib/import';

const poly = (coordinates: number[][][], name = '测试'): Feature<Polygon> =>
  Object.freeze({ type: 'Feature', properties: { name }, geometry: { type: 'Polygon', coordinates } }) as Feature<Polygon>;
const codes = (f: Feature<Polygon>) => {
  const [r] = validateFeatures([f]);
  return { errors: r.errors.map((e) => e.code), warnings: r.warnings.map((e) => e.code) };
};

describe('validateFeatures', () => {
  it('accepts a clean CCW square in Fenyang', () => {
    expect(codes(poly([[[111.78, 37.26], [111.781, 37.26], [111.781, 37.261], [111.78, 37.261], [111.78, 37.26]]]))).toEqual({ errors: [], warnings: [] });
  });
  it('reports the name and a reason the UI words in Chinese and English', () => {
    const [r] = validateFeatures([poly([[[111.78, 37.26], [111.781, 37.26], [111.781, 37.261], [111.78, 37.261]]], '甲')]);
    expect(r.name).toBe('甲');
    expect(r.errors[0]).toMatchObject({ code: 'ring_not_closed', repairable: true });
    expect(r.errors[0].params).toEqual({ n: 1 });
    expect(explain(r.errors[0])).toContain('未闭合');
    i18n.set('en');
    try {
      expect(explain(r.errors[0])).toContain('not closed');
    } finally {
      i18n.set('zh');
    }
  });
  it('flags clockwise outer rings as a repairable warning', () => {
    expect(codes(poly([[[111.78, 37.26], [111.78, 37.261], [111.781, 37.261], [111.781, 37.26], [111.78, 37.26]]])).warnings).toEqual(['ring_orientation']);
  });
  it('reports empty geometry and non-polygons', () => {
    const [a, b] = validateFeatures([
      { type: 'Feature', properties: {}, geometry: null },
      { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [111.78, 37.26] } },
    ]);
    expect(a.errors.map((e) => e.code)).toEqual(['empty_geometry']);
    expect(b.errors.map((e) => e.code)).toEqual(['not_polygon']);
    expect(validateFeatures([{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [111.78, 37.26] } }], { expect: 'any' })[0].errors).toEqual([]);
  });
  it('finds a hole crossing its shell but allows a hole touching it at one point', () => {
    const shell = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]];
    expect(findSelfIntersection([shell, [[5, 5], [5, 12], [6, 12], [6, 5], [5, 5]]])).not.toBeNull();
    expect(findSelfIntersection([shell, [[0, 5], [2, 6], [2, 4], [0, 5]]])).toBeNull();
    // A ring touching itself at a vertex (figure-eight through a shared point) is invalid.
    expect(findSelfIntersection([[[0, 0], [2, 0], [1, 1], [2, 2], [0, 2], [1, 1], [0, 0]]])).toEqual([1, 1]);
  });
  it('refuses compounds below the minimum area (20 m² unless told) with the feature named', () => {
    // 4 m × 4 m in Fenyang: 16 m²
    const d = 4 / 111000;
    const small = poly([[[111.78, 37.26], [111.78 + d * 1.25, 37.26], [111.78 + d * 1.25, 37.26 + d], [111.78, 37.26 + d], [111.78, 37.26]]], '门卫室');
    const [r] = validateFeatures([small]);
    expect(r.name).toBe('门卫室');
    expect(r.errors).toMatchObject([{ code: 'too_small', repairable: false }]);
    expect(explain(r.errors[0])).toMatch(/面积过小.*至少 20 平方米/);
    expect(validateFeatures([small], { minAreaM2: 10 })[0].errors).toEqual([]);
    expect(validateFeatures([small], { minAreaM2: 0 })[0].errors).toEqual([]);
  });
  it('judges how rings meet by the one validity rule, with the place', () => {
    const sq = (x: number, y: number, s: number) => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];
    // a diamond courtyard touching the outer wall at two points cuts the compound in two
    const twice = poly([[[111.78, 37.26], [111.781, 37.26], [111.781, 37.261], [111.78, 37.261], [111.78, 37.26]], [[111.7805, 37.26], [111.7803, 37.2605], [111.7805, 37.261], [111.7807, 37.2605], [111.7805, 37.26]]]);
    expect(validateFeatures([twice])[0].errors).toMatchObject([{ code: 'interior_disconnected' }]);
    expect(explain(validateFeatures([twice])[0].errors[0])).toMatch(/分成了互不相连的部分.*位置约在 \(?111\.7805/);
    const overlap = { type: 'Feature' as const, properties: { name: '重叠' }, geometry: { type: 'MultiPolygon' as const, coordinates: [[sq(111.78, 37.26, 0.001)], [sq(111.7805, 37.2605, 0.001)]] } };
    expect(validateFeatures([overlap])[0].errors.map((e) => e.code)).toEqual(['parts_overlap']);
    const nan = poly([[[111.78, 37.26], [Number.NaN, 37.26], [111.781, 37.261], [111.78, 37.26]]]);
    expect(validateFeatures([nan])[0].errors.map((e) => e.code)).toEqual(['invalid_coordinates']);
    const far = poly([[[111.78, 37.26], [191.78, 37.26], [111.781, 37.261], [111.78, 37.26]]]);
    expect(validateFeatures([far], { bbox: null })[0].errors.map((e) => e.code)).toEqual(['invalid_coordinates']);
  });
  it('out_of_area is not repairable and carries a location', () => {
    const [r] = validateFeatures([poly([[[112.55, 37.87], [112.552, 37.87], [112.552, 37.872], [112.55, 37.87]]])]);
    expect(r.errors).toMatchObject([{ code: 'out_of_area', repairable: false, location: [112.55, 37.87] }]);
  });
});

describe('repairFeature', () => {
  it('closes, de-duplicates and rewinds; the result validates clean and the input is untouched', () => {
    const bad = poly([[[111.78, 37.26], [111.78, 37.261], [111.78, 37.261], [111.781, 37.261], [111.781, 37.26]]]);
    const [r] = validateFeatures([bad]);
    expect(r.errors.map((e) => e.code).sort()).toEqual(['duplicate_vertices', 'ring_not_closed']);
    const repairs = repairsFor(r);
    expect(repairs).toEqual(['close_ring', 'drop_duplicates', 'rewind']);
    const fixed = repairFeature(bad, repairs) as Feature<Polygon>;
    expect(codes(fixed)).toEqual({ errors: [], warnings: [] });
    expect(fixed.geometry.coordinates[0]).toEqual([[111.78, 37.26], [111.781, 37.26], [111.781, 37.261], [111.78, 37.261], [111.78, 37.26]]);
    expect(bad.geometry.coordinates[0]).toHaveLength(5);
  });
  it('rewinds holes clockwise', () => {
    const f = poly([
      [[0, 0], [0, 10], [10, 10], [10, 0], [0, 0]],
      [[2, 2], [4, 2], [4, 4], [2, 4], [2, 2]],
    ]);
    const g = repairFeature(f, ['rewind']) as Feature<Polygon>;
    expect(g.geometry.coordinates[0]).toEqual([[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]);
    expect(g.geometry.coordinates[1]).toEqual([[2, 2], [2, 4], [4, 4], [4, 2], [2, 2]]);
  });
  it('does not touch self-intersections', () => {
    const bow = poly([[[111.78, 37.265], [111.781, 37.266], [111.781, 37.265], [111.78, 37.266], [111.78, 37.265]]]);
    const [r] = validateFeatures([bow]);
    expect(repairsFor(r)).not.toContain('self_intersection');
    expect(codes(repairFeature(bow, repairsFor(r)) as Feature<Polygon>).errors).toContain('self_intersection');
  });
});
