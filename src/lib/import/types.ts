// Types shared by the import pipeline (detect → parse → CRS → validate → repair → map → plan).
import type { Feature, FeatureCollection, Geometry, GeoJsonProperties, Position } from 'geojson';
import type { Crs, CrsCandidate, PrjResult } from '../geo/crs';
import type { Reason } from '../types';

/** A file handed to the importer: a name (with extension) and its bytes. */
export interface InputFile {
  name: string;
  data: Uint8Array;
}

export type ImportFormat = 'geojson' | 'shapefile' | 'kml' | 'kmz' | 'csv' | 'dxf' | 'xlsx';

/** One problem: a reason (code and values, worded by the UI) and whether and where it can be fixed. */
export interface ImportIssue extends Reason {
  /** Whether {@link repairFeature} can fix it safely. */
  repairable: boolean;
  /** Where it is, in the feature's coordinates (e.g. a self-intersection point). */
  location?: Position;
}

/** A group of uploaded files that form one source (a zip, or loose .shp + .dbf + .prj + .cpg). */
export interface DetectedSource {
  format: ImportFormat;
  /** Display name: the file name, or the shapefile's base name. */
  name: string;
  files: InputFile[];
}

/** One parsed layer, coordinates still in the file's CRS. */
export interface ParsedLayer {
  format: ImportFormat;
  name: string;
  features: Feature<Geometry | null, GeoJsonProperties>[];
  /** Attribute names in file order (for the mapping step). */
  columns: string[];
  /** The CRS the pipeline will use unless the user overrides it. */
  crs: Crs | null;
  /** Axis order of the chosen CRS: true when X is northing (survey order). */
  swapXY: boolean;
  /** Where `crs` came from. */
  crsSource: 'prj' | 'file' | 'format' | 'guess' | 'none';
  /** The .prj reading, when the source had one. */
  prj?: PrjResult;
  /** Ranked guesses from the numbers (always computed, so the user can compare). */
  candidates: CrsCandidate[];
  /** DXF layer names with how many closed / open polylines each has. */
  dxfLayers?: { name: string; closed: number; open: number }[];
  /** The sheet of a spreadsheet, and the row its header was found in (1-based). */
  sheet?: string;
  headerRow?: number;
  /** Text encoding used for attributes ('utf-8', 'gbk'). */
  encoding?: string;
  /** Problems with the file as a whole: when not empty, the layer must not be imported. */
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

/** Per-feature validation result. */
export interface FeatureReport {
  index: number;
  name?: string;
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

export type WgsFeatureCollection = FeatureCollection<Geometry | null, GeoJsonProperties>;

/** Build an issue (the UI words it from `code` and `params`: messages `reason.<code>`). */
export function issue(code: string, params: Reason['params'] = {}, repairable = false, location?: Position): ImportIssue {
  return location ? { code, params, repairable, location } : { code, params, repairable };
}
