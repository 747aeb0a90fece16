// Every layer id and its order, bottom to top. Layers are added with beforeId = the next existing id above them,
// so thematic layers always sit in this order whatever the basemap.
export const LAYERS = [
  'basemap-raster',
  'local-background',
  'county-fill',
  'green-fill',
  'water-fill',
  'roads-casing',
  'roads-line',
  'boundaries-community-line',
  'boundaries-township-casing',
  'boundaries-township-line',
  'county-line',
  'compounds-fill',
  'compounds-pattern',
  'compounds-dot',
  'consent-fill',
  'compounds-hover',
  'compounds-selected',
  'buildings-fill',
  'buildings-line',
  'context-fill',
  'context-line',
  'compounds-line',
  'consent-line',
  'overdue-line',
  'coverage-covered',
  'coverage-gap',
  'zones-fill',
  'zones-line',
  'coverage-radius-fill',
  'coverage-radius-line',
  'analysis-fill',
  'analysis-line',
  'sites-candidates-fill',
  'sites-candidates-line',
  'sites-candidates-focus',
  'sites-fill',
  'sites-line',
  'gesture-fill',
  'gesture-line',
  'import-preview-fill',
  'import-preview-line',
  // Labels above everything they name. MapLibre places the labels of higher layers first: where two collide, the one
  // higher in this list stays (a township's name over a compound's, a compound's over a road's).
  'lanes-label',
  'roads-label',
  'context-label',
  'boundaries-community-label',
  'compounds-label',
  'consent-label',
  'sites-label',
  'zones-label',
  'boundaries-township-label',
] as const;
export type LayerId = (typeof LAYERS)[number];

export const SOURCES = {
  outline: 'src-outline',
  compounds: 'src-compounds',
  buildings: 'src-buildings',
  context: 'src-context',
  zones: 'src-zones',
  analysis: 'src-analysis',
  sites: 'src-sites',
  coverage: 'src-coverage',
  coverageRadius: 'src-coverage-radius',
  siteCandidates: 'src-sites-candidates',
  raster: 'src-raster',
  gesture: 'src-gesture',
  importPreview: 'src-import-preview',
  boundaries: 'src-boundaries',
  boundaryLabels: 'src-boundary-labels',
  compoundLabels: 'src-compound-labels',
  contextLabels: 'src-context-labels',
  zoneLabels: 'src-zone-labels',
  siteLabels: 'src-site-labels',
  consent: 'src-consent',
} as const;
export type SourceId = (typeof SOURCES)[keyof typeof SOURCES];

/** The id of the first layer above `id` that is already on the map, for map.addLayer(layer, beforeId). */
export function beforeId(id: LayerId, existing: (id: string) => boolean): string | undefined {
  const start = LAYERS.indexOf(id);
  for (let i = start + 1; i < LAYERS.length; i++) if (existing(LAYERS[i])) return LAYERS[i];
  return undefined;
}
