// Export (#7): compounds, design zones and facility sites as GeoJSON, CSV and zipped Shapefile. Property keys are
// English field names (short enough for shapefile's 10-byte DBF names, and recognised again by the importer);
// values are readable (township and community names, not ids). CSV headers are Chinese.
import type PocketBase from 'pocketbase';
import type { Feature, FeatureCollection, Geometry, GeoJsonProperties } from 'geojson';
import { featureRows, toCSV, toGeoJSON, toShapefileZip, type CsvColumn } from '../export';
import type { CompoundRecord } from './records';

export type ExportKind = 'compounds' | 'zones' | 'sites';
export type ExportFormat = 'geojson' | 'csv' | 'shapefile';
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

export const COMPOUND_COLUMNS: { key: string; label: string }[] = [
  { key: 'code', label: '编码' },
  { key: 'name', label: '小区名称' },
  { key: 'township', label: '街道' },
  { key: 'community', label: '社区' },
  { key: 'address', label: '地址' },
  { key: 'built_year', label: '建成年代' },
  { key: 'buildings', label: '楼栋数' },
  { key: 'households', label: '户数' },
  { key: 'floor_area_m2', label: '建筑面积' },
  { key: 'land_area_m2', label: '占地面积' },
  { key: 'property_owner', label: '产权单位' },
  { key: 'management', label: '管理方式' },
  { key: 'maintenance_fund', label: '维修基金' },
  { key: 'consent_pct', label: '同意率' },
  { key: 'stage', label: '改造阶段' },
  { key: 'plan_year', label: '计划年度' },
  { key: 'tier', label: '计划批次' },
  { key: 'is_demo', label: '示例数据' },
];

/** Compounds as features with readable properties (township/community names). */
export function compoundsFC(records: readonly CompoundRecord[], townshipName: ReadonlyMap<string, string>, communityName: ReadonlyMap<string, string>): FC {
  return {
    type: 'FeatureCollection',
    features: records.map((c): Feature<Geometry | null, GeoJsonProperties> => ({
      type: 'Feature',
      id: c.id,
      geometry: c.geometry,
      properties: {
        code: c.code, name: c.name, township: townshipName.get(c.township) ?? '', community: communityName.get(c.community) ?? '',
        address: c.address ?? '', built_year: c.built_year ?? null, buildings: c.buildings ?? null, households: c.households ?? null,
        floor_area_m2: c.floor_area_m2 ?? null, land_area_m2: c.land_area_m2 ?? null, property_owner: c.property_owner ?? '',
        management: c.management ?? '', maintenance_fund: c.maintenance_fund ?? false, consent_pct: c.consent_pct ?? null,
        stage: c.stage, plan_year: c.plan_year || null, tier: c.tier ?? '', is_demo: !!c.is_demo,
      },
    })),
  };
}

export const ZONE_COLUMNS: { key: string; label: string }[] = [
  { key: 'name', label: '片区名称' },
  { key: 'members', label: '包含小区' },
  { key: 'member_n', label: '小区数' },
  { key: 'origin', label: '来源' },
  { key: 'area_m2', label: '面积' },
  { key: 'notes', label: '备注' },
];

export function zonesFC(zones: readonly ZoneRow[], codeOf: ReadonlyMap<string, string>): FC {
  return {
    type: 'FeatureCollection',
    features: zones.map((z) => ({
      type: 'Feature', id: z.id, geometry: z.geometry,
      properties: {
        name: z.name, members: (z.members ?? []).map((m) => codeOf.get(m) ?? m).join(' '), member_n: (z.members ?? []).length,
        origin: z.origin, area_m2: z.area_m2 ?? null, notes: z.notes ?? '',
      },
    })),
  };
}

export const SITE_COLUMNS: { key: string; label: string }[] = [
  { key: 'facility', label: '设施类型' },
  { key: 'name', label: '名称' },
  { key: 'zone', label: '片区' },
  { key: 'compound', label: '小区编码' },
  { key: 'area_m2', label: '用地面积' },
  { key: 'bldg_m2', label: '建筑面积' },
  { key: 'source', label: '用地来源' },
  { key: 'exempt', label: '免施工许可' },
  { key: 'households', label: '覆盖户数' },
  { key: 'stage', label: '阶段' },
];

export function sitesFC(sites: readonly SiteRow[], codeOf: ReadonlyMap<string, string>, zoneName: ReadonlyMap<string, string>): FC {
  return {
    type: 'FeatureCollection',
    features: sites.map((s) => ({
      type: 'Feature', id: s.id, geometry: s.geometry,
      properties: {
        facility: s.facility_type, name: s.name ?? '', zone: s.zone ? (zoneName.get(s.zone) ?? '') : '',
        compound: s.compound ? (codeOf.get(s.compound) ?? '') : '', area_m2: s.area_m2 ?? null, bldg_m2: s.building_area_m2 ?? null,
        source: s.source, exempt: !!s.permit_exempt, households: s.households_covered ?? null, stage: s.stage,
      },
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

const MIME: Record<ExportFormat, string> = {
  geojson: 'application/geo+json',
  csv: 'text/csv;charset=utf-8',
  shapefile: 'application/zip',
};
const EXT: Record<ExportFormat, string> = { geojson: 'geojson', csv: 'csv', shapefile: 'zip' };

/**
 * Serialise a FeatureCollection in a format: GeoJSON text (7 decimals ≈ 1 cm), CSV (UTF-8 BOM, Chinese headers, WKT
 * geometry column) or a zipped UTF-8 shapefile with a WGS84 .prj.
 * @returns the bytes or text, its MIME type and a file name
 */
export async function encodeExport(fc: FC, format: ExportFormat, baseName: string, columns: CsvColumn[]): Promise<{ data: string | Uint8Array; mime: string; fileName: string }> {
  const fileName = `${baseName}.${EXT[format]}`;
  if (format === 'geojson') return { data: toGeoJSON(fc), mime: MIME.geojson, fileName };
  if (format === 'csv') return { data: toCSV(featureRows(fc), [...columns, { key: 'geometry', label: 'wkt' }]), mime: MIME.csv, fileName };
  return { data: await toShapefileZip(fc, baseName), mime: MIME.shapefile, fileName };
}
