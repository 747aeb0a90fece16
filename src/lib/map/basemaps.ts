// Basemaps. The default is drawn from the project's own data (county outline, streets, water, green) and needs no
// network — government intranets often have none. OpenStreetMap raster and 天地图 (with a key) are offered when online.
// Both are in WGS84/CGCS2000 like our data, so no offset correction is needed.
import type { StyleSpecification } from 'maplibre-gl';

export type BasemapId = 'local' | 'osm' | 'tianditu';

/** 天地图 key from the build's configuration (VITE_TIANDITU_KEY); without it the option is absent. */
export const tiandituKey: string = (import.meta.env?.VITE_TIANDITU_KEY as string | undefined) ?? '';

export function availableBasemaps(): BasemapId[] {
  return tiandituKey ? ['local', 'osm', 'tianditu'] : ['local', 'osm'];
}

function rasterSources(id: BasemapId): StyleSpecification['sources'] {
  if (id === 'osm') {
    return {
      'src-raster': {
        type: 'raster', tileSize: 256, maxzoom: 19,
        tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
        attribution: '© OpenStreetMap contributors',
      },
    };
  }
  if (id === 'tianditu') {
    const sub = [0, 1, 2, 3, 4, 5, 6, 7];
    const wmts = (layer: string) => sub.map((s) =>
      `https://t${s}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${tiandituKey}`);
    return {
      'src-raster': { type: 'raster', tileSize: 256, maxzoom: 18, tiles: wmts('vec'), attribution: '© 天地图' },
      'src-raster-labels': { type: 'raster', tileSize: 256, maxzoom: 18, tiles: wmts('cva') },
    };
  }
  return {};
}

/** A style with only the background or raster basemap; thematic layers are added on top by lib/map/layers. */
export function basemapStyle(id: BasemapId): StyleSpecification {
  const layers: StyleSpecification['layers'] = [
    { id: 'local-background', type: 'background', paint: { 'background-color': id === 'local' ? '#f3f1ea' : '#ffffff' } },
  ];
  if (id !== 'local') {
    layers.push({ id: 'basemap-raster', type: 'raster', source: 'src-raster' });
    if (id === 'tianditu') layers.push({ id: 'basemap-raster-labels', type: 'raster', source: 'src-raster-labels' });
  }
  return { version: 8, sources: rasterSources(id), layers };
}
