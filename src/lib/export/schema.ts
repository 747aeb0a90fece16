// What each exported layer holds: one field list per kind, from the collections' schema (pb_migrations), with the
// Chinese label people read, the short ASCII name a shapefile's DBF can hold, the type, and the width the schema
// allows (not the width today's values need). Coded values (stage, tier, management …) are written twice: the
// Chinese label for people and the code in a `…_code` field for machines. Fields only staff may read are marked, and
// an export made without staff access leaves them out (never blank, false or 0).
import { zh as coreZh } from '../i18n/messages/core';
import { zh as programmeZh } from '../i18n/messages/programme';
import { zh as zonesZh } from '../i18n/messages/zones';
import { FACILITY_CATALOGUE } from '../geo/coverage';

export type FieldType = 'text' | 'int' | 'real' | 'bool' | 'date';
export type ExportKind = 'compounds' | 'zones' | 'sites';
/** Who the data was read as: staff see every field, the public only the public ones. */
export type Audience = 'staff' | 'public';

export interface ExportField {
  /** Property key (GeoJSON) — English, stable for machines. */
  key: string;
  /** Column header (CSV, XLSX) and full name in the shapefile field map — Chinese. */
  label: string;
  /** DBF field name: ASCII, at most 10 characters, unique in its layer (the key itself when it fits). */
  short: string;
  type: FieldType;
  /** Text: the most characters the schema allows. */
  maxChars?: number;
  /** Numbers: the largest value the schema allows (undefined: no upper bound). */
  max?: number;
  /** Numbers: the smallest value the schema allows (a negative minimum needs a sign in the width). */
  min?: number;
  /** Real numbers: decimals written. */
  decimals?: number;
  /** Unit written after numbers in XLSX and named in the field map. */
  unit?: string;
  /** Only staff may read it (the server hides it from everyone else). */
  staff?: boolean;
  /** Text that is ASCII only (codes): one byte a character in a DBF. */
  ascii?: boolean;
  /** Code fields: the code → Chinese label table their label field uses. */
  codes?: Readonly<Record<string, string>>;
}

/** Chinese labels of coded values, as files show them. */
export const CODE_LABELS = {
  stage: {
    demand: coreZh['stage.demand'], scheme: coreZh['stage.scheme'], planned: coreZh['stage.planned'],
    construction: coreZh['stage.construction'], accepted: coreZh['stage.accepted'], maintained: coreZh['stage.maintained'],
  },
  tier: { implement: coreZh['tier.implement'], prepare: coreZh['tier.prepare'], reserve: coreZh['tier.reserve'] },
  management: { property_company: programmeZh['pg.mgmt.property_company'], self: programmeZh['pg.mgmt.self'], none: '无人管理' },
  origin: { merged: zonesZh['zone.origin.merged'], drawn: zonesZh['zone.origin.drawn'] },
  site_source: { idle_land: '利用空闲用地新建', idle_building: '利用闲置用房改建', new: '新增用地' },
  site_stage: { proposed: '拟选址', planned: '已纳入计划', construction: '建设中', built: '已建成' },
  facility: Object.fromEntries(FACILITY_CATALOGUE.types.map((t) => [t.key, t.name_zh])) as Record<string, string>,
} as const satisfies Record<string, Record<string, string>>;

/** A coded field as two fields: the Chinese label and the code. */
function coded(key: string, label: string, short: string, codeShort: string, codes: Record<string, string>, extra: Partial<ExportField> = {}, codeMaxChars?: number): ExportField[] {
  // A code missing from the table is written as its own label, so the label field is as wide as the widest of both.
  const codeWidth = codeMaxChars ?? Math.max(...Object.keys(codes).map((k) => k.length), 1);
  const labelWidth = Math.max(codeWidth, ...Object.values(codes).map((v) => v.length));
  return [
    { key, label, short, type: 'text', maxChars: labelWidth, ...extra },
    { key: `${key}_code`, label: `${label}代码`, short: codeShort, type: 'text', maxChars: codeWidth, ascii: true, codes, ...extra },
  ];
}

/** The Chinese label of a code (the code itself when the table lacks it; '' for no code). */
export function labelOf(codes: Readonly<Record<string, string>>, code: string | null | undefined): string {
  return code ? (codes[code] ?? code) : '';
}

// Widths follow pb_migrations/1732600000_core_collections.js (compounds), 1732600203 (construction dates,
// implementing unit), 1732600100 (design_zones, facility_sites); names and codes of townships from `townships`.
const COMPOUND_FIELDS: ExportField[] = [
  { key: 'code', label: '小区编码', short: 'code', type: 'text', maxChars: 32, ascii: true },
  { key: 'name', label: '小区名称', short: 'name', type: 'text', maxChars: 80 },
  { key: 'township', label: '街道（乡镇）', short: 'township', type: 'text', maxChars: 40 },
  { key: 'township_code', label: '街道（乡镇）区划代码', short: 'twp_code', type: 'text', maxChars: 9, ascii: true },
  { key: 'community', label: '社区', short: 'community', type: 'text', maxChars: 60 },
  { key: 'address', label: '地址', short: 'address', type: 'text', maxChars: 200 },
  { key: 'built_year', label: '建成年代', short: 'built_year', type: 'int', min: 1900, max: 2000 },
  { key: 'buildings', label: '楼栋数', short: 'buildings', type: 'int', min: 0, unit: '栋' },
  { key: 'households', label: '户数', short: 'households', type: 'int', min: 0, unit: '户' },
  { key: 'floor_area_m2', label: '建筑面积（m²）', short: 'floor_m2', type: 'real', min: 0, decimals: 2, unit: 'm²' },
  { key: 'land_area_m2', label: '占地面积（m²）', short: 'land_m2', type: 'real', min: 0, decimals: 2, unit: 'm²' },
  { key: 'property_owner', label: '原产权单位', short: 'owner', type: 'text', maxChars: 120, staff: true },
  ...coded('management', '管理方式', 'management', 'mgmt_code', CODE_LABELS.management, { staff: true }),
  { key: 'maintenance_fund', label: '已建维修基金', short: 'maint_fund', type: 'bool', staff: true },
  { key: 'consent_pct', label: '居民同意率（%）', short: 'consent', type: 'real', min: 0, max: 100, decimals: 2, unit: '%', staff: true },
  { key: 'consent_date', label: '同意率调查日期', short: 'consent_dt', type: 'date', staff: true },
  { key: 'implementing_unit', label: '实施单位', short: 'impl_unit', type: 'text', maxChars: 120, staff: true },
  ...coded('stage', '改造阶段', 'stage', 'stage_code', CODE_LABELS.stage),
  { key: 'plan_year', label: '计划年度', short: 'plan_year', type: 'int', min: 2021, max: 2030 },
  ...coded('tier', '计划批次', 'tier', 'tier_code', CODE_LABELS.tier),
  { key: 'construction_start', label: '开工日期', short: 'start_date', type: 'date' },
  { key: 'construction_end_planned', label: '计划竣工日期', short: 'end_plan', type: 'date' },
  { key: 'is_demo', label: '示例数据', short: 'is_demo', type: 'bool' },
];

const ZONE_FIELDS: ExportField[] = [
  { key: 'name', label: '片区名称', short: 'name', type: 'text', maxChars: 80 },
  { key: 'member_n', label: '小区数', short: 'member_n', type: 'int', min: 0, max: 999, unit: '个' },
  // Up to 999 members of up to 32 characters: longer than a DBF text field (254 bytes); the writer says when it cuts.
  { key: 'members', label: '包含小区编码', short: 'members', type: 'text', maxChars: 999 * 33 },
  ...coded('origin', '来源', 'origin', 'orig_code', CODE_LABELS.origin),
  { key: 'area_m2', label: '面积（m²）', short: 'area_m2', type: 'real', min: 0, decimals: 2, unit: 'm²' },
  { key: 'notes', label: '备注', short: 'notes', type: 'text', maxChars: 5000 },
];

const SITE_FIELDS: ExportField[] = [
  ...coded('facility', '设施类型', 'facility', 'fac_code', CODE_LABELS.facility, {}, 40),
  { key: 'name', label: '名称', short: 'name', type: 'text', maxChars: 80 },
  { key: 'zone', label: '所在片区', short: 'zone', type: 'text', maxChars: 80 },
  { key: 'compound', label: '所在小区编码', short: 'compound', type: 'text', maxChars: 32, ascii: true },
  { key: 'area_m2', label: '用地面积（m²）', short: 'area_m2', type: 'real', min: 0, decimals: 2, unit: 'm²' },
  { key: 'bldg_m2', label: '建筑面积（m²）', short: 'bldg_m2', type: 'real', min: 0, decimals: 2, unit: 'm²' },
  ...coded('source', '用地来源', 'source', 'src_code', CODE_LABELS.site_source),
  { key: 'exempt', label: '免办施工许可', short: 'exempt', type: 'bool' },
  { key: 'households', label: '覆盖户数', short: 'households', type: 'int', min: 0, unit: '户' },
  ...coded('stage', '阶段', 'stage', 'stage_code', CODE_LABELS.site_stage),
  { key: 'is_demo', label: '示例数据', short: 'is_demo', type: 'bool' },
];

const FIELDS: Record<ExportKind, readonly ExportField[]> = { compounds: COMPOUND_FIELDS, zones: ZONE_FIELDS, sites: SITE_FIELDS };

/**
 * The fields of a layer as an audience may see them: staff get every field, the public no staff-only field.
 * @example exportFields('compounds', 'public').some((f) => f.key === 'consent_pct') // false
 */
export function exportFields(kind: ExportKind, audience: Audience): ExportField[] {
  return FIELDS[kind].filter((f) => audience === 'staff' || !f.staff);
}

/** The staff-only fields of a layer (the one list the UI and tests read). */
export function staffOnlyFields(kind: ExportKind): string[] {
  return FIELDS[kind].filter((f) => f.staff).map((f) => f.key);
}

/** Digits needed to write an integer. */
const digits = (n: number) => String(Math.trunc(Math.abs(n))).length;

/**
 * The DBF width and decimals of a field, from the schema's range: integers without an upper bound get 10 digits,
 * reals without one 10 integer digits plus their decimals; a negative minimum adds a sign; text gets 3 UTF-8 bytes a
 * character (1 for ASCII codes), at most 254 bytes (the DBF limit); dates 8 (YYYYMMDD); booleans 1.
 * @example dbfWidth({ key: 'consent_pct', label: '', short: 'consent', type: 'real', min: 0, max: 100, decimals: 2 }) // { size: 6, decimals: 2 }
 */
export function dbfWidth(f: ExportField): { size: number; decimals: number } {
  switch (f.type) {
    case 'bool':
      return { size: 1, decimals: 0 };
    case 'date':
      return { size: 8, decimals: 0 };
    case 'text':
      return { size: Math.min(254, Math.max(1, (f.maxChars ?? 254) * (f.ascii ? 1 : 3))), decimals: 0 };
    case 'int':
    case 'real': {
      const decimals = f.type === 'real' ? (f.decimals ?? 2) : 0;
      const intDigits = Math.max(f.max !== undefined ? digits(f.max) : 10, f.min !== undefined ? digits(f.min) : 1);
      const sign = f.min === undefined || f.min < 0 ? 1 : 0;
      return { size: sign + intDigits + (decimals ? decimals + 1 : 0), decimals };
    }
  }
}
