// Column names as Chinese survey data write them — Chinese, English, pinyin initials, units in brackets — are matched
// to the register's fields; a guess never takes a column twice.
import { describe, expect, it } from 'vitest';
import { suggestMapping, type ImportField } from '../../../src/lib/import/mapping';

const TABLE: [string, ImportField][] = [
  ['小区名称', 'name'], ['项目名称', 'name'], ['XQMC', 'name'], ['compound_name', 'name'], ['Name', 'name'],
  ['小区编码', 'code'], ['小区编号', 'code'], ['XQBM', 'code'], ['xqbh', 'code'], ['CODE', 'code'],
  ['地址', 'address'], ['坐落位置', 'address'], ['XQDZ', 'address'], ['Address', 'address'],
  ['建成年代', 'built_year'], ['建成年份', 'built_year'], ['竣工时间', 'built_year'], ['JCND', 'built_year'], ['jcsj', 'built_year'], ['year_built', 'built_year'],
  ['户数', 'households'], ['户数（户）', 'households'], ['总户数', 'households'], ['居民户数', 'households'], ['ZHS', 'households'], ['HS', 'households'], ['Households', 'households'],
  ['楼栋数', 'buildings'], ['幢数', 'buildings'], ['楼栋数(栋)', 'buildings'], ['LDS', 'buildings'], ['building_count', 'buildings'],
  ['建筑面积', 'floor_area_m2'], ['建筑面积(㎡)', 'floor_area_m2'], ['建筑面积（平方米）', 'floor_area_m2'], ['JZMJ', 'floor_area_m2'], ['GFA', 'floor_area_m2'],
  ['占地面积', 'land_area_m2'], ['用地面积(m2)', 'land_area_m2'], ['ZDMJ', 'land_area_m2'], ['site_area', 'land_area_m2'],
  ['所属街道', 'township_name'], ['街道（乡镇）', 'township_name'], ['社区居委会', 'community_name'], ['SQ', 'community_name'],
];

describe('suggestMapping', () => {
  it.each(TABLE)('%s → %s', (column, field) => {
    expect(suggestMapping([column])[field]).toBe(column);
  });
  it('maps a whole survey sheet, each column once', () => {
    const cols = ['序号', '小区名称', '小区编号', '坐落位置', '建成年代', '楼栋数（栋）', '户数（户）', '建筑面积（㎡）', '所属社区', '备注'];
    expect(suggestMapping(cols)).toEqual({
      name: '小区名称', code: '小区编号', address: '坐落位置', built_year: '建成年代', buildings: '楼栋数（栋）', households: '户数（户）',
      floor_area_m2: '建筑面积（㎡）', community_name: '所属社区',
    });
    expect(suggestMapping(['XQMC', 'XQBM', 'JCND', 'HS', 'LDS', 'JZMJ'])).toEqual({
      name: 'XQMC', code: 'XQBM', built_year: 'JCND', households: 'HS', buildings: 'LDS', floor_area_m2: 'JZMJ',
    });
  });
});
