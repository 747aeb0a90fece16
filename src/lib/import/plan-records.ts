// Import planning (#7): turns WGS84 features and the user's column mapping into the record writes of one import —
// compounds to create or update, buildings attached to the compound containing them, and the rows refused with their
// reasons. Pure: the commit (one all-or-nothing batch) is lib/data/import.ts.
import type { Feature, FeatureCollection, Geometry, GeoJsonProperties, MultiPolygon, Polygon } from 'geojson';
import { pointOnFeature } from '@turf/turf';
import Flatbush from 'flatbush';
import type { BuildingField, CompoundField, ImportField } from './mapping';
import { attachToCompounds, coerceField, planImport, type ExistingCompound, type ImportPlan, type ImportRecord } from './plan';
import { repairFeature } from './repair';
import { MIN_BUILDING_AREA_M2, validateFeatures } from './validate';
import { STAGES, type Reason, type Stage } from '../types';

/** Fields a compound import may fill beyond the library's: the stage (default 'demand') and the plan year. */
export type ExtraCompoundField = 'stage' | 'plan_year';
export type CompoundMapping = Partial<Record<CompoundField | ExtraCompoundField, string>>;
export type BuildingMapping = Partial<Record<BuildingField, string>>;

export interface DivisionRow {
  id: string;
  code: string;
  name: string;
  township?: string;
}

/** What the import matches against: existing compounds (full records), townships and communities. */
export interface ImportContext {
  compounds: (ExistingCompound & { township: string; community: string; geometry: Polygon | MultiPolygon })[];
  townships: DivisionRow[];
  communities: DivisionRow[];
}

/** One record write of an import. `label` names the feature for messages (worded by the UI: "a.zip 第 3 条：测试小区甲 FY-T01"). */
export interface ImportOp {
  collection: 'compounds' | 'buildings';
  action: 'create' | 'update';
  id: string;
  body: Record<string, unknown>;
  /** The feature, for messages: file and row (and its name and code, or that it is a building). */
  label: Reason;
  source: { layer: number; index: number };
}

/** A feature the import will not write, with its reasons (worded by the UI). */
export interface RefusedRow {
  layer: number;
  index: number;
  name?: string;
  reasons: Reason[];
}

export interface ImportSummary {
  ops: ImportOp[];
  refused: RefusedRow[];
  unchanged: { layer: number; index: number; id: string }[];
  counts: { create: number; update: number; unchanged: number; refused: number; buildings: number };
}

/** Input layer for planning: WGS84 features (after CRS conversion and the repairs the user accepted). */
export interface PlanLayer {
  name: string;
  features: Feature<Geometry | null, GeoJsonProperties>[];
}

const STAGE_WORDS: Record<string, Stage> = {
  征集需求: 'demand', 需求征集: 'demand', 征集改造需求: 'demand',
  初步方案: 'scheme', 方案: 'scheme', 制订初步方案: 'scheme',
  纳入年度计划: 'planned', 年度计划: 'planned', 已纳入计划: 'planned', 计划: 'planned',
  施工中: 'construction', 在建: 'construction', 实施: 'construction', 施工: 'construction',
  已竣工验收: 'accepted', 竣工验收: 'accepted', 已验收: 'accepted', 验收: 'accepted',
  长效管理: 'maintained', 巩固提升: 'maintained',
};

/** Names a feature for messages: its file, its row (1-based) and, when known, its name and code. */
function rowLabel(file: string, index: number, name: string, building = false): Reason {
  const code = building ? (name ? 'import_building_row_named' : 'import_building_row') : name ? 'import_row_named' : 'import_row';
  return { code, params: { file, row: index + 1, name } };
}

/** A stage code from a stage code or its Chinese name, or null. */
export function stageOf(raw: unknown): Stage | null {
  const s = String(raw ?? '').trim();
  if ((STAGES as readonly string[]).includes(s.toLowerCase())) return s.toLowerCase() as Stage;
  return STAGE_WORDS[s] ?? null;
}

const ID_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** A new 15-character record id, so one batch can create a compound and the buildings that point at it. */
export function newRecordId(): string {
  const bytes = new Uint8Array(15);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => ID_CHARS[b % 36]).join('');
}

const CODE_RE = /^[A-Za-z0-9_-]+$/;
const keyOf = (s: unknown) => String(s ?? '').trim().replace(/\s+/g, '');


/** Properties renamed from file columns to field names, so layers with different columns plan together. */
function byField(features: PlanLayer['features'], mapping: Partial<Record<string, string>>): PlanLayer['features'] {
  return features.map((f) => {
    const props: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(mapping)) if (column && f.properties && column in f.properties) props[field] = f.properties[column];
    return { ...f, properties: props };
  });
}

function townshipMatcher(ctx: ImportContext) {
  const byName = new Map<string, DivisionRow>();
  for (const t of ctx.townships) {
    byName.set(keyOf(t.name), t);
    byName.set(keyOf(t.code), t);
    byName.set(keyOf(t.name.replace(/(街道|镇|乡)$/, '')), t);
  }
  return {
    byName: (s: unknown) => byName.get(keyOf(s)) ?? byName.get(keyOf(String(s ?? '').replace(/(街道办事处|街道办|街道|镇|乡)$/, ''))),
    inText: (s: unknown) => ctx.townships.find((t) => String(s ?? '').includes(t.name)),
  };
}

/** The township of the existing compound nearest to a point (by bounding-box centre distance), for rows that say none. */
function nearestTownship(ctx: ImportContext) {
  const withGeom = ctx.compounds.filter((c) => c.geometry && c.township);
  if (!withGeom.length) return () => null;
  const index = new Flatbush(withGeom.length);
  for (const c of withGeom) {
    const ring = c.geometry.type === 'Polygon' ? c.geometry.coordinates[0] : c.geometry.coordinates[0][0];
    let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const p of ring) {
      w = Math.min(w, p[0]); s = Math.min(s, p[1]); e = Math.max(e, p[0]); n = Math.max(n, p[1]);
    }
    index.add(w, s, e, n);
  }
  index.finish();
  return (g: Geometry): string | null => {
    const [x, y] = pointOnFeature({ type: 'Feature', properties: {}, geometry: g }).geometry.coordinates;
    // Within about 3 km; beyond that a neighbour says little about the township.
    const [hit] = index.neighbors(x, y, 1, 0.03);
    return hit === undefined ? null : withGeom[hit].township;
  };
}

export interface CompoundPlanOptions {
  /** Township for rows whose township is not mapped or not found; '' = infer (address text, nearest compound). */
  defaultTownship?: string;
  matchBy?: 'code' | 'name' | 'code_or_name';
  /** Prefix for generated codes of new compounds without one. */
  codePrefix?: string;
  /** Per layer: the coordinate system its outlines were read in and how it was decided, recorded on the compounds
   *  whose outline the import writes (`source_crs`). */
  sourceCrs?: (string | undefined)[];
}

/**
 * Plan a compound import over several layers at once (codes and names must be unique across them) and build the
 * record writes: new compounds get stage 'demand' unless a stage column is mapped, is_demo false, a generated code
 * when the file has none, and township/community ids resolved from names (or the address, or the nearest compound).
 * @example const s = planCompoundImport([{ name: 'a.zip', features }], [{ name: '小区名称', code: '编码' }], ctx)
 */
export function planCompoundImport(layers: PlanLayer[], mappings: CompoundMapping[], ctx: ImportContext, options: CompoundPlanOptions = {}): ImportSummary {
  const origin: { layer: number; index: number }[] = [];
  const features: PlanLayer['features'] = [];
  layers.forEach((l, li) => {
    const fs = byField(l.features, mappings[li] ?? {});
    fs.forEach((f, i) => {
      features.push(f);
      origin.push({ layer: li, index: i });
    });
  });
  const fieldMap: Partial<Record<ImportField, string>> = {};
  const used = new Set(mappings.flatMap((m) => Object.entries(m).filter(([, c]) => c).map(([f]) => f)));
  for (const f of used) if (f !== 'stage' && f !== 'plan_year') (fieldMap as Record<string, string>)[f] = f;
  const tName = new Map(ctx.townships.map((t) => [t.id, t.name]));
  const cName = new Map(ctx.communities.map((c) => [c.id, c.name]));
  const existing: ExistingCompound[] = ctx.compounds.map((c) => ({
    ...c, township_name: tName.get(c.township) ?? '', community_name: cName.get(c.community) ?? '',
  }));
  const plan: ImportPlan = planImport(features, fieldMap, existing, { matchBy: options.matchBy, maxYear: 2000 });
  const towns = townshipMatcher(ctx);
  const nearest = nearestTownship(ctx);
  const summary: ImportSummary = { ops: [], refused: [], unchanged: [], counts: { create: 0, update: 0, unchanged: 0, refused: 0, buildings: 0 } };
  const label = (i: number, rec: ImportRecord) => rowLabel(layers[origin[i].layer].name, origin[i].index, [rec.name, rec.code].filter(Boolean).join(' '));
  const refuse = (i: number, name: unknown, reasons: Reason[]) =>
    summary.refused.push({ ...origin[i], ...(name ? { name: String(name) } : {}), reasons });
  for (const r of plan.refused) refuse(r.index, r.name, r.reasons);
  for (const u of plan.unchanged) summary.unchanged.push({ ...origin[u.index], id: u.id });

  // Resolve township/community names into ids; returns reasons when they cannot be resolved.
  const divisions = (i: number, rec: ImportRecord, current?: { township: string }) => {
    const reasons: Reason[] = [];
    const out: Record<string, unknown> = {};
    let township: string | null = null;
    if (rec.township_name !== undefined) {
      const t = towns.byName(rec.township_name);
      if (t) township = t.id;
      else reasons.push({ code: 'township_unknown', params: { name: String(rec.township_name) } });
    }
    if (!township && !current && !reasons.length) {
      township = options.defaultTownship || towns.inText(rec.address)?.id || (rec.geometry ? nearest(rec.geometry) : null);
      if (!township) reasons.push({ code: 'township_undetermined' });
    }
    if (township) out.township = township;
    if (rec.community_name !== undefined) {
      const tw = township ?? current?.township;
      const hits = ctx.communities.filter((c) => keyOf(c.name) === keyOf(rec.community_name) || keyOf(c.name) === keyOf(`${rec.community_name}社区`));
      const c = hits.find((h) => h.township === tw) ?? (hits.length === 1 && !tw ? hits[0] : undefined);
      if (c) out.community = c.id;
      else {
        const name = String(rec.community_name);
        reasons.push(tw ? { code: 'community_not_in_township', params: { name, township: tName.get(tw) ?? '' } } : { code: 'community_unknown', params: { name } });
      }
    }
    return { out, reasons };
  };
  const extras = (i: number) => {
    const o = origin[i];
    const m = mappings[o.layer] ?? {};
    const props = layers[o.layer].features[o.index].properties ?? {};
    const reasons: Reason[] = [];
    const out: Record<string, unknown> = {};
    const rawStage = m.stage ? props[m.stage] : undefined;
    if (rawStage !== undefined && rawStage !== null && String(rawStage).trim() !== '') {
      const s = stageOf(rawStage);
      if (s) out.stage = s;
      else reasons.push({ code: 'stage_unknown', params: { value: String(rawStage) } });
    }
    const rawYear = m.plan_year ? props[m.plan_year] : undefined;
    if (rawYear !== undefined && rawYear !== null && String(rawYear).trim() !== '') {
      const y = Number(String(rawYear).replace(/年$/, ''));
      if (Number.isInteger(y) && y >= 2021 && y <= 2030) out.plan_year = y;
      else reasons.push({ code: 'plan_year_invalid', params: { value: String(rawYear) } });
    }
    return { out, reasons };
  };
  const fieldsOf = (rec: ImportRecord) => {
    const body: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rec)) if (k !== 'township_name' && k !== 'community_name') body[k] = v;
    return body;
  };

  const prefix = options.codePrefix ?? `IMP-${new Date().toISOString().slice(0, 10).replace(/-/g, '')}`;
  const taken = new Set(ctx.compounds.map((c) => c.code));
  for (const c of plan.create) taken.add(String(c.record.code ?? ''));
  let seq = 0;
  const nextCode = () => {
    let code: string;
    do code = `${prefix}-${String(++seq).padStart(3, '0')}`;
    while (taken.has(code));
    taken.add(code);
    return code;
  };

  for (const { index, record } of plan.create) {
    const d = divisions(index, record);
    const x = extras(index);
    const reasons = [...d.reasons, ...x.reasons];
    if (record.code !== undefined && !CODE_RE.test(String(record.code))) reasons.push({ code: 'code_characters', params: { code: String(record.code) } });
    if (reasons.length) {
      refuse(index, record.name, reasons);
      continue;
    }
    const body = { ...fieldsOf(record), ...d.out, stage: 'demand', ...x.out, is_demo: false } as Record<string, unknown>;
    const crsNote = options.sourceCrs?.[origin[index].layer];
    if (crsNote && body.geometry) body.source_crs = crsNote;
    if (!body.code) body.code = nextCode();
    const id = newRecordId();
    summary.ops.push({ collection: 'compounds', action: 'create', id, body: { id, ...body }, label: label(index, { ...record, code: String(body.code) }), source: origin[index] });
  }
  const byId = new Map(ctx.compounds.map((c) => [c.id, c]));
  for (const { index, id, changes } of plan.update) {
    const cur = byId.get(id)!;
    const d = divisions(index, changes, cur);
    const x = extras(index);
    // Stage and plan year change only through the stage procedure and annual plans (the server refuses them here).
    delete x.out.stage;
    delete x.out.plan_year;
    if (d.reasons.length || x.reasons.length) {
      refuse(index, changes.name ?? cur.name, [...d.reasons, ...x.reasons]);
      continue;
    }
    const body = { ...fieldsOf(changes), ...d.out, ...x.out };
    if (body.township === cur.township) delete body.township;
    if (body.community === cur.community) delete body.community;
    if (!Object.keys(body).length) {
      summary.unchanged.push({ ...origin[index], id });
      continue;
    }
    const crsNote = options.sourceCrs?.[origin[index].layer];
    if (crsNote && body.geometry) body.source_crs = crsNote;
    // The version the compound was read at: a compound changed since is refused (409), not overwritten.
    body.version = cur.version ?? 0;
    summary.ops.push({ collection: 'compounds', action: 'update', id, body, label: label(index, { name: cur.name, code: cur.code }), source: origin[index] });
  }
  summary.refused.sort((a, b) => a.layer - b.layer || a.index - b.index);
  summary.counts = {
    create: summary.ops.filter((o) => o.action === 'create').length,
    update: summary.ops.filter((o) => o.action === 'update').length,
    unchanged: summary.unchanged.length,
    refused: summary.refused.length,
    buildings: 0,
  };
  return summary;
}

/**
 * Plan a building import: each building is attached to the compound containing it (existing compounds and the ones
 * this import creates), values coerced; a building outside every compound is refused.
 * @param compounds the compounds to attach to, as features with `id`
 */
export function planBuildingImport(
  layers: PlanLayer[],
  mappings: BuildingMapping[],
  compounds: FeatureCollection<Geometry | null, GeoJsonProperties>,
  layerOffset = 0,
): { ops: ImportOp[]; refused: RefusedRow[] } {
  const ops: ImportOp[] = [];
  const refused: RefusedRow[] = [];
  layers.forEach((l, li) => {
    const m = mappings[li] ?? {};
    const reports = validateFeatures(l.features, { minAreaM2: MIN_BUILDING_AREA_M2 });
    const attached = attachToCompounds(l.features, compounds);
    l.features.forEach((f, i) => {
      const reasons: Reason[] = reports[i].errors.map((e) => ({ code: e.code, params: e.params }));
      const body: Record<string, unknown> = { is_demo: false };
      for (const [field, column] of Object.entries(m) as [BuildingField, string][]) {
        if (!column || field === 'code') continue;
        const raw = f.properties?.[column];
        if (raw === null || raw === undefined || String(raw).trim() === '') continue;
        const c = coerceField(field, raw, 2030);
        if (c.ok) body[field] = c.value;
        else reasons.push(c.reason);
      }
      const compound = attached[i].compoundId;
      if (!reasons.length && !compound) reasons.push({ code: 'building_outside' });
      const name = body.name as string | undefined;
      if (reasons.length) {
        refused.push({ layer: layerOffset + li, index: i, ...(name ? { name } : {}), reasons });
        return;
      }
      const g = repairFeature(f, ['rewind']).geometry as Polygon | MultiPolygon;
      // Buildings are single polygons; a one-part MultiPolygon from a shapefile is unwrapped.
      const geometry = g.type === 'MultiPolygon' && g.coordinates.length === 1 ? { type: 'Polygon', coordinates: g.coordinates[0] } : g;
      const id = newRecordId();
      ops.push({
        collection: 'buildings', action: 'create', id,
        body: { id, ...body, compound, geometry },
        label: rowLabel(l.name, i, name ?? '', true),
        source: { layer: layerOffset + li, index: i },
      });
    });
  });
  return { ops, refused };
}

/** The compounds a building import can attach to: existing ones plus those created by `ops`. */
export function attachableCompounds(ctx: ImportContext, ops: ImportOp[]): FeatureCollection<Geometry | null, GeoJsonProperties> {
  const features: Feature<Geometry | null, GeoJsonProperties>[] = ctx.compounds.map((c) => ({ type: 'Feature', id: c.id, properties: { id: c.id }, geometry: c.geometry }));
  for (const o of ops) {
    if (o.collection !== 'compounds') continue;
    const geometry = o.body.geometry as Geometry | undefined;
    const i = features.findIndex((f) => f.id === o.id);
    if (i >= 0 && geometry) features[i] = { ...features[i], geometry };
    else if (o.action === 'create' && geometry) features.push({ type: 'Feature', id: o.id, properties: { id: o.id }, geometry });
  }
  return { type: 'FeatureCollection', features };
}
