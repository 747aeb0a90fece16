// An offscreen MapLibre map for print images: sized in CSS pixels, drawn at `pixelRatio` (dpi / 96) with a preserved
// drawing buffer so the canvas can be read after it settles. One instance renders many sheets in turn.
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { FeatureCollection } from 'geojson';
import { basemapStyle } from './basemaps';
import { LOCAL_IDEOGRAPH_FONTS } from './fonts';
import { addBoundaryLayers, addBuildingLayers, addCompoundLayers, addContextLayers, addOutlineLayers, filterCompounds } from './layers';
import { SOURCES } from './zorder';
import type { FilterSpecification } from 'maplibre-gl';

export interface OffscreenData {
  outline?: FeatureCollection | null;
  /** Township and community boundaries (lib/data/boundaries.ts boundariesFC), drawn and named as on screen. */
  boundaries?: FeatureCollection;
  context?: FeatureCollection;
  buildings?: FeatureCollection;
  compounds: FeatureCollection;
  filter?: FilterSpecification;
}

/** Millimetres on paper → CSS pixels (96 per inch). */
export const mmToPx = (mm: number) => (mm / 25.4) * 96;

let glLimit: number | null = null;
/**
 * The largest side in pixels this browser's WebGL can draw a map canvas at (the smallest of its renderbuffer, texture
 * and viewport limits), measured once.
 */
export function glCanvasLimit(): number {
  if (glLimit !== null) return glLimit;
  const canvas = document.createElement('canvas');
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  if (!gl) return (glLimit = 4096);
  const dims = gl.getParameter(gl.MAX_VIEWPORT_DIMS) as Int32Array;
  glLimit = Math.min(gl.getParameter(gl.MAX_RENDERBUFFER_SIZE) as number, gl.getParameter(gl.MAX_TEXTURE_SIZE) as number, dims[0], dims[1]);
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return glLimit;
}

export type OffscreenView = { bounds: [number, number, number, number]; padding?: number; maxZoom?: number } | { center: [number, number]; zoom: number };

export class OffscreenMap {
  readonly map: maplibregl.Map;
  readonly #container: HTMLDivElement;
  #ready: Promise<void>;
  #open: string | null = null;

  /**
   * @param widthPx CSS pixels
   * @param heightPx CSS pixels
   * @param dpi output resolution; the canvas is widthPx · dpi / 96 pixels wide
   */
  constructor(widthPx: number, heightPx: number, dpi: number, data: OffscreenData, maxCanvasPx = 8192) {
    maplibregl.setWorkerUrl(workerUrl);
    this.#container = document.createElement('div');
    Object.assign(this.#container.style, { position: 'fixed', left: '-20000px', top: '0', width: `${Math.round(widthPx)}px`, height: `${Math.round(heightPx)}px` });
    document.body.append(this.#container);
    this.map = new maplibregl.Map({
      container: this.#container,
      style: basemapStyle('local'),
      center: [111.785, 37.265],
      zoom: 14,
      interactive: false,
      attributionControl: false,
      fadeDuration: 0,
      pixelRatio: dpi / 96,
      maxCanvasSize: [maxCanvasPx, maxCanvasPx],
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
      localIdeographFontFamily: LOCAL_IDEOGRAPH_FONTS,
    });
    this.#ready = new Promise((resolve, reject) => {
      this.map.once('load', () => {
        try {
          if (data.outline) addOutlineLayers(this.map, data.outline);
          if (data.boundaries) addBoundaryLayers(this.map, data.boundaries);
          if (data.context) addContextLayers(this.map, data.context);
          if (data.buildings) addBuildingLayers(this.map, data.buildings);
          addCompoundLayers(this.map, data.compounds);
          if (data.filter) filterCompounds(this.map, data.filter);
          resolve();
        } catch (e) {
          reject(e);
        }
      });
    });
  }

  /** Frame `bounds` (or a centre and zoom), highlight one compound, wait until drawn, and return a PNG. */
  async render(view: OffscreenView, highlight: string | null = null): Promise<Blob> {
    const canvas = await this.draw(view, highlight);
    return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas.toBlob failed'))), 'image/png'));
  }

  /** As {@link render}, but return the drawn canvas itself (to paint into a sheet without encoding it). */
  async draw(view: OffscreenView, highlight: string | null = null): Promise<HTMLCanvasElement> {
    await this.#ready;
    const map = this.map;
    if (this.#open) map.setFeatureState({ source: SOURCES.compounds, id: this.#open }, { open: false });
    if (highlight) map.setFeatureState({ source: SOURCES.compounds, id: highlight }, { open: true });
    this.#open = highlight;
    if ('bounds' in view) {
      const [w, s, e, n] = view.bounds;
      map.fitBounds([[w, s], [e, n]], { padding: view.padding ?? 30, maxZoom: view.maxZoom ?? 18, duration: 0 });
    } else map.jumpTo({ center: view.center, zoom: view.zoom });
    const idle = map.once('idle') as Promise<unknown>;
    map.triggerRepaint();
    await idle;
    return map.getCanvas();
  }

  /** The pixel ratio MapLibre applied (lower than asked when the canvas would exceed its maximum size). */
  get pixelRatio(): number {
    return this.map.getPixelRatio();
  }

  remove() {
    this.map.remove();
    this.#container.remove();
  }
}
