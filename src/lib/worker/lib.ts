// What the one worker runs, exposed with Comlink as `typeof lib`: the analyses that can take seconds (merging,
// outlines, idle land) and the import parsers. Each takes its progress callback as the LAST argument, because a Comlink
// proxy (the callback across the worker boundary) can only travel as a top-level argument, not inside an options object.
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { findIdleLandEach as findIdleLandEachSync } from '../geo/idle-land-each';
import { findIdleLand as findIdleLandSync, type IdleLandInput, type IdleLandOptions, type IdleLandStep } from '../geo/idle-land';
import { mergeAdjacent as mergeAdjacentSync, type MergeOptions } from '../geo/merge-zones';
import { zoneOutline as zoneOutlineSync } from '../geo/zone-outline';
import { parseFiles as parseFilesAsync } from '../import/parse-files';
import type { InputFile } from '../import/types';

export type Progress = (fraction: number, label: string) => void;

/** Design-zone outlines of adjacent compounds ({@link mergeAdjacentSync}); progress 0–1 with a label. */
export function mergeAdjacent(fc: FeatureCollection<Polygon | MultiPolygon | null>, opts: Omit<MergeOptions, 'onProgress'>, onProgress?: Progress) {
  return mergeAdjacentSync(fc, { ...opts, onProgress });
}

/** One outline of member compounds ({@link zoneOutlineSync}). */
export function zoneOutline(members: FeatureCollection<Polygon | MultiPolygon>, toleranceM?: number) {
  return zoneOutlineSync(members, toleranceM);
}

/** Idle land in an area ({@link findIdleLandSync}); progress 0–1 with the step's name. */
export function findIdleLand(input: IdleLandInput, opts: Omit<IdleLandOptions, 'onProgress'>, onProgress?: (fraction: number, step: IdleLandStep) => void) {
  return findIdleLandSync(input, { ...opts, onProgress });
}

/** Idle land in every compound ({@link findIdleLandEachSync}, a programme-wide scan); progress 0–1 with the count done as its label. */
export function findIdleLandEach(
  compounds: FeatureCollection<Polygon | MultiPolygon>, input: Omit<IdleLandInput, 'area'>, opts: Omit<IdleLandOptions, 'onProgress'>,
  onProgress?: Progress,
) {
  return findIdleLandEachSync(compounds, input, opts, onProgress && ((fraction, done) => onProgress(fraction, String(done))));
}

/** Uploaded files into layers ({@link parseFilesAsync}); progress 0–1 with the source being read. */
export function parseFiles(files: InputFile[], dxfLayers: Record<string, string[]> = {}, onProgress?: Progress) {
  return parseFilesAsync(files, dxfLayers, onProgress);
}
