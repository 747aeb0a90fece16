// geojson-validation ships no types; only the calls used here are declared.
declare module 'geojson-validation' {
  const gjv: {
    isFeature(feature: unknown, trace: true): string[];
    isFeatureCollection(fc: unknown, trace: true): string[];
    valid(obj: unknown): boolean;
  };
  export default gjv;
}

// shpjs ships no types; these are the two raw readers used (no reprojection when prj is omitted).
declare module 'shpjs' {
  export function parseShp(shp: ArrayBuffer | ArrayBufferView | DataView, prj?: string): unknown[];
  export function parseDbf(dbf: ArrayBuffer | ArrayBufferView | DataView, encoding?: string): Record<string, unknown>[];
}
