// Idle land in every compound of a programme at once: a province's or the nation's scan, one compound at a time with
// the same rule as the site finder (findIdleLand), progress as it goes, and every compound it could not read named
// rather than dropped. Runs in the worker (src/lib/worker/lib.ts), where cancelling ends the worker.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { findIdleLand, type IdleLandInput, type IdleLandOptions } from './idle-land';
import { GeoError } from './reasons';

export interface IdleLandScanRow {
  /** The compound's `properties.id`, else its feature id, else its index. */
  id: string;
  /** Idle-land pieces kept (idle buildings not counted). */
  pieces: number;
  /** Their total area, m² (one decimal). */
  candidateM2: number;
}

export interface IdleLandScan {
  rows: IdleLandScanRow[];
  pieces: number;
  candidateM2: number;
  /** Compounds whose outline could not be read (e.g. empty), with the reason's code. */
  skipped: { id: string; code: string }[];
}

const idOf = (f: Feature, i: number) => String(f.properties?.id ?? f.id ?? i);

/**
 * Runs findIdleLand over each compound with the shared obstacles (buildings, roads, facilities, idle buildings; their
 * spatial indexes are built once and reused), reporting progress about 200 times whatever the size.
 * @param compounds the compounds (lon/lat)
 * @param input obstacles shared by all compounds
 * @param opts findIdleLand's options (setback, widths and areas in metres)
 * @param onProgress share done (0–1) and compounds done
 * @returns per compound: pieces and area in m²; totals; the compounds skipped with their reason
 * @example
 * const scan = findIdleLandEach(compounds, { buildings, roads, facilities }, { setbackM: 6, minWidthM: 10, minAreaM2: 100 });
 * scan.pieces; // 60
 */
export function findIdleLandEach(
  compounds: FeatureCollection<Polygon | MultiPolygon>,
  input: Omit<IdleLandInput, 'area'>,
  opts: Omit<IdleLandOptions, 'onProgress'> = {},
  onProgress?: (fraction: number, done: number) => void,
): IdleLandScan {
  const n = compounds.features.length;
  const every = Math.max(1, Math.floor(n / 200));
  const rows: IdleLandScanRow[] = [];
  const skipped: IdleLandScan['skipped'] = [];
  let pieces = 0;
  let area = 0;
  compounds.features.forEach((f, i) => {
    const id = idOf(f, i);
    try {
      const r = findIdleLand({ ...input, area: f.geometry }, opts);
      rows.push({ id, pieces: r.stats.idleLandPieces, candidateM2: Math.round(r.stats.candidateM2 * 10) / 10 });
      pieces += r.stats.idleLandPieces;
      area += r.stats.candidateM2;
    } catch (err) {
      // a bad option is the caller's mistake, not the compound's: said at once
      if (!(err instanceof GeoError) || err.code !== 'empty_area') throw err;
      skipped.push({ id, code: err.code });
    }
    if ((i + 1) % every === 0 || i + 1 === n) onProgress?.((i + 1) / n, i + 1);
  });
  return { rows, pieces, candidateM2: Math.round(area * 10) / 10, skipped };
}
