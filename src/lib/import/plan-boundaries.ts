// Import planning for division boundaries (the wizard's 行政区划边界 target): each feature is a township's (街道/镇) or
// community's (社区) polygon, matched by its division code. A feature is refused, with its reasons, when its code names
// no division of Fenyang (or repeats in the file), its geometry is not a valid polygon, it lies outside the county, or
// it overlaps another boundary of its level (in the file, or one already saved that stays). Any refusal stops the whole
// import: nothing is written until the file is fixed. Otherwise the plan replaces the boundaries of the codes in the
// file and removes the demo boundaries (示例数据) of the levels imported. Pure: the commit is lib/data/boundaries.ts;
// the server makes the same checks (pb_hooks/lib/boundaries.js).
import type { Feature, Geometry, GeoJsonProperties, MultiPolygon, Polygon } from 'geojson';
import RULE from '../../../pb_hooks/lib/boundary-rule.json';
import { boundaryOverlap, farthestOutside } from '../geo/division-boundaries';
import type { Reason } from '../types';
import type { DivisionRow, PlanLayer, RefusedRow } from './plan-records';
import type { FeatureReport } from './types';

/** Columns a boundary file may map: the division code (required) and its name (shown, never trusted). */
export const BOUNDARY_FIELDS = ['code', 'name'] as const;
export type BoundaryField = (typeof BOUNDARY_FIELDS)[number];
export type BoundaryMapping = Partial<Record<BoundaryField, string>>;
export type BoundaryLevel = 'township' | 'community';

export interface ExistingBoundary {
  id: string;
  code: string;
  level: BoundaryLevel | '';
  name: string;
  is_demo: boolean;
  geometry: Polygon | MultiPolygon;
}

export interface BoundaryContext {
  townships: DivisionRow[];
  communities: DivisionRow[];
  existing: ExistingBoundary[];
  /** The county outline (approximate; boundaries may stray `RULE.outsideToleranceM` beyond it). */
  outline: Polygon | MultiPolygon;
}

/** One write of a boundary import: remove a saved boundary, or create one from a feature. */
export type BoundaryOp =
  | { action: 'delete'; id: string; label: Reason }
  | {
    action: 'create';
    body: { code: string; geometry: Polygon | MultiPolygon; source: string; is_demo: false };
    level: BoundaryLevel;
    label: Reason;
    source: { layer: number; index: number };
  };

export interface BoundaryPlan {
  ops: BoundaryOp[];
  refused: RefusedRow[];
  counts: { township: number; community: number; replaced: number; demoRemoved: number; refused: number };
}

/** A layer to plan: its WGS84 features (repaired as the user chose), their validation, and its column mapping. */
export interface BoundaryLayer extends PlanLayer {
  reports: FeatureReport[];
  mapping: BoundaryMapping;
}

/** Column suggestions: the usual names of a division code and a division name in Chinese and English files. */
export function suggestBoundaryMapping(columns: readonly string[]): BoundaryMapping {
  const find = (words: string[]) => columns.find((c) => words.includes(c.trim().toLowerCase()));
  const out: BoundaryMapping = {};
  const code = find(['code', 'adcode', 'xzqdm', 'division_code', 'gb', '区划代码', '行政区划代码', '代码', '编码', '区划编码']);
  if (code) out.code = code;
  const name = find(['name', 'xzqmc', '名称', '区划名称', '行政区划名称', '街道', '乡镇', '社区']);
  if (name) out.name = name;
  return out;
}

/**
 * A division code as written in a file, as the 9-digit (township) or 12-digit (community) code; township codes
 * written with 12 digits (…000, the statistical form) and numbers read from a DBF (141182001.0) are understood.
 * @example normaliseDivisionCode(' 141182001000 ') // '141182001'
 */
export function normaliseDivisionCode(raw: unknown): string {
  let s = typeof raw === 'number' && Number.isFinite(raw) ? String(Math.round(raw)) : String(raw ?? '').trim();
  s = s.replace(/\s+/g, '').replace(/\.0+$/, '');
  if (/^\d{12}$/.test(s) && s.endsWith('000')) s = s.slice(0, 9);
  return s;
}

function vertexCount(g: Polygon | MultiPolygon): number {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.reduce((n, p) => n + p.reduce((m, r) => m + r.length, 0), 0);
}

const fmtPt = (p: number[]) => `${p[0].toFixed(5)}, ${p[1].toFixed(5)}`;

/**
 * Plans a boundary import: what to create and remove, or the features refused with their reasons.
 * @example
 * const plan = planBoundaryImport([{ name: 'towns.geojson', features, reports, mapping: { code: 'XZQDM' } }], ctx);
 * plan.refused.length === 0 && plan.ops // deletes of replaced and demo boundaries, then one create per feature
 */
export function planBoundaryImport(layers: BoundaryLayer[], ctx: BoundaryContext): BoundaryPlan {
  const township = new Map(ctx.townships.map((t) => [t.code, t]));
  const community = new Map(ctx.communities.map((c) => [c.code, c]));
  const refused: RefusedRow[] = [];
  const accepted: {
    layer: number; index: number; file: string; code: string; name: string; level: BoundaryLevel; geometry: Polygon | MultiPolygon;
  }[] = [];
  const firstRow = new Map<string, string>();
  const reasonsAt = new Map<string, Reason[]>();
  const refuse = (layer: number, index: number, name: string | undefined, reasons: Reason[]) => {
    const key = `${layer}:${index}`;
    const had = reasonsAt.get(key);
    if (had) had.push(...reasons);
    else {
      const row: RefusedRow = { layer, index, ...(name ? { name } : {}), reasons: [...reasons] };
      reasonsAt.set(key, row.reasons);
      refused.push(row);
    }
  };

  layers.forEach((layer, li) => {
    layer.features.forEach((f: Feature<Geometry | null, GeoJsonProperties>, i) => {
      const props = f.properties ?? {};
      const rawName = layer.mapping.name ? String(props[layer.mapping.name] ?? '').trim() : '';
      if (!layer.mapping.code) return refuse(li, i, rawName, [{ code: 'boundary_code_missing' }]);
      const code = normaliseDivisionCode(props[layer.mapping.code]);
      const division = township.get(code) ?? community.get(code);
      const reasons: Reason[] = [];
      if (!code) reasons.push({ code: 'boundary_code_blank' });
      else if (!division) reasons.push({ code: 'boundary_unknown_code', params: { code } });
      const name = division?.name ?? rawName;
      const where = `${layer.name} #${i + 1}`;
      if (division) {
        const first = firstRow.get(code);
        if (first) reasons.push({ code: 'boundary_duplicate_code', params: { code, first } });
        else firstRow.set(code, where);
      }
      const g = f.geometry;
      if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) reasons.push({ code: 'boundary_not_polygon', params: { type: g?.type ?? '—' } });
      else {
        reasons.push(...(layer.reports[i]?.errors ?? []));
        const n = vertexCount(g);
        if (n > RULE.maxVertices) reasons.push({ code: 'boundary_too_many_vertices', params: { n, max: RULE.maxVertices } });
        else if (!(layer.reports[i]?.errors ?? []).length) {
          const far = farthestOutside(g, ctx.outline, RULE.outsideToleranceM);
          if (far) reasons.push({ code: 'boundary_outside', params: { at: fmtPt(far.at), km: (far.distanceM / 1000).toFixed(1), tolerance: RULE.outsideToleranceM } });
        }
      }
      if (reasons.length) return refuse(li, i, name ? `${name} ${code}` : code, reasons);
      accepted.push({
        layer: li, index: i, file: layer.name, code, name, level: township.has(code) ? 'township' : 'community', geometry: g as Polygon | MultiPolygon,
      });
    });
  });

  // Overlaps with the boundaries that stay (same level, not replaced by the file, not demo) and among the file's own.
  const inFile = new Set(accepted.map((a) => a.code));
  const levels = new Set(accepted.map((a) => a.level));
  const staying = ctx.existing.filter((b) => !b.is_demo && !inFile.has(b.code));
  const tooMuch = (o: ReturnType<typeof boundaryOverlap>) =>
    o.overlapM2 > Math.max(RULE.minOverlapM2, RULE.maxOverlapShare * Math.min(o.areaAM2, o.areaBM2));
  const overlapReason = (other: string, otherCode: string, o: ReturnType<typeof boundaryOverlap>, saved: boolean): Reason => ({
    code: saved ? 'boundary_overlap_saved' : 'boundary_overlap',
    params: {
      other, otherCode, area: Math.round(o.overlapM2), share: ((100 * o.overlapM2) / Math.min(o.areaAM2, o.areaBM2)).toFixed(1), max: RULE.maxOverlapShare * 100,
    },
  });
  accepted.forEach((a, k) => {
    const label = `${a.name} ${a.code}`;
    for (const b of staying) {
      if (b.level !== a.level) continue;
      const o = boundaryOverlap(a.geometry, b.geometry);
      if (tooMuch(o)) refuse(a.layer, a.index, label, [overlapReason(b.name, b.code, o, true)]);
    }
    for (const b of accepted.slice(k + 1)) {
      if (b.level !== a.level) continue;
      const o = boundaryOverlap(a.geometry, b.geometry);
      if (!tooMuch(o)) continue;
      refuse(a.layer, a.index, label, [overlapReason(b.name, b.code, o, false)]);
      refuse(b.layer, b.index, `${b.name} ${b.code}`, [overlapReason(a.name, a.code, o, false)]);
    }
  });
  refused.sort((x, y) => x.layer - y.layer || x.index - y.index);

  const ops: BoundaryOp[] = [];
  let replaced = 0;
  let demoRemoved = 0;
  for (const b of ctx.existing) {
    const replacing = inFile.has(b.code);
    const demoOfLevel = b.is_demo && b.level !== '' && levels.has(b.level);
    if (!replacing && !demoOfLevel) continue;
    if (replacing) replaced++;
    else demoRemoved++;
    ops.push({ action: 'delete', id: b.id, label: { code: 'boundary_saved', params: { name: b.name, code: b.code } } });
  }
  for (const a of accepted) {
    ops.push({
      action: 'create',
      body: { code: a.code, geometry: a.geometry, source: `导入 / imported: ${a.file}`, is_demo: false },
      level: a.level,
      label: { code: 'import_row_named', params: { file: a.file, row: a.index + 1, name: `${a.name} ${a.code}` } },
      source: { layer: a.layer, index: a.index },
    });
  }
  return {
    ops,
    refused,
    counts: {
      township: accepted.filter((a) => a.level === 'township').length,
      community: accepted.filter((a) => a.level === 'community').length,
      replaced, demoRemoved, refused: refused.length,
    },
  };
}
