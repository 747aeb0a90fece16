import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { explain } from '../../../src/lib/i18n/index.svelte';
import { attachToCompounds, coerceField, parseShapefile, planImport, suggestMapping, toWgs84, parseDXF } from '../../../src/lib/import';

const DIR = join(__dirname, '../../fixtures/import');
const sq = (w: number, s: number, d = 0.001): Polygon => ({
  type: 'Polygon',
  coordinates: [[[w, s], [w + d, s], [w + d, s + d], [w, s + d], [w, s]]],
});
const feat = (props: Record<string, unknown>, geometry: Polygon | null = sq(111.78, 37.26)): Feature<Polygon | null> => ({ type: 'Feature', properties: props, geometry });

describe('suggestMapping', () => {
  it('maps Chinese and English column names', () => {
    expect(suggestMapping(['小区名称', '编码', '建成年份', '户数', '楼栋数', '建筑面积', '占地面积', '地址', '产权单位', '备注'])).toEqual({
      name: '小区名称',
      code: '编码',
      built_year: '建成年份',
      households: '户数',
      buildings: '楼栋数',
      floor_area_m2: '建筑面积',
      land_area_m2: '占地面积',
      address: '地址',
      property_owner: '产权单位',
    });
    expect(suggestMapping(['NAME', 'CODE', 'BUILT_YEAR', 'HOUSEHOLDS', 'ADDRESS'])).toEqual({
      name: 'NAME',
      code: 'CODE',
      built_year: 'BUILT_YEAR',
      households: 'HOUSEHOLDS',
      address: 'ADDRESS',
    });
  });
  it('matches shapefile names truncated to 10 bytes and does not reuse a column', () => {
    const m = suggestMapping(['名称', 'PROPERTY_O', 'FLOOR_AREA', 'LAND_AREA_']);
    expect(m).toMatchObject({ name: '名称', property_owner: 'PROPERTY_O', floor_area_m2: 'FLOOR_AREA', land_area_m2: 'LAND_AREA_' });
    expect(suggestMapping(['层数', '电梯'], 'building')).toEqual({ floors: '层数', has_elevator: '电梯' });
  });
});

describe('coerceField', () => {
  it('checks built_year, households, booleans and management', () => {
    expect(coerceField('built_year', '1988年')).toEqual({ ok: true, value: 1988 });
    expect(coerceField('built_year', 1988)).toEqual({ ok: true, value: 1988 });
    expect(coerceField('built_year', '1899').ok).toBe(false);
    expect(coerceField('built_year', '2026').ok).toBe(false);
    expect(coerceField('built_year', '80年代').ok).toBe(false);
    expect(coerceField('households', '120户')).toEqual({ ok: true, value: 120 });
    expect(coerceField('households', '-3').ok).toBe(false);
    expect(coerceField('households', '12.5').ok).toBe(false);
    expect(coerceField('floor_area_m2', '9,800.5㎡')).toEqual({ ok: true, value: 9800.5 });
    expect(coerceField('maintenance_fund', '是')).toEqual({ ok: true, value: true });
    expect(coerceField('management', '物业公司')).toEqual({ ok: true, value: 'property_company' });
  });
});

describe('planImport', () => {
  const existing = [
    { id: 'a1', code: 'FY-001', name: '东关小区', households: 100 },
    { id: 'a2', code: 'FY-002', name: '西关小区' },
    { id: 'a3', code: 'FY-003', name: '重名小区' },
    { id: 'a4', code: 'FY-004', name: '重名小区' },
  ];
  const mapping = { name: '名称', code: '编码', built_year: '建成年代', households: '户数' };
  const features = [
    feat({ 名称: '东关小区', 编码: 'FY-001', 建成年代: '1990', 户数: '120' }), // update households + geometry
    feat({ 名称: '新建小区', 编码: 'FY-050', 建成年代: '1985', 户数: '60' }), // create
    feat({ 名称: '坏年份', 编码: 'FY-051', 建成年代: '1850', 户数: '10' }), // refused
    feat({ 名称: '负户数', 编码: 'FY-052', 建成年代: '1990', 户数: '-1' }), // refused
    feat({ 名称: '重复编码', 编码: 'FY-050', 建成年代: '1990', 户数: '1' }), // refused: repeats FY-050
    feat({ 名称: '无边界', 编码: 'FY-053' }, null), // refused: empty geometry
    feat({ 名称: '重名小区', 编码: '', 户数: '5' }), // refused when matching by name: ambiguous
  ];
  it('sorts rows into create, update and refused with Chinese reasons', () => {
    const plan = planImport(features, mapping, existing, { matchBy: 'code_or_name' });
    expect(plan.create.map((c) => c.index)).toEqual([1]);
    expect(plan.create[0].record).toMatchObject({ name: '新建小区', code: 'FY-050', built_year: 1985, households: 60 });
    expect(plan.update).toHaveLength(1);
    expect(plan.update[0]).toMatchObject({ index: 0, id: 'a1', changes: { households: 120, built_year: 1990 } });
    expect(plan.update[0].changes).not.toHaveProperty('name');
    expect(plan.refused.map((r) => r.index)).toEqual([2, 3, 4, 5, 6]);
    const said = (i: number) => plan.refused[i].reasons.map(explain).join();
    expect(plan.refused[0].reasons[0]).toMatchObject({ code: 'built_year_invalid' });
    expect(said(0)).toContain('建成年代');
    expect(plan.refused[1].reasons[0]).toMatchObject({ code: 'integer_out_of_range', params: { field: 'households' } });
    expect(said(1)).toContain('户数');
    expect(said(2)).toContain('重复');
    // A row without geometry may only update an existing compound; as a new one it needs an outline.
    expect(said(3)).toContain('新建小区必须有边界');
    expect(said(4)).toContain('多个已有小区');
  });
  it('matchBy code does not match on names; repeated import is unchanged', () => {
    const byCode = planImport([feat({ 名称: '西关小区', 编码: 'FY-099' })], mapping, existing, { matchBy: 'code' });
    expect(byCode.create).toHaveLength(1);
    const byName = planImport([feat({ 名称: '西关小区', 编码: 'FY-099' })], mapping, existing, { matchBy: 'name' });
    expect(byName.update[0]).toMatchObject({ id: 'a2', changes: { code: 'FY-099' } });
    const g = sq(111.78, 37.26);
    const same = planImport([feat({ 名称: '东关小区', 编码: 'FY-001', 户数: '100' }, g)], mapping, [{ ...existing[0], geometry: g }], { matchBy: 'code' });
    expect(same.unchanged).toEqual([{ index: 0, id: 'a1' }]);
  });
  it('plans the GBK shapefile fixture with the suggested mapping', async () => {
    const [layer] = await parseShapefile([{ name: 'c.zip', data: new Uint8Array(readFileSync(join(DIR, 'valid/compounds-gk37-gbk.zip'))) }]);
    const m = suggestMapping(layer.columns);
    expect(m).toMatchObject({ name: '小区名称', code: '编码', built_year: '建成年代', households: '户数', floor_area_m2: '建筑面积', address: '地址', property_owner: '产权单位' });
    const plan = planImport(toWgs84(layer).features, m, [{ id: 'x', code: 'FY-T02', name: '测试小区乙' }], { matchBy: 'code' });
    expect(plan.create.map((c) => c.record.code)).toEqual(['FY-T01', 'FY-T03']);
    expect(plan.update.map((u) => u.id)).toEqual(['x']);
    expect(plan.refused).toEqual([]);
    // Shapefile rings come clockwise; the planned geometry is rewound to RFC 7946 (outer CCW).
    const ring = (plan.create[0].record.geometry as Polygon).coordinates[0];
    let s = 0;
    for (let i = 0; i < ring.length - 1; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
    expect(s).toBeGreaterThan(0);
  });
});

describe('attachToCompounds', () => {
  it('attaches DXF buildings to the DXF compounds by location', () => {
    const text = readFileSync(join(DIR, 'valid/compounds-cm111.dxf'));
    const compounds = toWgs84(parseDXF(new Uint8Array(text), 'd.dxf', { layers: ['COMPOUND'] }));
    compounds.features.forEach((f, i) => (f.id = `c${i}`));
    const buildings = toWgs84(parseDXF(new Uint8Array(text), 'd.dxf', { layers: ['BUILDING'] }));
    const orphan: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: sq(111.7, 37.2) };
    const res = attachToCompounds([...buildings.features, orphan], compounds as FeatureCollection);
    expect(res.map((r) => r.compoundId)).toEqual(['c0', 'c1', null]);
  });
  it('prefers the smaller of two overlapping compounds', () => {
    const fc: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: 'big', properties: {}, geometry: sq(111.77, 37.25, 0.02) },
        { type: 'Feature', properties: { id: 'small' }, geometry: sq(111.78, 37.26, 0.002) },
      ],
    };
    const b: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: sq(111.7805, 37.2605, 0.0002) };
    expect(attachToCompounds([b], fc)[0].compoundId).toBe('small');
  });
});
