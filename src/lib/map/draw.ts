// Drawing and editing zone polygons with terra-draw on the one map. Vertices snap to compound vertices and edges
// (our own snapping function over the compounds, since they are map layers, not terra-draw features).
import type { Map as MlMap } from 'maplibre-gl';
import type { Polygon, Position } from 'geojson';
import { TerraDraw, TerraDrawPolygonMode, TerraDrawSelectMode, type GeoJSONStoreFeatures } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { ZONE_COLOR } from './palette';

export type SnapFn = (lngLat: [number, number]) => Position | undefined;

export interface ZoneDraw {
  /** Start drawing a new polygon. */
  drawNew(): void;
  /** Load an existing polygon for vertex editing. */
  edit(geometry: Polygon): void;
  /** Replace the polygon being edited (undo/redo). */
  replace(geometry: Polygon): void;
  current(): Polygon | null;
  clear(): void;
  destroy(): void;
}

/**
 * @param onChange called with the polygon after every finished edit (a vertex placed, moved or deleted).
 */
export function createZoneDraw(map: MlMap, snap: SnapFn, onChange: (g: Polygon | null, finished: boolean) => void): ZoneDraw {
  const toCustom = (e: { lng: number; lat: number }) => snap([e.lng, e.lat]);
  const draw = new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map }),
    modes: [
      new TerraDrawPolygonMode({
        snapping: { toCustom },
        styles: { fillColor: ZONE_COLOR, fillOpacity: 0.15, outlineColor: ZONE_COLOR, outlineWidth: 2 },
      }),
      new TerraDrawSelectMode({
        flags: {
          polygon: {
            feature: {
              draggable: false,
              coordinates: { midpoints: true, draggable: true, deletable: true, snappable: { toCustom } },
            },
          },
        },
        styles: { selectedPolygonColor: ZONE_COLOR, selectedPolygonFillOpacity: 0.15, selectedPolygonOutlineColor: ZONE_COLOR },
      }),
    ],
  });
  draw.start();
  let id: string | number | null = null;

  const polygonOf = (): Polygon | null => {
    if (id === null) return null;
    const f = draw.getSnapshotFeature(id);
    return f && f.geometry.type === 'Polygon' ? (f.geometry as Polygon) : null;
  };

  draw.on('finish', (fid) => {
    id = fid;
    if (draw.getMode() === 'polygon') {
      draw.setMode('select');
      draw.selectFeature(fid);
    }
    onChange(polygonOf(), true);
  });
  draw.on('change', (ids, type) => {
    if (id === null || !ids.includes(id)) return;
    if (type === 'delete') {
      id = null;
      onChange(null, true);
    } else onChange(polygonOf(), false);
  });

  function load(geometry: Polygon) {
    draw.clear();
    const [res] = draw.addFeatures([{ type: 'Feature', geometry, properties: { mode: 'polygon' } } as GeoJSONStoreFeatures]);
    id = res?.valid ? (res.id as string) : null;
    draw.setMode('select');
    if (id !== null) draw.selectFeature(id);
  }

  return {
    drawNew() {
      draw.clear();
      id = null;
      draw.setMode('polygon');
    },
    edit: load,
    replace: load,
    current: polygonOf,
    clear() {
      draw.clear();
      id = null;
      draw.setMode('select');
    },
    destroy() {
      try {
        draw.stop();
      } catch {
        /* the map may already be gone */
      }
    },
  };
}
