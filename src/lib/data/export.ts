// Export (data page): compounds, design zones and facility sites as GeoJSON, CSV, XLSX, zipped Shapefile or DXF, in
// WGS84 or a CGCS2000 Gauss-Krüger grid. Properties follow the export schema (src/lib/export/schema.ts): English keys
// for machines, Chinese labels as headers, coded values as Chinese labels with their codes beside them, staff-only
// fields only when the data was read as staff. Every file states what it holds and when the data was read.
import type PocketBase from 'pocketbase';
import type { Feature, FeatureCollection, Geometry, GeoJsonProperties } from 'geojson';
import {
  CODE_LABELS, csvTable, DEFAULT_GRID, ExportError, EXCEL_CELL_MAX, exportFields, labelOf, noteLines, prjOf, projectFC,
  toDXF, dxfBytes, toGeoJSON, toShapefileZip, toWKT, uniformAreas, fileStamp, AUDIENCE_TEXT, beijingTime,
  type Audience, type ExportField, type ExportKind, type ExportNote,
} from '../export';
import { xlsxBytes, XLSX_MIME, type XlsxColumn } from '../export/xlsx';
import { WGS84, type Crs } from '../geo/crs';
import type { CompoundRecord } from './records';
import JSZip from 'jszip';

export type { ExportKind } from '../export';
export type ExportFormat = 'geojson' | 'csv' | 'xlsx' | 'shapefile' | 'dxf';
type FC = FeatureCollection<Geometry | null, GeoJsonProperties>;

export interface ZoneRow {
  id: string;
  name: string;
  geometry: Geometry;
  members: string[];
  origin: string;
  status: string;
  area_m2?: number;
  notes?: string;
}

export interface SiteRow {
  id: string;
  facility_type: string;
  name?: string;
  zone?: string;
  compound?: string;
  geometry: Geometry;
  area_m2?: number;
  building_area_m2?: number;
  source: string;
  permit_exempt?: boolean;
  households_covered?: number;
  stage: string;
  is_demo?: boolean;
}

/** Design zones and facility sites (staff only; an anonymous client gets empty lists). */
export async function loadZonesAndSites(pb: PocketBase): Promise<{ zones: ZoneRow[]; sites: SiteRow[] }> {
  const [zones, sites] = await Promise.all([
    pb.collection('design_zones').getFullList<ZoneRow>({ batch: 1000, filter: 'status != "split"', requestKey: 'export-zones' }),
    pb.collection('facility_sites').getFullList<SiteRow>({ batch: 1000, requestKey: 'export-sites' }),
  ]);
  return { zones, sites };
}

/** Compound fields the stage machine adds (construction dates, implementing unit). */
type ExportCompound = CompoundRecord & { construction_start?: string; construction_end_planned?: string; implementing_unit?: string };

const blank = (v: unknown) => (v === undefined || v === null || v === '' ? null : v);
const day = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : null);

/** Keep only the properties of the fields an audience may see (hidden fields are absent, not blank). */
function only(fields: readonly ExportField[], props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f.key, props[f.key] ?? null]));
}

/** Division names and codes for readable properties. */
export interface DivisionNames {
  townshipName: ReadonlyMap<string, string>;
  townshipCode?: ReadonlyMap<string, string>;
  communityName: ReadonlyMap<string, string>;
}

/**
 * Compounds as features with the export schema's properties for an audience: staff-only fields are present (with the
 * server's values) only for 'staff' — for 'public' they are left out, never written as blank, false or 0.
 */
export function compoundsFC(records: readonly CompoundRecord[], names: DivisionNames, audience: Audience): FC {
  const fields = exportFields('compounds', audience);
  return {
    type: 'FeatureCollection',
    features: (records as readonly ExportCompound[]).map((c): Feature<Geometry | null, GeoJsonProperties> => ({
      type: 'Feature',
      id: c.id,
      geometry: c.geometry,
      properties: only(fields, {
        code: c.code, name: c.name, township: names.townshipName.get(c.township) ?? null,
        township_code: names.townshipCode?.get(c.township) ?? null, community: names.communityName.get(c.community) ?? null,
        address: blank(c.address), built_year: blank(c.built_year), buildings: c.buildings ?? null, households: c.households ?? null,
        floor_area_m2: c.floor_area_m2 ?? null, land_area_m2: c.land_area_m2 ?? null,
        property_owner: blank(c.property_owner), management: labelOf(CODE_LABELS.management, c.management) || null,
        management_code: blank(c.management), maintenance_fund: typeof c.maintenance_fund === 'boolean' ? c.maintenance_fund : null,
        consent_pct: typeof c.consent_pct === 'number' ? c.consent_pct : null, consent_date: day(c.consent_date),
        implementing_unit: blank(c.implementing_unit),
        stage: labelOf(CODE_LABELS.stage, c.stage), stage_code: c.stage, plan_year: c.plan_year || null,
        tier: labelOf(CODE_LABELS.tier, c.tier) || null, tier_code: blank(c.tier),
        construction_start: day(c.construction_start), construction_end_planned: day(c.construction_end_planned), is_demo: !!c.is_demo,
      }),
    })),
  };
}

export function zonesFC(zones: readonly ZoneRow[], codeOf: ReadonlyMap<string, string>): FC {
  const fields = exportFields('zones', 'staff');
  return {
    type: 'FeatureCollection',
    features: zones.map((z) => ({
      type: 'Feature', id: z.id, geometry: z.geometry,
      properties: only(fields, {
        name: z.name, members: (z.members ?? []).map((m) => codeOf.get(m) ?? m).join(' '), member_n: (z.members ?? []).length,
        origin: labelOf(CODE_LABELS.origin, z.origin), origin_code: z.origin, area_m2: z.area_m2 ?? null, notes: blank(z.notes),
      }),
    })),
  };
}

export function sitesFC(sites: readonly SiteRow[], codeOf: ReadonlyMap<string, string>, zoneName: ReadonlyMap<string, string>): FC {
  const fields = exportFields('sites', 'staff');
  return {
    type: 'FeatureCollection',
    features: sites.map((s) => ({
      type: 'Feature', id: s.id, geometry: s.geometry,
      properties: only(fields, {
        facility: labelOf(CODE_LABELS.facility, s.facility_type), facility_code: s.facility_type, name: blank(s.name),
        zone: s.zone ? (zoneName.get(s.zone) ?? null) : null, compound: s.compound ? (codeOf.get(s.compound) ?? null) : null,
        area_m2: s.area_m2 ?? null, bldg_m2: s.building_area_m2 ?? null,
        source: labelOf(CODE_LABELS.site_source, s.source), source_code: s.source, exempt: !!s.permit_exempt,
        households: s.households_covered ?? null, stage: labelOf(CODE_LABELS.site_stage, s.stage), stage_code: s.stage, is_demo: !!s.is_demo,
      }),
    })),
  };
}

/**
 * The zones and sites that belong to a set of compounds: zones with at least one member in the set, sites on one
 * of those compounds or zones.
 */
export function scopeZonesAndSites(compoundIds: ReadonlySet<string>, zones: readonly ZoneRow[], sites: readonly SiteRow[]) {
  const z = zones.filter((zone) => (zone.members ?? []).some((m) => compoundIds.has(m)));
  const zoneIds = new Set(z.map((zone) => zone.id));
  const s = sites.filter((site) => (site.compound && compoundIds.has(site.compound)) || (site.zone && zoneIds.has(site.zone)));
  return { zones: z, sites: s };
}

export const KIND_TITLE: Record<ExportKind, string> = { compounds: '小区', zones: '设计片区', sites: '设施选址' };
const DXF_LAYER: Record<ExportKind, string> = { compounds: 'FY_COMPOUNDS', zones: 'FY_ZONES', sites: 'FY_SITES' };

/** What an export is of, beyond the features: who read the data, when, in which CRS. */
export interface ExportContext {
  kind: ExportKind;
  audience: Audience;
  dataTime: Date;
  crs: Crs;
  /** The programme is demo data (zones carry no demo flag of their own); features marked is_demo also count. */
  demo?: boolean;
}

export interface EncodedExport {
  data: string | Uint8Array;
  mime: string;
  fileName: string;
  /** What could not be written whole (said in the UI and in the file's note). */
  warnings: string[];
}

/** Columns of the CSV's note: every row says what the file holds (machines still read row 1 as the header). */
const NOTE_COLUMNS = ['数据范围', '数据时间', '坐标系'];

/** The XLSX column of a schema field. */
function xlsxColumn(f: ExportField): XlsxColumn {
  if (f.type === 'int') return { header: f.label, kind: /_year$/.test(f.key) ? 'year' : 'int', unit: f.unit };
  if (f.type === 'real') return { header: f.label, kind: f.unit === '%' ? 'pct' : 'number', decimals: f.decimals, unit: f.unit === '%' ? undefined : f.unit };
  return { header: f.label, kind: f.type === 'bool' ? 'bool' : f.type === 'date' ? 'date' : 'text' };
}

/**
 * Serialise features (WGS84) as a file:
 * - GeoJSON: RFC 7946 (WGS84 only), 7 decimals ≈ 1 cm, the note as top-level `metadata`;
 * - CSV: UTF-8 BOM, Chinese headers, formula-safe cells, WKT geometry (a geometry longer than Excel's cell limit is
 *   left out with a reason in "几何说明", and a warning), note columns on every row;
 * - XLSX: attributes only, typed cells, the note above a frozen header;
 * - Shapefile: zip with .prj, .cpg and 说明.txt (note and field map);
 * - DXF: zip with the .dxf (R12, metres; WGS84 asks for the default grid, 3° zone 37), a .prj and 说明.txt.
 * @throws ExportError for an empty selection, GeoJSON in a projected CRS, or a format limit
 */
export async function encodeExport(fc: FC, format: ExportFormat, ctx: ExportContext): Promise<EncodedExport> {
  const count = fc.features.length;
  const title = `汾阳市老旧小区改造 · ${KIND_TITLE[ctx.kind]}`;
  if (!count) {
    throw new ExportError(`所选范围内没有${KIND_TITLE[ctx.kind]}，不生成空文件；请改选"全部"，或在地图上调整筛选或选择`,
      `nothing to export in this scope; choose "all" or change the filter or selection`);
  }
  const crs = format === 'dxf' && ctx.crs.kind !== 'tmerc' ? DEFAULT_GRID : format === 'xlsx' ? WGS84 : ctx.crs;
  if (format === 'geojson' && crs.kind !== 'wgs84') {
    throw new ExportError('GeoJSON（RFC 7946）只用 WGS84 经纬度；高斯-克吕格坐标请导出 Shapefile、CSV 或 DXF',
      'GeoJSON (RFC 7946) is WGS84 only; use Shapefile, CSV or DXF for Gauss-Krüger');
  }
  const demo = !!ctx.demo || fc.features.some((f) => f.properties?.is_demo === true);
  const note: ExportNote = { title, audience: ctx.audience, dataTime: ctx.dataTime, demo, crs, count };
  const fields = exportFields(ctx.kind, ctx.audience);
  const grid = crs.kind === 'tmerc' && crs.epsg ? `-EPSG${crs.epsg}` : '';
  const base = `fenyang-${ctx.kind}${grid}-${fileStamp(ctx.dataTime)}`;
  const warnings: string[] = [];
  const geo = uniformAreas(crs.kind === 'wgs84' ? fc : projectFC(fc, crs));

  switch (format) {
    case 'geojson':
      return { data: toGeoJSON(fc, { note, name: base }), mime: 'application/geo+json', fileName: `${base}.geojson`, warnings };
    case 'csv': {
      const wkt = geo.features.map((f) => (f.geometry ? toWKT(f.geometry) : ''));
      const tooLong = wkt.map((w) => w.length > EXCEL_CELL_MAX);
      const omitted = tooLong.filter(Boolean).length;
      if (omitted) {
        warnings.push(`${omitted} 个${KIND_TITLE[ctx.kind]}的几何超过 Excel 单元格上限 ${EXCEL_CELL_MAX.toLocaleString('en-US')} 字符，未写入 CSV（见"几何说明"列）；完整几何请导出 GeoJSON 或 Shapefile`);
      }
      const noteCells = [AUDIENCE_TEXT[ctx.audience], beijingTime(ctx.dataTime), crs.epsg ? `EPSG:${crs.epsg}` : crs.id];
      const header = [...fields.map((f) => f.label), 'wkt', ...(omitted ? ['几何说明'] : []), ...NOTE_COLUMNS];
      const rows = geo.features.map((f, i) => [
        ...fields.map((fl) => f.properties?.[fl.key]),
        tooLong[i] ? '' : wkt[i],
        ...(omitted ? [tooLong[i] ? `几何有 ${wkt[i].length.toLocaleString('en-US')} 字符，超出 Excel 单元格上限，未写入；请用 GeoJSON 或 Shapefile` : ''] : []),
        ...noteCells,
      ]);
      return { data: csvTable(header, rows), mime: 'text/csv;charset=utf-8', fileName: `${base}.csv`, warnings };
    }
    case 'xlsx': {
      const [, ...lines] = noteLines(note);
      const data = await xlsxBytes([{
        name: KIND_TITLE[ctx.kind], title, notes: lines.filter((l) => !l.startsWith('坐标系')),
        columns: fields.map(xlsxColumn), rows: fc.features.map((f) => fields.map((fl) => f.properties?.[fl.key] as string | number | boolean | null)),
        freezeColumns: ctx.kind === 'compounds' ? 2 : 1,
      }]);
      return { data, mime: XLSX_MIME, fileName: `${base}.xlsx`, warnings };
    }
    case 'shapefile': {
      const out = await toShapefileZip(geo, base, { fields, prj: prjOf(crs), notes: noteLines(note) });
      return { data: out.bytes, mime: 'application/zip', fileName: `${base}.zip`, warnings: out.warnings };
    }
    case 'dxf': {
      const labelOfFeature = (p: GeoJsonProperties) =>
        ctx.kind === 'compounds' ? `${p?.code ?? ''} ${p?.name ?? ''}`.trim() : ctx.kind === 'zones' ? String(p?.name ?? '') : `${p?.facility ?? ''} ${p?.name ?? ''}`.trim();
      const lines = noteLines(note);
      const dxf = toDXF(geo, { layer: DXF_LAYER[ctx.kind], label: labelOfFeature, notes: lines, crs });
      const zip = new JSZip();
      zip.file(`${base}.dxf`, dxfBytes(dxf));
      zip.file(`${base}.prj`, prjOf(crs));
      zip.file('说明.txt', '\uFEFF' + [...lines, '',
        `图层：${DXF_LAYER[ctx.kind]}（${KIND_TITLE[ctx.kind]}边界，闭合多段线，内环与外环同层）、${DXF_LAYER[ctx.kind]}_LABELS（标注）、FY_INFO（本说明）`,
        '格式：AutoCAD R12 DXF（AC1009），单位米，代码页 ANSI_936（中文为 GBK 编码）；.prj 与 DXF 同名，ArcGIS 可直接识别坐标系'].join('\r\n') + '\r\n');
      return { data: await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }), mime: 'application/zip', fileName: `${base}-dxf.zip`, warnings };
    }
  }
}
