// Attribute mapping: which file column feeds which compound (or building) field.

/** Compound fields an import can fill (see Compound in src/lib/types.ts). Township/community come as names. */
export const COMPOUND_FIELDS = [
  'name',
  'code',
  'address',
  'built_year',
  'buildings',
  'households',
  'floor_area_m2',
  'land_area_m2',
  'property_owner',
  'management',
  'maintenance_fund',
  'township_name',
  'community_name',
] as const;
export type CompoundField = (typeof COMPOUND_FIELDS)[number];

/** Building fields an import can fill (see Building in src/lib/types.ts). */
export const BUILDING_FIELDS = ['name', 'code', 'floors', 'built_year', 'households', 'has_elevator'] as const;
export type BuildingField = (typeof BUILDING_FIELDS)[number];

export type ImportField = CompoundField | BuildingField;

/**
 * Column names that mean each field, most specific first: Chinese as survey forms and registers write them, English,
 * and the pinyin initials Chinese surveyors use for field names in shapefiles and CAD attribute tables (小区名称 →
 * XQMC). Matched ignoring case, spaces, underscores, hyphens and a bracketed unit ("户数（户）", "建筑面积(㎡)").
 */
export const FIELD_SYNONYMS: Readonly<Record<ImportField, readonly string[]>> = {
  name: ['小区名称', '小区名', '小区', '名称', '项目名称', '楼栋名称', '楼栋名', '院落名称', 'name', 'compound_name', 'estate', 'title', 'xqmc', 'xmmc', 'mc'],
  code: ['小区编码', '小区编号', '小区代码', '编码', '编号', '代码', '序号编码', 'code', 'compound_code', 'xqbm', 'xqbh', 'xqdm', 'bm', 'bh', 'dm'],
  address: ['地址', '小区地址', '详细地址', '位置', '坐落', '坐落位置', 'address', 'addr', 'location', 'dz', 'xqdz', 'xxdz', 'zl'],
  built_year: ['建成年代', '建成年份', '建成时间', '建设年代', '建设年份', '竣工年份', '竣工时间', '建筑年代', '建成年限',
    'built_year', 'builtyear', 'year_built', 'construction_year', 'year', 'jcnd', 'jcnf', 'jcsj', 'jsnd', 'jgnf'],
  buildings: ['楼栋数', '栋数', '楼数', '楼栋数量', '楼栋', '幢数', 'buildings', 'building_count', 'num_buildings', 'blocks', 'lds', 'ds', 'zs'],
  households: ['户数', '总户数', '住户数', '居民户数', '住宅户数', '户数合计', 'households', 'household', 'household_count', 'num_households', 'dwellings', 'hh',
    'hs', 'zhs', 'jmhs'],
  floor_area_m2: ['建筑面积', '总建筑面积', '住宅建筑面积', 'floor_area_m2', 'floor_area', 'floorarea', 'gfa', 'building_area', 'jzmj', 'zjzmj'],
  land_area_m2: ['占地面积', '用地面积', '小区占地面积', 'land_area_m2', 'land_area', 'landarea', 'site_area', 'plot_area', 'zdmj', 'ydmj'],
  property_owner: ['原产权单位', '产权单位', '产权人', '权属单位', 'property_owner', 'owner', 'cqdw', 'ycqdw'],
  management: ['管理方式', '物业管理', '管理模式', '物业管理方式', 'management', 'glfs', 'wygl'],
  maintenance_fund: ['维修基金', '维修资金', '专项维修资金', '是否建立维修基金', 'maintenance_fund', 'wxjj', 'wxzj'],
  township_name: ['街道', '乡镇', '镇街', '所属街道', '街道乡镇', '街道办事处', '所属乡镇', 'township', 'street', 'jd', 'xz', 'ssjd'],
  community_name: ['社区', '所属社区', '居委会', '社区居委会', '村社区', 'community', 'sq', 'sssq', 'jwh'],
  floors: ['层数', '楼层数', '地上层数', '总层数', 'floors', 'storeys', 'stories', 'cs', 'dscs'],
  has_elevator: ['电梯', '有无电梯', '是否有电梯', '是否加装电梯', 'has_elevator', 'elevator', 'dt', 'ywdt'],
};

/** A column name as matched: lower case, a bracketed unit and spaces, underscores and hyphens removed. */
export function normHeader(s: string): string {
  return s.trim().toLowerCase().replace(/[（(【[][^）)】\]]*[）)】\]]/g, '').replace(/[\s_\-（）()]/g, '');
}
const norm = normHeader;

/**
 * Suggest which column feeds each field, from column names (Chinese or English, shapefile names
 * truncated to 10 bytes included). Each column is used at most once; unmatched fields are absent.
 * @param target 'compound' (default) or 'building'
 * @example suggestMapping(['小区名称', '编码', '建成年份', 'HOUSEHOLDS']) // { name: '小区名称', code: '编码', built_year: '建成年份', households: 'HOUSEHOLDS' }
 */
export function suggestMapping(columns: readonly string[], target: 'compound' | 'building' = 'compound'): Partial<Record<ImportField, string>> {
  const fields: readonly ImportField[] = target === 'compound' ? COMPOUND_FIELDS : BUILDING_FIELDS;
  const out: Partial<Record<ImportField, string>> = {};
  const used = new Set<string>();
  const normCols = columns.map((c) => [c, norm(c)] as const);
  // Pass 1: exact synonym matches; pass 2: a truncated column name (≥ 6 characters) that starts a synonym.
  for (const pass of [1, 2]) {
    for (const field of fields) {
      if (out[field]) continue;
      for (const syn of FIELD_SYNONYMS[field].map(norm)) {
        const hit = normCols.find(([c, n]) => !used.has(c) && (pass === 1 ? n === syn : n.length >= 6 && syn.startsWith(n)));
        if (hit) {
          out[field] = hit[0];
          used.add(hit[0]);
          break;
        }
      }
    }
  }
  return out;
}
