// The check a planner's drawn (or edited) zone must pass before it is saved: the one polygon-validity rule the
// server applies (polygon-validity.ts), plus a floor of 1 m² on the area, so the drawing tool refuses exactly what
// the server would and says where.
import type { MultiPolygon, Polygon } from 'geojson';
import { geometryBBox } from './bbox';
import { geomAreaM2 } from './clipper';
import { affineFrameFor } from './local-metric';
import { checkGeometry, type ValidityCode, type ValidityParams } from './polygon-validity';

export type DrawnPolygonCode = ValidityCode | 'too_small';

export type DrawnPolygonCheck = { ok: true } | { ok: false; code: DrawnPolygonCode; params: ValidityParams; at?: [number, number] };

/** Smallest accepted area in m². */
export const MIN_DRAWN_AREA_M2 = 1;

/**
 * Validate a polygon drawn as a design zone: a valid OGC Polygon/MultiPolygon (closed rings of at least 3 distinct
 * vertices, no crossing or self-touching within or between rings, holes inside, interior connected; the place is in
 * `at` as [lon, lat]) of at least 1 m². Reasons are codes with params; the UI words them (i18n/reasons.ts).
 *
 * @example
 * validateDrawnPolygon(bowtie); // { ok: false, code: 'self_intersection', params: { part: 1, ring: 0 }, at: [111.78, 37.26] }
 * validateDrawnPolygon(square); // { ok: true }
 */
export function validateDrawnPolygon(geom: unknown): DrawnPolygonCheck {
  const r = checkGeometry(geom);
  if (!r.ok) {
    const out: DrawnPolygonCheck = { ok: false, code: r.code, params: r.params };
    if (r.at) out.at = [Math.round(r.at[0] * 1e7) / 1e7, Math.round(r.at[1] * 1e7) / 1e7];
    return out;
  }
  const g = geom as Polygon | MultiPolygon;
  const area = geomAreaM2(g, affineFrameFor(geometryBBox(g)!));
  if (area < MIN_DRAWN_AREA_M2) return { ok: false, code: 'too_small', params: { area: Math.round(area * 100) / 100, min: MIN_DRAWN_AREA_M2 } };
  return { ok: true };
}
