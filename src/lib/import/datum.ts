// Which datum lon/lat numbers are in — WGS84 (GPS, surveys; CGCS2000 is equal), GCJ-02 (高德/腾讯) or BD-09 (百度) —
// decided by comparing the file with what is already known instead of assumed: the file's compounds against the
// register's compounds with the same code (or name), then against the county outline. In Fenyang the three differ by
// 500–1,400 m, still inside the county, so a wrong guess is silent; when nothing decides, the user must choose.
import type { Feature, Geometry, GeoJsonProperties, MultiPolygon, Polygon, Position } from 'geojson';
import { BD09, GCJ02, WGS84, type Crs } from '../geo/crs';
import { toWgs84Position } from '../geo/crs/transform';
import type { Reason } from '../types';
import { positionsOf } from './common';

export const LONLAT_DATUMS: readonly Crs[] = [WGS84, GCJ02, BD09];

/** A compound already on record: code, name and outline (WGS84). */
export interface KnownCompound {
  code: string;
  name: string;
  geometry: Polygon | MultiPolygon;
}

export interface DatumEvidence {
  /** The datum the evidence decides, or null: the user must choose. */
  decided: Crs | null;
  reason: Reason;
  /** Mean offset in metres per datum id (compound comparison), when compounds were compared. */
  offsets: Record<string, number>;
  /** Compounds compared. */
  matched: number;
}

/** Mean of the outer ring's distinct vertices (enough to compare the same outline read in two datums). */
function centreOf(g: Geometry | null | undefined): Position | null {
  if (!g) return null;
  const ring = g.type === 'Polygon' ? g.coordinates[0] : g.type === 'MultiPolygon' ? g.coordinates[0]?.[0] : null;
  const pts = ring ? ring.slice(0, -1) : positionsOf(g);
  if (!pts || !pts.length) return null;
  let x = 0;
  let y = 0;
  for (const p of pts) {
    x += p[0];
    y += p[1];
  }
  return [x / pts.length, y / pts.length];
}

/** Great-circle distance in metres. */
function metres(a: Position, b: Position): number {
  const R = 6371008.8;
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

function inRing(p: Position, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inArea(p: Position, area: Polygon | MultiPolygon): boolean {
  const polys = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
  return polys.some((rings) => inRing(p, rings[0]) && !rings.slice(1).some((h) => inRing(p, h)));
}

const norm = (s: unknown) => String(s ?? '').trim().replace(/\s+/g, '').toLowerCase();

/**
 * Decide the datum of lon/lat features by evidence. Compounds first: each feature whose code (else name) matches a
 * compound on record is compared, read in each datum, with that compound's outline centre; the datum with the smallest
 * mean offset decides when it is under 150 m and every other is at least three times as far. Otherwise the county
 * outline decides when one datum alone puts every feature inside it. Otherwise nothing decides (`decided: null`).
 * @param features the file's features in file numbers (lon/lat degrees, axis order as in the file)
 * @param columns the file's code and name columns (from the mapping), if any
 * @param swapXY latitude first in the file
 * @example detectDatum(gcjFeatures, { code: '编码', name: '名称' }, known, county).decided?.id // 'GCJ-02'
 */
export function detectDatum(
  features: readonly Feature<Geometry | null, GeoJsonProperties>[],
  columns: { code?: string; name?: string },
  known: readonly KnownCompound[],
  county: Polygon | MultiPolygon | null,
  swapXY = false,
): DatumEvidence {
  const byCode = new Map<string, KnownCompound>();
  const byName = new Map<string, KnownCompound[]>();
  for (const k of known) {
    if (k.code) byCode.set(norm(k.code), k);
    const list = byName.get(norm(k.name)) ?? [];
    list.push(k);
    byName.set(norm(k.name), list);
  }
  const pairs: { file: Position; known: Position }[] = [];
  let how: 'code' | 'name' = 'code';
  let names = 0;
  for (const f of features) {
    const p = centreOf(f.geometry);
    if (!p) continue;
    const code = columns.code ? norm(f.properties?.[columns.code]) : '';
    const name = columns.name ? norm(f.properties?.[columns.name]) : '';
    let k = code ? byCode.get(code) : undefined;
    if (!k && name && byName.get(name)?.length === 1) {
      k = byName.get(name)![0];
      names++;
    }
    const c = k ? centreOf(k.geometry) : null;
    if (c) pairs.push({ file: p, known: c });
  }
  if (names > pairs.length / 2) how = 'name';
  const offsets: Record<string, number> = {};
  if (pairs.length) {
    for (const d of LONLAT_DATUMS) {
      let sum = 0;
      for (const pr of pairs) sum += metres(toWgs84Position(pr.file, d, swapXY), pr.known);
      offsets[d.id] = sum / pairs.length;
    }
    const ranked = [...LONLAT_DATUMS].sort((a, b) => offsets[a.id] - offsets[b.id]);
    const [best, ...rest] = ranked;
    const bestM = offsets[best.id];
    const params: Record<string, string | number> = { n: pairs.length, how, best: best.id, bestM: round(bestM) };
    rest.forEach((d, i) => {
      params[`o${i + 1}`] = d.id;
      params[`o${i + 1}m`] = round(offsets[d.id]);
    });
    if (bestM < 150 && rest.every((d) => offsets[d.id] >= 3 * Math.max(bestM, 10))) {
      return { decided: best, reason: { code: 'datum_by_compounds', params }, offsets, matched: pairs.length };
    }
    return { decided: null, reason: { code: 'datum_undecided', params: { ...params, why: 'close' } }, offsets, matched: pairs.length };
  }
  if (county) {
    const centres = features.map((f) => centreOf(f.geometry)).filter((p): p is Position => !!p);
    if (centres.length) {
      const inside: Record<string, number> = {};
      for (const d of LONLAT_DATUMS) inside[d.id] = centres.filter((p) => inArea(toWgs84Position(p, d, swapXY), county)).length;
      const full = LONLAT_DATUMS.filter((d) => inside[d.id] === centres.length);
      if (full.length === 1) {
        const best = full[0];
        const params: Record<string, string | number> = { best: best.id, inBest: centres.length, total: centres.length };
        LONLAT_DATUMS.filter((d) => d !== best).forEach((d, i) => {
          params[`o${i + 1}`] = d.id;
          params[`o${i + 1}n`] = inside[d.id];
        });
        return { decided: best, reason: { code: 'datum_by_outline', params }, offsets, matched: 0 };
      }
    }
  }
  return { decided: null, reason: { code: 'datum_undecided', params: { why: 'no_match' } }, offsets, matched: 0 };
}

function round(m: number): number {
  return m < 10 ? Math.round(m * 10) / 10 : Math.round(m);
}
