// Dry-run import planning: what would be created, updated or refused, with values coerced and
// checked — shown to the user before anything is written.
import Flatbush from 'flatbush';
import { area, booleanPointInPolygon, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, GeoJsonProperties, MultiPolygon, Polygon } from 'geojson';
import type { Reason } from '../types';
import type { ImportField } from './mapping';
import { repairFeature } from './repair';
import { validateFeatures, type ValidateOptions } from './validate';

/** An existing compound to match against (extra fields, when given, let updates list only real changes). */
export interface ExistingCompound {
  id: string;
  code: string;
  name: string;
  [field: string]: unknown;
}

/** A compound record as the import would write it (only the fields the file provided). */
export type ImportRecord = Partial<Record<ImportField, string | number | boolean>> & { geometry?: Polygon | MultiPolygon };

export interface PlanOptions {
  /** How rows find existing compounds. Default 'code_or_name'. */
  matchBy?: 'code' | 'name' | 'code_or_name';
  /** Passed to validation (e.g. a different bbox). */
  validate?: ValidateOptions;
  /** Last acceptable built year; default 2025 (the programme covers compounds built before 2000). */
  maxYear?: number;
}

export interface ImportPlan {
  create: { index: number; record: ImportRecord }[];
  update: { index: number; id: string; changes: ImportRecord }[];
  unchanged: { index: number; id: string }[];
  refused: { index: number; name?: string; reasons: Reason[] }[];
}

type Coerced = { ok: true; value: string | number | boolean } | { ok: false; reason: Reason };

function numberOf(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const s = String(v).replace(/[,，\s]/g, '');
  const m = /^[-+]?\d+(\.\d+)?/.exec(s);
  if (!m) return null;
  // Allow unit suffixes (户, 栋, 层, ㎡, m2, %, 年) but not other text after the number.
  const rest = s.slice(m[0].length);
  if (rest && !/^(户|栋|幢|层|㎡|m2|m²|平方米|%|％|年|个)$/i.test(rest)) return null;
  return Number(m[0]);
}

const TRUE_WORDS = /^(是|有|y|yes|true|t|1|已建立|已缴存|已设立)$/i;
const FALSE_WORDS = /^(否|无|没有|n|no|false|f|0|未建立|未缴存|未设立)$/i;

/** Coerce one raw value for a field; empty values are handled by the caller. */
export function coerceField(field: ImportField, raw: unknown, maxYear = 2025): Coerced {
  const s = String(raw).trim();
  const refuse = (code: string, params: Reason['params'] = {}): Coerced => ({ ok: false, reason: { code, params: { value: s, ...params } } });
  const int = (lo: number, hi: number): Coerced => {
    const n = numberOf(raw);
    if (n === null || !Number.isInteger(n) || n < lo || n > hi) return refuse('integer_out_of_range', { field, min: lo, max: hi });
    return { ok: true, value: n };
  };
  const nonneg = (): Coerced => {
    const n = numberOf(raw);
    if (n === null || n < 0) return refuse('number_negative', { field });
    return { ok: true, value: n };
  };
  switch (field) {
    case 'built_year': {
      const m = /^(\d{4})(\.0+)?\s*(年)?$/.exec(s) ?? /^(\d{4})[-/.年]\d{1,2}/.exec(s);
      const y = m ? Number(m[1]) : NaN;
      if (!(y >= 1900 && y <= maxYear)) return refuse('built_year_invalid', { max: maxYear });
      return { ok: true, value: y };
    }
    case 'households':
      return int(0, 100_000);
    case 'buildings':
      return int(0, 1_000);
    case 'floors':
      return int(1, 100);
    case 'floor_area_m2':
    case 'land_area_m2':
      return nonneg();
    case 'maintenance_fund':
    case 'has_elevator':
      if (typeof raw === 'boolean') return { ok: true, value: raw };
      if (TRUE_WORDS.test(s)) return { ok: true, value: true };
      if (FALSE_WORDS.test(s)) return { ok: true, value: false };
      return refuse('not_yes_no');
    case 'management':
      if (/物业|property/i.test(s)) return { ok: true, value: 'property_company' };
      if (/自管|自治|单位管理|self/i.test(s)) return { ok: true, value: 'self' };
      if (/^(无|没有|无人管理|none)$/i.test(s)) return { ok: true, value: 'none' };
      return refuse('management_unknown');
    default:
      return { ok: true, value: s };
  }
}

const isEmptyValue = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (typeof v === 'number' && Number.isNaN(v));
const key = (s: unknown) => String(s ?? '').trim().replace(/\s+/g, '').toLowerCase();

/**
 * Plan an import (no writes): coerce mapped values, validate geometry (WGS84), match rows to
 * existing compounds and sort them into create / update / unchanged / refused. Refusal reasons are
 * codes with values (worded by the UI): invalid geometry, missing name for a new compound, values out of range
 * (built_year integer 1900–2025, households ≥ 0 …), a code or name repeated in the file, or a
 * name matching several existing compounds. Safe ring rewinding is applied to the geometry.
 * @param features WGS84 features (after `toWgs84` and any repairs)
 * @param mapping field → column, e.g. from `suggestMapping`
 * @example planImport(fc.features, { name: '小区名称', code: '编码' }, existing, { matchBy: 'code' }).create.length
 */
export function planImport(
  features: Feature<Geometry | null, GeoJsonProperties>[],
  mapping: Partial<Record<ImportField, string>>,
  existing: readonly ExistingCompound[],
  options: PlanOptions = {},
): ImportPlan {
  const matchBy = options.matchBy ?? 'code_or_name';
  const byCode = new Map<string, ExistingCompound>();
  const byName = new Map<string, ExistingCompound[]>();
  for (const e of existing) {
    if (e.code) byCode.set(key(e.code), e);
    const list = byName.get(key(e.name)) ?? [];
    list.push(e);
    byName.set(key(e.name), list);
  }
  const reports = validateFeatures(features, options.validate);
  const plan: ImportPlan = { create: [], update: [], unchanged: [], refused: [] };
  const seenCodes = new Map<string, number>();
  const seenNames = new Map<string, number>();

  features.forEach((f, index) => {
    const reasons: Reason[] = [];
    const record: ImportRecord = {};
    for (const [field, column] of Object.entries(mapping) as [ImportField, string][]) {
      if (!column) continue;
      const raw = f.properties?.[column];
      if (isEmptyValue(raw)) continue;
      const c = coerceField(field, raw, options.maxYear);
      if (c.ok) (record as Record<string, unknown>)[field] = c.value;
      else reasons.push(c.reason);
    }
    // No geometry is no problem for a row that only updates an existing compound's attributes (a register sheet);
    // a new compound without an outline is refused below.
    const geomErrors = reports[index].errors.filter((e) => !(e.code === 'empty_geometry' && !f.geometry));
    for (const e of geomErrors) reasons.push({ code: e.code, params: e.params });
    if (!geomErrors.length && f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon')) {
      record.geometry = repairFeature(f, ['rewind']).geometry as Polygon | MultiPolygon;
    }
    const code = key(record.code);
    const name = key(record.name);
    if (code) {
      if (seenCodes.has(code)) {
        reasons.push({ code: 'code_repeated', params: { code: String(record.code), row: seenCodes.get(code)! + 1 } });
      } else seenCodes.set(code, index);
    }
    // Find the existing compound.
    let match: ExistingCompound | undefined;
    if ((matchBy === 'code' || matchBy === 'code_or_name') && code) match = byCode.get(code);
    if (!match && (matchBy === 'name' || matchBy === 'code_or_name') && name) {
      const hits = byName.get(name) ?? [];
      if (hits.length > 1) {
        reasons.push({ code: 'name_ambiguous', params: { name: String(record.name) } });
      } else match = hits[0];
    }
    if (matchBy === 'name' || !code) {
      if (name && seenNames.has(name)) {
        reasons.push({ code: 'name_repeated', params: { name: String(record.name) } });
      } else if (name) seenNames.set(name, index);
    }
    if (!match && !record.name) {
      reasons.push({ code: 'name_missing' });
    }
    if (!match && !record.geometry && !geomErrors.length) {
      reasons.push({ code: 'outline_missing' });
    }
    if (reasons.length) {
      const r: ImportPlan['refused'][number] = { index, reasons };
      const n = record.name ?? (typeof f.properties?.[mapping.name ?? ''] === 'string' ? String(f.properties![mapping.name!]) : undefined);
      if (n) r.name = String(n);
      plan.refused.push(r);
      return;
    }
    if (!match) {
      plan.create.push({ index, record });
      return;
    }
    const changes: ImportRecord = {};
    for (const [k, v] of Object.entries(record)) {
      const old = match[k];
      const differs = k === 'geometry' ? JSON.stringify(old) !== JSON.stringify(v) : old === undefined || old !== v;
      if (differs) (changes as Record<string, unknown>)[k] = v;
    }
    if (Object.keys(changes).length) plan.update.push({ index, id: match.id, changes });
    else plan.unchanged.push({ index, id: match.id });
  });
  return plan;
}

/**
 * Attach buildings to the compound that contains them: a point on each building's surface
 * (its centroid when that lies inside) is tested against compound polygons found through a
 * flatbush index of their bounding boxes. When compounds overlap, the smallest one wins.
 * Compound ids come from `feature.id` or `properties.id`.
 * @example attachToCompounds(buildings.features, compounds).filter((a) => a.compoundId === null).length // orphans
 */
export function attachToCompounds<B extends Feature<Geometry | null, GeoJsonProperties>>(
  buildingFeatures: readonly B[],
  compoundsFC: FeatureCollection<Geometry | null, GeoJsonProperties>,
): { feature: B; compoundId: string | null }[] {
  const polys = compoundsFC.features.filter(
    (c): c is Feature<Polygon | MultiPolygon, GeoJsonProperties> => c.geometry?.type === 'Polygon' || c.geometry?.type === 'MultiPolygon',
  );
  if (!polys.length) return buildingFeatures.map((feature) => ({ feature, compoundId: null }));
  const index = new Flatbush(polys.length);
  for (const c of polys) {
    let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
    const rings = c.geometry.type === 'Polygon' ? [c.geometry.coordinates[0]] : c.geometry.coordinates.map((p) => p[0]);
    for (const r of rings)
      for (const p of r) {
        if (p[0] < w) w = p[0];
        if (p[1] < s) s = p[1];
        if (p[0] > e) e = p[0];
        if (p[1] > n) n = p[1];
      }
    index.add(w, s, e, n);
  }
  index.finish();
  const areas = polys.map((c) => area(c));
  const idOf = (c: Feature) => String(c.id ?? c.properties?.id ?? '');
  return buildingFeatures.map((feature) => {
    if (!feature.geometry) return { feature, compoundId: null };
    const pt = pointOnFeature(feature as Feature<Geometry>);
    const [x, y] = pt.geometry.coordinates;
    let best: number | null = null;
    for (const i of index.search(x, y, x, y)) {
      if (booleanPointInPolygon(pt, polys[i]) && (best === null || areas[i] < areas[best])) best = i;
    }
    return { feature, compoundId: best === null ? null : idOf(polys[best]) || null };
  });
}
