// Guards the planning of a boundary import (the wizard's 行政区划边界 target): codes match townships (9 digits, or the
// 12-digit statistical form) and communities (12 digits); unknown or repeated codes, non-polygons, boundaries outside
// the county and overlaps (in the file, or with a saved boundary that stays) are refused per feature with their
// reasons; otherwise the plan replaces the codes' saved boundaries and removes the demo ones of the levels imported.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { validateFeatures } from '../../../src/lib/import';
import { normaliseDivisionCode, planBoundaryImport, suggestBoundaryMapping, type BoundaryContext } from '../../../src/lib/import/plan-boundaries';

const outline = JSON.parse(readFileSync(join(__dirname, '../../../data/fenyang-outline.geojson'), 'utf8')).features[0].geometry as Polygon;
const O = [111.6, 37.3];
const kx = 111320 * Math.cos((O[1] * Math.PI) / 180);
const rect = (x0: number, y0: number, x1: number, y1: number): Polygon => {
  const ll = (x: number, y: number) => [+(O[0] + x / kx).toFixed(7), +(O[1] + y / 110574).toFixed(7)];
  return { type: 'Polygon', coordinates: [[ll(x0, y0), ll(x1, y0), ll(x1, y1), ll(x0, y1), ll(x0, y0)]] };
};
const feature = (code: unknown, geometry: Polygon | null, name = ''): Feature<Polygon | null> => ({ type: 'Feature', properties: { XZQDM: code, XZQMC: name }, geometry });

const ctx = (existing: BoundaryContext['existing'] = []): BoundaryContext => ({
  townships: [{ id: 't100', code: '141182100', name: '贾家庄镇' }, { id: 't101', code: '141182101', name: '杏花村镇' }, { id: 't102', code: '141182102', name: '冀村镇' }],
  communities: [{ id: 'c1', code: '141182001001', name: '东关社区', township: 't001' }],
  existing, outline,
});
const layer = (features: Feature<Polygon | null>[], name = 'towns.geojson') => ({
  name, features, reports: validateFeatures(features), mapping: suggestBoundaryMapping(['XZQDM', 'XZQMC']),
});

describe('boundary import planning', () => {
  it('reads division codes as files write them', () => {
    expect(normaliseDivisionCode(' 141182100 ')).toBe('141182100');
    expect(normaliseDivisionCode('141182100000')).toBe('141182100');
    expect(normaliseDivisionCode(141182100)).toBe('141182100');
    expect(normaliseDivisionCode('141182001001.0')).toBe('141182001001');
    expect(normaliseDivisionCode('141182001001')).toBe('141182001001');
    expect(suggestBoundaryMapping(['名称', '区划代码'])).toEqual({ code: '区划代码', name: '名称' });
  });

  it('plans townships and a community: creates, with the saved boundary of a code replaced and the demo ones of the level removed', () => {
    const existing: BoundaryContext['existing'] = [
      { id: 'old100', code: '141182100', level: 'township', name: '贾家庄镇', is_demo: false, geometry: rect(0, 0, 1000, 1000) },
      { id: 'demo001', code: '141182001', level: 'township', name: '文峰街道', is_demo: true, geometry: rect(5000, 5000, 6000, 6000) },
      { id: 'demoC', code: '141182001002', level: 'community', name: '建昌社区', is_demo: true, geometry: rect(5000, 5000, 5500, 5500) },
    ];
    const plan = planBoundaryImport([layer([
      feature('141182100000', rect(0, 0, 2000, 2000)),
      feature('141182101', rect(2000, 0, 4000, 2000)),
    ])], ctx(existing));
    expect(plan.refused).toEqual([]);
    expect(plan.counts).toEqual({ township: 2, community: 0, replaced: 1, demoRemoved: 1, refused: 0 });
    expect(plan.ops.map((o) => (o.action === 'delete' ? `delete ${o.id}` : `create ${o.body.code}`)))
      .toEqual(['delete old100', 'delete demo001', 'create 141182100', 'create 141182101']);
    const create = plan.ops.find((o) => o.action === 'create')!;
    expect(create.action === 'create' && create.body).toMatchObject({ is_demo: false, source: '导入 / imported: towns.geojson' });
  });

  it('refuses, per feature and naming it, unknown and repeated codes, non-polygons, blank codes and outside Fenyang', () => {
    const plan = planBoundaryImport([layer([
      feature('141182999', rect(0, 0, 1000, 1000), '不存在镇'),
      feature('141182100', rect(2000, 0, 3000, 1000)),
      feature('141182100', rect(4000, 0, 5000, 1000)),
      feature('141182101', null),
      feature('', rect(6000, 0, 7000, 1000)),
      // 111.2°E: 30 km west of the county.
      { type: 'Feature', properties: { XZQDM: '141182102' }, geometry: { type: 'Polygon', coordinates: [[[111.2, 37.3], [111.21, 37.3], [111.21, 37.31], [111.2, 37.31], [111.2, 37.3]]] } },
    ])], ctx());
    const by = new Map(plan.refused.map((r) => [r.index, r.reasons.map((x) => x.code)]));
    expect([...by.keys()]).toEqual([0, 2, 3, 4, 5]);
    expect(by.get(0)).toEqual(['boundary_unknown_code']);
    expect(plan.refused[0].name).toBe('不存在镇 141182999');
    expect(by.get(2)).toEqual(['boundary_duplicate_code']);
    expect(plan.refused[1].reasons[0].params).toEqual({ code: '141182100', first: 'towns.geojson #2' });
    expect(by.get(3)).toContain('boundary_not_polygon');
    expect(by.get(4)).toEqual(['boundary_code_blank']);
    // Outside the coarse box too: the validation's own reason comes with it.
    expect(by.get(5)).toEqual(expect.arrayContaining(['out_of_area']));
    expect(plan.counts.refused).toBe(5);
  });

  it('refuses overlapping townships in the file (both, each naming the other) and one overlapping a saved boundary that stays', () => {
    const existing: BoundaryContext['existing'] = [
      { id: 'keep', code: '141182102', level: 'township', name: '冀村镇', is_demo: false, geometry: rect(10000, 0, 12000, 2000) },
    ];
    const plan = planBoundaryImport([layer([
      feature('141182100', rect(0, 0, 2000, 2000)),
      feature('141182101', rect(1500, 0, 3500, 2000)), // 25 % of either
      feature('141182001001', rect(500, 500, 800, 800)), // a community: another level, no overlap check against townships
    ]), layer([feature('141182100000', rect(11000, 0, 13000, 2000))], 'b.geojson')], ctx(existing));
    const reasons = plan.refused.map((r) => `${r.layer}:${r.index} ${r.reasons.map((x) => `${x.code}(${x.params?.otherCode ?? ''})`).join(',')}`);
    expect(reasons).toEqual([
      '0:0 boundary_overlap(141182101)',
      '0:1 boundary_overlap(141182100)',
      '1:0 boundary_duplicate_code()',
    ]);
    const saved = planBoundaryImport([layer([feature('141182101', rect(11000, 0, 13000, 2000))])], ctx(existing));
    expect(saved.refused[0].reasons[0]).toMatchObject({ code: 'boundary_overlap_saved', params: { otherCode: '141182102', share: '50.0', max: 1 } });
  });

  it('tolerates a sliver along a shared border (under 1 % of the smaller)', () => {
    const plan = planBoundaryImport([layer([feature('141182100', rect(0, 0, 2000, 2000)), feature('141182101', rect(1995, 0, 4000, 2000))])], ctx());
    expect(plan.refused).toEqual([]);
  });

  it('refuses every feature when no column holds the code', () => {
    const l = { ...layer([feature('141182100', rect(0, 0, 100, 100))]), mapping: {} };
    expect(planBoundaryImport([l], ctx()).refused[0].reasons).toEqual([{ code: 'boundary_code_missing' }]);
  });
});
